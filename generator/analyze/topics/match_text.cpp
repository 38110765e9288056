#include "analyze/topics/match_text.hpp"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>
#include <deque>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "util/utf8.hpp"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace acta::analyze::topics {

namespace {

// ---- Normalizing -----------------------------------------------------------------------------------------

const icu::Normalizer2& folding() {
  static const icu::Normalizer2* n = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* made = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || !made) throw std::runtime_error("ICU: NFKC_Casefold normalizer is not available");
    return made;
  }();
  return *n;
}

// What the normalizer asks of every BMP code point, asked of ICU once: is it left as it is (inert under
// NFKC_Casefold), is it white space, or does it become one other unit (full-width punctuation such as `，`
// and `（`, frequent in Chinese text; looked up only in the blocks where such forms live).
constexpr std::uint8_t kInert = 1, kSpace = 2, kSingle = 4;

struct BmpClasses {
  std::vector<std::uint8_t> flags = std::vector<std::uint8_t>(0x10000, 0);
  std::vector<char16_t> single = std::vector<char16_t>(0x10000, 0);
  // The run of code points around U+4E00 (the CJK Unified Ideographs, as ICU's data has them) that are all
  // inert and no space: most of a Chinese text, told apart by comparing, without a lookup in `flags` (a 64
  // KB table, larger than the first cache). Empty if U+4E00 is not such a code point.
  char32_t plain_first = 0, plain_count = 0;
};

const BmpClasses& bmp_classes() {
  static const BmpClasses table = [] {
    BmpClasses t;
    const icu::Normalizer2& norm = folding();
    for (UChar32 c = 0; c < 0x10000; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;  // a lone surrogate takes the slow path
      auto& f = t.flags[static_cast<std::size_t>(c)];
      if (norm.isInert(c)) f |= kInert;
      if (u_isUWhiteSpace(c)) f |= kSpace;
      const bool punctuation_block = (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE6F) ||
                                     (c >= 0xFF00 && c <= 0xFFEF);
      if (!(f & (kInert | kSpace)) && punctuation_block) {
        UErrorCode status = U_ZERO_ERROR;
        const icu::UnicodeString out = norm.normalize(icu::UnicodeString(c), status);
        if (U_SUCCESS(status) && out.length() == 1 && !U16_IS_SURROGATE(out.charAt(0))) {
          f |= kSingle;
          t.single[static_cast<std::size_t>(c)] = out.charAt(0);
        }
      }
    }
    auto plain = [&](char32_t c) { return (t.flags[c] & (kInert | kSpace)) == kInert; };
    if (plain(0x4E00)) {
      char32_t first = 0x4E00, last = 0x4E00;
      while (first > 0 && plain(first - 1)) --first;
      while (last < 0xFFFF && plain(last + 1)) ++last;
      t.plain_first = first;
      t.plain_count = last - first + 1;
    }
    return t;
  }();
  return table;
}

// Where normalized units go: the text, and for a MatchText the source bytes of each unit. Written by index
// into buffers sized for the common case (a unit per source character at most), grown when a compatibility
// character expands.
struct Sink {
  std::u16string& text;
  MatchText* m = nullptr;
  std::size_t used = 0;

  void put(char16_t unit, std::size_t at, std::size_t end) {
    if (used == text.size()) grow(used + 16);
    text[used] = unit;
    if (m) {
      m->source[used] = static_cast<std::uint32_t>(at);
      m->source_size[used] = static_cast<std::uint8_t>(end - at);
    }
    ++used;
  }
  // The first n (at most 5) of `five`, characters of three bytes each from `at` on, each one unit: one
  // check of room for the run.
  void put_run(const char32_t* five, int n, std::size_t at) {
    if (used + 5 > text.size()) grow(used + 16);
    char16_t* t = text.data() + used;
    for (int k = 0; k < n; ++k) t[k] = static_cast<char16_t>(five[k]);
    if (m) {
      std::uint32_t* src = m->source.data() + used;
      std::uint8_t* size = m->source_size.data() + used;
      for (int k = 0; k < n; ++k) {
        src[k] = static_cast<std::uint32_t>(at + 3 * static_cast<std::size_t>(k));
        size[k] = 3;
      }
    }
    used += static_cast<std::size_t>(n);
  }
  void grow(std::size_t size) {
    text.resize(std::max(size, text.size() * 2));
    if (m) {
      m->source.resize(text.size());
      m->source_size.resize(text.size());
    }
  }
  void finish() {
    text.resize(used);
    if (m) {
      m->source.resize(used);
      m->source_size.resize(used);
    }
  }
};

