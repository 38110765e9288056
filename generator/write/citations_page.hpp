// citations.html: the documents of the archive with how many archive documents cite each, and the most
// cited documents outside the archive, so an archivist sees what to add next.
#pragma once

#include "write/site_context.hpp"

namespace acta::write {

// Writes citations.html (when the templates folder has citations.mustache).
void write_citations_page(const SiteContext& site, const StagedOutput& out);

// The data the citations template sees (exposed for tests and other writers).
Data citations_data(const SiteContext& site);

// How many documents outside the archive the page lists at most (the most cited ones).
inline constexpr std::size_t kMaxOutside = 200;

}  // namespace acta::write
