#include "cache/store.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <set>

#include "util/files.hpp"

namespace acta::cache {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kOutputsMagic = "acta-outputs-2\n";

// Writes `bytes` to `path` through a temporary file, so a reader never sees half a file. System calls
// only: a build writes one record per document, and a stream and a check of the folder for each cost more
// than the write (the folder is made only when the file cannot be).
bool write_whole(const fs::path& path, std::string_view bytes) {
  const std::string tmp = path.string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                          std::to_string(std::hash<std::string>{}(path.string()) & 0xffff);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0 && errno == ENOENT) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  }
  if (fd < 0) return false;
  bool ok = true;
  for (std::size_t done = 0; ok && done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  ok = ::close(fd) == 0 && ok;
  if (ok && ::rename(tmp.c_str(), path.c_str()) == 0) return true;
  ::unlink(tmp.c_str());
  return false;
}

// Reads the file at `path` into `b` (its memory reused: a buffer kept per thread spares the page faults of a
// fresh one for every record).
bool read_into(const fs::path& path, std::string& b) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  bool ok = false;
  if (::fstat(fd, &st) == 0) {
    b.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (got < b.size()) {
      auto r = ::read(fd, b.data() + got, b.size() - got);
      if (r <= 0) break;
      got += static_cast<std::size_t>(r);
    }
    ok = got == b.size();
  }
  ::close(fd);
  return ok;
}

std::optional<std::string> read_whole(const fs::path& path) {
  std::string b;
  if (!read_into(path, b)) return std::nullopt;
  return b;
}

std::string site_identity(const fs::path& site) {
  struct stat st {};
  if (::stat(site.c_str(), &st) != 0) return "";
  return std::to_string(st.st_dev) + "-" + std::to_string(st.st_ino);
}

}  // namespace

Store::Store(fs::path dir) : dir_(std::move(dir)) {
  std::error_code ec;
  fs::create_directories(dir_ / "docs", ec);
  if (ec) return;
  usable_ = true;
  if (!fs::exists(dir_ / "CACHEDIR.TAG", ec))
    write_whole(dir_ / "CACHEDIR.TAG",
                "Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This folder is Acta's build cache. It is not part of the site and can be deleted at any time;\n"
                "# the next build is then a full one.\n");
}

fs::path Store::entry_path(std::string_view kind, const Hash& key) const {
  std::string hex = key.hex();
  return dir_ / kind / hex.substr(0, 2) / hex;
}

std::optional<Store::Mapped> Store::map(std::string_view kind, const Hash& key) const {
  if (!usable_) return std::nullopt;
  const fs::path path = entry_path(kind, key);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  void* at = MAP_FAILED;
  if (::fstat(fd, &st) == 0 && st.st_size > 0) at = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (at == MAP_FAILED) {
    auto bytes = read_whole(path);
    if (!bytes) return std::nullopt;
    auto owned = std::make_shared<const std::string>(std::move(*bytes));
    return Mapped{*owned, owned};
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  std::shared_ptr<const void> owner(at, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
  return Mapped{std::string_view(static_cast<const char*>(at), size), std::move(owner)};
}

void Store::put(std::string_view kind, const Hash& key, std::string_view bytes) const {
  if (usable_) write_whole(entry_path(kind, key), bytes);
}

std::optional<Record> Store::load(const Hash& key) const {
  if (!usable_) return std::nullopt;
  thread_local std::string bytes;
  fs::path path = entry_path("docs", key);
  if (!read_into(path, bytes)) return std::nullopt;
  auto record = decode_head(bytes);
  if (!record) return std::nullopt;
  // The body is read again from the same file when a stage needs it; the file is the one whose head was
  // read unless something else wrote the cache meanwhile, which is then said.
  record->doc.pending->read = [path, content = record->content](model::Document& doc) {
    thread_local std::string again;
    if (!read_into(path, again) || !decode_body(again, content, doc))
      throw SourceError({files::display(path), 0},
                        "the build cache changed while this build was reading it (another build at the same time?); "
                        "build again, or delete the cache folder");
  };
  return record;
}

void Store::keep_only(std::string_view kind, const std::vector<Hash>& keep) const {
  if (!usable_) return;
  std::set<std::string> names;
  for (const auto& k : keep) names.insert(k.hex());
  std::error_code ec;
  for (const auto& sub : fs::directory_iterator(dir_ / kind, ec)) {
    std::error_code ec2;
    for (const auto& f : fs::directory_iterator(sub.path(), ec2))
      if (!names.count(f.path().filename().string())) fs::remove(f.path(), ec2);
  }
}

OutputKeys Store::outputs_of(const fs::path& site) const {
  OutputKeys keys;
  std::string id = site_identity(site);
  if (!usable_ || id.empty()) return keys;
  auto bytes = read_whole(dir_ / "outputs" / id);
  if (!bytes || bytes->compare(0, kOutputsMagic.size(), kOutputsMagic) != 0) return keys;
  // Lines: hex key, size, modification time (ns), path, separated by spaces.
  std::size_t i = kOutputsMagic.size();
  while (i < bytes->size()) {
    auto end = bytes->find('\n', i);
    if (end == std::string::npos || end - i < 34 || (*bytes)[i + 32] != ' ') return {};  // torn: use none
    OutputEntry e;
    std::size_t sp1 = bytes->find(' ', i + 33), sp2 = sp1 == std::string::npos ? sp1 : bytes->find(' ', sp1 + 1);
    if (sp2 == std::string::npos || sp2 >= end) return {};
    try {
      e.key.hi = std::stoull(bytes->substr(i, 16), nullptr, 16);
      e.key.lo = std::stoull(bytes->substr(i + 16, 16), nullptr, 16);
      e.size = std::stoull(bytes->substr(i + 33, sp1 - i - 33));
      e.mtime_ns = std::stoll(bytes->substr(sp1 + 1, sp2 - sp1 - 1));
    } catch (...) {
      return {};
    }
    keys.emplace(bytes->substr(sp2 + 1, end - sp2 - 1), e);
    i = end + 1;
  }
  return keys;
}

void Store::save_outputs(const fs::path& site, const OutputKeys& keys, const fs::path& also_keep) const {
  std::string id = site_identity(site);
  std::string kept = also_keep.empty() ? "" : site_identity(also_keep);
  if (!usable_ || id.empty()) return;
  std::vector<std::pair<std::string, OutputEntry>> sorted(keys.begin(), keys.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string bytes(kOutputsMagic);
  for (const auto& [path, e] : sorted)
    bytes += e.key.hex() + " " + std::to_string(e.size) + " " + std::to_string(e.mtime_ns) + " " + path + "\n";
  std::error_code ec;
  for (const auto& f : fs::directory_iterator(dir_ / "outputs", ec))
    if (f.path().filename() != id && (kept.empty() || f.path().filename() != kept)) fs::remove(f.path(), ec);
  write_whole(dir_ / "outputs" / id, bytes);
}

}  // namespace acta::cache