// Appends the normalized form of each code point of `original`; whitespace runs are dropped next to a
// Chinese character (a line join or a PDF artefact, never a word separator in Chinese) and become one
// space elsewhere. `m`, when given, receives the source bytes of every UTF-16 unit appended. Returns the
// number of code points appended that are not spaces.
std::size_t normalize_into(std::string_view original, std::u16string& out, MatchText* m) {
  const BmpClasses& classes = bmp_classes();
  Sink sink{out, m, out.size()};
  // A first guess that fits Chinese (three bytes a unit) with room to spare; put() grows it when it must.
  sink.grow(out.size() + original.size() / 2 + 16);
  std::size_t i = 0, length = 0;
  bool pending_space = false;
  std::size_t space_at = 0, space_end = 0;
  char32_t last = 0;
  while (i < original.size()) {
    // Chinese text, the common case, five characters at a time: when each is left as it is (inert) and
    // is no space, and no space waits before them, they go as they are.
    // A run that a punctuation mark ends goes as far as it is plain (the mark takes the general path).
    if (char32_t five[5]; !pending_space && utf8::five_three_byte(original, i, five)) {
      int plain = 0;
      while (plain < 5 && (five[plain] - classes.plain_first < classes.plain_count ||
                           (classes.flags[five[plain]] & (kInert | kSpace)) == kInert))
        ++plain;
      if (plain > 0) {
        sink.put_run(five, plain, i);
        i += 3 * static_cast<std::size_t>(plain);
        length += static_cast<std::size_t>(plain);
        last = five[plain - 1];
        continue;
      }
    }
    const std::size_t at = i;
    const char32_t cp = utf8::next(original, i);
    const std::uint8_t cls = cp < 0x10000 ? classes.flags[cp] : 0;
    if (cls & kSpace) {
      if (!pending_space) space_at = at, space_end = i;
      pending_space = true;
      continue;
    }
    if (pending_space && last != 0 && !utf8::is_cjk(last) && !utf8::is_cjk(cp)) sink.put(u' ', space_at, space_end);
    pending_space = false;
    last = cp;
    if (cp < 0x80) {  // ASCII: case folding is all NFKC_Casefold does to it
      sink.put(static_cast<char16_t>(cp >= U'A' && cp <= U'Z' ? cp + 32 : cp), at, i);
      ++length;
      continue;
    }
    if (cls & kInert) {
      sink.put(static_cast<char16_t>(cp), at, i);
      ++length;
      continue;
    }
    if (cls & kSingle) {
      const char16_t unit = classes.single[cp];
      sink.put(unit, at, i);
      length += unit != u' ';
      continue;
    }
    const icu::Normalizer2& norm = folding();
    icu::UnicodeString piece;
    if (cp >= 0x10000 && norm.isInert(static_cast<UChar32>(cp))) {
      piece.append(static_cast<UChar32>(cp));
    } else {
      UErrorCode status = U_ZERO_ERROR;
      piece = norm.normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
      if (U_FAILURE(status)) piece = icu::UnicodeString(static_cast<UChar32>(cp));
    }
    for (int32_t k = 0; k < piece.length(); ++k) sink.put(piece.charAt(k), at, i);
    for (int32_t k = 0; k < piece.length(); k = piece.moveIndex32(k, 1)) length += piece.char32At(k) != U' ';
  }
  sink.finish();
  return length;
}

// ---- Segmenting ------------------------------------------------------------------------------------------

// One break iterator per thread, cloned from a prototype (creating one loads the dictionaries).
icu::BreakIterator& word_breaker() {
  static std::once_flag once;
  static std::unique_ptr<icu::BreakIterator> prototype;
  std::call_once(once, [] {
    UErrorCode status = U_ZERO_ERROR;
    prototype.reset(icu::BreakIterator::createWordInstance(icu::Locale("zh", "CN"), status));
    if (U_FAILURE(status) || !prototype) throw std::runtime_error("ICU: no word break iterator for Chinese");
  });
  thread_local std::unique_ptr<icu::BreakIterator> mine(prototype->clone());
  return *mine;
}

