// How a paragraph's opening marks its role, shared by every reader: "12. " opens numbered paragraph 12,
// "(b) " opens lettered subparagraph (b); anything else is an ordinary paragraph.
#pragma once

#include <string>
#include <string_view>

#include "model/document.hpp"

namespace acta::read {

struct Lead {
  model::BlockKind kind = model::BlockKind::Plain;  // Numbered, Subparagraph or Plain
  std::string number;                               // "12", "b"
  std::size_t length = 0;                           // bytes of the mark and the space after it
};

// Looks at the start of a paragraph's text.
Lead classify_lead(std::string_view text);

// Whether a paragraph is the enacting formula that opens a resolution ("大会，", "联合国人居大会，"): short,
// ending in a comma or colon, and first in the body.
bool is_formula(std::string_view text);

// Unnumbered paragraphs are preambular until the first numbered paragraph, plain after it.
model::BlockKind unnumbered_kind(bool seen_numbered);

}  // namespace acta::read
