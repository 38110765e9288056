#include "read/raw/markup.hpp"

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

// "<sup>12</sup>" or "<sup>*</sup>" at the start of s -> "12" / "*".
std::string sup_tag(std::string_view s, std::size_t& length) {
  if (s.substr(0, 5) != "<sup>") return "";
  std::size_t close = s.find("</sup>", 5);
  if (close == std::string_view::npos || close > 16) return "";
  std::string label(utf8::trim(s.substr(5, close - 5)));
  bool digits = !label.empty() && label.size() <= 3 && label.find_first_not_of("0123456789") == std::string::npos;
  bool stars = !label.empty() && label.size() <= 3 && label.find_first_not_of('*') == std::string::npos;
  if (!digits && !stars) return "";
  length = close + 6;
  return label;
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
  // Hand-written rather than std::regex: a converter's paragraph can be one very long line, and the regex
  // engine recurses once per character.
  std::string s;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t len = 0;
    std::string label = sup_tag(line.substr(i), len);
    // "km²", "m³": a superscript right after a Latin letter is an exponent, not a footnote marker.
    if (label.empty() && !(i > 0 && std::isalpha(static_cast<unsigned char>(line[i - 1]))))
      label = superscript_digits(line.substr(i), len);
    if (!label.empty()) {
      s += footnote_mark(label);
      i += len;
      continue;
    }
    if (line.compare(i, 2, "**") == 0) {  // **bold** -> bold
      std::size_t close = line.find("**", i + 2);
      if (close != std::string_view::npos && close > i + 2 && line.substr(i + 2, close - i - 2).find('*') == std::string_view::npos) {
        s += line.substr(i + 2, close - i - 2);
        i = close + 2;
        continue;
      }
    }
    s += line[i++];
  }
  // Links: an empty or "#" target keeps the text only; a real target stays a link.
  std::string out;
  std::size_t plain = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '[') continue;
    std::size_t close = s.find(']', i + 1);
    if (close == std::string::npos || close + 1 >= s.size() || s[close + 1] != '(') continue;
    std::size_t end = s.find(')', close + 2);
    if (end == std::string::npos) continue;
    std::string_view url = std::string_view(s).substr(close + 2, end - close - 2);
    if (url.find_first_of(" \t") != std::string_view::npos || s.substr(i + 1, close - i - 1).find('[') != std::string::npos) continue;
    out += unescape(std::string_view(s).substr(plain, i - plain));
    std::string text = unescape(std::string_view(s).substr(i + 1, close - i - 1));
    if (url.empty() || url == "#") out += text;
    else out += link_mark(text, unescape(url));
    plain = end + 1;
    i = end;
  }
  out += unescape(std::string_view(s).substr(plain));
  return link_bare_urls(out);
}

void clean_markup(Lines& lines) {
  for (auto& l : lines) l.text = clean_markup(l.text);
}

}  // namespace acta::read::raw
