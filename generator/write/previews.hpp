// Citation preview data: one small script per document, previews/<slug>.js, that the reader's browser loads
// on demand (assets/previews.js) to show a cited document's title, symbol, date and paragraph texts beside a
// link to it. A script rather than JSON because fetch() of local files is blocked when the site is opened
// from disk, while a <script src> is not; the file only calls a function, so it runs under
// Content-Security-Policy script-src 'self'.
#pragma once

#include <string>

#include "model/document.hpp"
#include "write/site_context.hpp"

namespace acta::write {

// previews/<slug>.js for one document: `window.ActaPreviews && window.ActaPreviews.add("<slug>", {...})`
// with symbol, title, date (as shown and ISO) and the plain text of every paragraph, by id. Everything is a
// JSON string literal: text, never markup.
std::string preview_script(const model::Document& doc);

// Writes previews/<slug>.js for every document of the archive.
void write_previews(const SiteContext& site, const StagedOutput& out);


}  // namespace acta::write
