// How a place in a document is named for people: "para_5" is "第 5 段", "fn_16" is "脚注 16". Used
// wherever a page links to a paragraph (cited-by lists, the citations page, topic pages). Hand-written:
// it runs for every excerpt of every topic page.
#pragma once

#include <string>

namespace acta::write {

// A short Chinese label for an anchor id of the contract; unknown ids are returned as they are.
// "para_12" -> "第 12 段", "para_13_2" -> "第 13 段（之 2）", "para_2__point_a" -> "第 2 段 (a)",
// "preamble__p_3" -> "序言第 3 段", "p_4" -> "正文第 4 节", "fn_star" -> "脚注 *", "sec_2" -> "标题 2".
std::string place_label(const std::string& anchor);

}  // namespace acta::write
