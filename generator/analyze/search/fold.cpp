#include "analyze/search/fold.hpp"

#include <algorithm>
#include <vector>

namespace acta::analyze::search {

namespace {

constexpr FoldPair kTable[] = {
#include "fold_table.inc"  // generated into the build tree by tools/make_fold_table.cpp
};

// Every key of the table is a BMP ideograph; a flat array over the table's range answers a lookup with one
// load (folding runs on every character the index reads).
struct Flat {
  char32_t first = 0;
  std::vector<char16_t> to;  // 0: not folded
  Flat() {
    first = kTable[0].from;
    to.assign(kTable[std::size(kTable) - 1].from - first + 1, 0);
    for (const auto& p : kTable) to[p.from - first] = static_cast<char16_t>(p.to);
  }
};

static_assert(std::size(kTable) > 0);
static_assert(std::is_sorted(std::begin(kTable), std::end(kTable), [](const FoldPair& a, const FoldPair& b) { return a.from < b.from; }));
static_assert(std::all_of(std::begin(kTable), std::end(kTable), [](const FoldPair& p) { return p.from < 0x10000 && p.to < 0x10000; }),
              "the flat lookup assumes BMP code points");

}  // namespace

std::span<const FoldPair> fold_table() { return kTable; }

char32_t fold_traditional(char32_t c) {
  static const Flat flat;
  if (c < flat.first || c - flat.first >= flat.to.size()) return c;
  char16_t t = flat.to[c - flat.first];
  return t ? t : c;
}

}  // namespace acta::analyze::search
