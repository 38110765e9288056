// Traditional -> simplified folding of the search (config `search_fold_traditional`): one table, one code
// point to one code point, made from ICU's Traditional-Simplified transliterator applied to each Han
// character alone (tools/make_fold_table.cpp, run when Acta is compiled). The build folds the text it
// indexes with it after NFKC; the site gets the same table (search/fold.js) for the browser's normalize.
#pragma once

#include <cstdint>
#include <span>

namespace acta::analyze::search {

struct FoldPair {
  char32_t from = 0;  // traditional
  char32_t to = 0;    // simplified
};

// The table, sorted by `from`; no `to` is itself a `from` (folding twice changes nothing).
std::span<const FoldPair> fold_table();

// `c` folded: its simplified form when the table has one, else `c`.
char32_t fold_traditional(char32_t c);

}  // namespace acta::analyze::search
