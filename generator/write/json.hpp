// JSON string literals, the one escaper of the generator. Not for HTML: text that reaches a page goes
// through escape.hpp.
#pragma once

#include <string>
#include <string_view>

namespace acta::write {

// Where a literal goes.
enum class JsonIn {
  // A script the site loads (search shards and texts, the manifest): besides what JSON needs, U+2028 and
  // U+2029 escaped (they end a line in older JavaScript) and '<' as \u003c, so no "</script>" can appear.
  Script,
  // A data file (the JSON export): what JSON needs and nothing more, with the short escapes \b and \f.
  Data,
};

// `text` as a quoted JSON string literal: quotes, backslashes and control characters escaped, and what
// `in` asks besides. `text` must be UTF-8 (the JSON export checks its strings before).
std::string json_string(std::string_view text, JsonIn in = JsonIn::Script);
void json_string_into(std::string& out, std::string_view text, JsonIn in = JsonIn::Script);

}  // namespace acta::write
