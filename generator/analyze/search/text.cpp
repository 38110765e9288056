#include "analyze/search/text.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <memory>

#include <stdexcept>

#include "analyze/search/fold.hpp"
#include "analyze/search/words.hpp"
#include "util/utf8.hpp"

namespace acta::analyze::search {

namespace {

// Scripts written without spaces between words: each character is its own unit.
bool is_ideographic_script(UChar32 c) {
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript(c, &err);
  return s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA || s == USCRIPT_HANGUL ||
         s == USCRIPT_BOPOMOFO;
}

enum class Class { Space, Word, Char };

// Mirrors classify() in templates/assets/search-core.js; keep the two in step.
Class classify(UChar32 c) {
  if (u_hasBinaryProperty(c, UCHAR_WHITE_SPACE)) return Class::Space;
  if ((U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) && !is_ideographic_script(c)) return Class::Word;
  return Class::Char;
}

// Controls and format characters (zero-width spaces, joiners, soft hyphens) are invisible: a query typed
// without them must still match, so they are dropped (white space among them stays, as a separator).
bool invisible(UChar32 c) {
  return (U_GET_GC_MASK(c) & (U_GC_CC_MASK | U_GC_CF_MASK)) && !u_hasBinaryProperty(c, UCHAR_WHITE_SPACE);
}

const icu::Normalizer2& nfkc() {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(err);
  if (U_FAILURE(err)) throw std::runtime_error(std::string("ICU NFKC normalizer: ") + u_errorName(err));
  return *n;
}

icu::UnicodeString normalize_u16(std::string_view utf8, const Options& options) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString out = nfkc().normalize(s, err);
  if (U_FAILURE(err)) throw std::runtime_error(std::string("ICU normalize: ") + u_errorName(err));
  out.toLower(icu::Locale::getRoot());
  // Folding runs after NFKC and lowercase, as in the browser; the table's keys are NFKC-inert.
  auto changes = [&](UChar32 c) { return invisible(c) || (options.fold_traditional && fold_traditional(c) != static_cast<char32_t>(c)); };
  bool any = false;  // most text has nothing to drop or fold: then no copy
  for (int32_t i = 0; i < out.length() && !any; i = out.moveIndex32(i, 1)) any = changes(out.char32At(i));
  if (!any) return out;
  icu::UnicodeString kept;
  for (int32_t i = 0; i < out.length(); i = out.moveIndex32(i, 1)) {
    UChar32 c = out.char32At(i);
    if (!invisible(c)) kept.append(options.fold_traditional ? static_cast<UChar32>(fold_traditional(c)) : c);
  }
  return kept;
}

// A unit with its UTF-16 extent in the normalized text (to look up ICU word boundaries).
struct Span {
  int32_t begin = 0, end = 0;
  bool word = false;
};

std::vector<Span> spans(const icu::UnicodeString& s) {
  std::vector<Span> out;
  bool in_word = false;
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    int32_t next = s.moveIndex32(i, 1);
    Class k = classify(c);
    if (k == Class::Word) {
      if (in_word) out.back().end = next;
      else out.push_back({i, next, true});
      in_word = true;
    } else {
      if (k == Class::Char) out.push_back({i, next, false});
      in_word = false;
    }
    i = next;
  }
  return out;
}

bool is_han(UChar32 c) {
  UErrorCode err = U_ZERO_ERROR;
  return uscript_getScript(c, &err) == USCRIPT_HAN;
}

// split[i]: units i and i + 1 are Han characters, side by side in `s`, in two words by ICU's segmentation.
std::vector<bool> word_splits(const icu::UnicodeString& s, const std::vector<Span>& sp) {
  std::vector<bool> split(sp.size(), false), starts;
  const char16_t* buf = s.getBuffer();
  auto han = [&](std::size_t i) { return !sp[i].word && is_han(s.char32At(sp[i].begin)); };
  for (std::size_t a = 0; a < sp.size();) {
    if (!han(a)) {
      ++a;
      continue;
    }
    std::size_t b = a + 1;  // the run: units a..b-1, each Han, each touching the next
    while (b < sp.size() && sp[b].begin == sp[b - 1].end && han(b)) ++b;
    if (b - a >= 3) {
      word_starts(buf + sp[a].begin, sp[b - 1].end - sp[a].begin, starts);
      for (std::size_t k = a; k + 1 < b; ++k) split[k] = starts[sp[k + 1].begin - sp[a].begin];
    }
    a = b;
  }
  return split;
}

std::string utf8_of(const icu::UnicodeString& s, int32_t begin, int32_t end) {
  std::string out;
  s.tempSubStringBetween(begin, end).toUTF8String(out);
  return out;
}

}  // namespace

std::string normalize(std::string_view utf8, const Options& options) {
  std::string out;
  normalize_u16(utf8, options).toUTF8String(out);
  return out;
}

std::vector<Unit> units(std::string_view normalized) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(normalized.data(), static_cast<int32_t>(normalized.size())));
  std::vector<Unit> out;
  for (const Span& sp : spans(s)) out.push_back({utf8_of(s, sp.begin, sp.end), sp.word});
  return out;
}

std::string char_key_text(std::uint64_t code) {
  std::string out;
  utf8::append(out, static_cast<char32_t>((code >> 21) & 0x1FFFFF));
  if (code & 0x1FFFFF) utf8::append(out, static_cast<char32_t>(code & 0x1FFFFF));
  return out;
}

std::string key_text(const Entry& e) { return e.code ? char_key_text(e.code) : e.word; }

std::uint32_t entries(std::string_view text, std::vector<Entry>& out, std::uint32_t first, const Options& options) {
  icu::UnicodeString s = normalize_u16(text, options);
  std::vector<Span> sp = spans(s);
  std::vector<bool> split = word_splits(s, sp);
  for (std::size_t i = 0; i < sp.size(); ++i) {
    const Span& u = sp[i];
    Entry e;
    e.pos = first + static_cast<std::uint32_t>(i);
    const Span* next = i + 1 < sp.size() ? &sp[i + 1] : nullptr;
    if (u.word) {
      e.word = utf8_of(s, u.begin, u.end);
      if (next && !next->word) out.push_back({0, e.word + utf8_of(s, next->begin, next->end), e.pos});
    } else {
      e.code = kCharKey | static_cast<std::uint64_t>(s.char32At(u.begin)) << 21;
      if (next && !next->word) {
        Entry pair = e;
        pair.code |= static_cast<std::uint64_t>(s.char32At(next->begin));
        pair.split = split[i];
        out.push_back(pair);
      } else if (next) {
        out.push_back({0, utf8_of(s, u.begin, u.end) + utf8_of(s, next->begin, next->end), e.pos});
      }
    }
    out.push_back(std::move(e));
  }
  return static_cast<std::uint32_t>(sp.size());
}

std::vector<Entry> entries(std::string_view text, const Options& options) {
  std::vector<Entry> out;
  entries(text, out, 0, options);
  return out;
}

}  // namespace acta::analyze::search
