// The search as files: the index split into shards that are scripts (so they load from file:// through a
// <script> element, where fetch() is blocked), each calling ActaSearch.register(name, data):
//   search/index.js    the manifest: document count and lengths, years, topics, and the first key of every
//                      postings shard, so a query knows which few shards to load
//   search/i/N.js      postings shards: { key: encoded postings } for a range of keys (analyze/search/index.hpp)
//   search/t/N.js      document N's title, symbol, page and field texts, for result excerpts
//   search/fold.js     the traditional -> simplified table, only when search_fold_traditional is on
// and search.html, the page that runs queries (templates/search.mustache, assets/search*.js).
#pragma once

#include "analyze/search/index.hpp"
#include "write/site_context.hpp"

namespace acta::write {

// Writes the shards, texts and search.html. Returns the bytes written under search/.
std::size_t write_search(const SiteContext& site, const analyze::search::Index& index, const StagedOutput& out);

}  // namespace acta::write
