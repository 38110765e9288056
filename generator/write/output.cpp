#include "write/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unordered_set>

#include "util/error.hpp"
#include "util/files.hpp"
#include "util/parallel.hpp"

namespace acta::write {

namespace fs = std::filesystem;

namespace {
std::int64_t mtime_ns(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

const char* kStagingTag = ".acta-staging-";
const char* kOldTag = ".acta-old-";

// Removes a previous site: its top folders side by side (unlinking in two folders at once does not wait on
// one folder's lock), then the rest.
void remove_site(const fs::path& dir) {
  std::vector<fs::path> parts;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_directory(ec) && !e.is_symlink(ec)) parts.push_back(e.path());
  parallel_for(parts.size(), [&](std::size_t i) { files::remove_tree(parts[i]); });
  files::remove_tree(dir);
}

bool is_same_or_parent(const fs::path& maybe_parent, const fs::path& p) {
  auto rel = p.lexically_relative(maybe_parent);
  return !rel.empty() && *rel.begin() != "..";
}
}  // namespace

StagedOutput::StagedOutput(fs::path target) {
  std::error_code ec;
  target_ = fs::weakly_canonical(fs::absolute(target), ec);
  if (target_.empty() || target_ == target_.root_path() || !target_.has_filename())
    throw SourceError({target.string(), 0}, "refusing to use this folder as the output folder");
  if (is_same_or_parent(target_, fs::current_path()))
    throw SourceError({files::display(target_), 0}, "the output folder contains the current folder; choose another 'output:'");
  fs::path parent = target_.parent_path();
  fs::create_directories(parent, ec);
  if (ec) throw SourceError({files::display(parent), 0}, "cannot create folder: " + ec.message());
  // Leftovers of builds that were killed: never the live site.
  const std::string base = "." + target_.filename().string();
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(base + kStagingTag, 0) == 0 || name.rfind(base + kOldTag, 0) == 0) files::remove_tree(entry.path());
  }
  staging_ = parent / (base + kStagingTag + std::to_string(::getpid()));
  files::remove_tree(staging_);
  fs::create_directories(staging_, ec);
  if (!ec) staging_fd_ = ::open(staging_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (ec || staging_fd_ < 0)
    throw SourceError({files::display(staging_), 0},
                      "cannot create the staging folder: " + (ec ? ec.message() : std::string(std::strerror(errno))));
}

StagedOutput::~StagedOutput() {
  if (staging_fd_ >= 0) ::close(staging_fd_);
  if (target_fd_ >= 0) ::close(target_fd_);
  if (!committed_) files::remove_tree(staging_);
}

