#include "analyze/search/group.hpp"

#include <algorithm>
#include <functional>
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

// The keys of one group of documents: char keys by their packed code (kCharKey), words of up to 7 bytes
// packed likewise (kShortWord: their bytes and length), longer words interned to small codes.
class GroupKeys {
 public:
  static constexpr std::uint64_t kShortWord = std::uint64_t{1} << 62;
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
  std::string text(std::uint64_t code) const {
    if (code & kCharKey) return char_key_text(code);
    if (code & kShortWord) {
      std::string out(static_cast<std::size_t>((code >> 56) & 7), '\0');
      for (std::size_t k = 0; k < out.size(); ++k) out[k] = static_cast<char>((code >> (8 * k)) & 0xff);
      return out;
    }
    return *words_[code - 1];
  }

  // The fragment of a key, created on first use (open addressing: this is the index's hot loop).
  Fragment& fragment(std::uint64_t code, bool& fresh) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash(code) & mask;; i = (i + 1) & mask) {
      if (slots_[i].code == code) {
        fresh = false;
        return frags_[slots_[i].frag];
      }
      if (slots_[i].code == 0) {
        slots_[i] = {code, static_cast<std::uint32_t>(frags_.size())};
        ++used_;
        codes_.push_back(code);
        fresh = true;
        return frags_.emplace_back();
      }
    }
  }
  // Room for `n` more keys without growing, so that the addresses prefetch() gives stay good.
  void reserve(std::size_t n) {
    while ((used_ + n) * 2 > slots_.size()) grow();
  }
  // A document's thousands of keys probe a table larger than the caches: fetching a key's slot, and then
  // its fragment, some keys ahead of its turn saves most of the wait on memory.
  void prefetch_slot(std::uint64_t code) const { __builtin_prefetch(&slots_[hash(code) & (slots_.size() - 1)]); }
  void prefetch_fragment(std::uint64_t code) const {
    const Slot& s = slots_[hash(code) & (slots_.size() - 1)];
    if (s.code == code) __builtin_prefetch(&frags_[s.frag]);
  }
  std::uint32_t fragment_index(const Fragment& f) const { return static_cast<std::uint32_t>(&f - frags_.data()); }
  std::vector<std::uint64_t>& codes() { return codes_; }
  std::vector<Fragment>& fragments() { return frags_; }

 private:
  struct Slot {
    std::uint64_t code = 0;
    std::uint32_t frag = 0;
  };
  static std::size_t hash(std::uint64_t x) { return slot_hash(x); }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1 << 16 : old.size() * 2, Slot{});
    std::size_t mask = slots_.size() - 1;
    for (const auto& s : old)
      if (s.code)
        for (std::size_t i = hash(s.code) & mask;; i = (i + 1) & mask)
          if (!slots_[i].code) {
            slots_[i] = s;
            break;
          }
  }
  struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view v) const { return std::hash<std::string_view>()(v); }
  };
  std::unordered_map<std::string, std::uint64_t, ViewHash, std::equal_to<>> word_ids_;
  std::vector<const std::string*> words_;
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
  std::vector<std::uint64_t> codes_;
  std::vector<Fragment> frags_;
};

// One document's keys with their weighted term frequencies. Single characters of the BMP (half of all
// entries: every char unit gives one) are counted in a table indexed by code point; the other keys in a
// reused open-addressing table (a sort of every occurrence cost a tenth of the build). Each count is kept
// where its key is found, so that counting an occurrence touches one place in memory (a table of indexes
// into a list of counts made it two, both often outside the first-level cache); the order of first
// occurrences is kept apart, and the keys come out in it (it depends only on the text).
class DocCounts {
 public:
  struct Count {
    std::uint64_t code = 0;
    std::uint64_t value = 0;  // the weighted term frequency times 2, plus 1 when found in a title, symbol or heading
  };
  DocCounts() : chars_(0x10000, 0) {}
  void clear() {
    for (auto o : order_) {
      if (o & kCharOrder) chars_[o & ~kCharOrder] = 0;
      else slots_[o] = Slot{};
    }
    order_.clear();
    used_ = 0;
  }
  [[gnu::always_inline]] void add(std::uint64_t code, std::uint32_t weight, bool titled) {
    constexpr std::uint64_t kSingleBmp = kCharKey | (std::uint64_t{0xFFFF} << 21);
    const std::uint64_t tf = std::uint64_t{weight} << 1;
    const std::uint64_t title = titled ? 1 : 0;
    if ((code & ~kSingleBmp) == 0 && (code & kCharKey)) {  // one character of the BMP
      const auto c = static_cast<std::uint32_t>(code >> 21);
      std::uint64_t& v = chars_[c];
      if (v == 0) order_.push_back(kCharOrder | c);  // a count is never 0: every weight is at least 1
      v = (v + tf) | title;
      return;
    }
    if ((used_ + 1) * 2 > slots_.size()) grow();
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash(code) & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.code == code) {
        s.value = (s.value + tf) | title;
        return;
      }
      if (s.code == 0) {  // first occurrence (no key has code 0)
        s = {code, tf | title};
        order_.push_back(static_cast<std::uint32_t>(i));
        ++used_;
        return;
      }
    }
  }
  // The document's keys and counts, in the order of their first occurrences.
  const std::vector<Count>& counts() {
    counts_.clear();
    counts_.reserve(order_.size());
    for (auto o : order_) {
      if (o & kCharOrder) {
        const std::uint32_t c = o & ~kCharOrder;
        counts_.push_back({kCharKey | static_cast<std::uint64_t>(c) << 21, chars_[c]});
      } else {
        counts_.push_back({slots_[o].code, slots_[o].value});
      }
    }
    return counts_;
  }

 private:
  static constexpr std::uint32_t kCharOrder = std::uint32_t{1} << 31;  // an entry of order_ that is a code point
  struct Slot {
    std::uint64_t code = 0;  // 0 for free
    std::uint64_t value = 0;
  };
  static std::size_t hash(std::uint64_t x) { return slot_hash(x); }
  void grow() {
    if (slots_.size() >= kCharOrder / 2) throw std::length_error("search index: a document has too many distinct keys");
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1 << 12 : old.size() * 2, Slot{});
    std::size_t mask = slots_.size() - 1;
    for (auto& o : order_) {
      if (o & kCharOrder) continue;
      const Slot& s = old[o];
      for (std::size_t i = hash(s.code) & mask;; i = (i + 1) & mask)
        if (slots_[i].code == 0) {
          slots_[i] = s;
          o = static_cast<std::uint32_t>(i);
          break;
        }
    }
  }
  std::vector<Slot> slots_;
  std::size_t used_ = 0;               // slots in use
  std::vector<std::uint64_t> chars_;   // count by code point, 0 for none yet
  std::vector<std::uint32_t> order_;   // first occurrences: a slot, or kCharOrder | a code point
  std::vector<Count> counts_;
};

