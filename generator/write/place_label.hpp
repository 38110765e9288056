// How a place in a document is named for people: "para_5" is "第 5 段", "fn_16" is "脚注 16". Used
// wherever a page links to a paragraph of another document (cited-by lists, the citations page).
#pragma once

#include <string>

namespace acta::write {

// A short Chinese label for an anchor id of the contract; unknown ids are returned as they are.
std::string place_label(const std::string& anchor);

}  // namespace acta::write
