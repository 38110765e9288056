// The Chinese citation forms: 第 77/172 号决议, enumerations that share one 号决议, bare decision
// designations (1/CP.22), paragraph references, and the body each number belongs to, found from the
// text before it. The entry point, scan(), also merges in the written-out symbols.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <optional>

#include "analyze/citations/cursor.hpp"
#include "analyze/citations/grammar.hpp"
#include "util/scan.hpp"

namespace acta::analyze::citations {

namespace {

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

// The number of 第 … 号决议, in each of the ways it is written. Each reader starts at the number's first
// byte and, on success, leaves the cursor right after it.

// 1/CP.21, 2/CMA.1, 3/COP.12: a UNFCCC or UNCCD decision's designation.
std::optional<Number> designation(Cursor& c) {
  static constexpr std::string_view kCodes[] = {"CP", "CMP", "CMA", "COP"};
  Cursor s = c;
  std::string_view first = s.run(is_digit, 1, 3);
  if (first.empty() || !s.literal("/")) return std::nullopt;
  std::string_view code = s.one_of(kCodes);
  if (code.empty() || !s.literal(".")) return std::nullopt;
  std::string_view second = s.up_to(is_digit, 1, 2);
  if (second.empty()) return std::nullopt;
  c = s;
  return Number{Shape::Designation, std::string(first), std::string(second), std::string(code), ""};
}

// VII/27: a CBD decision of a roman-numbered meeting.
std::optional<Number> roman_session(Cursor& c) {
  Cursor s = c;
  std::string_view session = s.run(is_roman, 1, 7);
  if (session.empty() || !s.literal("/")) return std::nullopt;
  std::string_view second = s.up_to(is_digit, 1, 3);
  if (second.empty()) return std::nullopt;
  c = s;
  return Number{Shape::RomanSession, std::string(session), std::string(second), "", ""};
}

// 1514 (XV), 2200 A (XXI), 3281 (ES-VI): the General Assembly's numbering before its 31st session.
std::optional<Number> roman_in_parens(Cursor& c) {
  static constexpr std::string_view kSpecialSession[] = {"ES-", "S-"};
  Cursor s = c;
  std::string_view number = s.run(is_digit, 1, 4);
  if (number.empty()) return std::nullopt;
  s.optional_space();
  std::string letter;
  if (is_upper(s.peek())) {
    letter = s.peek();
    ++s.pos;
    s.optional_space();
  }
  if (!s.literal("(")) return std::nullopt;
  std::string_view special = s.one_of(kSpecialSession);
  std::string_view session = s.run(is_roman, 1, 8);
  if (session.empty() || !s.literal(")")) return std::nullopt;
  c = s;
  return Number{Shape::RomanInParens, std::string(number), std::string(special) + std::string(session), "", letter};
}

// 2334 (2016): a Security Council resolution and its year.
std::optional<Number> year_in_parens(Cursor& c) {
  Cursor s = c;
  std::string_view number = s.run(is_digit, 1, 4);
  if (number.empty()) return std::nullopt;
  s.optional_space();
  if (!s.literal("(")) return std::nullopt;
  std::string_view year = s.run(is_digit, 4, 4);
  if (year.empty() || !s.literal(")")) return std::nullopt;
  c = s;
  return Number{Shape::YearInParens, std::string(number), std::string(year), "", ""};
}

// 77/172, 2003/61, 77 / 172: session (or year) and number.
std::optional<Number> session_number(Cursor& c) {
  Cursor s = c;
  std::string_view first = s.run(is_digit, 1, 4);
  if (first.empty()) return std::nullopt;
  s.optional_space();
  if (!s.literal("/")) return std::nullopt;
  s.optional_space();
  std::string_view second = s.up_to(is_digit, 1, 4);
  if (second.empty()) return std::nullopt;
  c = s;
  return Number{Shape::SessionNumber, std::string(first), std::string(second), "", ""};
}

// A number of any shape at the cursor; the shapes are tried in this order, the first that fits wins.
std::optional<Number> number_at(Cursor& c) {
  for (auto reader : {designation, roman_session, roman_in_parens, year_in_parens, session_number})
    if (auto n = reader(c)) return n;
  return std::nullopt;
}

// Every number begins with a digit or a roman numeral.
bool may_start_number(char c) {
  static const auto kStarts = [] {
    std::array<bool, 256> out{};
    for (int b = 0; b < 256; ++b) out[b] = is_digit(static_cast<char>(b)) || is_roman(static_cast<char>(b));
    return out;
  }();
  return kStarts[static_cast<unsigned char>(c)];
}

bool word_char(char c) { return is_alnum(c) || c == '/' || c == '.' || c == '_' || c == '-'; }

// A number that stands alone: not inside a longer word, symbol or decimal (15.3).
bool stands_alone(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin > 0 && word_char(text[begin - 1])) return false;
  if (end < text.size()) {
    char c = text[end];
    if (is_alnum(c) || c == '/' || (c == '.' && end + 1 < text.size() && is_digit(text[end + 1]))) return false;
  }
  return true;
}

// Where 第 and 号 sit around the number, and the 决议/决定 after it.
void read_surroundings(std::string_view text, Token& t) {
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
    std::size_t close = text.substr(a, 81).find(')');  // a link target of at most 80 bytes
    if (close != std::string_view::npos) a += close + 1;
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
}

// Every number that may be cited, left to right. A number that does not stand alone is still read to its
// end (and skipped), so the next one starts after it.
std::vector<Token> find_tokens(std::string_view text) {
  std::vector<Token> out;
  Cursor c{text, 0};
  while (c.pos < text.size()) {
    if (!may_start_number(text[c.pos])) {  // an ASCII byte: the rest are passed over in blocks
      c.pos = scan::skip_non_ascii(text, c.pos + 1);
      continue;
    }
    Token t;
    t.begin = c.pos;
    std::optional<Number> n = number_at(c);
    if (!n) {
      ++c.pos;
      continue;
    }
    t.end = c.pos;
    if (!stands_alone(text, t.begin, t.end)) continue;
    if (n->shape == Shape::RomanSession && from_roman(n->first) == 0) continue;
    t.number = std::move(*n);
    read_surroundings(text, t);
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

// Where the sentences of a text begin: after each 。 ； or blank line. Found in one pass, so that the
// start of the sentence holding any position is a binary search. With `until`, only the stops that begin
// before it: before(to) is the same for every `to` up to `until`.
class SentenceStarts {
 public:
  explicit SentenceStarts(std::string_view text, std::size_t until = std::string_view::npos) {
    for (std::size_t i = 0, end = std::min(text.size(), until); i < end; ++i) {
      char c = text[i];
      if (c != "。"[0] && c != "；"[0] && c != ';' && c != '\n') continue;  // no stop begins here
      for (std::string_view stop : {"。", "；", ";", "\n\n"})
        if (starts_at(text, i, stop)) starts_.push_back(i + stop.size());
    }
    std::sort(starts_.begin(), starts_.end());
  }

  // The start of the sentence that holds the text up to `to`: the last sentence end at or before it.
  std::size_t before(std::size_t to) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), to);
    return it == starts_.begin() ? 0 : *std::prev(it);
  }

