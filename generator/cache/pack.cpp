#include "cache/pack.hpp"

#include <algorithm>

#include "util/binary.hpp"

namespace acta::cache {

namespace {

// Bumped whenever the layout below changes, so packs of another version read as missing.
constexpr std::string_view kMagic = "acta-pack-1\n";
constexpr std::string_view kSuffix = ".pack";

}  // namespace

std::string pack_head(const std::vector<PackEntry>& records) {
  binary::Out dir;
  dir.num(records.size());
  std::uint64_t offset = 0;
  for (const auto& r : records) {
    dir.num(r.key.lo);
    dir.num(r.key.hi);
    dir.num(offset);
    dir.num(r.bytes.size());
    offset += r.bytes.size();
  }
  binary::Out o;
  o.bytes.append(kMagic);
  o.str(dir.bytes);
  const Hash h = hash_of(dir.bytes);
  o.num(h.lo);
  o.num(h.hi);
  return std::move(o.bytes);
}

std::optional<std::vector<PackEntry>> read_pack(std::string_view bytes) {
  if (bytes.substr(0, kMagic.size()) != kMagic) return std::nullopt;
  try {
    binary::In in(bytes.substr(kMagic.size()));
    const std::string_view dir_bytes = in.view();
    Hash h;
    h.lo = in.num();
    h.hi = in.num();
    if (hash_of(dir_bytes) != h) return std::nullopt;
    const std::string_view records = bytes.substr(kMagic.size() + in.pos());
    binary::In dir(dir_bytes);
    std::vector<PackEntry> out;
    std::uint64_t end = 0;
    dir.list(out, [&](PackEntry& e) {
      e.key.lo = dir.num();
      e.key.hi = dir.num();
      const std::uint64_t offset = dir.num(), length = dir.num();
      if (offset > records.size() || length > records.size() - offset) throw binary::Truncated();
      e.bytes = records.substr(offset, length);
      end = std::max(end, offset + length);
    });
    if (!dir.done() || end != records.size()) return std::nullopt;
    return out;
  } catch (const binary::Truncated&) {
    return std::nullopt;
  }
}

std::string pack_name(const std::vector<Hash>& keys) {
  Hasher h;
  h.add(keys.size());
  for (const auto& k : keys) h.add(k);
  return h.digest().hex() + std::string(kSuffix);
}

bool is_pack_name(std::string_view name) {
  if (name.size() != 32 + kSuffix.size() || name.substr(32) != kSuffix) return false;
  for (char c : name.substr(0, 32))
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace acta::cache
