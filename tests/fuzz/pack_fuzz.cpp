// Fuzzes the build cache's pack reader and the record decoder behind it: any bytes may read as no pack, or a
// record as missing, but never crash, hang or read outside the input (the cache must never fail a build).
// The input is read three ways: as a pack; as a directory and records made into a pack with the directory's
// right hash (so that mutated offsets and lengths get past the hash and reach the bounds checks), split at
// the first 0xFF byte; and as one record.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "cache/hash.hpp"
#include "cache/pack.hpp"
#include "cache/record.hpp"
#include "util/binary.hpp"

namespace {

void read_as_pack(std::string_view bytes) {
  auto records = acta::cache::read_pack(bytes);
  if (!records) return;
  for (const auto& r : *records) {
    if (auto head = acta::cache::decode_head(r.bytes)) {
      (void)acta::cache::decode_body(r.bytes, head->content, head->doc);
      (void)acta::cache::decode_lookups(head->lookup_bytes);
    }
  }
}

// A pack whose directory is `dir`, hashed as the writer hashes it, followed by `records`.
std::string pack_with_directory(std::string_view dir, std::string_view records) {
  const std::string empty = acta::cache::pack_head({});
  acta::binary::Out o;
  o.bytes = empty.substr(0, empty.find('\n') + 1);  // the magic line
  o.str(dir);
  const auto h = acta::cache::hash_of(dir);
  o.num(h.lo);
  o.num(h.hi);
  o.bytes.append(records);
  return std::move(o.bytes);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  read_as_pack(bytes);
  if (const auto cut = bytes.find('\xff'); cut != std::string_view::npos)
    read_as_pack(pack_with_directory(bytes.substr(0, cut), bytes.substr(cut + 1)));
  (void)acta::cache::decode(bytes);
  return 0;
}
