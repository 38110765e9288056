#include "analyze/topics/match_text.hpp"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>

#include "util/utf8.hpp"

namespace acta::analyze::topics {

namespace {

const icu::Normalizer2& folding() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || !n) throw std::runtime_error("ICU: NFKC_Casefold normalizer is not available");
  return *n;
}

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

bool is_space(char32_t cp) { return cp == U'\n' || cp == U'\t' || cp == U'\r' || u_isUWhiteSpace(static_cast<UChar32>(cp)); }

// Appends the normalized form of each code point of `original`; whitespace runs are dropped next to a
// Chinese character (a line join or a PDF artefact, never a word separator in Chinese) and become one
// space elsewhere. `offsets`, when given, receives the source byte offset of every UTF-16 unit appended.
void normalize_into(std::string_view original, icu::UnicodeString& out, std::vector<std::size_t>* offsets,
                    std::vector<std::size_t>* ends) {
  const icu::Normalizer2& norm = folding();
  std::size_t i = 0;
  bool pending_space = false;
  std::size_t space_at = 0, space_end = 0;
  char32_t last = 0;
  while (i < original.size()) {
    std::size_t at = i;
    char32_t cp = utf8::next(original, i);
    if (is_space(cp)) {
      if (!pending_space) space_at = at, space_end = i;
      pending_space = true;
      continue;
    }
    if (pending_space && last != 0 && !utf8::is_cjk(last) && !utf8::is_cjk(cp)) {
      out.append(static_cast<UChar>(u' '));
      if (offsets) offsets->push_back(space_at);
      if (ends) ends->push_back(space_end);
    }
    pending_space = false;
    icu::UnicodeString piece;
    if (norm.isInert(static_cast<UChar32>(cp))) {
      piece.append(static_cast<UChar32>(cp));
    } else {
      UErrorCode status = U_ZERO_ERROR;
      piece = norm.normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
      if (U_FAILURE(status)) piece = icu::UnicodeString(static_cast<UChar32>(cp));
    }
    out.append(piece);
    for (int32_t k = 0; k < piece.length(); ++k) {
      if (offsets) offsets->push_back(at);
      if (ends) ends->push_back(i);
    }
    last = cp;
  }
}

}  // namespace

MatchText prepare_match_text(std::string_view original) {
  MatchText m;
  normalize_into(original, m.text, &m.source, &m.source_end);
  const auto n = static_cast<std::size_t>(m.text.length());
  m.boundary.assign(n + 1, false);
  m.boundary[0] = m.boundary[n] = true;
  if (n == 0) return m;
  icu::BreakIterator& bi = word_breaker();
  bi.setText(m.text);
  for (int32_t b = bi.first(); b != icu::BreakIterator::DONE; b = bi.next())
    if (b >= 0 && static_cast<std::size_t>(b) <= n) m.boundary[static_cast<std::size_t>(b)] = true;
  static const icu::UnicodeString nothing;
  bi.setText(nothing);  // the iterator keeps a reference to its text; m.text is about to move
  return m;
}

icu::UnicodeString normalize_term(std::string_view term) {
  icu::UnicodeString out;
  normalize_into(utf8::trim(term), out, nullptr, nullptr);
  return out;
}

}  // namespace acta::analyze::topics
