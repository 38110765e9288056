// Written-out UN document symbols: series letters, then slash-separated components, with the suffixes
// that mark addenda, revisions and corrigenda (/Add.1, /Rev.2, /Corr.1), and joint symbols of one
// document issued in two series (A/76/639-E/2022/10).
#include <algorithm>
#include <cctype>
#include <optional>

#include "analyze/citations/cursor.hpp"
#include "analyze/citations/grammar.hpp"
#include "util/scan.hpp"

namespace acta::analyze::citations {

namespace {

// "/228", "/Res.11", "/Rev.1": a slash, an alphanumeric part, and any dotted parts after it.
bool component(Cursor& c) {
  if (c.peek() != '/' || !is_alnum(c.peek(1))) return false;
  ++c.pos;
  c.all(is_alnum);
  while (c.peek() == '.' && is_alnum(c.peek(1))) {
    ++c.pos;
    c.all(is_alnum);
  }
  return true;
}

// One series symbol: series letters ("A", "UNEP", "EA.5" style), then slash-separated components that are
// alphanumeric with dotted parts ("Res.11", "C.2", "Add.1"). Consumes it and says whether it is there.
// The series letters are one run: when no symbol follows them here, none starts inside them either.
bool series_symbol(Cursor& c) {
  Cursor s = c;
  if (!is_upper(s.peek())) return false;
  s.all(is_upper_or_digit);
  if (s.peek() == '.' && is_digit(s.peek(1))) {
    ++s.pos;
    s.all(is_digit);
  }
  std::size_t components = 0;
  while (component(s)) ++components;
  if (components == 0) return false;
  c = s;
  return true;
}

// " (2016)" after a Security Council resolution's symbol.
bool year_suffix(Cursor& c) {
  Cursor s = c;
  s.optional_space();
  if (!s.literal("(") || s.run(is_digit, 4, 4).empty() || !s.literal(")")) return false;
  c = s;
  return true;
}

// "-E/2022/10" after the first symbol of a joint symbol.
bool joint_part(Cursor& c) {
  Cursor s = c;
  if (!s.literal("-") || !series_symbol(s)) return false;
  c = s;
  return true;
}

bool symbol_char(char c) { return is_alnum(c) || c == '/' || c == '.' || c == '-' || c == '_' || c == ':' || c == '%'; }

// The old one-slash series with a long number: E/5715, S/12345.
bool old_series(std::string_view s) {
  if (s.size() < 5 || (s[0] != 'A' && s[0] != 'E' && s[0] != 'S') || s[1] != '/') return false;
  return std::all_of(s.begin() + 2, s.end(), is_digit);
}

// A real symbol has at least two slashes (A/80/255, E/2022/10) or is one of the old one-slash series
// with a long number (E/5715, S/12345); this keeps roman CBD decision numbers (VII/27) and ratios out.
bool plausible(std::string_view s) {
  if (std::none_of(s.begin(), s.end(), is_digit)) return false;
  if (std::count(s.begin(), s.end(), '/') >= 2) return true;
  return old_series(s);
}

std::string without_spaces(std::string_view s) {
  std::string out(s);
  out.erase(std::remove(out.begin(), out.end(), ' '), out.end());
  return out;
}

// ", 第 7 段" right after a symbol: the paragraph it names, "para_7".
std::string paragraph_after(Cursor c) {
  static constexpr std::string_view kCommas[] = {",", "，"};
  c.optional_space();
  if (c.one_of(kCommas).empty()) return "";
  c.optional_space();
  return paragraph_named(c, 3);
}

// A written symbol at the cursor: the first symbol (with its year, if any), then the joint parts.
struct WrittenSymbol {
  std::string_view first;  // A/76/639, S/RES/2334 (2016)
  std::string_view joint;  // -E/2022/10
};

std::optional<WrittenSymbol> written_symbol(Cursor& c) {
  Cursor s = c;
  if (!series_symbol(s)) return std::nullopt;
  year_suffix(s);
  WrittenSymbol w;
  w.first = c.text.substr(c.pos, s.pos - c.pos);
  std::size_t joint_begin = s.pos;
  while (joint_part(s)) {
  }
  w.joint = c.text.substr(joint_begin, s.pos - joint_begin);
  c = s;
  return w;
}

Found found_symbol(std::string_view text, std::size_t b, std::size_t e, const WrittenSymbol& w) {
  Found f;
  f.begin = b;
  f.end = e;
  f.written = std::string(text.substr(b, e - b));
  f.kind = Kind::Document;
  f.symbol = without_spaces(w.first);
  f.body_stated = true;
  if (!w.joint.empty()) {
    // A/76/639-E/2022/10: one document with two symbols; the first is canonical, the rest are aliases.
    f.aliases.push_back(without_spaces(f.written));
    std::size_t pos = 1;
    while (pos < w.joint.size()) {
      std::size_t next = w.joint.find('-', pos);
      std::string_view part = w.joint.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos);
      if (plausible(part)) f.aliases.emplace_back(part);
      if (next == std::string_view::npos) break;
      pos = next + 1;
    }
  }
  f.paragraph = paragraph_after(Cursor{text, e});
  return f;
}

bool url_char(char c) { return c != '?' && c != '#' && !is_ascii_space(c); }

// The same letters, in any case (URLs are case-insensitive in their scheme and host).
bool literal_any_case(Cursor& c, std::string_view word) {
  std::string_view here = c.text.substr(c.pos, word.size());
  if (here.size() != word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(here[i])) != word[i]) return false;
  c.pos += word.size();
  return true;
}

