// The search index of an archive: a pure function of the model, written to shard files by
// write/search_files. Every paragraph, heading, footnote, annotation, title and symbol of every document is
// a "field"; the index maps each key of search/text.hpp to the documents that contain it, with a one-digit
// impact (BM25's term-frequency part, field-weighted and length-normalized at build time). No positions:
// a phrase's candidates are the documents holding all its keys (a superset of the true answer, so nothing
// is missed), and the browser verifies each candidate it shows against the document's stored text.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "model/archive.hpp"

namespace acta::analyze::search {

// How a field counts in ranking (2 bits in the postings).
enum class FieldKind : std::uint8_t { Body = 0, Heading = 1, Title = 2, Note = 3 };

// The searchable fields of a document, in index order: title and symbol, headings, the other blocks,
// footnotes, annotations; one by one, without copies: sink(kind, anchor, label, text), each view valid
// during the call only. anchor: the id of the element on the document page ("para_15", "fn_3"), "" for the
// title and symbol; label: what a result shows ("第 15 段", "脚注 3", "标题"); text: as written (line-joined
// by the reader). Each search text lists them with their kind (for the link target).
using FieldSink = std::function<void(FieldKind, std::string_view anchor, std::string_view label, std::string_view text)>;
void for_each_labelled_field(const model::Document& doc, const FieldSink& sink);

// One key's postings, encoded with codec.hpp as a sequence of documents, two numbers each:
//   doc gap (document index minus previous minus 1; previous starts at -1), and the impact, 1..63 (one
//   digit), from BM25's w = tf (k1 + 1) / (tf + k1 (1 - b + b len / avglen)), where tf counts occurrences
//   weighted by field kind (kKindWeight), a pair across a word boundary half, and len is the document's
//   length in units: 43..63 when the key is in a title, symbol or heading of the document
//   (43 + 20 w / (k1 + 1)), else 1..42 (1 + 41 w / (k1 + 1)),
//   so such documents come first among those holding a key, even in the dense form's thirds.
// A key found in many documents is written dense instead, when that is shorter: kDense, then one digit
// (0..63) per three documents, two bits each (document d in digit d / 3, bits 2 (d % 3)): 0 absent, else
// the impact's third (1: 1..21, 2: 22..42, 3: 43..63). Such keys have an idf near zero, so the coarser
// impact costs little in ranking, and a key in every document costs n / 3 bytes instead of 2 n.
inline constexpr char kDense = ' ';
struct Posting {
  std::string key;
  std::string data;
};

inline constexpr unsigned kKindWeight[4] = {1, 3, 6, 1};  // by FieldKind: body, heading, title, note
inline constexpr double kK1 = 1.2, kB = 0.75;
inline constexpr unsigned kMaxImpact = 63;
inline constexpr unsigned kTitledImpact = 43;  // the lowest impact of a key in a title or heading

struct DocInfo {
  std::uint32_t length = 0;    // units in all fields (BM25's document length)
  int year = 0;                // from the date; 0 when unknown
  std::vector<int> topics;     // indexes into Config::topics, ascending
};

// The impact digit of a weighted term frequency in a document of `length` units (see Posting). A pair of
// characters across a word boundary counts half an occurrence (text.hpp, Entry::split).
unsigned impact(double tf, double length, double avg_length, bool titled = false);

// The dense form of sparse postings (see Posting) of an index of `n` documents, if shorter; else "".
std::string dense(const std::string& sparse, std::size_t n);

// An index's postings in key order, kept in the pieces build_index's merge made them in (ranges of keys,
// side by side): one array of them all took a fresh 64 bytes per key, and its copying was serial.
class Postings {
 public:
  std::size_t size() const { return offsets_.back(); }
  const Posting& operator[](std::size_t i) const {
    const auto c = static_cast<std::size_t>(std::upper_bound(offsets_.begin(), offsets_.end(), i) - offsets_.begin()) - 1;
    return pieces_[c][i - offsets_[c]];
  }
  // Appends a piece: its keys come after every key already held.
  void append(std::vector<Posting> piece) {
    if (piece.empty()) return;
    offsets_.push_back(offsets_.back() + piece.size());
    pieces_.push_back(std::move(piece));
  }

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Posting;
    using difference_type = std::ptrdiff_t;
    using pointer = const Posting*;
    using reference = const Posting&;
    const_iterator(const std::vector<std::vector<Posting>>* pieces, std::size_t piece, std::size_t at)
        : pieces_(pieces), piece_(piece), at_(at) {}
    reference operator*() const { return (*pieces_)[piece_][at_]; }
    pointer operator->() const { return &**this; }
    const_iterator& operator++() {
      if (++at_ == (*pieces_)[piece_].size()) {
        ++piece_;
        at_ = 0;
      }
      return *this;
    }
    const_iterator operator++(int) {
      auto old = *this;
      ++*this;
      return old;
    }
    bool operator==(const const_iterator& o) const { return piece_ == o.piece_ && at_ == o.at_; }

   private:
    const std::vector<std::vector<Posting>>* pieces_;
    std::size_t piece_, at_;
  };
  const_iterator begin() const { return {&pieces_, 0, 0}; }  // pieces are never empty
  const_iterator end() const { return {&pieces_, pieces_.size(), 0}; }

 private:
  std::vector<std::vector<Posting>> pieces_;
  std::vector<std::size_t> offsets_{0};  // where each piece starts, then the size
};

struct Index {
  Postings postings;              // sorted by key in code point order
  std::vector<DocInfo> docs;      // parallel to Archive::documents
};

// The index is built in groups of documents, and the build cache keeps one pack of document records per
// group (site/cached_read.cpp). A group's partial index depends only on its documents, the config and the
// archive's average document length (rounded, so that it seldom changes): its document numbers count from
// the group's first document, so incremental builds keep it between builds wherever the group now starts; a
// group saved with another average is indexed again.
//
// Where a group ends is decided by its documents' slugs, not by position (content-defined, like the chunks
// of a backup tool): a document ends its group when a hash of its slug says so (one in kGroupOdds) and the
// group holds at least kMinGroup documents, or when the group reaches kMaxGroup. So a document added or
// removed anywhere changes the group it is in (and now and then the next one), not every group after it;
// with fixed groups of 128, adding a document before all others made every group and pack new. Groups
// average about kMinGroup + kGroupOdds documents.
inline constexpr std::size_t kMinGroup = 96, kMaxGroup = 192, kGroupOdds = 32;

// The first document of each group, then the number of documents: group g holds documents
// [starts[g], starts[g + 1]). {0} for an empty archive.
std::vector<std::size_t> group_starts(const model::Archive& archive);
// Bytes of a saved group, valid while `owner` lives (a mapped file, a string).
struct GroupBytes {
  std::string_view bytes;
  std::shared_ptr<const void> owner;
  static GroupBytes owning(std::string s) {
    auto p = std::make_shared<const std::string>(std::move(s));
    return {*p, p};
  }
};
// build_index calls both from its threads, for several groups at once (never twice for one group).
struct GroupStore {
  // The bytes saved for group g (of group_starts), when its documents are the same as then; else nothing.
  std::function<std::optional<GroupBytes>(std::size_t group)> load;
  std::function<void(std::size_t group, std::string bytes)> save;
};

// Builds the index in parallel over the groups; the result does not depend on thread count, nor on which
// groups came from `store`.
Index build_index(const model::Archive& archive, const config::Config& config, const GroupStore* store = nullptr);

}  // namespace acta::analyze::search
