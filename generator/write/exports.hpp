// Machine-readable copies of every document, beside its page, so other tools can reuse the archive:
// doc/<slug>.json (described by schemas/document.schema.json) and doc/<slug>.akn.xml (Akoma Ntoso 3.0 in
// the AKN4UN style). Both carry the ids of the HTML page (para_N, para_N__point_a, preamble__p_K, fn_1).
#pragma once

#include "write/site_context.hpp"

namespace acta::write {

// What a document's export string reserves at first: about what one takes (20-30 KB), so that it is not
// grown a piece at a time (each reallocation of a large string is a costly trip through the allocator).
inline constexpr std::size_t kExportReserve = 1 << 15;

// Writes both files for every document (in parallel; the output does not depend on thread order).
void write_exports(const SiteContext& site, const StagedOutput& out);

// Paths from the site root: "doc/<slug>.json", "doc/<slug>.akn.xml".
std::string json_path(const model::Document& doc);
std::string akn_path(const model::Document& doc);

// A relative link from the file at `from` to the file at `to` (both from the site root).
std::string link_between(const std::string& from, const std::string& to);

// The files' text (exposed for tests).
std::string document_json(const SiteContext& site, std::size_t index);
std::string document_akn(const SiteContext& site, std::size_t index);

// Version of the JSON format; raised when a field changes meaning or goes away.
inline constexpr int kJsonFormatVersion = 1;

}  // namespace acta::write