void StagedOutput::set_previous(cache::OutputKeys previous) {
  previous_ = std::move(previous);
  previous_paths_.clear();
  previous_paths_.reserve(previous_.size());
  for (const auto& [path, entry] : previous_)
    if (!entry.key.empty()) previous_paths_.try_emplace(entry.key, path);
  if (target_fd_ < 0 && !previous_.empty()) target_fd_ = ::open(target_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

// Creates `relative` under the staging folder for writing, making its folders on first use.
int StagedOutput::create(const fs::path& relative) const {
  int fd = ::openat(staging_fd_, relative.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0 && errno == ENOENT && relative.has_parent_path()) {
    std::error_code ec;
    fs::create_directories(staging_ / relative.parent_path(), ec);
    fd = ::openat(staging_fd_, relative.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  }
  if (fd < 0) throw SourceError({files::display(staging_ / relative), 0}, std::string("cannot write file: ") + std::strerror(errno));
  return fd;
}

void StagedOutput::write(const fs::path& relative, std::string_view content, const cache::Hash& key) const {
  fs::path clean = relative.lexically_normal();
  if (clean.is_absolute() || clean.empty() || *clean.begin() == "..")
    throw SourceError({relative.string(), 0}, "refusing to write outside the output folder");
  // A spare's file may be a link to the current site's: replaced, never truncated.
  if (recycled_) clear_way(clean);
  int fd = create(clean);
  for (std::size_t done = 0; done < content.size();) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int err = errno;
      ::close(fd);
      throw SourceError({files::display(staging_ / clean), 0},
                        std::string("cannot write file: ") + (n < 0 ? std::strerror(err) : "no space written (disk full?)"));
    }
    done += static_cast<std::size_t>(n);
  }
  struct stat st {};
  bool stated = !key.empty() && ::fstat(fd, &st) == 0;
  if (::close(fd) != 0)
    throw SourceError({files::display(staging_ / clean), 0}, std::string("cannot write file: ") + std::strerror(errno));
  if (stated) record(clean.generic_string(), {key, static_cast<std::uint64_t>(st.st_size), mtime_ns(st)});
  made(clean.generic_string());
  if (clean.extension() == ".html") ++pages_;
  std::size_t n = ++files_;
  if (observer_) observer_(n);
}

namespace {
// The file at `relative` under `dir` is as a build left it: same size and modification time (not edited in
// place since).
bool unchanged(int dir, const std::string& relative, const cache::OutputEntry& e) {
  struct stat st {};
  return ::fstatat(dir, relative.c_str(), &st, 0) == 0 && static_cast<std::uint64_t>(st.st_size) == e.size &&
         mtime_ns(st) == e.mtime_ns;
}
}  // namespace

bool StagedOutput::reuse(const std::string& relative, const cache::Hash& key) const {
  if (key.empty()) return false;
  if (recycled_) {  // already in the staging folder
    auto s = spare_.find(relative);
    if (s != spare_.end() && s->second.key == key && unchanged(staging_fd_, relative, s->second)) return count_reused(relative, s->second);
  }
  auto it = previous_.find(relative);
  return it != previous_.end() && it->second.key == key && link_previous(relative, relative, it->second);
}

bool StagedOutput::reuse_moved(const std::string& relative, const cache::Hash& key) const {
  if (reuse(relative, key)) return true;
  auto moved = previous_paths_.find(key);  // never an empty key: set_previous() leaves those out
  if (moved == previous_paths_.end() || moved->second == relative) return false;
  return link_previous(moved->second, relative, previous_.at(moved->second));
}

// Links the current site's file `from`, as the previous build left it (`entry`), into the new site at
// `relative`; false when it was changed since or cannot be linked (the caller then makes the file).
bool StagedOutput::link_previous(const std::string& from, const std::string& relative, const cache::OutputEntry& entry) const {
  if (target_fd_ < 0 || !unchanged(target_fd_, from, entry)) return false;
  if (recycled_) clear_way(relative);  // the spare's own, made from another key
  if (::linkat(target_fd_, from.c_str(), staging_fd_, relative.c_str(), 0) != 0) {
    if (errno != ENOENT) return false;
    std::error_code ec;
    fs::create_directories((staging_ / relative).parent_path(), ec);  // the first file of its folder
    if (::linkat(target_fd_, from.c_str(), staging_fd_, relative.c_str(), 0) != 0) return false;
  }
  return count_reused(relative, entry);
}

bool StagedOutput::count_reused(const std::string& relative, const cache::OutputEntry& entry) const {
  record(relative, entry);
  made(relative);
  ++reused_;
  if (fs::path(relative).extension() == ".html") ++pages_;
  std::size_t n = ++files_;
  if (observer_) observer_(n);
  return true;
}

bool StagedOutput::overlaps_target(const fs::path& p) const {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(fs::absolute(p), ec);
  return is_same_or_parent(canonical, target_) || is_same_or_parent(target_, canonical);
}

void StagedOutput::keep_replaced_as(fs::path spare) {
  if (!overlaps_target(spare)) keep_as_ = std::move(spare);
}

void StagedOutput::start_from(const fs::path& spare, cache::OutputKeys keys) {
  std::error_code ec;
  if (overlaps_target(spare) || !fs::is_directory(fs::symlink_status(spare, ec))) return;
  if (keys.empty() || files_ > 0 || recycled_) {
    files::remove_tree(spare);  // nothing says what its files were made from
    return;
  }
  // The empty staging folder is replaced by the spare, under the staging name (so a killed build's is
  // cleaned up as any other staging folder).
  ::close(staging_fd_);
  staging_fd_ = -1;
  if (::rmdir(staging_.c_str()) == 0 && ::rename(spare.c_str(), staging_.c_str()) == 0) {
    spare_ = std::move(keys);
    recycled_ = true;
    // A site has only folders and regular files: a link put in the spare (a folder linked elsewhere) would
    // take what this build writes out of the staging folder, so anything else goes first.
    if (int fd = ::open(staging_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0)
      files::remove_all_but(fd, [](const std::string&) { return true; });
  } else {
    files::remove_tree(spare);
    fs::create_directories(staging_, ec);
  }
  staging_fd_ = ::open(staging_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (staging_fd_ < 0)
    throw SourceError({files::display(staging_), 0}, std::string("cannot open the staging folder: ") + std::strerror(errno));
}

// Makes room at `relative` in a staging folder that was a spare: its file is removed, and so is whatever
// is in the way of the path (a folder where the file goes, a file where one of its folders goes).
void StagedOutput::clear_way(const fs::path& relative) const {
  if (::unlinkat(staging_fd_, relative.c_str(), 0) == 0) return;
  const int err = errno;
  if (err == EISDIR || err == EPERM) {  // a folder where the file goes
    files::remove_tree(staging_ / relative);
  } else if (err == ENOTDIR) {  // a file where one of its folders goes
    fs::path prefix;
    for (const auto& part : relative.parent_path()) {
      prefix /= part;
      struct stat st {};
      if (::fstatat(staging_fd_, prefix.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISDIR(st.st_mode)) {
        ::unlinkat(staging_fd_, prefix.c_str(), 0);
        return;
      }
    }
  }  // ENOENT: nothing there
}

void StagedOutput::made(std::string relative) const {
  std::lock_guard lock(keys_mutex_);
  made_.push_back(std::move(relative));
}

std::vector<std::string> StagedOutput::files() const {
  std::lock_guard lock(keys_mutex_);
  std::vector<std::string> out = made_;
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The spare's files that this build did not make (a removed document's, say) leave the staging folder.
void StagedOutput::prune() const {
  if (!recycled_) return;
  std::lock_guard lock(keys_mutex_);
  std::unordered_set<std::string_view> keep(made_.begin(), made_.end());
  int fd = ::dup(staging_fd_);
  if (fd >= 0) files::remove_all_but(fd, [&](const std::string& path) { return keep.count(path) != 0; });
}

// The site that was replaced: kept as the next build's spare when asked, else removed.
void StagedOutput::retire(const fs::path& old) const {
  if (!keep_as_.empty()) {
    files::remove_tree(keep_as_);  // a spare left there (start_from() takes it when there is one)
    if (::rename(old.c_str(), keep_as_.c_str()) == 0) return;
  }
  remove_site(old);
}

void StagedOutput::record(std::string relative, const cache::OutputEntry& entry) const {
  std::lock_guard lock(keys_mutex_);
  keys_.emplace_back(std::move(relative), entry);
}

cache::OutputKeys StagedOutput::keys() const {
  std::lock_guard lock(keys_mutex_);
  return cache::OutputKeys(keys_.begin(), keys_.end());
}

void StagedOutput::commit() {
  prune();
  std::error_code ec;
  if (fs::exists(target_, ec) || fs::is_symlink(target_, ec)) {
    if (!fs::is_directory(target_, ec))
      throw SourceError({files::display(target_), 0}, "the output path exists and is not a folder; remove it or choose another 'output:'");
    // renameat2(RENAME_EXCHANGE) swaps both names in one step: there is no moment without a site.
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) == 0) {
      committed_ = true;
      fs::path old = target_.parent_path() / ("." + target_.filename().string() + kOldTag + std::to_string(::getpid()));
      fs::rename(staging_, old, ec);  // staging_ now holds the previous site
      retire(ec ? staging_ : old);
      return;
    }
    // Filesystems without RENAME_EXCHANGE: move the old site aside, then move the new one in.
    fs::path old = target_.parent_path() / ("." + target_.filename().string() + kOldTag + std::to_string(::getpid()));
    fs::rename(target_, old, ec);
    if (ec) throw SourceError({files::display(target_), 0}, "cannot replace the output folder: " + ec.message());
    fs::rename(staging_, target_, ec);
    if (ec) {
      std::error_code ignore;
      fs::rename(old, target_, ignore);
      throw SourceError({files::display(target_), 0}, "cannot move the new site in place: " + ec.message());
    }
    committed_ = true;
    retire(old);
    return;
  }
  fs::rename(staging_, target_, ec);
  if (ec) throw SourceError({files::display(target_), 0}, "cannot move the new site in place: " + ec.message());
  committed_ = true;
}

}  // namespace acta::write
