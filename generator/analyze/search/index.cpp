#include "analyze/search/index.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "analyze/search/codec.hpp"
#include "analyze/search/text.hpp"
#include "util/binary.hpp"
#include "util/parallel.hpp"

namespace acta::analyze::search {

static_assert(kDigits.size() == kFinal + kMore);

namespace {

using model::BlockKind;

// Documents per work item. Fixed (not per thread) so the index is the same whatever the thread count.
constexpr std::size_t kGroup = kGroupSize;

std::string block_label(const model::Block& b) {
  const std::string& id = b.id;
  switch (b.kind) {
    case BlockKind::Numbered: return "第 " + b.number + " 段";
    case BlockKind::Subparagraph: {
      auto p = id.find("__point_");
      std::string parent = id.rfind("para_", 0) == 0 && p != std::string::npos ? id.substr(5, p - 5) : "";
      return parent.empty() ? "(" + b.number + ")" : "第 " + parent + " 段 (" + b.number + ")";
    }
    case BlockKind::Preamble: return "序言第 " + id.substr(id.rfind('_') + 1) + " 段";
    case BlockKind::Heading: return "章节标题";
    default: return "";
  }
}

void append_table_text(const model::Block& b, std::string& out) {
  for (const auto& row : b.rows)
    for (const auto& cell : row) {
      model::append_plain_text(cell, out);
      out += '\n';
    }
}

void append_footnote_text(const model::Footnote& f, std::string& out) {
  for (std::size_t i = 0; i < f.paragraphs.size(); ++i) {
    if (i) out += '\n';
    model::append_plain_text(f.paragraphs[i], out);
  }
}

// The one walk over a document's searchable fields, in index order (see for_each_labelled_field): sink(kind, what, text)
// for each field whose text is not empty, `what` saying which part it is (for its anchor and label), `text`
// valid during the call (one buffer, reused).
struct FieldOf {
  const model::Block* block = nullptr;
  const model::Footnote* footnote = nullptr;
  const model::Annotation* annotation = nullptr;
  bool symbol = false;  // of a title field: the symbol, else the title
};
template <class Sink>
void for_each_field(const model::Document& doc, Sink&& sink) {
  doc.need_body();
  thread_local std::string text;
  auto emit = [&](FieldKind kind, const FieldOf& what) {
    if (!text.empty()) sink(kind, what, std::string_view(text));
  };
  text = doc.meta.title;
  emit(FieldKind::Title, {});
  text = doc.meta.symbol;
  emit(FieldKind::Title, {.symbol = true});
  for (const auto& b : doc.blocks)
    if (b.kind == BlockKind::Heading) {
      text.clear();
      model::append_plain_text(b.content, text);
      emit(FieldKind::Heading, {.block = &b});
    }
  for (const auto& b : doc.blocks) {
    if (b.kind == BlockKind::Rule || b.kind == BlockKind::Heading) continue;
    text.clear();
    if (b.kind == BlockKind::Table) append_table_text(b, text);
    else model::append_plain_text(b.content, text);
    emit(FieldKind::Body, {.block = &b});
  }
  for (const auto& f : doc.footnotes) {
    text.clear();
    append_footnote_text(f, text);
    emit(FieldKind::Note, {.footnote = &f});
  }
  for (const auto& a : doc.annotations) {
    text.clear();
    model::append_plain_text(a.content, text);
    emit(FieldKind::Note, {.annotation = &a});
  }
}

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

// A key's postings from one group of documents; the gap of its first document is added when merging.
// Its bytes are a slice of the group's arena (GroupResult::arena): each key's size is known before any is
// written, so the group's postings take one allocation, not a growing string per key.
struct Fragment {
  std::uint32_t first_doc = 0, last_doc = 0;
  std::uint32_t at = 0, size = 0;  // the slice of the arena
};

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
  static std::size_t hash(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    return static_cast<std::size_t>(x ^ (x >> 33));
  }
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
  static std::size_t hash(std::uint64_t x) {
    x ^= x >> 31;
    x *= 0x9e3779b97f4a7c15ULL;
    return static_cast<std::size_t>(x ^ (x >> 29));
  }
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

struct GroupResult {
  std::vector<std::pair<std::string, Fragment>> keys;  // sorted by key
  std::string arena;                                   // the fragments' bytes
  std::vector<DocInfo> docs;
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

// BM25's average document length, rounded to three significant digits (integers: the same on every
// machine). A change to a few documents of a large archive then seldom changes it, so the impacts of the
// other groups stay as they were and an incremental build keeps them; ranking cannot tell 0.5% apart.
std::uint64_t rounded_average(std::uint64_t total, std::size_t n) {
  std::uint64_t avg = n ? (total + n / 2) / n : 1;
  std::uint64_t step = 1;
  while (avg / step >= 1000) step *= 10;
  avg = (avg + step / 2) / step * step;
  return std::max<std::uint64_t>(avg, 1);
}

// A group's partial index, its impacts made with average length `avg`, as bytes for GroupStore;
// decode_group gives it back, or nothing when the bytes are not a group of this version (then the group is
// indexed again).
constexpr std::string_view kGroupMagic = "acta-search-group-2\n";

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
    if (!saved()) return fresh.keys[i].first;
    binary::In in(bytes.substr(at[i]));
    return in.view();
  }
  FragView frag(std::size_t i) const {
    if (!saved()) {
      const auto& [key, f] = fresh.keys[i];
      return {key, f.first_doc, f.last_doc, std::string_view(fresh.arena).substr(f.at, f.size)};
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

// Reads a group saved by encode_group into `part` (offsets into the bytes, no copies); false when the bytes
// are not a group of this version for `documents` documents.
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

// Rewrites a group's fragments from term frequencies to impacts. `first` is the group's first document.
void to_impacts(Part& g, std::size_t first, double avg) {
  // Most postings hold a small count: their impacts are worked out once per document and count.
  constexpr std::uint64_t kMemo = 128;
  std::vector<std::uint8_t> memo(g.docs.size() * kMemo, 0);  // impact + 1 by document and value, 0: not yet
  auto impact_of = [&](std::uint64_t doc, std::uint64_t v) -> std::uint64_t {
    auto made = [&] {
      double tf = static_cast<double>(std::min<std::uint64_t>(v / 2, 1u << 21)) / 2;  // counted in halves
      return impact(tf, g.docs[doc - first].length, avg, v & 1);
    };
    if (v >= kMemo) return made();
    std::uint8_t& m = memo[(doc - first) * kMemo + v];
    if (m == 0) m = static_cast<std::uint8_t>(made() + 1);
    return m - 1u;
  };
  // In place: an impact (below 64) takes one byte, no more than the value it replaces.
  char* arena = g.fresh.arena.data();
  for (auto& [key, frag] : g.fresh.keys) {
    const std::string_view data(arena + frag.at, frag.size);
    std::size_t i = 0, out = frag.at;
    std::uint64_t doc = frag.first_doc;
    bool head = true;
    while (i < data.size()) {
      if (!head) {
        auto gap = get(data, i);
        out += put(arena + out, gap);
        doc += gap + 1;
      }
      head = false;
      out += put(arena + out, impact_of(doc, get(data, i)));
    }
    frag.size = static_cast<std::uint32_t>(out - frag.at);
  }
}

// A group indexed in this build (its impacts still to be made).
Part indexed(const model::Archive& archive, const config::Config& config, std::size_t begin, std::size_t end) {
  Part part;
  part.fresh = index_group(archive, config, begin, end);
  part.docs = std::move(part.fresh.docs);
  return part;
}

}  // namespace

unsigned impact(double tf, double length, double avg_length, bool titled) {
  if (tf == 0) return 0;
  double w = tf * (kK1 + 1) / (tf + kK1 * (1 - kB + kB * length / std::max(1.0, avg_length)));
  double share = w / (kK1 + 1);  // 0..1
  auto q = titled ? kTitledImpact + static_cast<unsigned>(share * (kMaxImpact - kTitledImpact) + 0.5)
                  : 1 + static_cast<unsigned>(share * (kTitledImpact - 2) + 0.5);
  return std::clamp(q, 1u, kMaxImpact);
}

std::string dense(const std::string& sparse, std::size_t n) {
  if (sparse.size() <= (n + 2) / 3 + 1) return "";
  std::string bits((n + 2) / 3, '\0');
  std::size_t i = 0;
  std::int64_t doc = -1;
  while (i < sparse.size()) {
    doc += static_cast<std::int64_t>(get(sparse, i)) + 1;
    auto third = (std::min<std::uint64_t>(get(sparse, i), kMaxImpact) + 20) / 21;  // 1..3
    bits[static_cast<std::size_t>(doc) / 3] |= static_cast<char>(third << (2 * (doc % 3)));
  }
  std::string out(1, kDense);
  for (char b : bits) out += kDigits[static_cast<unsigned char>(b)];
  return out;
}

std::uint64_t get(std::string_view in, std::size_t& i) {
  // Digit values by character (a search of kDigits per byte was a tenth of an incremental build).
  static constexpr auto kValue = [] {
    std::array<std::uint8_t, 256> v{};
    v.fill(0xff);
    for (std::size_t k = 0; k < kDigits.size(); ++k) v[static_cast<unsigned char>(kDigits[k])] = static_cast<std::uint8_t>(k);
    return v;
  }();
  std::uint64_t value = 0, scale = 1;
  while (i < in.size()) {
    auto d = static_cast<std::uint64_t>(kValue[static_cast<unsigned char>(in[i++])]);
    if (d == 0xff) return value;  // not a digit (never in what the index wrote): end the number
    if (d < kFinal) return value + d * scale;
    value += (d - kFinal) * scale;
    scale *= kMore;
  }
  return value;
}

void for_each_labelled_field(const model::Document& doc, const FieldSink& sink) {
  std::string label;
  for_each_field(doc, [&](FieldKind kind, const FieldOf& what, std::string_view text) {
    if (what.block) {
      label = block_label(*what.block);
      sink(kind, what.block->id, label, text);
    } else if (what.footnote) {
      label = "脚注 " + what.footnote->label;
      sink(kind, what.footnote->id, label, text);
    } else if (what.annotation) {
      sink(kind, what.annotation->anchor, "编者注", text);
    } else {
      sink(kind, "", what.symbol ? "文号" : "标题", text);
    }
  });
}

Index build_index(const model::Archive& archive, const config::Config& config, const GroupStore* store) {
  const std::size_t n = archive.documents.size();
  const std::size_t groups = (n + kGroup - 1) / kGroup;
  // Groups from the store already hold impacts, made with the rounded average length they were saved with.
  auto parts = parallel_map<Part>(groups, [&](std::size_t g) {
    const std::size_t begin = g * kGroup, end = std::min(n, (g + 1) * kGroup);
    Part part;
    if (store && store->load)
      if (auto bytes = store->load(g))
        if (decode_group(std::move(*bytes), end - begin, part)) return part;
    return indexed(archive, config, begin, end);
  });

  std::uint64_t total = 0;
  for (const auto& p : parts)
    for (const auto& d : p.docs) total += d.length;
  const std::uint64_t avg = rounded_average(total, n);
  parallel_for(parts.size(), [&](std::size_t g) {
    Part& part = parts[g];
    if (part.saved() && part.saved_avg == avg) return;  // impacts already made with this average
    if (part.saved()) {  // made with another average: count the group's terms again
      const std::size_t begin = g * kGroup, end = std::min(n, (g + 1) * kGroup);
      part = indexed(archive, config, begin, end);
    }
    to_impacts(part, g * kGroup, static_cast<double>(avg));
    if (store && store->save) store->save(g, encode_group(part, avg));
  });

  Index index;
  for (auto& p : parts) {
    for (auto& d : p.docs) index.docs.push_back(std::move(d));
    p.docs.clear();
  }
  // Merge the groups' key lists: each distinct key gets its rank in code point order, the groups' entries
  // are placed by rank (a counting sort, groups in order, so a key's fragments stay in document order), and
  // each key's postings are joined in one piece of the right size. (A heap over the groups' lists compared
  // strings a dozen times per entry: most of an incremental build's index time.)
  std::unordered_map<std::string_view, std::uint32_t> rank_of;
  for (const auto& p : parts)
    for (std::size_t i = 0; i < p.size(); ++i) rank_of.try_emplace(p.key(i), 0);
  std::vector<std::string_view> keys;
  keys.reserve(rank_of.size());
  for (const auto& r : rank_of) keys.push_back(r.first);
  std::sort(keys.begin(), keys.end());
  for (std::uint32_t r = 0; r < keys.size(); ++r) rank_of[keys[r]] = r;
  std::vector<std::vector<std::uint32_t>> ranks(parts.size());
  parallel_for(parts.size(), [&](std::size_t g) {  // the table is only read now
    ranks[g].reserve(parts[g].size());
    for (std::size_t i = 0; i < parts[g].size(); ++i) ranks[g].push_back(rank_of.find(parts[g].key(i))->second);
  });
  std::vector<std::size_t> start(keys.size() + 1, 0);
  for (const auto& rs : ranks)
    for (auto r : rs) ++start[r + 1];
  for (std::size_t r = 0; r < keys.size(); ++r) start[r + 1] += start[r];
  std::vector<std::pair<std::uint32_t, std::uint32_t>> order(start.back());  // group, position
  {
    std::vector<std::size_t> next(start.begin(), start.end() - 1);
    for (std::size_t g = 0; g < parts.size(); ++g)
      for (std::size_t i = 0; i < ranks[g].size(); ++i)
        order[next[ranks[g][i]]++] = {static_cast<std::uint32_t>(g), static_cast<std::uint32_t>(i)};
  }
  ranks.clear();
  // Each key's postings joined (and made dense where that is shorter), in blocks of keys side by side.
  index.postings.resize(keys.size());
  constexpr std::size_t kBlock = 4096;
  parallel_for((keys.size() + kBlock - 1) / kBlock, [&](std::size_t block) {
    std::vector<FragView> frags;
    for (std::size_t r = block * kBlock; r < std::min(keys.size(), (block + 1) * kBlock); ++r) {
      Posting& p = index.postings[r];
      p.key = std::string(keys[r]);
      std::size_t size = 0;
      std::int64_t last = -1;
      frags.clear();
      for (std::size_t o = start[r]; o < start[r + 1]; ++o) {  // the exact size: a few bytes each add up
        frags.push_back(parts[order[o].first].frag(order[o].second));
        size += put_size(static_cast<std::uint64_t>(frags.back().first_doc - last - 1)) + frags.back().data.size();
        last = frags.back().last_doc;
      }
      p.data.reserve(size);
      std::int64_t prev_doc = -1;
      for (std::size_t k = 0; k < frags.size(); ++k) {
        const auto& frag = frags[k];
        put(p.data, static_cast<std::uint64_t>(frag.first_doc - prev_doc - 1));
        p.data += frag.data;
        prev_doc = frag.last_doc;
      }
      auto d = dense(p.data, n);
      if (!d.empty()) p.data = std::move(d);
    }
  });
  return index;
}

}  // namespace acta::analyze::search
