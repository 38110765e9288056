// Sorting text for people: ICU collation for Chinese (pinyin order, the CLDR default for "zh"), so that
// titles sort as a reader expects rather than by code point.
#pragma once

#include <string_view>

namespace acta::collation {

// a < b in Chinese (pinyin) collation; ties broken by code point so the order is total and deterministic.
bool less_zh(std::string_view a, std::string_view b);

}  // namespace acta::collation
