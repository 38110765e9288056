// Structure: each paragraph becomes a block of the model. Marks decide the kind: "12. " a numbered
// paragraph, "(a) " a lettered subparagraph, "一. "/"A. " a section heading; a digit mark is a heading
// ("1. 概要") rather than a paragraph when it breaks the paragraphs' running sequence and reads like a
// title (short, no closing punctuation), or when the next numbered paragraph carries the same number.
// Unnumbered paragraphs are the formula, preambular or plain (read/paragraphs.hpp).
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"
#include "read/raw/paragraphs.hpp"

namespace acta::read::raw {

struct BuiltBlock {
  model::Block block;  // content holds one Text with the private marks (see inlines.hpp)
  int first_page = 0;
  int last_page = 0;
};

// Warnings (a gap in the paragraph numbering) go to `warnings`, naming `file` and the paragraph's line.
std::vector<BuiltBlock> build_blocks(const std::vector<Paragraph>& paragraphs, Diagnostics& warnings,
                                     const std::string& file);

}  // namespace acta::read::raw
