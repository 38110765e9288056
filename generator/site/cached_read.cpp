#include "site/cached_read.hpp"

#include <algorithm>
#include <atomic>

#include "analyze/passes.hpp"
#include "analyze/search/index.hpp"
#include "cache/record.hpp"
#include "read/content.hpp"
#include "util/files.hpp"
#include "util/parallel.hpp"

namespace acta::site {

namespace {

struct Loaded {
  model::Document doc;
  std::string lookup_bytes;  // the lookups of a cached analysis, still encoded
  cache::Hash key;      // what the record is named by
  cache::Hash content;  // the record's content hash, when cached
  bool cached = false;
};

cache::Hash source_key(const cache::Hash& setup, const read::Source& source, const read::SourceBytes& bytes) {
  cache::Hasher h;
  h.add(setup).add(files::display(source.path)).add(bytes.text);
  if (bytes.sidecar) h.add(1).add(files::display(source.sidecar)).add(*bytes.sidecar);
  else h.add(0);
  return h.digest();
}

}  // namespace

AnalysedArchive read_and_analyse(const config::Config& config, const cache::Store* store, const cache::Hash& setup,
                                 Progress& progress, const std::function<void()>& read_done) {
  const auto root = config.content_dir();
  read::SourceList list = read::list_sources(config);
  const std::size_t n = list.sources.size();
  std::atomic<std::size_t> done{0};
  auto loaded = parallel_map<Loaded>(n, [&](std::size_t i) {
    Loaded l;
    thread_local read::SourceBytes bytes;  // moved out when the document is read: kept when it comes from the cache
    read::load_source_into(list.sources[i], root, bytes);
    if (store) {
      l.key = source_key(setup, list.sources[i], bytes);
      if (auto record = store->load(l.key)) {
        l.doc = std::move(record->doc);
        l.lookup_bytes = std::move(record->lookup_bytes);
        l.content = record->content;
        l.cached = true;
      }
    }
    if (!l.cached) l.doc = read::read_document(list.sources[i], std::move(bytes));
    progress.count(++done, n, "documents");
    return l;
  });

  AnalysedArchive out;
  auto& archive = out.archive;
  archive.diagnostics = std::move(list.diagnostics);
  std::vector<analyze::citations::Lookups> lookups(n);  // of the documents linked in this build
  std::vector<std::string> lookup_bytes(n);
  std::vector<char> cached(n, 0);
  std::vector<cache::Hash> keys(n);
  out.content.resize(store ? n : 0);
  archive.documents.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    archive.documents.push_back(std::move(loaded[i].doc));
    lookup_bytes[i] = std::move(loaded[i].lookup_bytes);
    cached[i] = loaded[i].cached;
    keys[i] = loaded[i].key;
    if (store) out.content[i] = loaded[i].content;
  }
  loaded.clear();
  read::check_unique(archive);
  if (read_done) read_done();

  // A cached analysis holds while its lookups get the same answers; otherwise the document is read again.
  std::vector<char> todo(n, 1);
  if (store) {
    auto changed = analyze::citations::answers_changed(
        archive, [&](std::size_t i) { return cache::decode_lookups(lookup_bytes[i]); }, cached);
    lookup_bytes.clear();
    parallel_for(n, [&](std::size_t i) {
      if (!cached[i]) return;
      if (!changed[i]) {
        todo[i] = 0;
        return;
      }
      archive.documents[i] = read::read_document(list.sources[i], read::load_source(list.sources[i], root));
    });
    for (std::size_t i = 0; i < n; ++i) {
      out.from_cache += cached[i] && !todo[i];
      out.relinked += cached[i] && todo[i];
    }
  }
  analyze::run_passes(archive, config, nullptr, store ? todo : std::vector<char>{}, store ? &lookups : nullptr);

  if (store) {
    // One pack per group of documents, the search index's groups (so an edit rewrites one of each, and so
    // does an added or removed document: the groups are made by content), its records made in the loop and
    // dropped once written, so a full build never holds every record at once. A group whose records all
    // came from its pack keeps it.
    const auto starts = analyze::search::group_starts(archive);
    std::vector<std::string> packs(starts.size() - 1);
    parallel_for(packs.size(), [&](std::size_t g) {
      const std::size_t begin = starts[g], end = starts[g + 1];
      std::vector<cache::Hash> members(keys.begin() + begin, keys.begin() + end);
      std::vector<std::string> made(end - begin);
      for (std::size_t i = begin; i < end; ++i)
        if (todo[i]) made[i - begin] = cache::encode(archive.documents[i], lookups[i], out.content[i]);
      packs[g] = store->save_pack(members, made);
    });
    store->keep_packs(packs);
  }
  return out;
}

}  // namespace acta::site
