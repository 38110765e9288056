#include "read/raw/markup.hpp"

#include <regex>

#include "util/utf8.hpp"

namespace acta::read::raw {

namespace {

int superscript_value(char32_t c) {
  switch (c) {
    case U'⁰': return 0;
    case U'¹': return 1;
    case U'²': return 2;
    case U'³': return 3;
    case U'⁴': return 4;
    case U'⁵': return 5;
    case U'⁶': return 6;
    case U'⁷': return 7;
    case U'⁸': return 8;
    case U'⁹': return 9;
    default: return -1;
  }
}

bool is_ascii_punct(char c) { return c >= 0x21 && c <= 0x7E && !std::isalnum(static_cast<unsigned char>(c)); }

// "IPCC\\_AR6" and "IPCC\_AR6" -> "IPCC_AR6": a converter escaped, sometimes twice, what needed no escape.
std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      std::size_t j = i;
      while (j < s.size() && s[j] == '\\') ++j;
      if (j < s.size() && is_ascii_punct(s[j]) && j - i <= 2) {
        out += s[j];
        i = j;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// Where a bare URL in running text ends: at a space, a CJK character, or trailing ASCII punctuation.
std::size_t url_end(std::string_view s, std::size_t start) {
  std::size_t i = start, end = start;
  while (i < s.size()) {
    std::size_t at = i;
    char32_t c = utf8::next(s, i);
    if (c <= ' ' || c >= 0x80 || c == '<' || c == '>' || c == '"' || c == '\x1F' || c == '\x1D') {
      i = at;
      break;
    }
    end = i;
  }
  while (end > start && std::string_view(".,;:!?)'*_~").find(s[end - 1]) != std::string_view::npos) --end;
  return end;
}

std::string link_bare_urls(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == kLinkOpen) {  // an existing link: copy as is
      std::size_t close = s.find(kLinkClose, i);
      if (close == std::string_view::npos) close = s.size() - 1;
      out += s.substr(i, close + 1 - i);
      i = close + 1;
      continue;
    }
    bool boundary = i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1]));
    bool http = s.compare(i, 7, "http://") == 0 || s.compare(i, 8, "https://") == 0;
    bool www = s.compare(i, 4, "www.") == 0;
    if (boundary && (http || www)) {
      std::size_t end = url_end(s, i);
      std::string_view url = s.substr(i, end - i);
      if (url.find('.', www ? 4 : 8) != std::string_view::npos) {
        out += link_mark(url, www ? "http://" + std::string(url) : std::string(url));
        i = end;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

}  // namespace

std::string superscript_digits(std::string_view s, std::size_t& length) {
  std::string digits;
  std::size_t i = 0;
  length = 0;
  while (i < s.size()) {
    std::size_t at = i;
    int v = superscript_value(utf8::next(s, i));
    if (v < 0) {
      i = at;
      break;
    }
    digits += static_cast<char>('0' + v);
    length = i;
  }
  return digits;
}

std::string clean_markup(std::string_view line) {
  static const std::regex sup(R"(<sup>\s*([0-9]{1,3}|\*{1,3})\s*</sup>)");
  static const std::regex bold(R"(\*\*([^*]+)\*\*)");
  static const std::regex link(R"(\[([^\]]*)\]\(([^)\s]*)\))");
  std::string s(line);
  s = std::regex_replace(s, sup, std::string(1, kMarkOpen) + "$1" + std::string(1, kMarkClose));
  s = std::regex_replace(s, bold, "$1");
  // Superscript digits -> footnote marks.
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    std::string digits = superscript_digits(std::string_view(s).substr(i), len);
    if (!digits.empty()) {
      out += footnote_mark(digits);
      i += len;
    } else {
      out += s[i++];
    }
  }
  // Links: an empty or "#" target keeps the text only; a real target stays a link.
  std::string linked;
  auto begin = std::sregex_iterator(out.begin(), out.end(), link);
  std::size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    linked += unescape(std::string_view(out).substr(last, m.position() - last));
    std::string text = unescape(m[1].str()), url = m[2].str();
    if (url.empty() || url == "#") linked += text;
    else linked += link_mark(text, unescape(url));
    last = m.position() + m.length();
  }
  linked += unescape(std::string_view(out).substr(last));
  return link_bare_urls(linked);
}

void clean_markup(Lines& lines) {
  for (auto& l : lines) l.text = clean_markup(l.text);
}

}  // namespace acta::read::raw
