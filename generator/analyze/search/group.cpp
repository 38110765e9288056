#include "analyze/search/group.hpp"

#include <algorithm>
#include <functional>
#include <memory>
#include <stdexcept>
#include <unordered_map>

#include "analyze/search/codec.hpp"
#include "analyze/search/fields.hpp"
#include "analyze/search/text.hpp"

namespace acta::analyze::search::detail {

namespace {

int year_of(const std::string& date) {
  if (date.size() < 4 || !std::all_of(date.begin(), date.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
    return 0;
  return std::stoi(date.substr(0, 4));
}

std::vector<int> topics_of(const model::Document& doc, const config::Config& config) {
  std::vector<int> out;
  for (std::size_t i = 0; i < config.topics.size(); ++i) {
    const auto& id = config.topics[i].id;
    auto has = [&](const std::vector<std::string>& v) { return std::find(v.begin(), v.end(), id) != v.end(); };
    if (has(doc.topic_ids) || has(doc.meta.topics)) out.push_back(static_cast<int>(i));
  }
  return out;
}

// The slot of a key code in the open-addressing tables below (a 64-bit mix: the codes' low bits alone are
// far from uniform). The tables keep their keys' order apart, so the output does not depend on it.
std::size_t slot_hash(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  return static_cast<std::size_t>(x ^ (x >> 33));
}

// The keys of one group of documents and their fragments, counted as the documents' entries come: char
// keys by their packed code (kCharKey), words of up to 7 bytes packed likewise (kShortWord: their bytes and
// length), longer words interned to small codes. A single character of the BMP (half of all entries: every
// char unit gives one) finds its fragment in a table indexed by code point; the other keys in an
// open-addressing table. Each fragment counts the current document's occurrences of its key itself, so an
// entry costs one lookup (a table per document, then the group's for each of its keys, cost two, and the
// document's table, sized by the largest document, mostly missed the cache).
class GroupKeys {
 public:
  static constexpr std::uint64_t kShortWord = std::uint64_t{1} << 62;
  GroupKeys() : char_frags_(0x10000, 0), slots_(kFirstSlots, 0) {}

  std::uint64_t word_code(std::string_view word) {
    if (word.size() - 1 < 7) {  // 1..7 bytes
      std::uint64_t code = kShortWord | static_cast<std::uint64_t>(word.size()) << 56;
      for (std::size_t k = 0; k < word.size(); ++k) code |= static_cast<std::uint64_t>(static_cast<unsigned char>(word[k])) << (8 * k);
      return code;
    }
    if (auto it = word_ids_.find(word); it != word_ids_.end()) return it->second;
    auto [it, fresh] = word_ids_.try_emplace(std::string(word), words_.size() + 1);
    words_.push_back(&it->first);
    return it->second;
  }
  // Appends the key's text to `out`.
  void append_text(std::uint64_t code, std::string& out) const {
    if (code & kCharKey) {
      out += char_key_text(code);
    } else if (code & kShortWord) {
      for (std::size_t k = 0, n = (code >> 56) & 7; k < n; ++k) out += static_cast<char>((code >> (8 * k)) & 0xff);
    } else {
      out += *words_[code - 1];
    }
  }

  // The document whose entries come next (documents in ascending order).
  void start_document(std::uint32_t doc) {
    doc_ = doc;
    touched_.clear();
  }
  // One occurrence of a key: its code, and what it adds to the key's count in the document (see
  // Key::value: a weighted term frequency, times 2, plus 1 when in a title, symbol or heading). No member
  // initializers: a field's entries go into a buffer that is not cleared first.
  struct Entry {
    std::uint64_t code;
    std::uint64_t count;
  };
  // The occurrences of one field, in order. The tables are larger than the first caches: each entry's slot,
  // then its fragment, is fetched some entries ahead of its turn, so that most lookups find them there.
  void add_all(const Entry* entries, std::size_t n) {
    constexpr std::size_t kSlotAhead = 16, kFragmentAhead = 8;
    for (std::size_t k = 0; k < n; ++k) {
      if (k + kSlotAhead < n) prefetch_slot(entries[k + kSlotAhead].code);
      if (k + kFragmentAhead < n) prefetch_fragment(entries[k + kFragmentAhead].code);
      add(entries[k].code, entries[k].count);
    }
  }
  // One occurrence of `code` in the current document, adding `count` (as Entry::count) to the key's.
  [[gnu::always_inline]] void add(std::uint64_t code, std::uint64_t count) {
    std::uint32_t f;
    if (single_bmp(code)) {
      std::uint32_t& slot = char_frags_[static_cast<std::uint32_t>(code >> 21)];
      if (slot == 0) slot = fresh(code) + 1;
      f = slot - 1;
    } else {
      f = find_or_add(code);
    }
    Key& frag = frags_[f];
    if (frag.last_doc != doc_ || frag.value == 0) {  // the key's first occurrence in this document
      if (frag.value != 0) frag.size += static_cast<std::uint32_t>(put_size(doc_ - frag.last_doc - 1));
      frag.last_doc = doc_;
      frag.value = 0;
      touched_.push_back(f);
    }
    // Capped, so that the count fits its 32 bits: any count from 2^22 on makes the same impact (to_impacts).
    const std::uint64_t sum = std::min<std::uint64_t>((frag.value & ~1u) + (count & ~std::uint64_t{1}), kMaxValue);
    frag.value = static_cast<std::uint32_t>(sum) | (frag.value & 1) | static_cast<std::uint32_t>(count & 1);
  }
  // The current document's keys, each once (in the order of their first occurrences), with their counts:
  // sink(fragment, value). Sizes the fragments for the values.
  template <class Sink>
  void finish_document(Sink&& sink) {
    for (std::uint32_t f : touched_) {
      Key& frag = frags_[f];
      frag.size += static_cast<std::uint32_t>(put_size(frag.value));
      sink(f, frag.value);
    }
  }

  // A key as counted (its fragment's documents and size, the current document's count). The key's code is
  // kept here, not in the table's slots: a lookup then reads a slot of a small table and the key it needs
  // anyway.
  // 24 bytes: a group's keys are scanned at random, and a fifth of a million of them outgrow the caches.
  struct Key {
    std::uint64_t code = 0;
    std::uint32_t value = 0;  // the count of the document last_doc: its weighted term frequency times 2, plus
                              // 1 when found in a title, symbol or heading; 0 before the first occurrence
    std::uint32_t first_doc = 0, last_doc = 0;
    std::uint32_t size = 0;  // bytes of its postings
  };
  static constexpr std::uint64_t kMaxValue = std::uint64_t{1} << 30;  // even: the title bit is kept apart
  std::vector<Key>& fragments() { return frags_; }

 private:
  // Prefetches only: a slot or fragment fetched for nothing (the table grew meanwhile, a probe goes past
  // the first slot, a key not seen yet) costs a little bandwidth, never a wrong answer.
  // Inlined early, on purpose: GCC counts a prefetch as no side effect, so a function that only prefetches
  // is found to be pure, and its calls, whose result nobody uses, are removed as dead code (these two were
  // not in the binary at all until they were marked always_inline).
  [[gnu::always_inline]] void prefetch_slot(std::uint64_t code) const {
    const std::uint32_t* at = single_bmp(code) ? &char_frags_[static_cast<std::uint32_t>(code >> 21)]
                                               : &slots_[slot_hash(code) & (slots_.size() - 1)];
    __builtin_prefetch(at);
  }
  [[gnu::always_inline]] void prefetch_fragment(std::uint64_t code) const {
    const std::uint32_t s = single_bmp(code) ? char_frags_[static_cast<std::uint32_t>(code >> 21)]
                                             : slots_[slot_hash(code) & (slots_.size() - 1)];
    __builtin_prefetch(frags_.data() + (s != 0 ? s - 1 : 0));  // no fault, even where frags_ is empty
  }
  // One character of the BMP (its fragment is found in char_frags_).
  static bool single_bmp(std::uint64_t code) {
    constexpr std::uint64_t kSingleBmp = kCharKey | (std::uint64_t{0xFFFF} << 21);
    return (code & ~kSingleBmp) == 0 && (code & kCharKey);
  }
  std::uint32_t fresh(std::uint64_t code) {
    if (frags_.size() >= UINT32_MAX - 1) throw std::length_error("search index: a group of documents has too many keys");
    frags_.push_back({code, 0, doc_, doc_, 0});
    return static_cast<std::uint32_t>(frags_.size() - 1);
  }
  [[gnu::always_inline]] std::uint32_t find_or_add(std::uint64_t code) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = slot_hash(code) & mask;; i = (i + 1) & mask) {
      const std::uint32_t s = slots_[i];
      if (s == 0) {
        slots_[i] = fresh(code) + 1;
        ++used_;
        return slots_[i] - 1;
      }
      if (frags_[s - 1].code == code) return s - 1;
    }
  }
  void grow() {
    slots_.assign(slots_.size() * 2, 0);
    const std::size_t mask = slots_.size() - 1;
    for (std::uint32_t f = 0; f < frags_.size(); ++f) {
      const std::uint64_t code = frags_[f].code;
      if (single_bmp(code)) continue;  // in char_frags_
      for (std::size_t i = slot_hash(code) & mask;; i = (i + 1) & mask)
        if (!slots_[i]) {
          slots_[i] = f + 1;
          break;
        }
    }
  }
  struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view v) const { return std::hash<std::string_view>()(v); }
  };
  std::unordered_map<std::string, std::uint64_t, ViewHash, std::equal_to<>> word_ids_;
  std::vector<const std::string*> words_;
  std::vector<std::uint32_t> char_frags_;  // by code point: fragment + 1, 0 for none yet
  static constexpr std::size_t kFirstSlots = 1 << 14;  // never empty (the prefetches read it unchecked)
  std::vector<std::uint32_t> slots_;                   // the other keys': fragment + 1, 0 for a free slot
  std::size_t used_ = 0;
  std::vector<Key> frags_;
  std::uint32_t doc_ = 0;
  std::vector<std::uint32_t> touched_;  // the current document's fragments, in first-occurrence order
};

