#include "write/json.hpp"

#include "util/scan.hpp"

namespace acta::write {

std::string json_string(std::string_view text) {
  std::string out;
  json_string_into(out, text);
  return out;
}

void json_string_into(std::string& out, std::string_view text) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // start of the characters not yet copied: plain runs are copied whole
  auto flush = [&](std::size_t i) { out.append(text.data() + run, i - run); };
  for (std::size_t i = 0; (i = scan::find_special<true, '"', '\\', '<', 0xE2>(text, i)) != std::string_view::npos; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xE2) {  // U+2028 and U+2029 end a line in older JavaScript
      if (!(i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(text[i + 2]) == 0xA8 || static_cast<unsigned char>(text[i + 2]) == 0xA9)))
        continue;
      flush(i);
      out += static_cast<unsigned char>(text[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
      i += 2;
      run = i + 1;
      continue;
    }
    flush(i);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '<': out += "\\u003c"; break;
      default:
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    run = i + 1;
  }
  flush(text.size());
  out += '"';
}

}  // namespace acta::write
