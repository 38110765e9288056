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
#include <utility>
#include <vector>

#include "util/utf8.hpp"

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

// A vector whose resize() leaves the new elements as they are, for buffers sized for the most they may
// hold and then written by index: zeroing them first was 62 million instructions of a one-thread build of
// 1,000 documents (the normalizer sizes its buffers by the text's bytes).
template <class T>
struct Uninitialized : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = Uninitialized<U>;
  };
  template <class U>
  void construct(U* p) noexcept(noexcept(::new (static_cast<void*>(p)) U)) {
    ::new (static_cast<void*>(p)) U;  // default-initialization: nothing at all for these element types
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};
using CodePoints = std::vector<char32_t, Uninitialized<char32_t>>;
using CharFlags = std::vector<std::uint8_t, Uninitialized<std::uint8_t>>;

// A text as the tokenizer cuts it: normalized code points, units (their extent there), and for each unit
// whether it and the next are two Han characters in two words (Entry::split). Kept per thread: valid until
// the thread's next call.
struct Span {
  std::uint32_t begin, end;
  bool word;
};
using Spans = std::vector<Span, Uninitialized<Span>>;
struct Tokens {
  CodePoints text;
  Spans spans;
  std::vector<std::uint8_t> split;  // 0 or 1 per unit (bytes: a vector<bool>'s bit arithmetic cost more)
};
const Tokens& tokenize(std::string_view text, const Options& options = {});

// The entries of `text` one by one, without a list (the index's hot loop): sink(code, word, pos, split) as
// Entry has them, `word` valid during the call only. The one definition of what a text's entries are:
// entries() is made from it. Returns the number of units. A unit gives at most two entries.
template <class Sink>
std::uint32_t for_each_entry(const Tokens& t, Sink&& sink) {
  const auto& s = t.text;
  const auto& sp = t.spans;
  thread_local std::string word;
  auto append = [&](const Span& u) {
    for (auto k = u.begin; k < u.end; ++k) utf8::append(word, s[k]);
  };
  for (std::size_t i = 0; i < sp.size(); ++i) {
    const Span& u = sp[i];
    const Span* next = i + 1 < sp.size() ? &sp[i + 1] : nullptr;
    const auto pos = static_cast<std::uint32_t>(i);
    if (u.word) {
      word.clear();
      append(u);
      if (next && !next->word) {
        const auto alone = word.size();
        append(*next);
        sink(std::uint64_t{0}, std::string_view(word), pos, false);
        word.resize(alone);
      }
      sink(std::uint64_t{0}, std::string_view(word), pos, false);
    } else {
      const std::uint64_t code = kCharKey | static_cast<std::uint64_t>(s[u.begin]) << 21;
      if (next && !next->word) {
        sink(code | static_cast<std::uint64_t>(s[next->begin]), std::string_view(), pos, static_cast<bool>(t.split[i]));
      } else if (next) {
        word.clear();
        append(u);
        append(*next);
        sink(std::uint64_t{0}, std::string_view(word), pos, false);
      }
      sink(code, std::string_view(), pos, false);
    }
  }
  return static_cast<std::uint32_t>(sp.size());
}
template <class Sink>
std::uint32_t for_each_entry(std::string_view text, const Options& options, Sink&& sink) {
  return for_each_entry(tokenize(text, options), sink);
}

}  // namespace acta::analyze::search
