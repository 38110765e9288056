#include "analyze/search/text.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <stdexcept>

#include "analyze/search/chars.hpp"
#include "analyze/search/fold.hpp"
#include "analyze/search/words.hpp"
#include "util/utf8.hpp"

namespace acta::analyze::search {

namespace {

const icu::Normalizer2& nfkc() {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(err);
  if (U_FAILURE(err)) throw std::runtime_error(std::string("ICU NFKC normalizer: ") + u_errorName(err));
  return *n;
}

// The flags of a character as normalized: folding keeps a character's class but for its kFolds bit.
std::uint8_t flags_after_folding(char32_t folded, char32_t c, std::uint8_t f) { return folded == c ? f : char_flags(folded); }

// The fast path: text whose every character has a quick form (chars.hpp) is normalized one character at a
// time, straight from its UTF-8, without ICU's normalizer or UTF-16: each character becomes its quick
// form, invisible ones are dropped, the rest folded. Most text is like that (Chinese, its full-width
// punctuation, Latin). Returns false, with `out` in any state, at the first character that needs ICU.
// `flags` (when given) gets each character's flags, so that the tokenizer need not look them up again.
// Written by index into buffers sized for the most it can make (a character per byte), then cut to size:
// push_back's checks, and the string's terminator at each, were a third of its instructions.
bool normalize_quick(std::string_view utf8, const Options& options, CodePoints& out, CharFlags* flags) {
  const std::size_t base = out.size(), flags_base = flags ? flags->size() : 0;
  out.resize(base + utf8.size());
  if (flags) flags->resize(flags_base + utf8.size());
  char32_t* o = out.data() + base;
  std::uint8_t* fo = flags ? flags->data() + flags_base : nullptr;
  std::size_t n = 0;
  // One character as decoded; false when it needs ICU.
  auto take = [&](char32_t decoded) {
    std::uint8_t f = 0;
    const char32_t c = quick_form(decoded, f);
    if (c == kNotQuick) return false;
    if (f & kInvisible) return true;
    const char32_t folded = options.fold_traditional && (f & kFolds) ? fold_traditional(c) : c;
    o[n] = folded;
    if (fo) fo[n] = flags_after_folding(folded, c, f);
    ++n;
    return true;
  };
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t five[5];
    if (utf8::five_three_byte(utf8, i, five)) {  // a run of Chinese: five characters decoded at once
      for (char32_t c : five)
        if (!take(c)) return false;
      i += 15;
      continue;
    }
    if (!take(utf8::next(utf8, i))) return false;
  }
  out.resize(base + n);
  if (flags) flags->resize(flags_base + n);
  return true;
}

// The general path, through ICU: NFKC, then full lowercase, then invisible characters dropped and
// characters folded (after NFKC and lowercase, as in the browser; the table's keys are NFKC-inert).
void normalize_icu(std::string_view utf8, const Options& options, CodePoints& out, CharFlags* flags) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString n = nfkc().normalize(s, err);
  if (U_FAILURE(err)) throw std::runtime_error(std::string("ICU normalize: ") + u_errorName(err));
  n.toLower(icu::Locale::getRoot());
  for (int32_t i = 0; i < n.length(); i = n.moveIndex32(i, 1)) {
    const auto c = static_cast<char32_t>(n.char32At(i));
    const auto f = char_flags(c);
    if (f & kInvisible) continue;
    const char32_t folded = options.fold_traditional && (f & kFolds) ? fold_traditional(c) : c;
    out.push_back(folded);
    if (flags) flags->push_back(flags_after_folding(folded, c, f));
  }
}

void normalize_into(std::string_view utf8, const Options& options, CodePoints& out, CharFlags* flags = nullptr) {
  out.clear();
  if (flags) flags->clear();
  if (normalize_quick(utf8, options, out, flags)) return;
  out.clear();
  if (flags) flags->clear();
  normalize_icu(utf8, options, out, flags);
}

// Units of normalized text, from its characters' flags. Mirrors units() in templates/assets/search-core.js;
// keep the two in step.
// Written by index into a buffer sized for a unit per character, then cut to size.
void spans(const CharFlags& flags, Spans& out) {
  out.resize(flags.size());
  Span* o = out.data();
  std::size_t n = 0;
  bool in_word = false;
  for (std::uint32_t i = 0; i < flags.size(); ++i) {
    const auto f = flags[i];
    if (f & kWordChar) {
      if (in_word) o[n - 1].end = i + 1;
      else o[n++] = {i, i + 1, true};
      in_word = true;
    } else {
      if (!(f & kSpace)) o[n++] = {i, i + 1, false};
      in_word = false;
    }
  }
  out.resize(n);
}

