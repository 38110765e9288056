// A test's temporary folder, removed when the object goes out of scope: when the test passes, when an
// ASSERT fails (which returns from the test) and when the test throws. Set ACTA_KEEP_TMP=1 in the environment
// to keep the folders for a look after a run; the path of each kept folder is then printed on stderr.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>
#include <utility>

namespace acta_test {

class TempDir {
 public:
  // <system temporary folder>/<name>-<pid>, emptied of whatever an earlier process of the same id left there,
  // and created unless `create` is false (for a test that wants the folder missing at first).
  explicit TempDir(const std::string& name, bool create = true)
      : path_(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    if (create) std::filesystem::create_directories(path_);
  }
  TempDir(TempDir&& other) noexcept : path_(std::exchange(other.path_, {})) {}
  TempDir& operator=(TempDir&& other) noexcept {
    if (this != &other) {
      remove();
      path_ = std::exchange(other.path_, {});
    }
    return *this;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() { remove(); }

  const std::filesystem::path& path() const { return path_; }
  operator const std::filesystem::path&() const& { return path_; }
  // Never from a temporary: `fs::path p = make_temp_dir()` would remove the folder at the end of the line.
  operator const std::filesystem::path&() const&& = delete;
  std::filesystem::path operator/(const std::filesystem::path& p) const { return path_ / p; }

 private:
  void remove() noexcept {
    if (path_.empty()) return;
    const char* keep = std::getenv("ACTA_KEEP_TMP");
    if (keep && std::strcmp(keep, "1") == 0) {
      std::cerr << "ACTA_KEEP_TMP=1: kept " << path_.string() << "\n";
      return;
    }
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
    if (ec) std::cerr << "could not remove " << path_.string() << ": " << ec.message() << "\n";
  }

  std::filesystem::path path_;
};

}  // namespace acta_test
