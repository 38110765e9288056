// Writes the traditional -> simplified folding table of the search (generator/analyze/search/fold.cpp) to
// the file named by its argument, as C++ initializer lines "{0xTRAD, 0xSIMP},", sorted by the traditional code point.
//
// Run by CMake when Acta is compiled, not by `acta build`: ICU's Traditional-Simplified transliterator
// takes about 30-40 ms to open and 60 ms to run over the ~98,000 Han code points (measured on the 2-core
// development machine), a cost every build would pay for a table that only changes with ICU's data.
//
// The table: every Han code point that the transliterator, applied to it alone, turns into one different
// code point; only keys that NFKC leaves alone (the search folds after NFKC, so a compatibility
// ideograph never reaches the table); chains (a -> b, b -> c) resolved to their end, so that folding is
// idempotent and a, b and c all find each other.
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_fold_table OUTPUT\n");
    return 2;
  }
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, err));
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  icu::UnicodeSet han(u"[:Han:]", err);
  if (U_FAILURE(err)) {
    std::fprintf(stderr, "make_fold_table: ICU: %s\n", u_errorName(err));
    return 1;
  }
  std::map<UChar32, UChar32> fold;
  for (int32_t r = 0; r < han.getRangeCount(); ++r)
    for (UChar32 c = han.getRangeStart(r); c <= han.getRangeEnd(r); ++c) {
      if (!nfkc->isInert(c)) continue;
      icu::UnicodeString s(c);
      t->transliterate(s);
      if (s.countChar32() == 1 && s.char32At(0) != c) fold[c] = s.char32At(0);
    }
  // Follow each chain to its end; a cycle (ICU has 苎 -> 苧 -> 苎) ends at its smallest member.
  std::map<UChar32, UChar32> resolved;
  std::size_t chains = 0;
  for (const auto& [from, to] : fold) {
    std::vector<UChar32> seen{from};
    UChar32 end = to;
    for (auto it = fold.find(end); it != fold.end(); it = fold.find(end)) {
      if (std::find(seen.begin(), seen.end(), end) != seen.end()) {
        auto first = std::find(seen.begin(), seen.end(), end);
        end = *std::min_element(first, seen.end());
        break;
      }
      seen.push_back(end);
      end = it->second;
    }
    if (end != to) ++chains;
    if (end != from) resolved[from] = end;
  }
  fold.swap(resolved);
  const std::string tmp = std::string(argv[1]) + ".tmp";  // renamed when complete: no half table is left
  std::FILE* out = std::fopen(tmp.c_str(), "w");
  if (!out) {
    std::perror(tmp.c_str());
    return 1;
  }
  for (const auto& [from, to] : fold) std::fprintf(out, "{0x%04X, 0x%04X},\n", static_cast<unsigned>(from), static_cast<unsigned>(to));
  if (std::fclose(out) != 0 || std::rename(tmp.c_str(), argv[1]) != 0) {
    std::perror(argv[1]);
    return 1;
  }
  std::fprintf(stderr, "make_fold_table: %zu pairs, %zu chains resolved\n", fold.size(), chains);
  return 0;
}
