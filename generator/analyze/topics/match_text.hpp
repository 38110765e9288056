// The text a topic term is matched against: normalized (NFKC with case folding), with the whitespace a
// line join or a PDF leaves between Chinese characters removed. Every position maps back to a byte offset of
// the original text, so hits can be highlighted where they were found.
//
// Word boundaries (ICU word break iterator, Chinese dictionary) decide whether a found term is a whole
// word (`水` in `享有水和卫生设施`, never inside `水平`). Segmenting is the costly part of matching, so it
// runs only in windows around the places where a term was found. A window reaches to the nearest safe cut
// on each side: a place next to punctuation where UAX #29 always breaks and past which neither the rules
// nor the dictionary look (the dictionary segments one run of Han characters at a time, and a window never
// cuts a run). Inside a window the boundaries are the ones a pass over the whole text finds; the unit tests
// compare the two. Windows repeat (a clause quoted from resolution to resolution), so each thread keeps the
// boundaries of the windows it has segmented, up to a fixed amount of text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace acta::analyze::topics {

struct MatchText {
  std::u16string text;                 // normalized UTF-16
  std::vector<std::uint32_t> source;   // source[i]: byte offset in the original where text[i] came from
  std::vector<std::uint8_t> source_size;  // source_size[i]: bytes of that source character
  std::size_t length = 0;              // characters that carry text (code points other than spaces)

  std::size_t source_end(std::size_t i) const { return source[i] + source_size[i]; }
};

// Normalizes `original` (no segmentation).
MatchText prepare_match_text(std::string_view original);
// The same into `m`, whose buffers are reused (a pass over every paragraph keeps one per thread).
void prepare_match_text(std::string_view original, MatchText& m);

// Normalizes a term the same way: "巴黎 协定" and "巴黎协定" are the same term.
std::u16string normalize_term(std::string_view term);

// Word boundaries of `text`, flags for positions 0..length. A flag is exact at the begin and the end of
// every one of `spans` ([begin, end) ranges of UTF-16 units, sorted by begin or not); elsewhere it may be
// false where there is a boundary. The ends of the text are always boundaries.
std::vector<bool> word_boundaries(const std::u16string& text, const std::vector<std::pair<int32_t, int32_t>>& spans);

// The same over the whole text, in one pass (what the windows must agree with; used by the tests).
std::vector<bool> word_boundaries(const std::u16string& text);

}  // namespace acta::analyze::topics