UChar32 code_point_at(const std::u16string& text, int32_t j) {
  UChar32 c;
  U16_GET(text.data(), 0, j, static_cast<int32_t>(text.size()), c);
  return c;
}

int32_t word_break(UChar32 c) { return u_getIntPropertyValue(c, UCHAR_WORD_BREAK); }

// WB4: these attach to the character before them, whatever it is.
bool attaches(UChar32 c) {
  if (c < 0x80) return false;
  const int32_t wb = word_break(c);
  return wb == U_WB_EXTEND || wb == U_WB_FORMAT || wb == U_WB_ZWJ;
}

// Punctuation with Word_Break=Other, outside the dictionary's set (Han, kana) and not pictographic: UAX #29
// breaks on both sides of it (WB999), and no rule looks across it. Spelled as they are after normalization
// (`（` is `(` by then). tests/unit/topic_matcher_test.cpp checks the property of each.
constexpr char16_t kSeparators[] = u"。、《》〈〉「」『』【】〔〕〖〗()[]!?“”";

bool always_separates(char16_t c) {
  if (c < 0x80) return c == u'(' || c == u')' || c == u'[' || c == u']' || c == u'!' || c == u'?';
  if (c >= 0x3000 && c <= 0x3017) return c <= 0x3002 ? c != 0x3000 : c >= 0x3008 && c != 0x3012 && c != 0x3013;
  return c == u'“' || c == u'”';
}

// Whether text[j] separates, so that a window may end right before it, or begin right after it.
// `,` and `;` (Word_Break=MidNum, what `，` and `；` normalize to) separate unless digits stand on both
// sides (WB11, WB12); a neighbour that attaches (WB4) could hide a digit, so it does not count as safe.
bool separates(const std::u16string& text, int32_t j) {
  const char16_t c = text[static_cast<std::size_t>(j)];
  if (c == u',' || c == u';') {
    if (j == 0 || j + 1 >= static_cast<int32_t>(text.size())) return false;
    auto risky = [](UChar32 n) {
      if (n < 0x80) return n >= 0x30 && n <= 0x39;
      const int32_t wb = word_break(n);
      return wb == U_WB_NUMERIC || wb == U_WB_EXTEND || wb == U_WB_FORMAT || wb == U_WB_ZWJ;
    };
    return !risky(code_point_at(text, j - 1)) && !risky(code_point_at(text, j + 1));
  }
  return always_separates(c);
}

// Start of the window around a span that begins at `begin`: right after the nearest separator before it
// (unless what follows the separator attaches to it), or the start of the text.
int32_t window_start(const std::u16string& text, int32_t begin) {
  for (int32_t j = begin - 1; j >= 0; --j)
    if (separates(text, j) && !attaches(code_point_at(text, j + 1))) return j + 1;
  return 0;
}

// End of the window around a span that ends at `end`: right before the nearest separator at or after it.
int32_t window_end(const std::u16string& text, int32_t end) {
  for (auto j = end; j < static_cast<int32_t>(text.size()); ++j)
    if (separates(text, j)) return j;
  return static_cast<int32_t>(text.size());
}