// Appends one document's postings to the group's fragments: doc gap and weighted term frequency (turned
// into an impact once the average length of all documents is known).
// One posting of a group as counted: the key's fragment and the value to write (see add_document).
struct Counted {
  std::uint32_t fragment = 0;
  std::uint64_t value = 0;
};

// Counts one document's keys and appends its postings to `postings` (in the document's key order), sizing
// each key's fragment (doc gap and value, written once the group is done: index_group).
void add_document(std::uint32_t doc_index, const model::Document& doc, const config::Config& config,
                  GroupKeys& group, DocInfo& info, DocCounts& counts, std::vector<Counted>& postings) {
  counts.clear();
  const Options options{config.search_fold_traditional};
  for_each_field(doc, [&](FieldKind kind, const FieldOf&, std::string_view text) {
    // Counted in halves: a pair across a word boundary (Entry::split) counts half an occurrence.
    const auto w = kKindWeight[static_cast<int>(kind)];
    info.length += for_each_entry(text, options, [&](std::uint64_t code, std::string_view word, std::uint32_t, bool split) {
      counts.add(code ? code : group.word_code(word), split ? w : 2 * w, w > 1);
    });
  });
  info.year = year_of(doc.meta.date);
  info.topics = topics_of(doc, config);

  const auto& all = counts.counts();
  group.reserve(all.size());
  constexpr std::size_t kSlotAhead = 16, kFragmentAhead = 8;
  for (std::size_t k = 0; k < std::min(kSlotAhead, all.size()); ++k) group.prefetch_slot(all[k].code);
  for (std::size_t k = 0; k < all.size(); ++k) {
    const auto& c = all[k];
    if (k + kSlotAhead < all.size()) group.prefetch_slot(all[k + kSlotAhead].code);
    if (k + kFragmentAhead < all.size()) group.prefetch_fragment(all[k + kFragmentAhead].code);
    bool fresh = false;
    Fragment& frag = group.fragment(c.code, fresh);
    if (fresh) frag.first_doc = doc_index;
    else frag.size += static_cast<std::uint32_t>(put_size(doc_index - frag.last_doc - 1));
    frag.last_doc = doc_index;
    const std::uint64_t value = c.value;
    frag.size += static_cast<std::uint32_t>(put_size(value));
    postings.push_back({group.fragment_index(frag), value});
  }
}

GroupResult index_group(const model::Archive& archive, const config::Config& config, std::size_t begin, std::size_t end) {
  GroupKeys group;
  GroupResult r;
  r.docs.resize(end - begin);
  DocCounts counts;
  thread_local std::vector<Counted> postings;  // the group's, document by document
  thread_local std::vector<std::size_t> doc_end;
  postings.clear();
  doc_end.clear();
  for (std::size_t d = begin; d < end; ++d) {
    add_document(static_cast<std::uint32_t>(d), archive.documents[d], config, group, r.docs[d - begin], counts, postings);
    doc_end.push_back(postings.size());
  }
  // Every fragment's size is known: lay them out in one arena, then write the postings in document order.
  auto& codes = group.codes();
  auto& frags = group.fragments();
  std::size_t total = 0;
  for (auto& f : frags) {
    f.at = static_cast<std::uint32_t>(total);
    total += f.size;
  }
  if (total > UINT32_MAX) throw std::length_error("search index: a group of documents is too large");
  r.arena.resize(total);
  std::vector<std::uint32_t> written(frags.size(), 0);
  std::vector<std::uint32_t> last(frags.size(), 0);
  auto write = [&](std::uint32_t f, std::uint64_t n) {
    char digits[kMaxDigits];
    const std::size_t size = put(digits, n);
    std::copy(digits, digits + size, r.arena.data() + frags[f].at + written[f]);
    written[f] += static_cast<std::uint32_t>(size);
  };
  std::size_t k = 0;
  for (std::size_t d = begin; d < end; ++d)
    for (; k < doc_end[d - begin]; ++k) {
      const auto [f, value] = postings[k];
      if (written[f] > 0) write(f, d - last[f] - 1);
      last[f] = static_cast<std::uint32_t>(d);
      write(f, value);
    }
  r.keys.reserve(codes.size());
  for (std::size_t i = 0; i < codes.size(); ++i) r.keys.emplace_back(group.text(codes[i]), std::move(frags[i]));
  std::sort(r.keys.begin(), r.keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return r;
}

// A group's partial index, its impacts made with average length `avg`, as bytes for GroupStore;
// decode_group gives it back, or nothing when the bytes are not a group of this version (then the group is
// indexed again).
constexpr std::string_view kGroupMagic = "acta-search-group-2\n";

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
