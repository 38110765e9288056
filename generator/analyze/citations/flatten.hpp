// Inline content as one plain text the grammar can scan, and back: citations found in the text become
// Citation inlines in place of the text they cover. Formatting is kept (a citation inside emphasis stays
// inside it); a "[77/172](#)" placeholder link of converted text gives way to the citation it marks.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace acta::analyze::citations {

struct FlatText {
  std::string text;  // footnote references appear as kFootnoteMark, non-text content as kBarrier
  struct Piece {
    const model::Inline* in;  // a Text inline of the content
    std::size_t begin;        // where its text starts in `text`
  };
  std::vector<Piece> pieces;
  std::map<std::size_t, std::string> footnote_labels;  // offset of a kFootnoteMark -> footnote label
};

FlatText flatten(const model::Inlines& content);

// A citation to put in place of text[begin, end) of a flattened content.
struct CitationEdit {
  std::size_t begin = 0, end = 0;
  model::CitationTarget target;
};

// Replaces the edited ranges with Citation inlines. Returns how many edits could not be applied because
// their range crosses formatting (the caller reports them). `flat` must come from `content` unchanged.
std::size_t apply_citations(model::Inlines& content, const FlatText& flat, const std::vector<CitationEdit>& edits);

// A link whose target is empty or "#": converted text marks a citation this way, with no real target.
bool is_placeholder_link(const model::Inline& in);

}  // namespace acta::analyze::citations