 private:
  std::vector<std::size_t> starts_;
};

// The body mentions of a text (find_mentions: in text order, not overlapping), with the convention named
// nearest before each, so that the body of a number is found without walking the whole text each time.
struct MentionIndex {
  std::vector<Mention> mentions;
  std::vector<std::ptrdiff_t> convention_at_or_before;  // index of a convention mention, -1 for none

  explicit MentionIndex(std::vector<Mention> m) : mentions(std::move(m)) {
    std::ptrdiff_t last = -1;
    for (std::size_t k = 0; k < mentions.size(); ++k) {
      if (mentions[k].convention) last = static_cast<std::ptrdiff_t>(k);
      convention_at_or_before.push_back(last);
    }
  }

  // How many mentions end at or before `at` (the nearest one before `at` is the last of them).
  std::size_t ending_by(std::size_t at) const {
    auto it = std::upper_bound(mentions.begin(), mentions.end(), at,
                               [](std::size_t pos, const Mention& m) { return pos < m.end; });
    return static_cast<std::size_t>(it - mentions.begin());
  }
};

struct BodyChoice {
  Body body = Body::Unknown;
  bool stated = false;
};

// The body of a number: its shape names it, else the body named nearest before the citation in the same
// scope (sentence), else one numbered by year is the Economic and Social Council's, else the default.
BodyChoice body_from_context(const MentionIndex& index, std::size_t scope_begin, std::size_t at, Kind kind,
                             const Number& number, const ScanContext& ctx) {
  switch (number.shape) {
    case Shape::Designation: return {number.body_code == "COP" ? Body::Unccd : Body::Unfccc, true};
    case Shape::RomanSession: return {Body::Cbd, true};
    case Shape::YearInParens: return {Body::SecurityCouncil, true};
    case Shape::RomanInParens: return {Body::GeneralAssembly, true};
    case Shape::SessionNumber: break;
  }
  const auto& mentions = index.mentions;
  for (std::size_t k = index.ending_by(at); k-- > 0;) {
    const Mention& m = mentions[k];
    if (m.begin < scope_begin) break;  // mentions are in text order: every earlier one is out of scope too
    if (m.convention && kind != Kind::Decision) continue;  // conventions adopt decisions only
    Body b = m.body;
    if (b == Body::Council) {
      if (ctx.own_body == Body::Ecosoc || ctx.own_body == Body::HumanRights || ctx.own_body == Body::SecurityCouncil) b = ctx.own_body;
      else if (ctx.own_body == Body::HabitatAssembly) b = Body::Other;  // the Governing Council of UN-Habitat
    }
    if (b == Body::ConventionCop && kind == Kind::Decision) {
      // 缔约方大会: the convention is the one named nearest before it, in the same text.
      if (std::ptrdiff_t c = index.convention_at_or_before[k]; c >= 0) return {mentions[static_cast<std::size_t>(c)].body, true};
    }
    if (b == Body::ConventionCop && kind != Kind::Decision) continue;
    return {b, true};
  }
  int first = std::atoi(number.first.c_str());
  if (first >= 1946 && first <= 2199 && number.first.size() == 4) return {Body::Ecosoc, true};  // numbered by year
  return {ctx.default_body, false};
}

