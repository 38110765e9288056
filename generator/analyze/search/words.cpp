#include "analyze/search/words.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace acta::analyze::search {

namespace {

// Runs are cached as a bit mask of word starts, so only runs of up to 64 code units (nearly all: runs end
// at punctuation); the cache is emptied when it grows past kCacheRuns, which bounds its memory.
constexpr std::int32_t kMaskUnits = 64;
constexpr std::size_t kCacheRuns = 1 << 16;

struct ViewHash {
  using is_transparent = void;
  std::size_t operator()(std::u16string_view s) const { return std::hash<std::u16string_view>()(s); }
};

struct Segmenter {
  std::unique_ptr<icu::BreakIterator> words;
  std::unordered_map<std::u16string, std::uint64_t, ViewHash, std::equal_to<>> cache;

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

}  // namespace

void word_starts(const char16_t* run, std::int32_t length, std::vector<bool>& starts) {
  thread_local Segmenter seg;
  starts.assign(static_cast<std::size_t>(length), false);
  if (length > kMaskUnits) {
    seg.segment(run, length, starts);
    return;
  }
  std::u16string_view key(run, static_cast<std::size_t>(length));
  auto it = seg.cache.find(key);
  if (it == seg.cache.end()) {
    seg.segment(run, length, starts);
    std::uint64_t mask = 0;
    for (std::int32_t k = 0; k < length; ++k)
      if (starts[k]) mask |= std::uint64_t{1} << k;
    if (seg.cache.size() >= kCacheRuns) seg.cache.clear();
    seg.cache.emplace(key, mask);
    return;
  }
  for (std::int32_t k = 0; k < length; ++k) starts[k] = (it->second >> k) & 1;
}

}  // namespace acta::analyze::search
