#include "write/search_files.hpp"

#include <algorithm>
#include <atomic>
#include <initializer_list>
#include <set>

#include "analyze/search/codec.hpp"
#include "analyze/search/fold.hpp"
#include "util/parallel.hpp"
#include "util/utf8.hpp"
#include "write/compress.hpp"
#include "write/exports.hpp"
#include "write/json.hpp"

namespace acta::write {

namespace {

namespace search = analyze::search;

// A postings shard grows to about this many bytes (one key larger than this gets a shard of its own). Small
// enough that a query's few shards stay light, large enough that the manifest's shard list stays short.
constexpr std::size_t kShardBytes = 16 * 1024;

std::string script(const std::string& name, const std::string& json) {
  return "ActaSearch.register(" + json_string(name) + "," + json + ");\n";
}

// Groups consecutive postings into shards; returns the index of each shard's first posting.
std::vector<std::size_t> shard_starts(const search::Index& index) {
  std::vector<std::size_t> starts;
  std::size_t size = kShardBytes;
  for (std::size_t i = 0; i < index.postings.size(); ++i) {
    std::size_t bytes = index.postings[i].key.size() + index.postings[i].data.size() + 6;
    if (size + bytes > kShardBytes && size > 0) {
      starts.push_back(i);
      size = 0;
    }
    size += bytes;
  }
  return starts;
}

std::string shard_json(const search::Index& index, std::size_t begin, std::size_t end) {
  std::string json = "[";
  for (std::size_t i = begin; i < end; ++i) {
    if (i > begin) json += ',';
    json_string_into(json, index.postings[i].key);
    json += ",\"" + index.postings[i].data + "\"";  // the codec's alphabet (and kDense) need no escaping
  }
  return json + "]";
}

std::string manifest_json(const SiteContext& site, const search::Index& index, const std::vector<std::size_t>& starts) {
  std::string json = "{\"v\":2,\"n\":" + std::to_string(index.docs.size()) +
                     (site.config.search_fold_traditional ? ",\"fold\":1" : "") + ",\"topics\":[";
  for (std::size_t i = 0; i < site.config.topics.size(); ++i) {
    if (i) json += ',';
    json += "[" + json_string(site.config.topics[i].id) + "," + json_string(site.config.topics[i].label_zh) + "]";
  }
  json += "],\"shards\":[";
  for (std::size_t s = 0; s < starts.size(); ++s) {
    if (s) json += ',';
    json_string_into(json, index.postings[starts[s]].key);
  }
  return json + "]}";
}

// What the filters need, loaded only when one is set: per document, year (0 when unknown, else
// year - 1800), number of topics, topic indexes.
std::string docs_json(const search::Index& index) {
  std::string meta;
  for (const auto& d : index.docs) {
    search::put(meta, d.year ? static_cast<std::uint64_t>(std::max(1, d.year - 1800)) : 0);
    search::put(meta, d.topics.size());
    for (int t : d.topics) search::put(meta, static_cast<std::uint64_t>(t));
  }
  return "\"" + meta + "\"";
}

}  // namespace

std::string text_json(const model::Document& doc) {
  std::string json;
  json.reserve(kExportReserve);
  json += "{\"t\":" + json_string(doc.meta.title) + ",\"s\":" + json_string(doc.meta.symbol) +
          ",\"h\":" + json_string(model::page_path(doc)) + ",\"d\":" + json_string(doc.meta.date) +
          ",\"D\":" + json_string(display_date(doc.meta.date)) + ",\"f\":[";
  bool first = true;
  search::for_each_labelled_field(doc, [&](search::FieldKind kind, std::string_view anchor, std::string_view label,
                                           std::string_view text) {
    json += first ? "[" : ",[";
    first = false;
    json += static_cast<char>('0' + static_cast<int>(kind));  // 0..3
    for (std::string_view part : {anchor, label, text}) {
      json += ',';
      json_string_into(json, part);
    }
    json += ']';
  });
  return json + "]}";
}

std::uint32_t slug_bucket(std::string_view slug) {
  std::uint32_t h = 2166136261u;  // FNV-1a, 32 bits: previews.js computes the same with Math.imul
  for (char c : slug) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h % kSlugBuckets;
}

std::vector<std::string> slug_bucket_json(const model::Archive& archive) {
  std::vector<std::string> buckets(kSlugBuckets);
  for (std::size_t i = 0; i < archive.documents.size(); ++i) {
    std::string& b = buckets[slug_bucket(archive.documents[i].slug)];
    b += b.empty() ? "{" : ",";
    json_string_into(b, archive.documents[i].slug);
    b += ':' + std::to_string(i);
  }
  for (auto& b : buckets)
    if (!b.empty()) b += '}';
  return buckets;
}

namespace {

// The folding table for the browser's normalize (search-core.js, foldTable()): two strings, the
// traditional code points as gaps (code point minus previous minus 1, the previous starting at 0) in the
// codec's numbers, and the simplified characters, one per pair, as text. About 11 KB for ICU's 2,852 pairs.
std::string fold_json() {
  std::string gaps, to;
  char32_t prev = 0;
  for (const auto& p : search::fold_table()) {
    search::put(gaps, p.from - prev - 1);
    prev = p.from;
    utf8::append(to, p.to);
  }
  return "[\"" + gaps + "\"," + json_string(to) + "]";
}

Data search_page_data(const SiteContext& site, const search::Index& index) {
  Data d = page_data(site, "search.html", "搜索");
  List topics;
  for (const auto& t : site.config.topics) {
    Data td;
    td.set("id", t.id);
    td.set("label", t.label_zh.empty() ? t.id : t.label_zh);
    topics.push_back(std::move(td));
  }
  d.set("topics", std::move(topics));
  d.set("has_topics", Data(!site.config.topics.empty()));
  std::set<int, std::greater<int>> years;
  for (const auto& doc : index.docs)
    if (doc.year) years.insert(doc.year);
  List ys;
  for (int y : years) ys.push_back(Data(std::to_string(y)));
  d.set("years", std::move(ys));
  List scripts;
  scripts.push_back(Data("search-core.js"));
  scripts.push_back(Data("search.js"));
  d.set("scripts", std::move(scripts));
  return d;
}

}  // namespace

std::size_t write_search(const SiteContext& site, const search::Index& index, const StagedOutput& out) {
  std::atomic<std::size_t> bytes{0};
  // Shards are keyed by their own bytes: in an incremental build most come out as before (an edit moves
  // few postings), and linking the previous file costs less than writing it.
  auto emit = [&](const std::string& path, const std::string& content) {
    cache::Hash key = site.keys.templates.empty() ? cache::Hash{} : cache::hash_of(content);
    write_keyed(out, path, key, [&] { return content; });
    bytes += content.size();
  };
  auto starts = shard_starts(index);
  emit("search/index.js", script("index", manifest_json(site, index, starts)));
  emit("search/docs.js", script("docs", docs_json(index)));
  if (site.config.search_fold_traditional) emit("search/fold.js", script("fold", fold_json()));
  // Which text is a document's, by its slug: what a citation preview (assets/previews.js) needs first.
  const auto buckets = slug_bucket_json(site.archive);
  for (std::uint32_t b = 0; b < kSlugBuckets; ++b)
    if (!buckets[b].empty()) emit("search/p/" + std::to_string(b) + ".js", script("p/" + std::to_string(b), buckets[b]));
  parallel_for(starts.size(), [&](std::size_t s) {
    std::size_t end = s + 1 < starts.size() ? starts[s + 1] : index.postings.size();
    std::string name = "i/" + std::to_string(s);
    emit("search/" + name + ".js", script(name, shard_json(index, starts[s], end)));
  });
  parallel_for(site.archive.documents.size(), [&](std::size_t i) {
    // Named by the document's place in the archive, which the file does not say (ActaSearch.text() takes
    // the name from the script element that loads it): when a document before it is added or removed, the
    // file of the same document is linked from its old name instead of being made again.
    const std::string path = "search/t/" + std::to_string(i) + ".js";
    const cache::Hash key = site.file_key(i, "search text", false);
    if (out.reuse_moved(path, key)) return;
    // Texts are most of the index's bytes and compress to less than half; postings barely compress. In
    // UTF-16 a Chinese character is two bytes instead of UTF-8's three: DEFLATE compresses the text a
    // fifth faster and a tenth smaller (1,000 documents of the synthetic corpus).
    thread_local std::string utf16, packed;  // kept for the thread's next text
    const std::size_t wide = utf8::to_utf16le(text_json(site.archive.documents[i]), utf16);  // bytes of it
    const std::size_t size = deflate_utf16_text(std::string_view(utf16.data(), wide), packed);
    std::string content;
    content.reserve((size + 2) / 3 * 4 + 24);
    content += "ActaSearch.text(\"";
    append_base64(content, std::string_view(packed.data(), size));
    content += "\");\n";
    bytes += content.size();
    out.write(path, content, key);
  });
  if (site.templates.has("search"))
    write_keyed(out, "search.html", site.keys.listing, [&] { return site.templates.page("search", search_page_data(site, index)); });
  return bytes;
}

}  // namespace acta::write
