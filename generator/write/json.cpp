#include "write/json.hpp"

#include "util/scan.hpp"

namespace acta::write {

namespace {

template <JsonIn In>
void quote(std::string& out, std::string_view text) {
  static const char* hex = "0123456789abcdef";
  constexpr bool script = In == JsonIn::Script;
  out += '"';
  std::size_t run = 0;  // start of the characters not yet copied: plain runs are copied whole
  auto flush = [&](std::size_t i) { out.append(text.data() + run, i - run); };
  auto next = [&](std::size_t i) {
    if constexpr (script) return scan::find_special<true, '"', '\\', '<', 0xE2>(text, i);
    else return scan::find_special<true, '"', '\\'>(text, i);
  };
  for (std::size_t i = 0; (i = next(i)) != std::string_view::npos; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (script && c == 0xE2) {  // U+2028 and U+2029 end a line in older JavaScript
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
      case '<': out += "\\u003c"; break;  // looked for in scripts only
      default:
        if (!script && c == '\b') {
          out += "\\b";
        } else if (!script && c == '\f') {
          out += "\\f";
        } else {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        }
    }
    run = i + 1;
  }
  flush(text.size());
  out += '"';
}

}  // namespace

std::string json_string(std::string_view text, JsonIn in) {
  std::string out;
  json_string_into(out, text, in);
  return out;
}

void json_string_into(std::string& out, std::string_view text, JsonIn in) {
  if (in == JsonIn::Script) quote<JsonIn::Script>(out, text);
  else quote<JsonIn::Data>(out, text);
}

}  // namespace acta::write
