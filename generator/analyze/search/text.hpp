// Search text: the one normalization and tokenization that the index (built here, with ICU) and the browser
// (templates/assets/search-core.js, with String.normalize('NFKC'), toLowerCase() and the table of
// search/fold.js) both apply, so that a query typed in any width, case, compatibility or traditional form
// finds the text.
//
// Normalized text is cut into units: a run of letters and digits of an alphabetic script is one "word" unit
// ("covid", "19", "a", "res"); every other visible character (a Chinese character, a punctuation mark, a
// symbol such as '/') is one "char" unit. White space separates units and takes no position, so a phrase
// matches across what were line breaks or stray spaces of the source ("第 62/196 号" = "第62/196号").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace acta::analyze::search {

// What the normalization does beyond NFKC and lowercase (from the config; the browser learns it from the
// manifest).
struct Options {
  bool fold_traditional = false;  // search_fold_traditional: traditional characters to simplified (fold.hpp)
};

// NFKC, then full lowercase (Unicode default, no locale): what JS's s.normalize('NFKC').toLowerCase() gives;
// then invisible characters dropped and, with fold_traditional, each character folded.
std::string normalize(std::string_view utf8, const Options& options = {});

struct Unit {
  std::string text;  // the unit's normalized characters (UTF-8)
  bool word = false;
};

// Units of already normalized text, in order; a unit's position is its index.
std::vector<Unit> units(std::string_view normalized);

// One entry of a block: at unit position `pos` the key `key` starts. Every unit gives one to three entries:
//  - a word unit: the word, and, when a char unit follows, the word and that character ("62/");
//  - a char unit: the character alone, and, when a unit follows, the two together (a bigram "冰川", or a
//    character and a word, "/196"), so that 62/196 is looked up as 62/ and /196…, not as 62, / and 196.
// So a single character is one key, and any phrase of two or more characters is found through the
// bigrams it is made of (the documents holding all of them are its candidates).
// A char key is packed in `code` (its code points: first << 21 | second, second 0 for a single one, with
// kCharKey set); a word key has code 0 and its text in `word`.
// `split` marks a pair of Han characters that ICU's word segmentation puts in two words (展中 in
// 发展|中|国家; words.hpp): it counts half in ranking. Runs of three or more Han characters are segmented;
// the two characters of a shorter run count as one word.
struct Entry {
  std::uint64_t code = 0;
  std::string word;
  std::uint32_t pos = 0;
  bool split = false;
};
inline constexpr std::uint64_t kCharKey = std::uint64_t{1} << 63;

// The key as text (UTF-8).
std::string key_text(const Entry& e);
std::string char_key_text(std::uint64_t code);

// Normalizes `text`, cuts it into units and appends its entries to `out`, positions counted from `first`;
// returns the number of units.
std::uint32_t entries(std::string_view text, std::vector<Entry>& out, std::uint32_t first = 0, const Options& options = {});
std::vector<Entry> entries(std::string_view text, const Options& options = {});

}  // namespace acta::analyze::search
