// The search as files: the index split into shards that are scripts (so they load from file:// through a
// <script> element, where fetch() is blocked), each calling ActaSearch.register(name, data):
//   search/index.js    the manifest: document count and lengths, years, topics, and the first key of every
//                      postings shard, so a query knows which few shards to load
//   search/i/N.js      postings shards: { key: encoded postings } for a range of keys (analyze/search/index.hpp)
//   search/t/N.js      document N's title, symbol, page, date and field texts, for result excerpts and for
//                      citation previews (assets/previews.js)
//   search/p/B.js      { slug: N } for the documents whose slug falls in bucket B (slug_bucket): how a
//                      citation preview finds the text of the document a link points to
//   search/fold.js     the traditional -> simplified table, only when search_fold_traditional is on
// and search.html, the page that runs queries (templates/search.mustache, assets/search*.js).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/search/index.hpp"
#include "write/site_context.hpp"

namespace acta::write {

// search/t/N.js's JSON for one document, before it is turned into UTF-16LE, deflated and put in base64:
// {"t": title, "s": symbol, "h": page, "d": ISO date, "D": date as shown, "f": [[kind, anchor, label, text]...]}
// (kind: search::FieldKind as a digit; label: "第 3 段", "序言第 2 段", "脚注 1"...).
std::string text_json(const model::Document& doc);

// The bucket of a slug: FNV-1a (32 bits) of its UTF-8 bytes, modulo kSlugBuckets. A fixed number of buckets,
// so that the browser needs nothing but the slug: about 40 slugs a bucket at 10,000 documents, 400 at 100,000.
inline constexpr std::uint32_t kSlugBuckets = 256;
std::uint32_t slug_bucket(std::string_view slug);
// search/p/B.js's JSON for every bucket, {"<slug>":N,...}, empty for a bucket no slug falls in.
std::vector<std::string> slug_bucket_json(const model::Archive& archive);

// Writes the shards, texts, slug buckets and search.html. Returns the bytes written under search/.
std::size_t write_search(const SiteContext& site, const analyze::search::Index& index, const StagedOutput& out);

}  // namespace acta::write
