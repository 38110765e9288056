// Indexing one group of documents (index.hpp, group_starts), and the group's partial index as build_index
// merges it: indexed in this build, its postings' values still weighted term frequencies (index.cpp makes
// them impacts once the archive's average document length is known), or saved by an earlier build
// (GroupStore) and read in place from its bytes. Internal to the search index (namespace detail).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyze/search/index.hpp"
#include "util/binary.hpp"

namespace acta::analyze::search::detail {

// A key's postings from one group of documents, which are numbered from the group's first document; the
// gap of its first document is added when merging.
// Its bytes are a slice of the group's arena (GroupResult::arena): each key's size is known before any is
// written, so the group's postings take one allocation, not a growing string per key. Its key is a slice
// of the group's key bytes: 24 bytes a key in all, where a std::string and a fragment took 48 (a group of
// a large vocabulary holds hundreds of thousands of keys, and every group lives until the merge).
struct Fragment {
  std::uint32_t first_doc = 0, last_doc = 0;
  std::uint32_t at = 0, size = 0;          // the slice of the arena
  std::uint32_t key_at = 0, key_size = 0;  // the slice of the key bytes
};

struct GroupResult {
  std::vector<Fragment> keys;  // sorted by key
  std::string key_bytes;       // the keys' text, in key order
  std::string arena;           // the fragments' bytes
  std::vector<DocInfo> docs;

  std::string_view key(const Fragment& f) const { return std::string_view(key_bytes).substr(f.key_at, f.key_size); }
};

// A key's fragment as the merge reads it, made on demand from a group (no list of them is kept: a large
// archive's groups hold millions).
struct FragView {
  std::string_view key;
  std::uint32_t first_doc = 0, last_doc = 0;
  std::string_view data;
};

// One group as the merge takes it: its documents and its fragments in key order, either indexed in this
// build (`fresh`) or saved by an earlier one (`bytes`, where each fragment starts at its offset in `at`).
struct Part {
  std::vector<DocInfo> docs;
  GroupResult fresh;
  bool stored = false;
  std::string_view bytes;
  std::shared_ptr<const void> owner;  // keeps `bytes`
  std::vector<std::uint32_t> at;
  std::uint64_t saved_avg = 0;  // the average length its impacts were made with (saved groups only)

  bool saved() const { return stored; }
  std::size_t size() const { return saved() ? at.size() : fresh.keys.size(); }
  std::string_view key(std::size_t i) const {
    if (!saved()) return fresh.key(fresh.keys[i]);
    binary::In in(bytes.substr(at[i]));
    return in.view();
  }
  FragView frag(std::size_t i) const {
    if (!saved()) {
      const Fragment& f = fresh.keys[i];
      return {fresh.key(f), f.first_doc, f.last_doc, std::string_view(fresh.arena).substr(f.at, f.size)};
    }
    binary::In in(bytes.substr(at[i]));
    FragView v;
    v.key = in.view();
    v.first_doc = static_cast<std::uint32_t>(in.num());
    v.last_doc = static_cast<std::uint32_t>(in.num());
    v.data = in.view();
    return v;
  }
};

// The first eight bytes of a key as one big-endian number, zero-padded (keys hold no zero byte: the
// normalizer drops it), so that the numbers compare as the keys' bytes do: most keys are a character or
// two, eight bytes at most, and sorting them by this number compares strings only on a tie.
inline std::uint64_t key_head(std::string_view key) {
  std::uint64_t head = 0;
  for (std::size_t k = 0; k < 8; ++k) head = head << 8 | (k < key.size() ? static_cast<unsigned char>(key[k]) : 0u);
  return head;
}

// Reads a group saved by encode_group into `part` (offsets into the bytes, no copies); false when the bytes
// are not a group of this version for `documents` documents.
bool decode_group(GroupBytes saved, std::size_t documents, Part& part);

// The bytes of a group for GroupStore::save, its impacts made with average length `avg` (see kGroupMagic).
std::string encode_group(const Part& part, std::uint64_t avg);

// A group indexed in this build (its impacts still to be made).
Part indexed(const model::Archive& archive, const config::Config& config, std::size_t begin, std::size_t end);

}  // namespace acta::analyze::search::detail
