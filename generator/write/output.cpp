#include "write/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "util/error.hpp"
#include "util/files.hpp"

namespace acta::write {

namespace fs = std::filesystem;

namespace {
std::int64_t mtime_ns(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

const char* kStagingTag = ".acta-staging-";
const char* kOldTag = ".acta-old-";

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
    if (name.rfind(base + kStagingTag, 0) == 0 || name.rfind(base + kOldTag, 0) == 0) fs::remove_all(entry.path(), ec);
  }
  staging_ = parent / (base + kStagingTag + std::to_string(::getpid()));
  fs::remove_all(staging_, ec);
  fs::create_directories(staging_, ec);
  if (ec) throw SourceError({files::display(staging_), 0}, "cannot create the staging folder: " + ec.message());
}

StagedOutput::~StagedOutput() {
  if (!committed_) {
    std::error_code ec;
    fs::remove_all(staging_, ec);
  }
}

void StagedOutput::write(const fs::path& relative, std::string_view content, const cache::Hash& key) const {
  fs::path clean = relative.lexically_normal();
  if (clean.is_absolute() || clean.empty() || *clean.begin() == "..")
    throw SourceError({relative.string(), 0}, "refusing to write outside the output folder");
  files::write(staging_ / clean, content);
  if (!key.empty()) {
    struct stat st {};
    if (::stat((staging_ / clean).c_str(), &st) == 0)
      record(clean.generic_string(), {key, static_cast<std::uint64_t>(st.st_size), mtime_ns(st)});
  }
  if (clean.extension() == ".html") ++pages_;
  std::size_t n = ++files_;
  if (observer_) observer_(n);
}

bool StagedOutput::reuse(const std::string& relative, const cache::Hash& key) const {
  auto it = previous_.find(relative);
  if (it == previous_.end() || it->second.key != key || key.empty()) return false;
  struct stat st {};  // the file as the previous build left it, not edited in place since
  if (::stat((target_ / relative).c_str(), &st) != 0 || static_cast<std::uint64_t>(st.st_size) != it->second.size ||
      mtime_ns(st) != it->second.mtime_ns)
    return false;
  fs::path to = staging_ / relative;
  if (::link((target_ / relative).c_str(), to.c_str()) != 0) {
    if (errno != ENOENT) return false;
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);  // the first file of its folder
    if (::link((target_ / relative).c_str(), to.c_str()) != 0) return false;
  }
  record(relative, it->second);
  ++reused_;
  if (fs::path(relative).extension() == ".html") ++pages_;
  std::size_t n = ++files_;
  if (observer_) observer_(n);
  return true;
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
  std::error_code ec;
  if (fs::exists(target_, ec) || fs::is_symlink(target_, ec)) {
    if (!fs::is_directory(target_, ec))
      throw SourceError({files::display(target_), 0}, "the output path exists and is not a folder; remove it or choose another 'output:'");
    // renameat2(RENAME_EXCHANGE) swaps both names in one step: there is no moment without a site.
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) == 0) {
      committed_ = true;
      fs::path old = target_.parent_path() / ("." + target_.filename().string() + kOldTag + std::to_string(::getpid()));
      fs::rename(staging_, old, ec);  // staging_ now holds the previous site
      fs::remove_all(ec ? staging_ : old, ec);
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
    fs::remove_all(old, ec);
    return;
  }
  fs::rename(staging_, target_, ec);
  if (ec) throw SourceError({files::display(target_), 0}, "cannot move the new site in place: " + ec.message());
  committed_ = true;
}

}  // namespace acta::write
