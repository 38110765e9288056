// Footnote definitions, found where the PDF put them: at the foot of a page, which is often the middle of
// a sentence that continues after them. Three forms:
//  - a line opening with a footnote mark (a converter's "¹ 大会第69/313号决议，附件。", "<sup>6</sup> …");
//  - after a separator (a line of spaces or "__________"), "1 第 79/233 号决议，附件。" or the label alone on a
//    line and its text on the next lines (pdftotext);
//  - "* 提案国名单…" anywhere, once a "*" marker was seen.
// The definitions are taken out; the text around them is left to be rejoined.
#pragma once

#include <string>
#include <vector>

#include "read/raw/lines.hpp"

namespace acta::read::raw {

struct Definition {
  std::string label;  // as in the source: "1", "21", "*"
  std::string text;   // joined, with the private marks of links
  int line = 0;
};

struct FootnoteBlocks {
  Lines body;
  std::vector<Definition> definitions;  // in source order
};

FootnoteBlocks extract_footnotes(Lines lines, Shape shape);

// "12" or "*": a label that stands alone on a line.
bool is_label_only(std::string_view trimmed);
// A separator rule: "---", "___________", a long run of spaces.
bool is_separator(std::string_view line);

}  // namespace acta::read::raw