// Buffers of tokenize(), kept per thread: the tokenizer runs on every field of every document.
struct Scratch : Tokens {
  CharFlags flags;  // of each character of `text`
  std::vector<bool> starts;
  std::u16string run;
  std::vector<std::int32_t> offsets;  // of each character of `run`, when it has one beyond the BMP
};

// split[i]: units i and i + 1 are Han characters, side by side in the text, in two words by ICU's
// segmentation of their run (words.hpp).
void word_splits(Scratch& w) {
  const auto& s = w.text;
  const auto& sp = w.spans;
  w.split.assign(sp.size(), 0);
  auto han = [&](std::size_t i) { return !sp[i].word && (w.flags[sp[i].begin] & kHan); };
  for (std::size_t a = 0; a < sp.size();) {
    if (!han(a)) {
      ++a;
      continue;
    }
    std::size_t b = a + 1;  // the run: units a..b-1, each Han, each touching the next
    while (b < sp.size() && sp[b].begin == sp[b - 1].end && han(b)) ++b;
    if (b - a >= 3) {
      w.run.clear();
      bool bmp = true;  // then a character's offset in the run is its index
      for (std::size_t k = a; k < b; ++k) {
        const auto c = s[sp[k].begin];
        if (c < 0x10000) {
          w.run.push_back(static_cast<char16_t>(c));
        } else {
          bmp = false;
          w.run.push_back(static_cast<char16_t>(U16_LEAD(c)));
          w.run.push_back(static_cast<char16_t>(U16_TRAIL(c)));
        }
      }
      const auto length = static_cast<std::int32_t>(w.run.size());
      if (!bmp) {
        w.offsets.clear();
        for (std::size_t k = a; k < b; ++k)
          w.offsets.push_back(k == a ? 0 : w.offsets.back() + (s[sp[k - 1].begin] < 0x10000 ? 1 : 2));
      }
      auto offset = [&](std::size_t j) { return bmp ? j : static_cast<std::size_t>(w.offsets[j]); };  // of run character j
      if (length <= kMaskUnits) {
        const std::uint64_t mask = word_start_mask(w.run.data(), length);
        for (std::size_t k = a; k + 1 < b; ++k) w.split[k] = (mask >> offset(k + 1 - a)) & 1;
      } else {
        word_starts(w.run.data(), length, w.starts);
        for (std::size_t k = a; k + 1 < b; ++k) w.split[k] = w.starts[offset(k + 1 - a)];
      }
    }
    a = b;
  }
}

void append_utf8(std::string& out, const CodePoints& s, std::uint32_t begin, std::uint32_t end) {
  for (auto i = begin; i < end; ++i) utf8::append(out, s[i]);
}

std::string utf8_of(const CodePoints& s, std::uint32_t begin, std::uint32_t end) {
  std::string out;
  append_utf8(out, s, begin, end);
  return out;
}

}  // namespace

std::string normalize(std::string_view utf8, const Options& options) {
  CodePoints cps;
  normalize_into(utf8, options, cps);
  return utf8_of(cps, 0, static_cast<std::uint32_t>(cps.size()));
}

std::vector<Unit> units(std::string_view normalized) {
  CodePoints s;
  CharFlags flags;
  for (std::size_t i = 0; i < normalized.size();) {
    s.push_back(utf8::next(normalized, i));
    flags.push_back(char_flags(s.back()));
  }
  Spans sp;
  spans(flags, sp);
  std::vector<Unit> out;
  for (const Span& u : sp) out.push_back({utf8_of(s, u.begin, u.end), u.word});
  return out;
}

std::string char_key_text(std::uint64_t code) {
  std::string out;
  utf8::append(out, static_cast<char32_t>((code >> 21) & 0x1FFFFF));
  if (code & 0x1FFFFF) utf8::append(out, static_cast<char32_t>(code & 0x1FFFFF));
  return out;
}

std::string key_text(const Entry& e) { return e.code ? char_key_text(e.code) : e.word; }

const Tokens& tokenize(std::string_view text, const Options& options) {
  thread_local Scratch w;
  normalize_into(text, options, w.text, &w.flags);
  spans(w.flags, w.spans);
  word_splits(w);
  return w;
}

std::uint32_t entries(std::string_view text, std::vector<Entry>& out, std::uint32_t first, const Options& options) {
  return for_each_entry(text, options, [&](std::uint64_t code, std::string_view word, std::uint32_t pos, bool split) {
    out.push_back({code, std::string(word), first + pos, split});
  });
}

std::vector<Entry> entries(std::string_view text, const Options& options) {
  std::vector<Entry> out;
  entries(text, out, 0, options);
  return out;
}

}  // namespace acta::analyze::search
