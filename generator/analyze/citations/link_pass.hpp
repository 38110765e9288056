// The citation pass: finds every citation in every document (blocks and footnotes), settles the symbol it
// cites (the grammar, then a footnote that gives the symbol, then a stray hyperlink on the same page),
// resolves it to an archive page or the external URL, rewrites the text into Citation inlines, and fills
// Archive::cited_by. Pure: same archive and config in, same archive out.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "model/archive.hpp"
#include "util/error.hpp"

namespace acta::analyze::citations {

// How the note on a citation without a symbol begins (for counting them).
inline constexpr std::string_view kUnresolvedNote = "could not resolve the citation ";

// What resolving one citation asked of the archive, and what the archive answered. A cached analysis of a
// document stays valid while every one of its lookups gets the same answer.
struct Lookup {
  std::string symbol;                // the symbol the grammar settled on ("" when none)
  std::vector<std::string> aliases;  // its other symbols
  bool by_short_form = false;        // may resolve by the short form alone
  std::string written;               // as written, for the short form
  std::string paragraph;             // the paragraph anchor the citation names, if any
  std::string answer;                // slug of the archive document it resolved to, "" when none
  bool paragraph_found = false;      // that document has the paragraph
};
using Lookups = std::vector<Lookup>;

// Links the citations of every document and fills the backlinks. When `notes` is given, citations that
// could not be resolved to a symbol and unusual patterns are added to it, with file and line, in archive
// order (what `acta check` reports; a build does not warn about them). When `todo` is not empty, only the
// documents i with todo[i] are linked (the others were linked before, e.g. by a cached build); when
// `lookups` is given, (*lookups)[i] receives the lookups of each document linked.
void link_citations(model::Archive& archive, const config::Config& config, Diagnostics* notes = nullptr,
                    const std::vector<char>& todo = {}, std::vector<Lookups>* lookups = nullptr);

// For each document i with check[i], whether any of its lookups (lookups_of(i), nothing when they cannot be
// had) gets a different answer from `archive` now. lookups_of is called from several threads.
std::vector<char> answers_changed(const model::Archive& archive,
                                  const std::function<std::optional<Lookups>(std::size_t)>& lookups_of,
                                  const std::vector<char>& check);

// Fills archive.cited_by from the citations the pass found in each document (Document::citations): for each
// document, every
// other archive document citing it and the blocks (or footnotes) where, in document order.
void fill_backlinks(model::Archive& archive);

}  // namespace acta::analyze::citations