// One posting of a group as counted: the key's fragment and the value to write (see GroupKeys::Key).
struct Counted {
  std::uint32_t fragment = 0;
  std::uint32_t value = 0;
};

// Counts one document's keys and appends its postings to `postings`, sizing each key's fragment (doc gap
// and value, written once the group is done: index_group).
void add_document(std::uint32_t doc_index, const model::Document& doc, const config::Config& config,
                  GroupKeys& group, DocInfo& info, std::vector<Counted>& postings) {
  const Options options{config.search_fold_traditional};
  group.start_document(doc_index);
  // A field's entries, written by index into a buffer made large enough before (two a unit at most):
  // push_back's checks and stores were a fifth of the counting's instructions.
  thread_local std::unique_ptr<GroupKeys::Entry[]> entries;
  thread_local std::size_t capacity = 0;
  for_each_field(doc, [&](FieldKind kind, const FieldOf&, std::string_view text) {
    // Counted in halves: a pair across a word boundary (Entry::split) counts half an occurrence.
    const std::uint64_t w = kKindWeight[static_cast<int>(kind)];
    const std::uint64_t title = w > 1 ? 1 : 0;
    const Tokens& tokens = tokenize(text, options);
    if (2 * tokens.spans.size() > capacity) {
      capacity = std::max(2 * tokens.spans.size(), 2 * capacity);
      entries = std::make_unique_for_overwrite<GroupKeys::Entry[]>(capacity);
    }
    GroupKeys::Entry* const out = entries.get();
    std::size_t n = 0;
    info.length += for_each_entry(tokens, [&](std::uint64_t code, std::string_view word, std::uint32_t, bool split) {
      out[n++] = {code ? code : group.word_code(word), ((split ? w : 2 * w) << 1) | title};
    });
    group.add_all(out, n);
  });
  info.year = year_of(doc.meta.date);
  info.topics = topics_of(doc, config);
  group.finish_document([&](std::uint32_t f, std::uint32_t value) { postings.push_back({f, value}); });
}

