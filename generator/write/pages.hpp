// The document pages and the home page.
#pragma once

#include "write/site_context.hpp"

namespace acta::write {

// Writes doc/<slug>.html for every document (in parallel; output does not depend on thread order).
void write_document_pages(const SiteContext& site, const StagedOutput& out);

// Writes index.html: every document, newest first.
void write_index_page(const SiteContext& site, const StagedOutput& out);

// Copies templates/assets/ (stylesheets, scripts) to assets/ in the output.
void copy_assets(const SiteContext& site, const StagedOutput& out);

// The data a document page template sees (exposed for tests and for other writers).
Data document_data(const SiteContext& site, std::size_t index);

}  // namespace acta::write
