// The build cache folder (Config::cache_dir, ".acta-cache" beside the config by default). It holds:
//   docs/xx/<key>   one record per document (record.hpp), named by the hash of everything the record was
//                   made from (the source's bytes, its sidecar's, the config, Acta's version)
//   search/xx/<key> one partial search index per group of documents (analyze/search/index.hpp)
//   outputs/<site>  what the output folder holds: each file's path and the hash of what it was made from,
//                   for the site folder it describes (named by that folder's device and inode, so a site
//                   swapped in by another build, or removed and made again, never matches); kept for the
//                   current site and the spare
//   spare-site/     the site the last build replaced, where the next build starts (double buffering, so
//                   that an edit costs work in proportion to what changed); its unchanged files are hard
//                   links to the current site's, so it takes little room (edit neither in place)
//   CACHEDIR.TAG    marks the folder as a cache for backup tools
// It is never published, and deleting it only makes the next build a full one. A cache that cannot be used
// (unwritable, damaged) never fails a build: entries that do not read are rebuilt. A record's body is read
// when a stage needs it, after its head; one that another build (on the same cache, at the same time)
// changed in between stops the build with a message saying to build again.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cache/hash.hpp"
#include "cache/record.hpp"

namespace acta::cache {

// What the previous build wrote at an output path: the hash of the file's inputs, and the file's size and
// modification time then. A file changed in place since (an edit in the output folder) no longer matches
// and is made again rather than carried into the next site.
struct OutputEntry {
  Hash key;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
};
// Output path (relative, '/'-separated) -> what made it.
using OutputKeys = std::unordered_map<std::string, OutputEntry>;

class Store {
 public:
  explicit Store(std::filesystem::path dir);

  const std::filesystem::path& dir() const { return dir_; }

  // Entries of one kind ("docs", "search") by key. put() is safe from several threads.
  // An entry mapped into memory (read, where it cannot be mapped), without a copy; the bytes stay valid while
  // `owner` lives. Entries are replaced by rename, never rewritten in place, so a mapping never changes.
  struct Mapped {
    std::string_view bytes;
    std::shared_ptr<const void> owner;
  };
  std::optional<Mapped> map(std::string_view kind, const Hash& key) const;
  void put(std::string_view kind, const Hash& key, std::string_view bytes) const;
  // Removes the entries of `kind` whose keys are not in `keep` (what changed or is gone).
  void keep_only(std::string_view kind, const std::vector<Hash>& keep) const;

  // A document's record, when there is one and it reads, without the document's body: doc.pending reads it
  // from the same file when a stage asks for it (Document::need_body).
  std::optional<Record> load(const Hash& key) const;

  // The output keys recorded for the folder `site` as it is now, or an empty map.
  OutputKeys outputs_of(const std::filesystem::path& site) const;
  // Records the output keys of the folder `site` (before it is swapped in: the identity moves with the
  // folder) and forgets those of other folders but `also_keep` (the site being replaced, which becomes the
  // next build's spare: write::StagedOutput::start_from).
  void save_outputs(const std::filesystem::path& site, const OutputKeys& keys, const std::filesystem::path& also_keep = {}) const;

 private:
  std::filesystem::path entry_path(std::string_view kind, const Hash& key) const;
  std::filesystem::path dir_;
  bool usable_ = false;
};

}  // namespace acta::cache
