#include "analyze/search/words.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace acta::analyze::search {

namespace {

// Runs are cached as a bit mask of word starts, so only runs of up to 64 code units (nearly all: runs end
// at punctuation); the cache is emptied when it grows past kCacheRuns, which bounds its memory.
constexpr std::size_t kCacheRuns = 1 << 16;

// Word starts of the runs seen, by the runs' text: open addressing on a 64-bit hash, the runs' text kept
// in one buffer (std::unordered_map over u16string keys was a third of the tokenizer's time).
class RunCache {
 public:
  RunCache() : slots_(kSlots) {}
  // The mask of `run`, or nullptr.
  const std::uint64_t* find(std::u16string_view run, std::uint64_t hash) const {
    for (std::size_t i = hash & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
      const Slot& s = slots_[i];
      if (s.hash == 0) return nullptr;
      if (s.hash == hash && s.length == run.size() && arena_.compare(s.at, s.length, run) == 0) return &s.mask;
    }
  }
  void add(std::u16string_view run, std::uint64_t hash, std::uint64_t mask) {
    if (used_ >= kCacheRuns) {  // full: start again (bounds the memory; runs repeat within documents)
      std::fill(slots_.begin(), slots_.end(), Slot{});
      arena_.clear();
      used_ = 0;
    }
    std::size_t i = hash & (kSlots - 1);
    while (slots_[i].hash != 0) i = (i + 1) & (kSlots - 1);
    slots_[i] = {hash, static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint32_t>(run.size()), mask};
    arena_.append(run);
    ++used_;
  }
  static std::uint64_t hash_of(std::u16string_view run) {
    const std::uint64_t h = XXH3_64bits(run.data(), run.size() * sizeof(char16_t));
    return h ? h : 1;  // 0 marks a free slot
  }

 private:
  static constexpr std::size_t kSlots = 2 * kCacheRuns;  // at most half full
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t at = 0, length = 0;
    std::uint64_t mask = 0;
  };
  std::vector<Slot> slots_;
  std::u16string arena_;
  std::size_t used_ = 0;
};

struct Segmenter {
  std::unique_ptr<icu::BreakIterator> words;
  RunCache cache;

  Segmenter() {
    UErrorCode err = U_ZERO_ERROR;
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale("zh"), err));
    if (U_FAILURE(err)) throw std::runtime_error(std::string("ICU word break iterator: ") + u_errorName(err));
  }

  void segment(const char16_t* run, std::int32_t length, std::vector<bool>& starts) {
    UErrorCode err = U_ZERO_ERROR;
    UText text = UTEXT_INITIALIZER;
    utext_openUChars(&text, run, length, &err);
    words->setText(&text, err);
    if (U_FAILURE(err)) throw std::runtime_error(std::string("ICU word break iterator: ") + u_errorName(err));
    for (std::int32_t b = words->first(); b != icu::BreakIterator::DONE && b < length; b = words->next()) starts[b] = true;
    utext_close(&text);
  }
};

Segmenter& segmenter() {
  thread_local Segmenter seg;
  return seg;
}

}  // namespace

std::uint64_t word_start_mask(const char16_t* run, std::int32_t length) {
  auto& seg = segmenter();
  std::u16string_view key(run, static_cast<std::size_t>(length));
  const std::uint64_t hash = RunCache::hash_of(key);
  if (const std::uint64_t* mask = seg.cache.find(key, hash)) return *mask;
  thread_local std::vector<bool> starts;
  starts.assign(static_cast<std::size_t>(length), false);
  seg.segment(run, length, starts);
  std::uint64_t mask = 0;
  for (std::int32_t k = 0; k < length; ++k)
    if (starts[k]) mask |= std::uint64_t{1} << k;
  seg.cache.add(key, hash, mask);
  return mask;
}

void word_starts(const char16_t* run, std::int32_t length, std::vector<bool>& starts) {
  starts.assign(static_cast<std::size_t>(length), false);
  if (length > kMaskUnits) {
    segmenter().segment(run, length, starts);
    return;
  }
  const std::uint64_t mask = word_start_mask(run, length);
  for (std::int32_t k = 0; k < length; ++k) starts[k] = (mask >> k) & 1;
}

}  // namespace acta::analyze::search
