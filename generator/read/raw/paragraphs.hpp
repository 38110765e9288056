// Paragraph detection: hard-wrapped lines (and paragraphs a page break or a footnote block cut in two)
// joined back into paragraphs.
//  - Unwrapped text (one paragraph per line): a line is its own paragraph unless it stops without closing
//    punctuation ("…同时确" + "保新增指标…"), which only happens where a page ended.
//  - Wrapped text (pdftotext): a paragraph ends at a line with a trailing space (pdftotext's end of a text
//    block) and starts at an indented line; the first line of a page is indented anyway, so there only a
//    paragraph mark ("6. ", "(e) ") or the end of the previous block counts. Without the double spacing,
//    a blank line separates paragraphs too.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "read/raw/lines.hpp"

namespace acta::read::raw {

struct Paragraph {
  std::string text;  // joined and trimmed, with the private marks
  int line = 0;      // first source line
  int first_page = 0;
  int last_page = 0;
  int indent = 0;    // of the first line
};

std::vector<Paragraph> join_paragraphs(const Lines& lines, Shape shape);

// Whether text opens with any paragraph or heading mark.
bool has_lead(std::string_view text);

}  // namespace acta::read::raw