// The path of an undocs.org URL after its language, if any: "A/RES/71/228" of
// https://undocs.org/zh/A/RES/71/228; empty when the URL is not one.
std::string_view undocs_path(std::string_view url) {
  static constexpr std::string_view kLanguages[] = {"ch", "zh", "en", "fr", "es", "ru", "ar"};
  Cursor c{url, 0};
  if (!literal_any_case(c, "http")) return {};
  literal_any_case(c, "s");
  if (!literal_any_case(c, "://")) return {};
  literal_any_case(c, "www.");
  if (!literal_any_case(c, "undocs.org/")) return {};
  Cursor after_language = c;
  for (std::string_view language : kLanguages)
    if (literal_any_case(after_language, language)) {
      if (!literal_any_case(after_language, "/")) after_language = c;
      break;
    }
  std::string_view path = after_language.all(url_char);
  if (path.empty()) path = c.all(url_char);  // "https://undocs.org/zh/?": the "zh/" is the path
  return path;
}

// The value of the first s= or symbol= query parameter: https://documents.un.org/symbol-explorer?s=E/2022/10.
std::string_view symbol_parameter(std::string_view url) {
  static constexpr std::string_view kNames[] = {"s=", "symbol="};
  for (std::size_t i = 0; i < url.size(); ++i) {
    if (url[i] != '?' && url[i] != '&') continue;
    Cursor c{url, i + 1};
    if (c.one_of(kNames).empty()) continue;
    std::string_view value = c.all([](char ch) { return ch != '&' && ch != '#' && !is_ascii_space(ch); });
    if (!value.empty()) return value;
  }
  return {};
}

}  // namespace

std::vector<Found> find_written_symbols(std::string_view text) {
  std::vector<Found> out;
  Cursor c{text, 0};
  while (c.pos < text.size()) {
    if (!is_upper(text[c.pos])) {  // an ASCII byte: the rest are passed over in blocks
      c.pos = scan::skip_non_ascii(text, c.pos + 1);
      continue;
    }
    std::size_t b = c.pos;
    auto w = written_symbol(c);
    if (!w) {
      // No symbol starts at these series letters, nor at any letter inside them.
      c.all(is_upper_or_digit);
      continue;
    }
    std::size_t e = c.pos;
    if (b > 0 && symbol_char(text[b - 1])) continue;  // inside a word or URL
    if (e < text.size() && (is_alnum(text[e]) || text[e] == '/')) continue;
    if (!plausible(without_spaces(w->first))) continue;
    out.push_back(found_symbol(text, b, e, *w));
  }
  return out;
}

std::string symbol_opening(std::string_view text) {
  std::size_t i = 0;
  auto skip = [&](std::string_view w) {
    if (text.substr(i, w.size()) == w) {
      i += w.size();
      return true;
    }
    return false;
  };
  while (skip(" ") || skip("\xE3\x80\x80") || skip("参见") || skip("另见") || skip("见") || skip(kFootnoteMark)) {
  }
  auto found = find_written_symbols(text.substr(i));
  if (found.empty() || found.front().begin != 0) return "";
  return found.front().symbol;
}

std::string symbol_in_url(std::string_view url) {
  std::string_view raw = undocs_path(url);
  if (raw.empty() && url.find("un.org") != std::string_view::npos) raw = symbol_parameter(url);
  if (raw.empty()) return "";
  std::string decoded;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '%' && i + 2 < raw.size() && std::isxdigit(static_cast<unsigned char>(raw[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(raw[i + 2]))) {
      decoded += static_cast<char>(std::stoi(std::string(raw.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      decoded += raw[i];
    }
  }
  while (!decoded.empty() && (decoded.back() == '/' || decoded.back() == '.')) decoded.pop_back();
  auto found = find_written_symbols(decoded);
  if (found.size() != 1 || found[0].begin != 0 || found[0].end != decoded.size()) return "";
  return found[0].symbol;
}

}  // namespace acta::analyze::citations
