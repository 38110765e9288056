// The Chinese citation forms: 第 77/172 号决议, enumerations that share one 号决议, bare decision
// designations (1/CP.22), paragraph references, and the body each number belongs to, found from the
// text before it. The entry point, scan(), also merges in the written-out symbols.
#include <algorithm>
#include <cctype>
#include <regex>

#include "analyze/citations/grammar.hpp"

namespace acta::analyze::citations {

namespace {

using It = std::string_view::const_iterator;

// One number that may be cited: its shape and where it sits relative to 第 and 号.
struct Token {
  std::size_t begin = 0, end = 0;  // the number itself
  Number number;
  bool di = false;                 // 第 right before it
  std::size_t di_pos = 0;
  bool hao = false;                // 号 right after it
  std::size_t after = 0;           // first byte after the number, its 号 and spaces
  int head = 0;                    // 1: followed by 决议, 2: by 决定
  std::size_t head_end = 0;        // after 决议/决定
  int next = -1;                   // the token it is enumerated with, in the same list
  bool linked_from = false;
};

bool starts_at(std::string_view s, std::size_t i, std::string_view w) { return s.substr(i, w.size()) == w; }

// Spaces a PDF extraction or a converter leaves inside a citation: ASCII, no-break, ideographic, newline.
std::size_t skip_spaces(std::string_view s, std::size_t i) {
  for (;;) {
    if (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t')) ++i;
    else if (starts_at(s, i, "\xC2\xA0")) i += 2;
    else if (starts_at(s, i, "\xE3\x80\x80")) i += 3;
    else return i;
  }
}

std::size_t skip_spaces_back(std::string_view s, std::size_t i) {
  for (;;) {
    if (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\n' || s[i - 1] == '\t')) --i;
    else if (i >= 2 && s.substr(i - 2, 2) == "\xC2\xA0") i -= 2;
    else if (i >= 3 && s.substr(i - 3, 3) == "\xE3\x80\x80") i -= 3;
    else return i;
  }
}

std::size_t skip_spaces_and_marks(std::string_view s, std::size_t i) {
  for (;;) {
    std::size_t j = skip_spaces(s, i);
    if (starts_at(s, j, kFootnoteMark)) j += kFootnoteMark.size();
    if (j == i) return i;
    i = j;
  }
}

const std::regex& number_re() {
  // Alternatives in order: UNFCCC/UNCCD designation, roman CBD session, old General Assembly numbering,
  // Security Council numbering, session/number.
  static const std::regex re(
      R"(([0-9]{1,3})/(CP|CMP|CMA|COP)\.([0-9]{1,2}))"
      R"(|([IVXL]{1,7})/([0-9]{1,3}))"
      R"(|([0-9]{1,4}) ?([A-Z] ?)?\(((?:E?S-)?[IVXL]{1,8})\))"
      R"(|([0-9]{1,4}) ?\(([0-9]{4})\))"
      R"(|([0-9]{1,4}) ?/ ?([0-9]{1,4}))");
  return re;
}

bool word_char(unsigned char c) { return std::isalnum(c) || c == '/' || c == '.' || c == '_' || c == '-'; }

std::vector<Token> find_tokens(std::string_view text) {
  std::vector<Token> out;
  for (std::regex_iterator<It> it(text.begin(), text.end(), number_re()), end; it != end; ++it) {
    const auto& m = *it;
    Token t;
    t.begin = static_cast<std::size_t>(m.position(0));
    t.end = t.begin + static_cast<std::size_t>(m.length(0));
    if (t.begin > 0 && word_char(static_cast<unsigned char>(text[t.begin - 1]))) continue;
    if (t.end < text.size()) {
      unsigned char c = static_cast<unsigned char>(text[t.end]);
      if (std::isalnum(c) || c == '/' || (c == '.' && t.end + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[t.end + 1]))))
        continue;
    }
    Number& n = t.number;
    if (m[1].matched) n = {Shape::Designation, m[1], m[3], m[2], ""};
    else if (m[4].matched) n = {Shape::RomanSession, m[4], m[5], "", ""};
    else if (m[6].matched) {
      std::string letter = m[7].str();
      letter.erase(std::remove(letter.begin(), letter.end(), ' '), letter.end());
      n = {Shape::RomanInParens, m[6], m[8], "", letter};
    } else if (m[9].matched) n = {Shape::YearInParens, m[9], m[10], "", ""};
    else n = {Shape::SessionNumber, m[11], m[12], "", ""};
    if (n.shape == Shape::RomanSession && from_roman(n.first) == 0) continue;

    // Converted text may keep Markdown's link syntax around the number: 第 [77/172](#) 号决议.
    std::size_t before = t.begin;
    if (before > 0 && text[before - 1] == '[') --before;
    before = skip_spaces_back(text, before);
    if (before >= 3 && text.substr(before - 3, 3) == "第") {
      t.di = true;
      t.di_pos = before - 3;
    }
    std::size_t a = t.end;
    if (starts_at(text, a, "](")) {
      std::size_t close = text.find(')', a);
      if (close != std::string_view::npos && close - a <= 80) a = close + 1;
    }
    a = skip_spaces(text, a);
    if (starts_at(text, a, "号")) {
      t.hao = true;
      a = skip_spaces(text, a + 3);
    }
    t.after = a;
    if (starts_at(text, a, "决议")) t.head = 1;
    else if (starts_at(text, a, "决定")) t.head = 2;
    if (t.head) t.head_end = a + 6;
    out.push_back(std::move(t));
  }
  return out;
}

// Separators of an enumeration: 、 和 及 以及 与 或 (and "as well as" variants).
std::size_t separator_end(std::string_view s, std::size_t i) {
  for (std::string_view w : {"以及", "、", "和", "及", "与", "或", ","}) {
    if (starts_at(s, i, w)) return skip_spaces(s, i + w.size());
  }
  return std::string_view::npos;
}

// Between a separator and the next 第: dates, "关于……的" and similar qualifiers, but no clause break.
bool is_filler(std::string_view s) {
  if (s.size() > 240) return false;
  for (std::string_view stop : {"。", "；", ";", "：", ":", "，", "、", "号决议", "号决定", "\n\n"})
    if (s.find(stop) != std::string_view::npos) return false;
  return s.find(kBarrier) == std::string_view::npos;
}

void link_enumerations(std::string_view text, std::vector<Token>& tokens) {
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    Token& t = tokens[i];
    if (t.head) continue;
    std::size_t s = separator_end(text, t.after);
    if (s == std::string_view::npos) continue;
    const Token& n = tokens[i + 1];
    std::size_t next_start = n.di ? n.di_pos : n.begin;
    if (next_start < s) continue;
    if (next_start > s && !(n.di && is_filler(text.substr(s, next_start - s)))) continue;
    t.next = static_cast<int>(i + 1);
    tokens[i + 1].linked_from = true;
  }
}

// Where the sentence holding `to` begins: after the last 。 ； or blank line before it.
std::size_t sentence_start(std::string_view text, std::size_t to) {
  std::size_t best = 0;
  std::string_view head = text.substr(0, to);
  for (std::string_view stop : {"。", "；", ";", "\n\n"}) {
    std::size_t p = head.rfind(stop);
    if (p != std::string_view::npos) best = std::max(best, p + stop.size());
  }
  return best;
}

struct BodyChoice {
  Body body = Body::Unknown;
  bool stated = false;
};

BodyChoice body_from_context(const std::vector<Mention>& mentions, std::size_t scope_begin, std::size_t at, Kind kind,
                             const Number& number, const ScanContext& ctx) {
  switch (number.shape) {
    case Shape::Designation: return {number.body_code == "COP" ? Body::Unccd : Body::Unfccc, true};
    case Shape::RomanSession: return {Body::Cbd, true};
    case Shape::YearInParens: return {Body::SecurityCouncil, true};
    case Shape::RomanInParens: return {Body::GeneralAssembly, true};
    case Shape::SessionNumber: break;
  }
  for (auto it = mentions.rbegin(); it != mentions.rend(); ++it) {
    if (it->end > at || it->begin < scope_begin) continue;
    if (it->convention && kind != Kind::Decision) continue;  // conventions adopt decisions only
    Body b = it->body;
    if (b == Body::Council) {
      if (ctx.own_body == Body::Ecosoc || ctx.own_body == Body::HumanRights || ctx.own_body == Body::SecurityCouncil) b = ctx.own_body;
      else if (ctx.own_body == Body::HabitatAssembly) b = Body::Other;  // the Governing Council of UN-Habitat
    }
    if (b == Body::ConventionCop && kind == Kind::Decision) {
      // 缔约方大会: the convention is the one named nearest before it, in the same text.
      for (auto c = it; c != mentions.rend(); ++c)
        if (c->convention) return {c->body, true};
    }
    if (b == Body::ConventionCop && kind != Kind::Decision) continue;
    return {b, true};
  }
  int first = std::atoi(number.first.c_str());
  if (first >= 1946 && first <= 2199 && number.first.size() == 4) return {Body::Ecosoc, true};  // numbered by year
  return {ctx.default_body, false};
}

std::string paragraph_after(std::string_view text, std::size_t i) {
  static const std::regex re(R"(^第 ?([0-9]{1,4}) ?段)");
  i = skip_spaces_and_marks(text, i);
  std::match_results<It> m;
  if (std::regex_search(text.begin() + static_cast<std::ptrdiff_t>(i), text.end(), m, re)) return "para_" + m[1].str();
  return "";
}

std::size_t footnote_after(std::string_view text, std::size_t i) {
  i = skip_spaces(text, i);
  if (starts_at(text, i, "，")) i = skip_spaces(text, i + 3);
  else if (starts_at(text, i, ",")) i = skip_spaces(text, i + 1);
  return starts_at(text, i, kFootnoteMark) ? i : std::string_view::npos;
}

// After a list's 号决议 and a comma, the clause changes: a body named before it no longer applies.
std::size_t clause_break_after(std::string_view text, std::size_t i) {
  i = skip_spaces_and_marks(text, i);
  if (starts_at(text, i, "，") || starts_at(text, i, ",")) return i;
  return std::string_view::npos;
}

std::string written_number(const Number& n) {
  switch (n.shape) {
    case Shape::Designation: return n.first + "/" + n.body_code + "." + n.second;
    case Shape::RomanSession:
    case Shape::SessionNumber: return n.first + "/" + n.second;
    case Shape::YearInParens: return n.first + "(" + n.second + ")";
    case Shape::RomanInParens: return n.first + n.letter + "(" + n.second + ")";
  }
  return "";
}

std::vector<Found> scan_chinese(std::string_view text, const ScanContext& ctx) {
  std::vector<Found> out;
  auto tokens = find_tokens(text);
  link_enumerations(text, tokens);
  auto mentions = find_mentions(text);
  std::size_t barrier = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].linked_from) continue;
    // A list: tokens[i] .. its last linked token.
    std::vector<std::size_t> list{i};
    while (tokens[list.back()].next >= 0) list.push_back(static_cast<std::size_t>(tokens[list.back()].next));
    const Token& first = tokens[list.front()];
    const Token& last = tokens[list.back()];
    Kind kind = last.head == 2 ? Kind::Decision : Kind::Resolution;
    bool cited = last.head && (first.di || (list.size() == 1 && first.hao));
    bool bare_designation = !cited && list.size() == 1 && first.number.shape == Shape::Designation && !first.di;
    if (!cited && !bare_designation) continue;
    if (bare_designation) kind = Kind::Decision;

    std::size_t start = first.di ? first.di_pos : first.begin;
    std::size_t scope = std::max(barrier, sentence_start(text, start));

    bool some_hao = false;
    for (std::size_t k = 0; k + 1 < list.size(); ++k) some_hao = some_hao || tokens[list[k]].hao;
    for (std::size_t k = 0; k < list.size(); ++k) {
      const Token& t = tokens[list[k]];
      Found f;
      f.begin = t.begin;
      f.end = t.end;
      f.written = written_number(t.number);
      f.kind = kind;
      BodyChoice b = body_from_context(mentions, scope, start, kind, t.number, ctx);
      f.body = b.body;
      f.body_stated = b.stated;
      std::string why;
      if (auto s = canonical_symbol(b.body, kind, t.number, &why)) f.symbol = *s;
      else f.problem = why;
      if (k + 1 == list.size() && last.head) {
        f.paragraph = paragraph_after(text, last.head_end);
        f.footnote_mark = footnote_after(text, last.head_end);
      }
      if (f.problem.empty() && some_hao && !t.hao && k + 1 < list.size())
        f.problem = "unusual: " + f.written + " has no 号 in a list whose other numbers have one";
      out.push_back(std::move(f));
    }
    if (last.head) {
      std::size_t br = clause_break_after(text, last.head_end);
      if (br != std::string_view::npos) barrier = br;
    }
  }
  return out;
}

}  // namespace

std::vector<Found> scan(std::string_view text, const ScanContext& context) {
  std::vector<Found> written = find_written_symbols(text);
  std::vector<Found> chinese = scan_chinese(text, context);
  std::vector<Found> out = written;
  for (auto& c : chinese) {
    bool overlaps = std::any_of(written.begin(), written.end(), [&](const Found& w) { return c.begin < w.end && w.begin < c.end; });
    if (!overlaps) out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const Found& a, const Found& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace acta::analyze::citations
