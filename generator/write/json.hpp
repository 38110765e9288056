// JSON string literals for the data files the site's scripts read (search shards). Not for HTML: text that
// reaches a page goes through escape.hpp.
#pragma once

#include <string>
#include <string_view>

namespace acta::write {

// `text` as a quoted JSON (and JavaScript) string literal: quotes, backslashes, control characters, U+2028
// and U+2029 escaped, and '<' as \u003c so no "</script>" can appear in the file.
std::string json_string(std::string_view text);
void json_string_into(std::string& out, std::string_view text);

}  // namespace acta::write
