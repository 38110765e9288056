// Word boundaries in runs of Han characters, for ranking only: a pair of characters inside a word (发展 in
// 发展|中|国家) counts fully in its key's impact, a pair across a boundary (展中) counts half (index.cpp).
// ICU's dictionary word break iterator for zh (the one Chromium's Intl.Segmenter uses for the query).
#pragma once

#include <cstdint>
#include <vector>

namespace acta::analyze::search {

// Where words start in a run of Han characters (UTF-16, `length` code units): starts[k] is true when a word
// starts at code unit k (starts[0] is always true). One iterator per thread; a run seen before (a clause
// repeated from document to document) is answered from a per-thread cache.
void word_starts(const char16_t* run, std::int32_t length, std::vector<bool>& starts);

// The same for a run of at most kMaskUnits code units, as a bit mask (bit k: a word starts at unit k).
inline constexpr std::int32_t kMaskUnits = 64;
std::uint64_t word_start_mask(const char16_t* run, std::int32_t length);

}  // namespace acta::analyze::search
