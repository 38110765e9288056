// A pack: the cache records of one group of consecutive documents in one file (Store keeps document records
// this way, so that a build writes and opens one file per group instead of one per document). A magic line
// with the format's version, a directory (how many records; per record its key, offset and length), the
// directory's hash, then the records' bytes, each as record.hpp made it. Only the cache reads these bytes;
// a pack that does not parse (another version, a torn or altered file) is treated as missing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cache/hash.hpp"

namespace acta::cache {

struct PackEntry {
  Hash key;
  std::string_view bytes;  // the record, as encode() made it
};

// The head of a pack holding `records` in order (their keys, offsets and lengths); the pack is this head
// followed by each record's bytes in the same order, written as they are (no copy into one buffer).
std::string pack_head(const std::vector<PackEntry>& records);

// The records of the pack `bytes` (views into it), or nothing when it is not a whole pack of this version:
// a wrong magic line, a directory that does not read or match its hash, records that run past the end or do
// not end where the file does (a truncated pack). The records themselves are not checked here: each carries
// its own hash, checked when it is decoded.
std::optional<std::vector<PackEntry>> read_pack(std::string_view bytes);

// The file name of the pack of the documents `keys` (in order): a hash of them, so a group whose members
// are unchanged keeps its name.
std::string pack_name(const std::vector<Hash>& keys);

// Whether `name` is a pack's file name (pack_name's form).
bool is_pack_name(std::string_view name);

}  // namespace acta::cache