GroupResult index_group(const model::Archive& archive, const config::Config& config, std::size_t begin, std::size_t end) {
  GroupKeys group;
  GroupResult r;
  r.docs.resize(end - begin);
  thread_local std::vector<Counted> postings;  // the group's, document by document
  thread_local std::vector<std::size_t> doc_end;
  postings.clear();
  doc_end.clear();
  for (std::size_t d = 0; d < end - begin; ++d) {  // numbered from the group's first document
    add_document(static_cast<std::uint32_t>(d), archive.documents[begin + d], config, group, r.docs[d], postings);
    doc_end.push_back(postings.size());
  }
  // Every fragment's size is known: lay them out in one arena, then write the postings in document order.
  auto& frags = group.fragments();
  struct Cursor {
    std::uint32_t at = 0;    // where the fragment's next number goes
    std::uint32_t last = 0;  // its last document written, + 1 (0: none yet)
  };
  std::vector<Cursor> cursor(frags.size());
  std::size_t total = 0;
  for (std::size_t f = 0; f < frags.size(); ++f) {
    cursor[f].at = static_cast<std::uint32_t>(total);
    total += frags[f].size;
  }
  if (total > UINT32_MAX) throw std::length_error("search index: a group of documents is too large");
  r.arena.resize(total);
  char* arena = r.arena.data();
  constexpr std::size_t kAhead = 16;  // the postings' fragments are scattered: fetch a cursor before its turn
  std::size_t k = 0;
  for (std::size_t d = 0; d < end - begin; ++d)
    for (; k < doc_end[d]; ++k) {
      if (k + kAhead < postings.size()) __builtin_prefetch(&cursor[postings[k + kAhead].fragment]);
      const auto [f, value] = postings[k];
      Cursor& c = cursor[f];
      if (c.last > 0) c.at += static_cast<std::uint32_t>(put(arena + c.at, d - c.last));  // d - (last + 1)
      c.last = static_cast<std::uint32_t>(d + 1);
      c.at += static_cast<std::uint32_t>(put(arena + c.at, value));
    }
  // The keys in code point order (their UTF-8 bytes' order): sorted by their first eight bytes as one
  // number (key_head), the strings compared only on a tie.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> order(frags.size());  // first bytes, fragment
  std::vector<std::uint32_t> key_at(frags.size() + 1);                      // each key's slice of key_bytes
  for (std::size_t f = 0; f < frags.size(); ++f) {
    key_at[f] = static_cast<std::uint32_t>(r.key_bytes.size());
    group.append_text(frags[f].code, r.key_bytes);
    if (r.key_bytes.size() > UINT32_MAX) throw std::length_error("search index: a group of documents has too many keys");
  }
  key_at[frags.size()] = static_cast<std::uint32_t>(r.key_bytes.size());
  const std::string_view bytes = r.key_bytes;
  auto text = [&](std::uint32_t f) { return bytes.substr(key_at[f], key_at[f + 1] - key_at[f]); };
  for (std::size_t f = 0; f < frags.size(); ++f) order[f] = {key_head(text(static_cast<std::uint32_t>(f))), static_cast<std::uint32_t>(f)};
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : text(a.second) < text(b.second);
  });
  std::vector<std::uint32_t> at(frags.size());  // each fragment's slice: the arena is in fragment order
  for (std::size_t f = 0, next = 0; f < frags.size(); ++f) {
    at[f] = static_cast<std::uint32_t>(next);
    next += frags[f].size;
  }
  // The key bytes again, in key order: the merge reads them in that order, group by group, and from bytes
  // in fragment order each key was a miss of the caches (a fifth of the merge's time with a large
  // vocabulary).
  std::string sorted;
  sorted.reserve(r.key_bytes.size());
  r.keys.reserve(frags.size());
  for (const auto& [head, f] : order) {
    const std::string_view key = text(f);
    r.keys.push_back({frags[f].first_doc, frags[f].last_doc, at[f], frags[f].size, static_cast<std::uint32_t>(sorted.size()),
                      static_cast<std::uint32_t>(key.size())});
    sorted += key;
  }
  r.key_bytes = std::move(sorted);
  return r;
}

