#include "read/paragraphs.hpp"

#include "util/utf8.hpp"

namespace acta::read {

namespace {
bool is_space_at(std::string_view s, std::size_t i, std::size_t& len) {
  if (i >= s.size()) return false;
  if (s[i] == ' ' || s[i] == '\t') { len = 1; return true; }
  if (s.substr(i, 3) == "\u3000") { len = 3; return true; }
  if (s.substr(i, 2) == "\u00a0") { len = 2; return true; }
  return false;
}
std::size_t skip_spaces(std::string_view s, std::size_t i) {
  std::size_t len = 0;
  while (is_space_at(s, i, len)) i += len;
  return i;
}
}  // namespace

Lead classify_lead(std::string_view text) {
  Lead lead;
  std::size_t i = skip_spaces(text, 0);
  // Numbered: 1-3 digits, a full stop (ASCII or full-width), then a space or the end of a CJK-led text.
  std::size_t d = i;
  while (d < text.size() && d - i < 4 && text[d] >= '0' && text[d] <= '9') ++d;
  if (d > i && d - i <= 3 && text[i] != '0') {
    std::size_t after = d;
    if (after < text.size() && text[after] == '.') ++after;
    else if (text.substr(after, 3) == "\uff0e") after += 3;
    else after = 0;
    if (after != 0) {
      std::size_t len = 0;
      bool spaced = is_space_at(text, after, len);
      // "15.3" is a number, not a paragraph mark: the mark must be followed by a space or by a non-digit.
      bool digit_follows = after < text.size() && text[after] >= '0' && text[after] <= '9';
      if (spaced || (!digit_follows && after < text.size())) {
        lead.kind = model::BlockKind::Numbered;
        lead.number = std::string(text.substr(i, d - i));
        lead.length = skip_spaces(text, after);
        return lead;
      }
    }
  }
  // Lettered: (a) or （a）, one or two lower-case letters (aa follows z in UN texts) or roman numerals.
  std::size_t open = 0;
  if (i < text.size() && text[i] == '(') open = 1;
  else if (text.substr(i, 3) == "\uff08") open = 3;
  if (open) {
    std::size_t l = i + open, e = l;
    while (e < text.size() && e - l < 4 && text[e] >= 'a' && text[e] <= 'z') ++e;
    std::size_t close = 0;
    if (e < text.size() && text[e] == ')') close = 1;
    else if (text.substr(e, 3) == "\uff09") close = 3;
    if (e > l && close) {
      lead.kind = model::BlockKind::Subparagraph;
      lead.number = std::string(text.substr(l, e - l));
      lead.length = skip_spaces(text, e + close);
      return lead;
    }
  }
  return lead;
}

bool is_formula(std::string_view text) {
  auto t = utf8::trim(text);
  if (t.empty() || utf8::length(t) > 24) return false;
  for (std::string_view end : {"，", ",", "：", ":"})
    if (t.size() >= end.size() && t.substr(t.size() - end.size()) == end) return true;
  return false;
}

HeadingLead heading_lead(std::string_view text) {
  static const std::u32string numerals = U"一二三四五六七八九十";
  HeadingLead h;
  std::string_view t = utf8::trim(text);
  std::size_t i = 0;
  std::size_t offset = t.data() - text.data();
  // Chinese numerals: "一", "十二".
  while (i < t.size()) {
    std::size_t at = i;
    char32_t c = utf8::next(t, i);
    if (numerals.find(c) == std::u32string::npos) {
      i = at;
      break;
    }
  }
  int level = 0;
  if (i > 0 && i <= 9) level = 1;
  else if (i == 0 && !t.empty() && t[0] >= 'A' && t[0] <= 'Z' && (t.size() < 2 || !(t[1] >= 'A' && t[1] <= 'Z'))) {
    i = 1;
    level = 2;
  }
  if (!level) return h;
  std::size_t after = i;
  if (after < t.size() && t[after] == '.') ++after;
  else if (t.substr(after, 3) == "\uff0e" || t.substr(after, 3) == "\u3001") after += 3;
  else return h;
  std::size_t rest = after;
  while (rest < t.size() && t[rest] == ' ') ++rest;
  if (rest == t.size() || (level == 2 && rest == after)) return h;  // "A.B" is not a heading mark
  h.level = level;
  h.number = std::string(t.substr(0, i));
  h.length = offset + rest;
  return h;
}

std::string heading_number(std::string_view text) {
  HeadingLead h = heading_lead(text);
  if (h.level) return h.number;
  Lead l = classify_lead(text);
  return l.kind == model::BlockKind::Numbered ? l.number : std::string();
}

bool is_cover_note(std::string_view text) {
  auto t = utf8::trim(text);
  if (t.empty()) return false;
  for (std::string_view end : {"，", ",", "；", ";", "。", "."})
    if (t.size() >= end.size() && t.substr(t.size() - end.size()) == end) return false;
  return true;
}

model::BlockKind unnumbered_kind(bool seen_numbered) {
  return seen_numbered ? model::BlockKind::Plain : model::BlockKind::Preamble;
}

}  // namespace acta::read
