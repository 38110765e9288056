// The output folder is never written in place: a build writes a fresh staging folder beside it and swaps
// it in whole at the end, so a failed or killed build leaves the previous site as it was.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <string_view>

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

  // Writes a file under the staging folder. `relative` must stay inside it.
  void write(const std::filesystem::path& relative, std::string_view content) const;

  // Files written so far, and how many of them are HTML pages.
  std::size_t files_written() const { return files_; }
  std::size_t pages_written() const { return pages_; }

  // Called after each file is written, with the number written so far (from any thread).
  void on_write(std::function<void(std::size_t files)> observer) { observer_ = std::move(observer); }

  // Swaps the staging folder in as the target (atomically where the system allows), then removes the old
  // site.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool committed_ = false;
  mutable std::atomic<std::size_t> files_{0};
  mutable std::atomic<std::size_t> pages_{0};
  std::function<void(std::size_t)> observer_;
};

}  // namespace acta::write
