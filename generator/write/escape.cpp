#include "write/escape.hpp"

#include <algorithm>
#include <cctype>

#include "util/scan.hpp"

namespace acta::write {

namespace {

const char* entity_of(char c) {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    default: return "&#39;";
  }
}

}  // namespace

void escape_html_into(std::string& out, std::string_view text) {
  // Copies runs of plain characters whole: most text has nothing to escape.
  std::size_t run = 0;
  for (std::size_t i = 0; (i = scan::find_special<false, '&', '<', '>', '"', '\''>(text, i)) != std::string_view::npos; run = ++i) {
    out.append(text.data() + run, i - run);
    out += entity_of(text[i]);
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
  std::size_t run = 0;
  for (std::size_t i = 0; (i = scan::find_special<true, '&', '<', '>', '"', '\''>(text, i)) != std::string_view::npos; run = ++i) {
    out.append(text.data() + run, i - run);
    const char c = text[i];
    if (c == '\t' || c == '\n' || c == '\r') out += c;
    else if (static_cast<unsigned char>(c) >= 0x20) out += entity_of(c);  // other control characters are dropped
  }
  out.append(text.data() + run, text.size() - run);
}

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  escape_xml_into(out, text);
  return out;
}

std::string safe_href(std::string_view url) {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:"), so they
  // are removed before the scheme is judged. Most links have none and are taken whole (a link of every
  // citation on every page and in every Akoma Ntoso file comes through here).
  auto dropped = [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; };
  std::string clean;
  if (std::none_of(url.begin(), url.end(), dropped)) {
    clean.assign(url);
  } else {
    clean.reserve(url.size());
    for (char c : url)
      if (!dropped(c)) clean += c;
  }
  const std::size_t colon = clean.find(':');
  const std::size_t stop = clean.find_first_of("/?#");
  if (colon == std::string::npos || (stop != std::string::npos && stop < colon)) return clean;  // relative
  const std::string_view scheme = std::string_view(clean).substr(0, colon);
  auto is = [&](std::string_view name) {  // ASCII case-insensitive
    return scheme.size() == name.size() && std::equal(scheme.begin(), scheme.end(), name.begin(), [](char a, char b) {
             return (a >= 'A' && a <= 'Z' ? static_cast<char>(a + 32) : a) == b;
           });
  };
  if (is("http") || is("https") || is("mailto")) return clean;
  return "";
}

}  // namespace acta::write