// 第 5 段 right after a citation (past spaces and footnote marks): the paragraph it names, "para_5".
std::string paragraph_after(std::string_view text, std::size_t i) {
  Cursor c{text, skip_spaces_and_marks(text, i)};
  return paragraph_named(c, 4);
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
  // What the body of a cited number is looked up in; most texts cite nothing, so made when first needed,
  // and only from the text before the last number: a body is looked for before a citation's start, and no
  // start is past the last number's begin.
  std::optional<MentionIndex> mentions;
  std::optional<SentenceStarts> sentences;
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

    if (!mentions) {
      const std::size_t until = tokens.back().begin;
      mentions.emplace(find_mentions(text, until));
      sentences.emplace(text, until);
    }
    std::size_t start = first.di ? first.di_pos : first.begin;
    std::size_t scope = std::max(barrier, sentences->before(start));

    bool some_hao = false;
    for (std::size_t k = 0; k + 1 < list.size(); ++k) some_hao = some_hao || tokens[list[k]].hao;
    for (std::size_t k = 0; k < list.size(); ++k) {
      const Token& t = tokens[list[k]];
      Found f;
      f.begin = t.begin;
      f.end = t.end;
      f.written = written_number(t.number);
      f.kind = kind;
      BodyChoice b = body_from_context(*mentions, scope, start, kind, t.number, ctx);
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
    // Written symbols are in text order and do not overlap: the only one that may overlap c is the first
    // that ends after c begins.
    auto w = std::upper_bound(written.begin(), written.end(), c.begin,
                              [](std::size_t pos, const Found& f) { return pos < f.end; });
    bool overlaps = w != written.end() && w->begin < c.end;
    if (!overlaps) out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const Found& a, const Found& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace acta::analyze::citations
