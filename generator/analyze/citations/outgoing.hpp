// Read-only views of the citations the pass linked, for writers: one document's outgoing citations (JSON
// export, previews) and the archive-wide counts of the citations page.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/archive.hpp"

namespace acta::analyze::citations {

struct OutgoingCitation {
  std::string symbol;     // full symbol cited (a citation without one stays text: it is not listed)
  std::string paragraph;  // anchor in the cited document, when named
  std::string href;       // relative to the citing document's page, or external
  bool in_archive = false;
  std::string text;       // the citing text ("77/172")
  std::string place;      // id of the citing block or footnote
};

// Every citation of `doc`, in reading order (blocks, then footnotes), from its text. Pure.
std::vector<OutgoingCitation> outgoing_citations(const model::Document& doc);

struct CitedDocument {
  std::string symbol;
  std::optional<std::size_t> doc;   // index in the archive when it is there
  std::vector<std::size_t> citing;  // archive documents citing it (each once, in archive order)
};

struct CitationStats {
  std::vector<CitedDocument> in_archive;  // every archive document (symbol may be empty), most cited first
  std::vector<CitedDocument> outside;     // documents cited but not in the archive, most cited first
  std::size_t citations = 0;              // citations (links) in the archive's documents
};

// Counts over the whole archive, after the citation pass. Ties are ordered by symbol, so the result is
// deterministic. Pure.
CitationStats citation_stats(const model::Archive& archive);

}  // namespace acta::analyze::citations
