// The text a topic term is matched against: normalized (NFKC with case folding), with the whitespace a
// line join or a PDF leaves between Chinese characters removed, and with ICU word boundaries, so that a
// term matches only whole words (`水` in `享有水和卫生设施`, never inside `水平`). Every position
// maps back to a byte offset of the original text, so hits can be highlighted where they were found.
#pragma once

#include <unicode/unistr.h>

#include <cstddef>
#include <string_view>
#include <vector>

namespace acta::analyze::topics {

struct MatchText {
  icu::UnicodeString text;          // normalized UTF-16
  std::vector<std::size_t> source;      // source[i]: byte offset in the original where text[i] came from
  std::vector<std::size_t> source_end;  // source_end[i]: byte offset right after that source character
  std::vector<bool> boundary;       // boundary[i]: a word boundary lies before text[i] (length + 1 entries)
};

// Normalizes `original` and finds its word boundaries (ICU word break iterator, Chinese dictionary).
MatchText prepare_match_text(std::string_view original);

// Normalizes a term the same way (no boundaries needed): "巴黎 协定" and "巴黎协定" are the same term.
icu::UnicodeString normalize_term(std::string_view term);

}  // namespace acta::analyze::topics
