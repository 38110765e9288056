#include "write/url.hpp"

#include <cctype>

namespace acta::write {

std::string encode_url_path(std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string absolute_url(std::string_view base_url, std::string_view path) {
  if (base_url.empty()) return "";
  return std::string(base_url) + encode_url_path(path);
}

}  // namespace acta::write
