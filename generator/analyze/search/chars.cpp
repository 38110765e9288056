#include "analyze/search/chars.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <array>
#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>

#include "analyze/search/fold.hpp"

namespace acta::analyze::search {

namespace {

// Scripts written without spaces between words: each character is its own unit.
bool is_ideographic_script(UScriptCode s) {
  return s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA || s == USCRIPT_HANGUL || s == USCRIPT_BOPOMOFO;
}

// Mirrors classify() and INVISIBLE in templates/assets/search-core.js; keep them in step.
std::uint8_t compute(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  UErrorCode err = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &err);
  const bool space = u_hasBinaryProperty(c, UCHAR_WHITE_SPACE);
  const auto gc = U_GET_GC_MASK(c);
  std::uint8_t f = 0;
  if (space) f |= kSpace;
  if ((gc & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) && !is_ideographic_script(script)) f |= kWordChar;
  if ((gc & (U_GC_CC_MASK | U_GC_CF_MASK)) && !space) f |= kInvisible;
  if (script == USCRIPT_HAN) f |= kHan;
  if (fold_traditional(cp) != cp) f |= kFolds;
  return f;
}

const icu::Normalizer2& nfkc() {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(err);
  if (U_FAILURE(err)) throw std::runtime_error(std::string("ICU NFKC normalizer: ") + u_errorName(err));
  return *n;
}

char32_t compute_quick(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  if (c == 0xFFFD || U_IS_SURROGATE(c) || !nfkc().hasBoundaryBefore(c)) return kNotQuick;
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString n = nfkc().normalize(icu::UnicodeString(c), err);
  if (U_FAILURE(err) || n.length() != 1) return kNotQuick;  // one BMP character
  const UChar32 m = n.charAt(0);
  if (m >= 'A' && m <= 'Z') return static_cast<char32_t>(m + ('a' - 'A'));
  if (u_hasBinaryProperty(m, UCHAR_CHANGES_WHEN_LOWERCASED) || m == 0xFFFF) return kNotQuick;
  return static_cast<char32_t>(m);
}

std::mutex& fill_mutex() {
  static std::mutex m;
  return m;
}

}  // namespace

namespace detail {

constinit BmpTable bmp{};  // zeros before any code runs: no order of initialization to worry about

void fill(std::size_t block) {
  std::lock_guard<std::mutex> lock(fill_mutex());
  if (bmp.ready[block].load(std::memory_order_relaxed)) return;
  for (char32_t c = static_cast<char32_t>(block << 8); c < ((block + 1) << 8); ++c) {
    bmp.flags[c] = compute(c);
    const char32_t q = compute_quick(c);
    bmp.quick[c] = q == kNotQuick ? 0xFFFF : static_cast<char16_t>(q);
  }
  bmp.ready[block].store(true, std::memory_order_release);
}

std::uint8_t flags_beyond_bmp(char32_t c) { return compute(c); }

}  // namespace detail

}  // namespace acta::analyze::search
