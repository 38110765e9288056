// Watches the inputs of a site (content folder, templates folder, config file) with inotify and says when
// something changed. Editors save in many ways (write in place, write a copy and rename it over, delete
// and recreate), so a change is any write, creation, deletion or move of a file that is not hidden or a
// backup, and a burst of events is reported as one change.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace acta::serve {

class Watcher {
 public:
  // `folders` are watched with every folder below them (new ones too); `files` alone, by name in their
  // folder. Paths that do not exist are skipped. Paths under `ignore` (the output folder) never count.
  Watcher(const std::vector<std::filesystem::path>& folders, const std::vector<std::filesystem::path>& files,
          const std::filesystem::path& ignore);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  // Waits up to `timeout` for a change; once one comes, waits until `quiet` passes with no further event,
  // then returns the changed paths (sorted, without repeats). Empty when the timeout passed first.
  std::vector<std::filesystem::path> wait(std::chrono::milliseconds timeout,
                                          std::chrono::milliseconds quiet = std::chrono::milliseconds(150));

 private:
  void add_tree(const std::filesystem::path& folder);
  void add_watch(const std::filesystem::path& folder);
  bool read_events(std::vector<std::filesystem::path>& changed);
  bool ignored(const std::filesystem::path& p) const;

  int fd_ = -1;
  std::map<int, std::filesystem::path> folders_;  // watch descriptor -> folder
  std::map<std::filesystem::path, bool> trees_;   // folder -> watched with its sub-folders
  std::vector<std::filesystem::path> files_;
  std::filesystem::path ignore_;
};

// Whether a file name is one an editor or a build leaves behind, not content: hidden names (".x", which
// include Acta's staging folders), backups ("x~"), swap files ("x.swp", "x.swx"), "#x#", "4913".
bool is_scratch_name(const std::string& name);

}  // namespace acta::serve
