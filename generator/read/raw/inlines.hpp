// The last step of the raw chain: text with the private marks becomes model inlines (Text, FootnoteRef,
// Link), and spacing left by extraction is tidied: runs of spaces become one, a space between two CJK
// characters (or between a footnote marker and CJK text) is dropped.
#pragma once

#include <string_view>

#include "model/document.hpp"

namespace acta::read::raw {

model::Inlines to_inlines(std::string_view marked);

// The tidied text alone (marks removed), for tests and metadata.
std::string tidy_spaces(std::string_view text);

}  // namespace acta::read::raw
