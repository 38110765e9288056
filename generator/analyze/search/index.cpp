#include "analyze/search/index.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "analyze/search/codec.hpp"
#include "analyze/search/group.hpp"
#include "util/parallel.hpp"

namespace acta::analyze::search {

static_assert(kDigits.size() == kFinal + kMore);

namespace {

using detail::decode_group;
using detail::encode_group;
using detail::FragView;
using detail::indexed;
using detail::key_head;
using detail::Part;

// Digit values by character (a search of kDigits per byte was a tenth of an incremental build).
constexpr auto kValue = [] {
  std::array<std::uint8_t, 256> v{};
  v.fill(0xff);
  for (std::size_t k = 0; k < kDigits.size(); ++k) v[static_cast<unsigned char>(kDigits[k])] = static_cast<std::uint8_t>(k);
  return v;
}();

// get(), inline for a number of one byte (most gaps and impacts).
std::uint64_t get_quick(std::string_view in, std::size_t& i) {
  const std::uint8_t d = kValue[static_cast<unsigned char>(in[i])];
  if (d < kFinal) {
    ++i;
    return d;
  }
  return get(in, i);
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

// Does the document of this slug end its group (when the group is long enough)? One slug in kGroupOdds, by
// FNV-1a with a final mix (the low bits of FNV-1a alone follow the last characters too closely).
bool ends_group(std::string_view slug) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : slug) h = (h ^ c) * 1099511628211ull;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h % kGroupOdds == 0;
}

// Rewrites a group's fragments from term frequencies to impacts (document numbers count from the group's
// first document).
void to_impacts(Part& g, double avg) {
  // Most postings hold a small count: their impacts are worked out once per document and count.
  constexpr std::uint64_t kMemo = 128;
  std::vector<std::uint8_t> memo(g.docs.size() * kMemo, 0);  // impact + 1 by document and value, 0: not yet
  auto impact_of = [&](std::uint64_t doc, std::uint64_t v) -> std::uint64_t {
    auto made = [&] {
      double tf = static_cast<double>(std::min<std::uint64_t>(v / 2, 1u << 21)) / 2;  // counted in halves
      return impact(tf, g.docs[doc].length, avg, v & 1);
    };
    if (v >= kMemo) return made();
    std::uint8_t& m = memo[doc * kMemo + v];
    if (m == 0) m = static_cast<std::uint8_t>(made() + 1);
    return m - 1u;
  };
  // In place: an impact (below 64) takes one byte, no more than the value it replaces.
  char* arena = g.fresh.arena.data();
  for (auto& frag : g.fresh.keys) {
    const std::string_view data(arena + frag.at, frag.size);
    std::size_t i = 0, out = frag.at;
    std::uint64_t doc = frag.first_doc;
    bool head = true;
    while (i < data.size()) {
      if (!head) {
        auto gap = get_quick(data, i);
        out += put(arena + out, gap);
        doc += gap + 1;
      }
      head = false;
      out += put(arena + out, impact_of(doc, get_quick(data, i)));
    }
    frag.size = static_cast<std::uint32_t>(out - frag.at);
  }
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

namespace {

// The dense form is shorter than sparse postings of `size` bytes in an index of `n` documents.
bool dense_is_shorter(std::size_t size, std::size_t n) { return size > (n + 2) / 3 + 1; }

// The dense form's digits, filled document by document (mark), then written as digits (text).
struct DenseBits {
  std::string bits;
  explicit DenseBits(std::size_t n) : bits((n + 2) / 3, '\0') {}
  void mark(std::uint64_t doc, std::uint64_t impact) {
    const auto third = (std::min<std::uint64_t>(impact, kMaxImpact) + 20) / 21;  // 1..3
    bits[doc / 3] |= static_cast<char>(third << (2 * (doc % 3)));
  }
  std::string text() {
    for (char& b : bits) b = kDigits[static_cast<unsigned char>(b)];
    return kDense + bits;
  }
};

// dense() of the postings that a key's fragments join into (as build_index joins them), made from the
// fragments without joining them first: the keys that take the dense form are the longest.
std::string dense_of(const std::vector<FragView>& frags, std::size_t n) {
  DenseBits d(n);
  for (const auto& f : frags) {
    std::uint64_t doc = f.first_doc;
    std::size_t i = 0;
    for (bool head = true; i < f.data.size(); head = false) {
      if (!head) doc += get_quick(f.data, i) + 1;
      d.mark(doc, get_quick(f.data, i));
    }
  }
  return d.text();
}

// Keys that cut the groups' merged key lists into ranges of similar size for build_index's merge: sampled
// from every group's sorted keys, sorted, taken at even steps. Where they fall changes the work of each
// range, never the index.
std::vector<std::string> split_keys(const std::vector<Part>& parts) {
  constexpr std::size_t kSamplesPerGroup = 64, kKeysPerRange = 8192, kMaxRanges = 256;
  std::size_t total = 0;
  for (const auto& p : parts) total += p.size();
  const std::size_t ranges = std::clamp<std::size_t>(total / kKeysPerRange, 1, kMaxRanges);
  if (ranges == 1) return {};
  std::vector<std::string_view> samples;
  for (const auto& p : parts)
    for (std::size_t k = 0; k < kSamplesPerGroup && p.size() > 0; ++k) samples.push_back(p.key(k * p.size() / kSamplesPerGroup));
  std::sort(samples.begin(), samples.end());
  std::vector<std::string> splits;
  for (std::size_t r = 1; r < ranges; ++r) {
    std::string_view s = samples[r * samples.size() / ranges];
    if (splits.empty() || splits.back() < s) splits.emplace_back(s);
  }
  return splits;
}

}  // namespace

std::string dense(const std::string& sparse, std::size_t n) {
  if (!dense_is_shorter(sparse.size(), n)) return "";
  DenseBits d(n);
  std::size_t i = 0;
  std::int64_t doc = -1;
  while (i < sparse.size()) {
    doc += static_cast<std::int64_t>(get(sparse, i)) + 1;
    d.mark(static_cast<std::uint64_t>(doc), get(sparse, i));
  }
  return d.text();
}

std::uint64_t get(std::string_view in, std::size_t& i) {
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

std::vector<std::size_t> group_starts(const model::Archive& archive) {
  const std::size_t n = archive.documents.size();
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i + 1 < n; ++i) {  // may document i end its group? (the last one always does)
    const std::size_t size = i + 1 - starts.back();
    if (size >= kMaxGroup || (size >= kMinGroup && ends_group(archive.documents[i].slug))) starts.push_back(i + 1);
  }
  if (n > 0) starts.push_back(n);
  return starts;
}

Index build_index(const model::Archive& archive, const config::Config& config, const GroupStore* store) {
  const std::size_t n = archive.documents.size();
  const std::vector<std::size_t> starts = group_starts(archive);
  const std::size_t groups = starts.size() - 1;
  // The largest groups first, so that no thread is left with a large one at the end (groups differ in size).
  std::vector<std::size_t> by_size(groups);
  for (std::size_t g = 0; g < groups; ++g) by_size[g] = g;
  std::stable_sort(by_size.begin(), by_size.end(),
                   [&](std::size_t a, std::size_t b) { return starts[a + 1] - starts[a] > starts[b + 1] - starts[b]; });
  // Groups from the store already hold impacts, made with the rounded average length they were saved with.
  std::vector<Part> parts(groups);
  parallel_for(groups, [&](std::size_t k) {
    const std::size_t g = by_size[k], begin = starts[g], end = starts[g + 1];
    if (store && store->load)
      if (auto bytes = store->load(g))
        if (decode_group(std::move(*bytes), end - begin, parts[g])) return;
    parts[g] = indexed(archive, config, begin, end);
  });

  std::uint64_t total = 0;
  for (const auto& p : parts)
    for (const auto& d : p.docs) total += d.length;
  const std::uint64_t avg = rounded_average(total, n);
  parallel_for(groups, [&](std::size_t k) {
    const std::size_t g = by_size[k];
    Part& part = parts[g];
    if (part.saved() && part.saved_avg == avg) return;  // impacts already made with this average
    if (part.saved()) part = indexed(archive, config, starts[g], starts[g + 1]);  // made with another average: count again
    to_impacts(part, static_cast<double>(avg));
    if (store && store->save) store->save(g, encode_group(part, avg));
  });

  Index index;
  for (auto& p : parts) {
    for (auto& d : p.docs) index.docs.push_back(std::move(d));
    p.docs.clear();
  }
  // Merge the groups' key lists, each sorted, in ranges of the key space side by side: split keys sampled
  // from the groups cut every group's list into slices (binary search), and each range gathers its slices'
  // fragments, sorts them by key (groups in order for one key, so its fragments stay in document order)
  // and joins each key's postings. No step is serial in the number of keys: with a vocabulary of millions
  // of keys (4.3 million in 3,000 documents of random characters) a hash table of every key and one sort
  // of them all, on one core, took most of the index's time.
  const std::vector<std::string> splits = split_keys(parts);
  const std::size_t ranges = splits.size() + 1;
  std::vector<std::vector<std::uint32_t>> bounds(groups);  // group g's slice of range r: [bounds[g][r], bounds[g][r + 1])
  parallel_for(groups, [&](std::size_t g) {
    const Part& part = parts[g];
    bounds[g].push_back(0);
    for (const auto& split : splits) {
      std::size_t lo = bounds[g].back(), hi = part.size();  // the first key not below `split`
      while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (part.key(mid) < split) lo = mid + 1;
        else hi = mid;
      }
      bounds[g].push_back(static_cast<std::uint32_t>(lo));
    }
    bounds[g].push_back(static_cast<std::uint32_t>(part.size()));
  });
  std::vector<std::vector<Posting>> merged(ranges);
  parallel_for(ranges, [&](std::size_t r) {
    // The range's fragments: the first eight bytes of the key as one number (most keys are a character or
    // two, eight bytes at most), then group and position; the strings are compared only on a tie.
    struct Item {
      std::uint64_t head;
      std::uint32_t group, at;
    };
    std::vector<Item> items;
    std::size_t count = 0;
    for (std::size_t g = 0; g < groups; ++g) count += bounds[g][r + 1] - bounds[g][r];
    items.reserve(count);
    for (std::size_t g = 0; g < groups; ++g)
      for (std::uint32_t i = bounds[g][r]; i < bounds[g][r + 1]; ++i)
        items.push_back({key_head(parts[g].key(i)), static_cast<std::uint32_t>(g), i});
    auto key_of = [&](const Item& it) { return parts[it.group].key(it.at); };
    auto long_key = [](std::uint64_t head) { return (head & 0xff) != 0; };  // eight bytes or more
    std::sort(items.begin(), items.end(), [&](const Item& a, const Item& b) {
      if (a.head != b.head) return a.head < b.head;
      if (long_key(a.head)) {
        if (const int c = key_of(a).compare(key_of(b)); c != 0) return c < 0;
      }
      return a.group < b.group;  // the same key: a group holds a key once
    });
    auto same_key = [&](const Item& a, const Item& b) {
      return a.head == b.head && (!long_key(a.head) || key_of(a) == key_of(b));
    };
    auto& out = merged[r];
    std::size_t distinct = items.empty() ? 0 : 1;
    for (std::size_t k = 1; k < items.size(); ++k) distinct += !same_key(items[k - 1], items[k]);
    out.reserve(distinct);
    std::vector<FragView> frags;
    for (std::size_t k = 0; k < items.size();) {
      const std::string_view key = key_of(items[k]);
      std::size_t e = k + 1;
      while (e < items.size() && same_key(items[k], items[e])) ++e;
      Posting& p = out.emplace_back();
      p.key = std::string(key);
      std::size_t size = 0;
      std::int64_t last = -1;
      frags.clear();
      for (std::size_t o = k; o < e; ++o) {  // the exact size: a few bytes each add up
        frags.push_back(parts[items[o].group].frag(items[o].at));
        auto& f = frags.back();  // its documents numbered in the archive, not the group
        const auto base = static_cast<std::uint32_t>(starts[items[o].group]);
        f.first_doc += base;
        f.last_doc += base;
        size += put_size(static_cast<std::uint64_t>(f.first_doc - last - 1)) + f.data.size();
        last = f.last_doc;
      }
      k = e;
      if (dense_is_shorter(size, n)) {
        p.data = dense_of(frags, n);
        continue;
      }
      p.data.reserve(size);
      std::int64_t prev_doc = -1;
      for (const auto& frag : frags) {
        put(p.data, static_cast<std::uint64_t>(frag.first_doc - prev_doc - 1));
        p.data += frag.data;
        prev_doc = frag.last_doc;
      }
    }
  });
  for (auto& m : merged) index.postings.append(std::move(m));
  return index;
}

}  // namespace acta::analyze::search
