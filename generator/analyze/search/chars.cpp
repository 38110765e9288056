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

class BmpTable {
 public:
  std::uint8_t flags(char32_t c) {
    ensure(c >> 8);
    return flags_[c];
  }
  char32_t quick(char32_t c) {
    ensure(c >> 8);
    return quick_[c] == 0xFFFF ? kNotQuick : quick_[c];
  }

 private:
  void ensure(std::size_t block) {
    if (ready_[block].load(std::memory_order_acquire)) return;
    std::lock_guard<std::mutex> lock(mutex_);
    if (ready_[block].load(std::memory_order_relaxed)) return;
    for (char32_t c = static_cast<char32_t>(block << 8); c < ((block + 1) << 8); ++c) {
      flags_[c] = compute(c);
      const char32_t q = compute_quick(c);
      quick_[c] = q == kNotQuick ? 0xFFFF : static_cast<char16_t>(q);
    }
    ready_[block].store(true, std::memory_order_release);
  }
  std::array<std::atomic<bool>, 256> ready_{};
  std::array<std::uint8_t, 0x10000> flags_{};
  std::array<char16_t, 0x10000> quick_{};  // 0xFFFF: not quick
  std::mutex mutex_;
};

BmpTable& table() {
  static BmpTable t;
  return t;
}

}  // namespace

std::uint8_t char_flags(char32_t c) { return c < 0x10000 ? table().flags(c) : compute(c); }

char32_t quick_form(char32_t c) { return c < 0x10000 ? table().quick(c) : kNotQuick; }

}  // namespace acta::analyze::search