// A group's partial index, its impacts made with average length `avg`, as bytes for GroupStore;
// decode_group gives it back, or nothing when the bytes are not a group of this version (then the group is
// indexed again).
constexpr std::string_view kGroupMagic = "acta-search-group-3\n";  // 3: documents numbered in the group

}  // namespace

bool decode_group(GroupBytes saved, std::size_t documents, Part& part) {
  const std::string_view bytes = saved.bytes;
  if (bytes.substr(0, kGroupMagic.size()) != kGroupMagic || bytes.size() > UINT32_MAX) return false;
  try {
    binary::In in(bytes);
    (void)in.skip(kGroupMagic.size());
    Part p;
    std::uint64_t avg = in.num();
    in.list(p.docs, [&](DocInfo& d) {
      d.length = static_cast<std::uint32_t>(in.num());
      d.year = in.integer();
      in.list(d.topics, [&](int& t) { t = in.integer(); });
    });
    auto n = in.num();
    if (n > bytes.size()) return false;  // every fragment takes at least a byte
    p.at.reserve(n);
    for (; n > 0; --n) {
      p.at.push_back(static_cast<std::uint32_t>(in.pos()));
      (void)in.view();
      (void)in.num();
      (void)in.num();
      (void)in.view();
    }
    if (!in.done() || p.docs.size() != documents || avg == 0) return false;
    p.saved_avg = avg;
    p.bytes = bytes;
    p.owner = std::move(saved.owner);
    p.stored = true;
    part = std::move(p);
    return true;
  } catch (const binary::Truncated&) {
    return false;
  }
}

std::string encode_group(const Part& part, std::uint64_t avg) {
  binary::Out o;
  o.bytes.append(kGroupMagic);
  o.num(avg);
  o.list(part.docs, [&](const DocInfo& d) {
    o.num(d.length);
    o.num(static_cast<std::uint64_t>(d.year));
    o.list(d.topics, [&](int t) { o.num(static_cast<std::uint64_t>(t)); });
  });
  o.num(part.size());
  for (std::size_t i = 0; i < part.size(); ++i) {
    auto f = part.frag(i);
    o.str(f.key);
    o.num(f.first_doc);
    o.num(f.last_doc);
    o.str(f.data);
  }
  return std::move(o.bytes);
}

Part indexed(const model::Archive& archive, const config::Config& config, std::size_t begin, std::size_t end) {
  Part part;
  part.fresh = index_group(archive, config, begin, end);
  part.docs = std::move(part.fresh.docs);
  return part;
}

}  // namespace acta::analyze::search::detail
