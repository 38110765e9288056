// The raw-text reader: text extracted from a UN document's PDF (a .txt file), as received, becomes a
// Document like the Markdown reader's. The text is never edited by hand; the reader undoes what the
// extraction did, in a chain of small passes over lines, each in its own file:
//
//   split_lines -> remove_furniture (furniture.hpp) -> clean_markup (markup.hpp)
//   -> extract_footnotes (footnotes.hpp) -> resolve_markers (markers.hpp) -> read_cover (cover.hpp)
//   -> join_paragraphs (paragraphs.hpp) -> build_blocks (structure.hpp) -> to_inlines (inlines.hpp)
//
// Where it is unsure (an orphan marker, a definition with no marker, a gap in the numbering) it warns, with
// file and line, in doc.diagnostics, and keeps the text.
#pragma once

#include <string>
#include <string_view>

#include "model/document.hpp"

namespace acta::read {

model::Document read_raw_text(std::string_view text, const std::string& file);

}  // namespace acta::read
