#include "cache/store.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <set>

#include "cache/pack.hpp"
#include "util/files.hpp"

namespace acta::cache {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kOutputsMagic = "acta-outputs-2\n";

std::atomic<bool> direct_writes_on{true};

// Opens (creates, truncates) `path` for writing with `flags` added, making its folder when that is missing.
int open_new(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | flags, 0666);
  if (fd < 0 && errno == ENOENT) {
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | flags, 0666);
  }
  return fd;
}

// Writes `parts` to `fd`, opened with O_DIRECT: copied into a buffer aligned to 4 KiB (kept per thread),
// padded to whole blocks, written, and the file cut to `total` bytes. False when the file system refuses
// any of it; the caller then writes the file the usual way.
bool write_direct(int fd, const std::vector<std::string_view>& parts, std::size_t total) {
  constexpr std::size_t kBlock = 4096;  // a multiple of every device's logical block
  const std::size_t padded = (total + kBlock - 1) / kBlock * kBlock;
  struct Free {
    void operator()(char* p) const { std::free(p); }
  };
  thread_local std::unique_ptr<char, Free> buffer;
  thread_local std::size_t capacity = 0;
  if (padded > capacity) {
    buffer.reset(static_cast<char*>(std::aligned_alloc(kBlock, padded)));
    capacity = buffer ? padded : 0;
    if (!buffer) return false;
  }
  char* at = buffer.get();
  for (std::string_view bytes : parts) {
    if (!bytes.empty()) std::memcpy(at, bytes.data(), bytes.size());
    at += bytes.size();
  }
  std::memset(at, 0, padded - total);
  for (std::size_t done = 0; done < padded;) {
    ssize_t n = ::write(fd, buffer.get() + done, padded - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || static_cast<std::size_t>(n) % kBlock != 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return ::ftruncate(fd, static_cast<off_t>(total)) == 0;
}

// Writes `parts`, one after the other, to `path` through a temporary file, so a reader never sees half a
// file. System calls only: a stream and a check of the folder for each file cost more than the write (the
// folder is made only when the file cannot be).
// A large file (a pack, a search group, the topic items, the output list: hundreds of KiB to megabytes)
// goes around the page cache (O_DIRECT): the next build reads it, this one never does, and in a full build
// the cache's third of a gigabyte otherwise took as many fresh pages of memory, which cost more system time
// than the device's write (benches: README). Small files are written through the page cache, where one
// write costs less than waiting on the device.
bool write_whole(const fs::path& path, const std::vector<std::string_view>& parts) {
  constexpr std::size_t kDirectFrom = std::size_t{256} << 10;
  const std::string tmp = path.string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                          std::to_string(std::hash<std::string>{}(path.string()) & 0xffff);
  std::size_t total = 0;
  for (std::string_view bytes : parts) total += bytes.size();
  if (total >= kDirectFrom && direct_writes_on.load(std::memory_order_relaxed)) {
    if (int fd = open_new(tmp, O_DIRECT); fd >= 0) {
      bool ok = write_direct(fd, parts, total);
      ok = ::close(fd) == 0 && ok;
      if (ok && ::rename(tmp.c_str(), path.c_str()) == 0) return true;
      ::unlink(tmp.c_str());
    }
  }
  int fd = open_new(tmp, 0);
  if (fd < 0) return false;
  bool ok = true;
  for (std::string_view bytes : parts)
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

bool write_whole(const fs::path& path, std::string_view bytes) { return write_whole(path, std::vector<std::string_view>{bytes}); }

std::optional<std::string> read_whole(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  std::optional<std::string> b;
  if (::fstat(fd, &st) == 0) {
    b.emplace(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t got = 0;
    while (got < b->size()) {
      auto r = ::read(fd, b->data() + got, b->size() - got);
      if (r <= 0) break;
      got += static_cast<std::size_t>(r);
    }
    if (got != b->size()) b.reset();
  }
  ::close(fd);
  return b;
}

std::string site_identity(const fs::path& site) {
  struct stat st {};
  if (::stat(site.c_str(), &st) != 0) return "";
  return std::to_string(st.st_dev) + "-" + std::to_string(st.st_ino);
}

// The file at `path` mapped into memory (read, where it cannot be mapped: then `in_file` is set false).
std::optional<Store::Mapped> map_file(const fs::path& path, bool* in_file = nullptr) {
  if (in_file) *in_file = false;
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
    return Store::Mapped{*owned, owned};
  }
  if (in_file) *in_file = true;
  const auto size = static_cast<std::size_t>(st.st_size);
  std::shared_ptr<const void> owner(at, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
  return Store::Mapped{std::string_view(static_cast<const char*>(at), size), std::move(owner)};
}

struct KeyHash {
  std::size_t operator()(const Hash& h) const { return static_cast<std::size_t>(h.lo ^ (h.hi * 0x9e3779b97f4a7c15ull)); }
};

}  // namespace

void set_direct_writes(bool on) { direct_writes_on.store(on, std::memory_order_relaxed); }

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
  return map_file(entry_path(kind, key));
}

void Store::put(std::string_view kind, const Hash& key, std::string_view bytes) const {
  if (usable_) write_whole(entry_path(kind, key), bytes);
}

// The packs of docs/ as found on the first load: each mapped once, for every record's head and body.
struct Store::Packs {
  struct Pack {
    std::string name;
    fs::path path;
    Mapped mapped;
    bool in_file = false;    // mapped from the file (not read into memory): release() applies
    std::vector<Hash> keys;  // in the pack's order
    mutable std::atomic<std::size_t> heads{0}, bodies{0};  // of its records, decoded so far

    // Counts one more record's head (or body) decoded; when every record's has been, releases the pack.
    void decoded(std::atomic<std::size_t>& count) const {
      if (++count == keys.size()) release();
    }
    // Lets go of the pack's pages: they stay in the page cache, and a later read maps them again. A page
    // read through a mapping stays in the process's resident memory (peak resident size grew by 216 MiB
    // at 10,000 documents), though it costs no more memory than read() into a buffer does (the page
    // cache holds it either way). Once per pack, when all its records have been read: per record, a
    // madvise costs more than the decoding (and the kernel maps a fault's whole neighbourhood, so a
    // neighbour's read maps a released record again). Only for a file mapped read-only, so no page holds
    // anything the file does not (on memory of its own, MADV_DONTNEED would drop the bytes); a record
    // read meanwhile only takes a page fault more.
    void release() const {
      if (in_file) ::madvise(const_cast<char*>(mapped.bytes.data()), mapped.bytes.size(), MADV_DONTNEED);
    }
  };
  struct Place {
    std::shared_ptr<const Pack> pack;
    std::string_view bytes;  // the record, in pack->mapped
  };
  std::unordered_map<Hash, Place, KeyHash> where;
  const Place* find(const Hash& key) const {
    auto it = where.find(key);
    return it == where.end() ? nullptr : &it->second;
  }
};

std::shared_ptr<const Store::Packs> Store::packs() const {
  std::lock_guard lock(pack_state_->mutex);  // the first caller reads the directories, the others wait for it
  if (pack_state_->packs) return pack_state_->packs;
  auto found = std::make_shared<Packs>();
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& f : fs::directory_iterator(dir_ / "docs", ec))
    if (is_pack_name(f.path().filename().string())) names.push_back(f.path().filename().string());
  std::sort(names.begin(), names.end());  // a key in two packs (left by a build at the same time) is found in the first
  for (auto& name : names) {
    bool in_file = false;
    auto mapped = map_file(dir_ / "docs" / name, &in_file);  // kept while a record read from it needs it
    if (!mapped) continue;
    auto entries = read_pack(mapped->bytes);
    if (!entries) continue;  // damaged, truncated or of another version: its documents are read again
    auto pack = std::make_shared<Packs::Pack>();
    pack->path = dir_ / "docs" / name;
    pack->name = std::move(name);
    pack->mapped = std::move(*mapped);
    pack->in_file = in_file;
    pack->keys.reserve(entries->size());
    for (const auto& e : *entries) pack->keys.push_back(e.key);
    for (const auto& e : *entries) found->where.try_emplace(e.key, Packs::Place{pack, e.bytes});
  }
  pack_state_->packs = found;
  return found;
}

std::optional<Record> Store::load(const Hash& key) const {
  if (!usable_) return std::nullopt;
  auto all = packs();
  const Packs::Place* place = all->find(key);
  if (!place) return std::nullopt;
  auto record = decode_head(place->bytes);
  place->pack->decoded(place->pack->heads);
  if (!record) return std::nullopt;
  // The body is decoded from the mapping the head came from, which no other build can change: packs are
  // replaced by rename, never rewritten in place (so the former "cache changed while this build was reading
  // it" cannot come from another build any more). It is kept for the one way left there: a program that
  // writes into a pack file in place while this build runs.
  record->doc.pending->read = [pack = place->pack, bytes = place->bytes, content = record->content](model::Document& doc) {
    const bool read = decode_body(bytes, content, doc);
    pack->decoded(pack->bodies);
    if (!read)
      throw SourceError({files::display(pack->path), 0},
                        "the build cache was changed in place while this build was reading it; "
                        "build again, or delete the cache folder");
  };
  return record;
}

std::string Store::save_pack(const std::vector<Hash>& keys, const std::vector<std::string>& made) const {
  std::string name = pack_name(keys);
  if (!usable_) return name;
  auto all = packs();
  std::vector<PackEntry> records;
  records.reserve(keys.size());
  std::vector<const Packs::Pack*> copied;  // the packs records are copied from
  const Packs::Pack* same = nullptr;       // the one pack every member came from, if so
  bool whole = true;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (!made[i].empty()) {
      records.push_back({keys[i], made[i]});
      whole = false;
      continue;
    }
    const Packs::Place* place = all->find(keys[i]);
    if (!place) {
      whole = false;
      continue;
    }
    records.push_back({keys[i], place->bytes});
    if (std::find(copied.begin(), copied.end(), place->pack.get()) == copied.end()) copied.push_back(place->pack.get());
    if (i == 0) same = place->pack.get();
    else if (place->pack.get() != same) whole = false;
  }
  if (whole && same && same->keys == keys) return same->name;  // unchanged: kept as it is
  const std::string head = pack_head(records);
  std::vector<std::string_view> parts{head};
  for (const auto& r : records) parts.push_back(r.bytes);
  write_whole(dir_ / "docs" / name, parts);
  for (const auto* from : copied) from->release();  // what write() read of them, as after decoding
  return name;
}

void Store::keep_packs(const std::vector<std::string>& keep) const {
  if (!usable_) return;
  {
    std::lock_guard lock(pack_state_->mutex);
    pack_state_->packs.reset();  // the mappings stay while the records loaded from them need them
  }
  const std::set<std::string> names(keep.begin(), keep.end());
  std::error_code ec;
  for (const auto& f : fs::directory_iterator(dir_ / "docs", ec)) {
    std::error_code ec2;  // the folders docs/xx/ (one record per document, before packs) go whole
    if (!names.count(f.path().filename().string())) fs::remove_all(f.path(), ec2);
  }
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
