// Written-out UN document symbols: series letters, then slash-separated components, with the suffixes
// that mark addenda, revisions and corrigenda (/Add.1, /Rev.2, /Corr.1), and joint symbols of one
// document issued in two series (A/76/639-E/2022/10).
#include <algorithm>
#include <cctype>
#include <regex>

#include "analyze/citations/grammar.hpp"

namespace acta::analyze::citations {

namespace {

// One series part: "A", "UNEP", "EA.5" style components after it. Components are alphanumeric with
// dotted parts ("Res.11", "C.2", "Add.1"); a Security Council resolution may end in its year, "(2016)".
const std::regex& symbol_re() {
  static const std::regex re(
      R"(([A-Z][A-Z0-9]*(?:\.[0-9]+)?(?:/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)+(?: ?\([0-9]{4}\))?))"
      R"(((?:-[A-Z][A-Z0-9]*(?:\.[0-9]+)?(?:/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)+)*))");
  return re;
}

bool symbol_char(unsigned char c) { return std::isalnum(c) || c == '/' || c == '.' || c == '-' || c == '_' || c == ':' || c == '%'; }

// A real symbol has at least two slashes (A/80/255, E/2022/10) or is one of the old one-slash series
// with a long number (E/5715, S/12345); this keeps roman CBD decision numbers (VII/27) and ratios out.
bool plausible(const std::string& s) {
  std::size_t slashes = 0;
  bool digit = false;
  for (char c : s) {
    slashes += c == '/';
    digit = digit || std::isdigit(static_cast<unsigned char>(c));
  }
  if (!digit) return false;
  if (slashes >= 2) return true;
  static const std::regex old_series(R"(^(?:A|E|S)/[0-9]{3,}$)");
  return std::regex_match(s, old_series);
}

std::string without_spaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

std::string paragraph_after(std::string_view rest) {
  static const std::regex re(R"(^ ?(?:,|，) ?第 ?([0-9]{1,3}) ?段)");
  std::match_results<std::string_view::const_iterator> m;
  if (std::regex_search(rest.begin(), rest.end(), m, re)) return "para_" + m[1].str();
  return "";
}

}  // namespace

std::vector<Found> find_written_symbols(std::string_view text) {
  std::vector<Found> out;
  using It = std::string_view::const_iterator;
  for (std::regex_iterator<It> it(text.begin(), text.end(), symbol_re()), end; it != end; ++it) {
    const auto& m = *it;
    std::size_t b = static_cast<std::size_t>(m.position(0)), e = b + static_cast<std::size_t>(m.length(0));
    if (b > 0 && symbol_char(static_cast<unsigned char>(text[b - 1]))) continue;  // inside a word or URL
    if (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '/')) continue;
    std::string first = without_spaces(m[1].str());
    if (!plausible(first)) continue;
    Found f;
    f.begin = b;
    f.end = e;
    f.written = m[0].str();
    f.kind = Kind::Document;
    f.symbol = first;
    f.body_stated = true;
    std::string joint = m[2].str();
    if (!joint.empty()) {
      // A/76/639-E/2022/10: one document with two symbols; the first is canonical, the rest are aliases.
      f.aliases.push_back(without_spaces(f.written));
      std::size_t pos = 1;
      while (pos < joint.size()) {
        std::size_t next = joint.find('-', pos);
        std::string part = joint.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
        if (plausible(part)) f.aliases.push_back(part);
        if (next == std::string::npos) break;
        pos = next + 1;
      }
    }
    f.paragraph = paragraph_after(text.substr(e));
    out.push_back(std::move(f));
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
  static const std::regex undocs(R"(^https?://(?:www\.)?undocs\.org/(?:(?:ch|zh|en|fr|es|ru|ar)/)?([^?#\s]+))",
                                 std::regex::icase);
  static const std::regex param(R"([?&](?:s|symbol)=([^&#\s]+))");
  std::string u(url), raw;
  std::smatch m;
  if (std::regex_search(u, m, undocs)) raw = m[1];
  else if (u.find("un.org") != std::string::npos && std::regex_search(u, m, param)) raw = m[1];
  else return "";
  std::string decoded;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '%' && i + 2 < raw.size() && std::isxdigit(static_cast<unsigned char>(raw[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(raw[i + 2]))) {
      decoded += static_cast<char>(std::stoi(raw.substr(i + 1, 2), nullptr, 16));
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
