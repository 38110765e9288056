// Joining hard-wrapped text: a line break is nothing between two CJK characters and a space otherwise (the
// CSS Text segment-break rule), so "山区可持" + "续发展" -> "山区可持续发展", "第 57/245" + "号" ->
// "第 57/245 号"; full-width punctuation takes no space ("Mirova" + "（法储银" -> "Mirova（法储银").
#pragma once

#include <string>
#include <string_view>

namespace acta::read::raw {

// Appends `next` (trimmed) to `text` (trailing spaces dropped) across a line break.
void join_line(std::string& text, std::string_view next);

// Whether text ends (ignoring footnote marks and spaces) with punctuation that closes a paragraph or an
// item: 。；，：！？ and their ASCII forms. A paragraph cut by a page break does not.
bool ends_closed(std::string_view text);

}  // namespace acta::read::raw
