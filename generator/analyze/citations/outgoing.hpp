// Read-only views of the citations the pass linked, for writers: one document's outgoing citations (JSON
// export, previews) and the archive-wide counts of the citations page.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/archive.hpp"

namespace acta::analyze::citations {

struct OutgoingCitation {
  std::string symbol;     // full symbol cited ("" when it could not be resolved)
  std::string paragraph;  // anchor in the cited document, when named
  std::string href;       // relative to the citing document's page, or external
  bool in_archive = false;
  std::string text;       // the citing text ("77/172")
  std::string place;      // id of the citing block or footnote
};

// Every citation of `doc`, in reading order (blocks, then footnotes). Pure.
std::vector<OutgoingCitation> outgoing_citations(const model::Document& doc);

struct CitedDocument {
  std::string symbol;
  std::optional<std::size_t> doc;   // index in the archive when it is there
  std::vector<std::size_t> citing;  // archive documents citing it (each once, in archive order)
};

struct CitationStats {
  std::vector<CitedDocument> in_archive;  // every archive document with a symbol, most cited first
  std::vector<CitedDocument> outside;     // documents cited but not in the archive, most cited first
  std::size_t citations = 0;              // citations in the archive, resolved or not
  std::size_t unresolved = 0;             // of which no symbol could be given
};

// Counts over the whole archive, after the citation pass. Ties are ordered by symbol, so the result is
// deterministic. Pure.
CitationStats citation_stats(const model::Archive& archive);

}  // namespace acta::analyze::citations