// Boundaries strictly inside text[0, size).
std::vector<int32_t> segment(const char16_t* text, int32_t size) {
  icu::BreakIterator& bi = word_breaker();
  UErrorCode status = U_ZERO_ERROR;
  UText window = UTEXT_INITIALIZER;
  utext_openUChars(&window, reinterpret_cast<const UChar*>(text), size, &status);
  bi.setText(&window, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot segment a paragraph for topic matching");
  std::vector<int32_t> inside;
  for (int32_t b = bi.next(); b != icu::BreakIterator::DONE && b < size; b = bi.next())
    if (b > 0) inside.push_back(b);
  static const icu::UnicodeString nothing;
  bi.setText(nothing);  // the iterator keeps a reference to the text, which is about to go
  utext_close(&window);
  return inside;
}

// The boundaries of windows this thread has segmented. Bounded: emptied when it holds too much text.
constexpr int32_t kCachedWindow = 1000;            // units; longer windows are segmented every time
constexpr std::size_t kCacheUnits = std::size_t{1} << 20;  // units of window text kept per thread

// XXH3 rather than std::hash's (MurmurHash-like) byte loop: windows are tens of units, hashed at every lookup.
struct WindowHash {
  std::size_t operator()(std::u16string_view w) const { return XXH3_64bits(w.data(), w.size() * sizeof(char16_t)); }
};

struct WindowCache {
  std::deque<std::u16string> keys;  // owns the text the map's views point into
  std::unordered_map<std::u16string_view, std::vector<int32_t>, WindowHash> boundaries;
  std::size_t units = 0;
};

const std::vector<int32_t>& cached_segment(std::u16string_view window) {
  thread_local WindowCache cache;
  if (auto hit = cache.boundaries.find(window); hit != cache.boundaries.end()) return hit->second;
  if (cache.units + window.size() > kCacheUnits) {
    cache.boundaries.clear();
    cache.keys.clear();
    cache.units = 0;
  }
  cache.keys.emplace_back(window);
  cache.units += window.size();
  auto made = segment(cache.keys.back().data(), static_cast<int32_t>(window.size()));
  return cache.boundaries.emplace(std::u16string_view(cache.keys.back()), std::move(made)).first->second;
}

void mark_boundaries(const std::u16string& text, int32_t from, int32_t to, std::vector<bool>& flags) {
  flags[static_cast<std::size_t>(from)] = flags[static_cast<std::size_t>(to)] = true;
  const int32_t size = to - from;
  if (size <= 1) return;
  const std::u16string_view window = std::u16string_view(text).substr(static_cast<std::size_t>(from), static_cast<std::size_t>(size));
  auto mark = [&](const std::vector<int32_t>& inside) {
    for (int32_t b : inside) flags[static_cast<std::size_t>(from + b)] = true;
  };
  if (size <= kCachedWindow) mark(cached_segment(window));
  else mark(segment(window.data(), size));
}

}  // namespace

MatchText prepare_match_text(std::string_view original) {
  MatchText m;
  prepare_match_text(original, m);
  return m;
}

void prepare_match_text(std::string_view original, MatchText& m) {
  m.text.clear();
  m.source.clear();
  m.source_size.clear();
  m.length = normalize_into(original, m.text, &m);
}

std::u16string normalize_term(std::string_view term) {
  std::u16string out;
  normalize_into(utf8::trim(term), out, nullptr);
  return out;
}

std::vector<bool> word_boundaries(const std::u16string& text, const std::vector<std::pair<int32_t, int32_t>>& spans) {
  const auto n = static_cast<int32_t>(text.size());
  std::vector<bool> flags(static_cast<std::size_t>(n) + 1, false);
  flags[0] = flags[static_cast<std::size_t>(n)] = true;
  if (n == 0 || spans.empty()) return flags;
  std::vector<std::pair<int32_t, int32_t>> sorted;
  const auto* order = &spans;
  auto by_start = [](const auto& x, const auto& y) { return x.first < y.first; };
  if (!std::is_sorted(spans.begin(), spans.end(), by_start)) {
    sorted = spans;
    std::sort(sorted.begin(), sorted.end(), by_start);
    order = &sorted;
  }
  // Windows start in the order of the spans' starts; a span inside the current window adds nothing. A window
  // that is exactly its spans (`山区` between `、` and `、`) needs no segmenting: its ends are boundaries.
  int32_t from = -1, to = -1;
  bool needed = false;
  auto flush = [&] {
    flags[static_cast<std::size_t>(from)] = flags[static_cast<std::size_t>(to)] = true;
    if (needed) mark_boundaries(text, from, to, flags);
  };
  for (const auto& [b, e] : *order) {
    if (b >= from && e <= to) {
      needed = needed || b != from || e != to;
      continue;
    }
    const int32_t a = window_start(text, b), z = window_end(text, e);
    if (a < to) {
      to = std::max(to, z);
      needed = true;
      continue;
    }
    if (from >= 0) flush();
    from = a, to = z;
    needed = a != b || z != e;
  }
  flush();
  return flags;
}

std::vector<bool> word_boundaries(const std::u16string& text) {
  std::vector<bool> flags(text.size() + 1, false);
  flags.front() = flags.back() = true;
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t b : segment(text.data(), n)) flags[static_cast<std::size_t>(b)] = true;
  return flags;
}

}  // namespace acta::analyze::topics
