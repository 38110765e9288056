// The citation pass: finds every citation in every document (blocks and footnotes), settles the symbol it
// cites (the grammar, then a footnote that gives the symbol, then a stray hyperlink on the same page),
// resolves it to an archive page or the external URL, rewrites the text into Citation inlines, and fills
// Archive::cited_by. Pure: same archive and config in, same archive out.
#pragma once

#include <string_view>

#include "config/config.hpp"
#include "model/archive.hpp"
#include "util/error.hpp"

namespace acta::analyze::citations {

// How the note on a citation without a symbol begins (for counting them).
inline constexpr std::string_view kUnresolvedNote = "could not resolve the citation ";

// Links the citations of every document and fills the backlinks. When `notes` is given, citations that
// could not be resolved to a symbol and unusual patterns are added to it, with file and line, in archive
// order (what `acta check` reports; a build does not warn about them).
void link_citations(model::Archive& archive, const config::Config& config, Diagnostics* notes = nullptr);

// Fills archive.cited_by from the Citation inlines already in the documents: for each document, every
// other archive document citing it and the blocks (or footnotes) where, in document order.
void fill_backlinks(model::Archive& archive);

}  // namespace acta::analyze::citations
