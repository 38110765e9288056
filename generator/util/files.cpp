#include "util/files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "util/error.hpp"

namespace acta::files {

namespace fs = std::filesystem;

// Sized by fstat and read() straight into the string (a stream copied through a growing buffer cost a sixth
// of reading the sources). Files that grow while read, or report no size (/proc), are read to the end.
void read_into(const fs::path& path, std::string& out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw SourceError({display(path), 0}, std::string("cannot read file: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    int err = S_ISDIR(st.st_mode) ? EISDIR : errno;
    ::close(fd);
    throw SourceError({display(path), 0}, std::string("cannot read file: ") + std::strerror(err));
  }
  out.clear();
  out.resize(static_cast<std::size_t>(std::max<off_t>(st.st_size, 0)) + 1);  // +1: the end seen in one call
  std::size_t got = 0;
  for (;;) {
    if (got == out.size()) out.resize(out.size() * 2);
    auto r = ::read(fd, out.data() + got, out.size() - got);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      int err = errno;
      ::close(fd);
      throw SourceError({display(path), 0}, std::string("cannot read file: ") + std::strerror(err));
    }
    if (r == 0) break;
    got += static_cast<std::size_t>(r);
  }
  ::close(fd);
  out.resize(got);
}

std::string read(const fs::path& path) {
  std::string out;
  read_into(path, out);
  return out;
}

void write(const fs::path& path, std::string_view content) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw SourceError({display(path), 0}, std::string("cannot write file: ") + std::strerror(errno));
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.flush();
  if (!out) throw SourceError({display(path), 0}, "cannot write file (disk full?)");
}

namespace {
void remove_under(int fd, const std::string& prefix, const std::function<bool(const std::string&)>& keep) {
  DIR* dir = ::fdopendir(fd);
  if (!dir) {
    ::close(fd);
    return;
  }
  // The folder is read whole before anything is removed: a folder read while its entries go may skip some.
  struct Entry {
    std::string name;
    unsigned char type;
  };
  std::vector<Entry> entries;
  while (const dirent* e = ::readdir(dir)) {
    const char* name = e->d_name;
    if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0))) continue;
    unsigned char type = e->d_type;
    if (type == DT_UNKNOWN) {
      struct stat st {};
      type = ::fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 ? DT_UNKNOWN
             : S_ISDIR(st.st_mode)                             ? DT_DIR
             : S_ISREG(st.st_mode)                             ? DT_REG
                                                               : DT_LNK;  // or another special file
    }
    entries.push_back({name, type});
  }
  for (const auto& [name, type] : entries) {
    if (type == DT_DIR) {
      int sub = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (sub >= 0) remove_under(sub, keep ? prefix + name + "/" : prefix, keep);
      ::unlinkat(fd, name.c_str(), AT_REMOVEDIR);  // only when empty now
    } else if (!keep || type != DT_REG || !keep(prefix + name)) {
      ::unlinkat(fd, name.c_str(), 0);
    }
  }
  ::closedir(dir);
}
}  // namespace

void remove_all_but(int fd, const std::function<bool(const std::string&)>& keep) { remove_under(fd, "", keep); }

void remove_tree(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    ::unlink(path.c_str());  // a file or a link, not a folder
    return;
  }
  remove_all_but(fd);
  ::rmdir(path.c_str());
}

std::string display(const fs::path& path) {
  // The working folder, once: Acta never changes it, and asking for it was a fifth of reading from the cache.
  static const std::pair<fs::path, bool> working = [] {
    std::error_code ec;
    auto p = fs::current_path(ec);
    return std::pair{p, !ec};
  }();
  const auto& [cwd, known] = working;
  if (known && path.is_absolute()) {
    auto rel = path.lexically_relative(cwd);
    if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
  }
  return path.generic_string();
}

}  // namespace acta::files
