// Footnote markers in the text. Superscripts were made marks already (markup.hpp); here the ambiguous
// forms of pdftotext are decided: a number alone on its own line ("1"), digits glued to Chinese text
// ("纲领》1 的", "成果2", "联盟3成员") and "*". A digit run is a marker only when
//  - a footnote with that label is defined,
//  - it is the next number of the running sequence of markers (or, alone on a line, repeats an earlier one),
//  - it comes before its definition, and
//  - it does not read as a number of the text: not spaced off, not after "第", not part of "15.3" or
//    "77/172", not followed by a measure word ("1 个", "2024 年", "42 段").
#pragma once

#include <string>
#include <vector>

#include "read/raw/footnotes.hpp"
#include "read/raw/lines.hpp"
#include "util/error.hpp"

namespace acta::read::raw {

struct MarkerReport {
  std::vector<std::string> referenced;  // labels referenced, in order of first reference
  Diagnostics warnings;
};

// Turns markers into footnote marks in `body` (a marker alone on a line joins the line before it), and
// warns about orphan markers, definitions never referenced and gaps in the numbering.
MarkerReport resolve_markers(Lines& body, const std::vector<Definition>& definitions, const std::string& file);

// Whether the digit run text[start, end) can be a marker by its shape alone (see above).
bool marker_shape(std::string_view text, std::size_t start, std::size_t end);

}  // namespace acta::read::raw
