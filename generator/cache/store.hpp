// The build cache folder (Config::cache_dir, ".acta-cache" beside the config by default). It holds:
//   docs/<id>.pack  the records (record.hpp) of one group of consecutive documents in archive order, the
//                   search index's groups (analyze/search/index.hpp group_starts; pack.hpp), each found by
//                   its key: the hash of everything the record was made
//                   from (the source's bytes, its sidecar's, the config, Acta's version). <id> is the hash
//                   of the members' keys: a group whose documents are unchanged keeps its file untouched,
//                   and an edit rewrites its group's pack only
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
// (unwritable, damaged) never fails a build: entries that do not read are rebuilt (a pack that does not
// read is missing as a whole: its documents are read again). Files are replaced by rename, never written
// in place, so a pack mapped by one build stays as it was while another build on the same cache replaces
// it: a record's body, read when a stage needs it, comes from the mapping its head came from.
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

// Whether the cache's large files are written around the page cache (O_DIRECT, where the file system takes
// it; store.cpp write_whole). On by default; off, every file goes through the page cache (tests compare the
// two).
void set_direct_writes(bool on);

class Store {
 public:
  explicit Store(std::filesystem::path dir);

  const std::filesystem::path& dir() const { return dir_; }

  // Entries of one kind ("search", "topic-items") by key, one file each. put() is safe from several threads.
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

  // Document records, kept in packs of consecutive documents (the caller's groups).
  // A document's record, when a pack holds one and it reads, without the document's body: doc.pending
  // decodes it from the same mapped pack when a stage asks for it (Document::need_body). The packs'
  // directories are read on the first call. Safe from several threads.
  std::optional<Record> load(const Hash& key) const;
  // Saves the records of one group of documents as a pack: `keys` the members in order, `made[i]` the record
  // of member i when this build made it, empty when the one load() gave still holds (its bytes are copied
  // from the pack it came from; a member with neither is left out). A group none of whose records was made
  // again, all from one pack of exactly these keys in this order, keeps that pack untouched. Returns the
  // pack's file name, for keep_packs. Safe from several threads.
  std::string save_pack(const std::vector<Hash>& keys, const std::vector<std::string>& made) const;
  // Removes the packs not named in `keep` (groups that changed or are gone), and whatever else docs/ holds
  // (the per-document records of the former layout, temporary files of a killed build). Later loads read
  // the packs again.
  void keep_packs(const std::vector<std::string>& keep) const;

  // The output keys recorded for the folder `site` as it is now, or an empty map.
  OutputKeys outputs_of(const std::filesystem::path& site) const;
  // Records the output keys of the folder `site` (before it is swapped in: the identity moves with the
  // folder) and forgets those of other folders but `also_keep` (the site being replaced, which becomes the
  // next build's spare: write::StagedOutput::start_from).
  void save_outputs(const std::filesystem::path& site, const OutputKeys& keys, const std::filesystem::path& also_keep = {}) const;

 private:
  struct Packs;
  std::shared_ptr<const Packs> packs() const;
  std::filesystem::path entry_path(std::string_view kind, const Hash& key) const;
  std::filesystem::path dir_;
  bool usable_ = false;
  // The packs' directories, read on the first load (null until then, and again after keep_packs). Shared
  // so that the Store stays movable.
  struct PackState {
    std::mutex mutex;
    std::shared_ptr<const Packs> packs;
  };
  std::shared_ptr<PackState> pack_state_ = std::make_shared<PackState>();
};

}  // namespace acta::cache
