#include "write/escape.hpp"

#include <cctype>

namespace acta::write {

void escape_html_into(std::string& out, std::string_view text) {
  // Copies runs of plain characters whole: most text has nothing to escape.
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* entity;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&#39;"; break;
      default: continue;
    }
    out.append(text.data() + run, i - run);
    out += entity;
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  escape_html_into(out, text);
  return out;
}

void escape_xml_into(std::string& out, std::string_view text) {
  std::size_t start = out.size();
  escape_html_into(out, text);
  std::size_t keep = start;
  for (std::size_t i = start; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    out[keep++] = out[i];
  }
  out.resize(keep);
}

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  escape_xml_into(out, text);
  return out;
}

std::string safe_href(std::string_view url) {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:"), so they
  // are removed before the scheme is judged.
  std::string clean;
  for (char c : url)
    if (static_cast<unsigned char>(c) > 0x20 && c != 0x7f) clean += c;
  std::size_t colon = clean.find(':');
  std::size_t stop = clean.find_first_of("/?#");
  if (colon == std::string::npos || (stop != std::string::npos && stop < colon)) return clean;  // relative
  std::string scheme;
  for (std::size_t i = 0; i < colon; ++i) scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(clean[i])));
  if (scheme == "http" || scheme == "https" || scheme == "mailto") return clean;
  return "";
}

}  // namespace acta::write
