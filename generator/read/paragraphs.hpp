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

// Section heading marks of reports: "一. " (level 1), "A. " (level 2). Digit marks ("1. ") are told from
// numbered paragraphs by the raw reader, by the paragraphs' running sequence.
struct HeadingLead {
  int level = 0;  // 0: not a heading mark
  std::string number;
  std::size_t length = 0;  // bytes of the mark, its full stop and the spaces after it
};
HeadingLead heading_lead(std::string_view text);

// The number a heading's text opens with: "一" for "一. 导言", "B" for "B. …", "1" for "1. 概要", or "".
std::string heading_number(std::string_view text);

// A cover note: a paragraph a document prints before its enacting formula that is not a clause of it ("[根据
// 第二委员会的报告(A/80/555, 第 7 段)通过]", the sponsors of a draft). It does not end like a clause or a
// sentence (comma, semicolon, full stop). Cover notes before a formula ending in a comma ("大会，") are plain
// paragraphs, not preambular.
bool is_cover_note(std::string_view text);

// Unnumbered paragraphs are preambular until the first numbered paragraph, plain after it.
model::BlockKind unnumbered_kind(bool seen_numbered);

}  // namespace acta::read
