// The output folder is never written in place: a build writes a fresh staging folder beside it and swaps
// it in whole at the end, so a failed or killed build leaves the previous site as it was.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cache/hash.hpp"
#include "cache/store.hpp"

namespace acta::write {

class StagedOutput {
 public:
  // Prepares a staging folder next to `target` (removing stale ones from killed builds). Refuses targets
  // that would destroy something else: the filesystem root, the current folder or a parent of it.
  explicit StagedOutput(std::filesystem::path target);
  ~StagedOutput();  // removes the staging folder unless commit() succeeded
  StagedOutput(const StagedOutput&) = delete;
  StagedOutput& operator=(const StagedOutput&) = delete;

  const std::filesystem::path& dir() const { return staging_; }

  // Writes a file under the staging folder. `relative` must stay inside it. `key`, when given, is the hash
  // of everything the content was made from, recorded so that the next build can reuse the file.
  void write(const std::filesystem::path& relative, std::string_view content, const cache::Hash& key = {}) const;

  // Incremental builds. `previous` is what the current output folder holds (Store::outputs_of). reuse()
  // puts the current site's file at `relative` into the new site (a hard link: no copy, and the old file
  // is never written to) when it was made from the same `key`, and says whether it did; the caller
  // then makes the file itself.
  void set_previous(cache::OutputKeys previous);
  bool reuse(const std::string& relative, const cache::Hash& key) const;
  // As reuse(), and when the current site has no file at `relative` made from `key`, one made from `key` at
  // another path is linked to `relative`. Only for files whose content does not depend on their path (a
  // file named by its document's place in the archive, which moves when a document before it is added or
  // removed): whatever the key does not name must not change the content.
  bool reuse_moved(const std::string& relative, const cache::Hash& key) const;

  // Double buffering: starts the new site from `spare`, a site an earlier build made (`keys`: what made its
  // files), instead of from an empty folder. Its files made from the right key stay where they are (reuse()
  // then costs one stat), the others are replaced (never written in place: a spare's file may be a link to
  // the current site's), and commit() removes those this build did not make. An edit then costs work in
  // proportion to what changed, not to the size of the site. Without keys the spare is only removed. A
  // `spare` that is the target, holds it or is in it (`cache: .cache` with `output: .cache/spare-site`)
  // is never used: the live site is never taken apart.
  void start_from(const std::filesystem::path& spare, cache::OutputKeys keys);
  // At commit, the replaced site is moved to `spare` for the next build's start_from(), not removed (the
  // same `spare` as there, and ignored likewise).
  void keep_replaced_as(std::filesystem::path spare);
  std::size_t files_reused() const { return reused_; }

  // The keys of the files written or reused with a key, for the next build.
  cache::OutputKeys keys() const;

  // The files of the new site so far (written or reused), '/'-separated, sorted.
  std::vector<std::string> files() const;

  // Files written so far, and how many of them are HTML pages.
  std::size_t files_written() const { return files_; }
  std::size_t pages_written() const { return pages_; }

  // Called after each file is written, with the number written so far (from any thread).
  void on_write(std::function<void(std::size_t files)> observer) { observer_ = std::move(observer); }

  // Swaps the staging folder in as the target (atomically where the system allows), then removes the old
  // site (or keeps it as the spare, keep_replaced_as()).
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  int staging_fd_ = -1;  // the staging folder, and the current site when files are reused from it: files are
  int target_fd_ = -1;   // made and linked relative to these (no walk of the whole path for each file)
  bool committed_ = false;
  mutable std::atomic<std::size_t> files_{0};
  mutable std::atomic<std::size_t> pages_{0};
  mutable std::atomic<std::size_t> reused_{0};
  cache::OutputKeys previous_;
  struct KeyHash {
    std::size_t operator()(const cache::Hash& h) const { return static_cast<std::size_t>(h.lo ^ h.hi); }
  };
  std::unordered_map<cache::Hash, std::string, KeyHash> previous_paths_;  // previous_ by key (one path of each)
  cache::OutputKeys spare_;  // what made the files the staging folder started with (start_from)
  bool recycled_ = false;
  std::filesystem::path keep_as_;
  mutable std::vector<std::string> made_;  // every file of this build (written or reused)
  mutable std::mutex keys_mutex_;
  mutable std::vector<std::pair<std::string, cache::OutputEntry>> keys_;
  bool link_previous(const std::string& from, const std::string& relative, const cache::OutputEntry& entry) const;
  bool count_reused(const std::string& relative, const cache::OutputEntry& entry) const;  // true
  void record(std::string relative, const cache::OutputEntry& entry) const;
  void made(std::string relative) const;
  void clear_way(const std::filesystem::path& relative) const;
  int create(const std::filesystem::path& relative) const;
  void prune() const;
  bool overlaps_target(const std::filesystem::path& p) const;
  void retire(const std::filesystem::path& old) const;
  std::function<void(std::size_t)> observer_;
};

}  // namespace acta::write
