// What every page writer needs: the config, the analysed archive and the templates, plus the helpers that
// keep pages alike (common layout data, relative links, dates for people).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cache/hash.hpp"
#include "cache/store.hpp"

#include "config/config.hpp"
#include "model/archive.hpp"
#include "write/output.hpp"
#include "write/templates.hpp"

namespace acta::write {

// Incremental builds: hashes of what output files are made from (site/output_keys.hpp). All empty in a build
// without cache.
struct FileKeys {
  std::vector<cache::Hash> documents;  // per document: the analysed document, the documents citing it, setup
  cache::Hash templates;               // the templates folder
  cache::Hash listing;                 // pages made from every document's metadata and citations
  std::vector<cache::Hash> topics;     // per configured topic: its page
  cache::Hash overview;                // the topics overview
};

struct SiteContext {
  const config::Config& config;
  const model::Archive& archive;
  const Templates& templates;
  FileKeys keys = {};
  const cache::Store* store = nullptr;  // the build cache, for what writers keep between builds; null without


  // The key of one of document `index`'s files (`kind`: "page", "json", …), {} without cache.
  cache::Hash file_key(std::size_t index, std::string_view kind, bool uses_templates) const;
};

// Writes the file at `path` unless the previous build made it from the same inputs (`key`), in which case it
// is reused. `make` returns the file's content; an empty key always makes it.
template <class Make>
void write_keyed(const StagedOutput& out, const std::string& path, const cache::Hash& key, Make make) {
  if (!key.empty() && out.reuse(path, key)) return;
  out.write(path, make(), key);
}

// write_keyed for one file of document `index`. A reused file needs nothing of the document; what makes one
// reads the document's body (Document::need_body), so a body still in the cache is read only then.
template <class Make>
void write_document_file(const SiteContext& site, const StagedOutput& out, std::size_t index, std::string_view kind,
                         bool uses_templates, const std::string& path, Make make) {
  write_keyed(out, path, site.file_key(index, kind, uses_templates), make);
}

// Layout data shared by all pages. `path` is the page's path from the site root ("doc/x.html"); `root`
// in the result is the relative way back to the root ("../"), so every link stays relative.
Data page_data(const SiteContext& site, const std::string& path, const std::string& title);

// The relative prefix from a page at `path` back to the site root: "" for "index.html", "../" for
// "doc/x.html".
std::string root_prefix(const std::string& path);

// Sets `key` to `value`, or to false when `value` is empty, so that {{#key}}…{{/key}} in a template shows
// only what is there (Mustache treats an empty string as true).
void set_optional(Data& data, std::string_view key, std::string value);

// "2025-12-15" -> "2025年12月15日"; other text is returned as it is.
std::string display_date(const std::string& iso);

}  // namespace acta::write
