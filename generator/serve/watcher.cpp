#include "serve/watcher.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "util/error.hpp"
#include "util/files.hpp"

namespace acta::serve {

namespace fs = std::filesystem;

namespace {
constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY |
                           IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB;

fs::path normal(const fs::path& p) {
  std::error_code ec;
  auto c = fs::weakly_canonical(fs::absolute(p), ec);
  return ec ? fs::absolute(p).lexically_normal() : c;
}

bool inside(const fs::path& p, const fs::path& root) {
  if (root.empty()) return false;
  auto rel = p.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}
}  // namespace

bool is_scratch_name(const std::string& name) {
  auto ends = [&](const char* s) {
    std::size_t n = std::strlen(s);
    return name.size() >= n && name.compare(name.size() - n, n, s) == 0;
  };
  return name.empty() || name[0] == '.' || name[0] == '#' || ends("~") || ends(".swp") || ends(".swx") || name == "4913";
}

Watcher::Watcher(const std::vector<fs::path>& folders, const std::vector<fs::path>& files, const fs::path& ignore)
    : ignore_(normal(ignore)) {
  fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) throw SourceError({"inotify", 0}, std::string("cannot watch files: ") + std::strerror(errno) +
                                                     "; raise fs.inotify.max_user_instances or use 'acta build'");
  for (const auto& f : folders) {
    fs::path n = normal(f);
    trees_[n] = true;
    add_tree(n);
  }
  for (const auto& f : files) {
    fs::path n = normal(f);
    files_.push_back(n);
    if (!trees_.count(n.parent_path())) trees_.emplace(n.parent_path(), false);
    add_watch(n.parent_path());
  }
}

Watcher::~Watcher() {
  if (fd_ >= 0) ::close(fd_);
}

void Watcher::add_tree(const fs::path& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec) || ignored(folder)) return;
  add_watch(folder);
  for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_directory(ec)) continue;
    if (ignored(it->path())) {
      it.disable_recursion_pending();
      continue;
    }
    add_watch(it->path());
  }
}

void Watcher::add_watch(const fs::path& folder) {
  for (const auto& [wd, f] : folders_)
    if (f == folder) return;
  int wd = ::inotify_add_watch(fd_, folder.c_str(), kMask);
  if (wd >= 0) folders_[wd] = folder;
}

bool Watcher::ignored(const fs::path& p) const {
  return p == ignore_ || inside(p, ignore_) || is_scratch_name(p.filename().string());
}

// Reads what is queued; returns whether any event counted.
bool Watcher::read_events(std::vector<fs::path>& changed) {
  alignas(inotify_event) char buf[16384];
  bool any = false;
  for (;;) {
    ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n <= 0) break;
    for (char* p = buf; p < buf + n;) {
      auto* ev = reinterpret_cast<inotify_event*>(p);
      p += sizeof(inotify_event) + ev->len;
      auto it = folders_.find(ev->wd);
      if (it == folders_.end()) continue;
      fs::path folder = it->second;
      if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
        if (ev->mask & IN_IGNORED) folders_.erase(ev->wd);
        if (trees_.count(folder) && trees_[folder]) {
          changed.push_back(folder);
          any = true;
        }
        continue;
      }
      if (ev->len == 0) continue;
      fs::path path = folder / ev->name;
      if (ignored(path)) continue;
      // A file watched alone counts only by its own name; everything in a watched tree counts.
      bool in_tree = false;
      for (const auto& [root, recursive] : trees_)
        if (recursive && (folder == root || inside(folder, root))) in_tree = true;
      if (!in_tree && std::find(files_.begin(), files_.end(), path) == files_.end()) continue;
      if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) add_tree(path);
      changed.push_back(path);
      any = true;
    }
  }
  return any;
}

std::vector<fs::path> Watcher::wait(std::chrono::milliseconds timeout, std::chrono::milliseconds quiet) {
  std::vector<fs::path> changed;
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return changed;
  read_events(changed);
  // Let the burst settle: an editor's save, a `git checkout`, a folder copied in.
  while (::poll(&p, 1, static_cast<int>(quiet.count())) > 0) read_events(changed);
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  return changed;
}

}  // namespace acta::serve
