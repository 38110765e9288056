#include "analyze/citations/bodies.hpp"

#include <algorithm>
#include <bitset>
#include <cctype>

#include "analyze/citations/cursor.hpp"

namespace acta::analyze::citations {

namespace {

struct Name {
  std::string_view text;
  Body body;
  bool convention;
};

// Longest names first: at each position the first entry that matches wins, so the assemblies whose
// Chinese names end in 大会 are never read as the General Assembly.
constexpr Name kNames[] = {
    {"联合国环境规划署理事会", Body::Other, false},
    {"联合国人类住区规划署理事会", Body::Other, false},
    {"联合国环境大会", Body::Unea, false},
    {"联合国人居大会", Body::HabitatAssembly, false},
    {"经济及社会理事会", Body::Ecosoc, false},
    {"经济和社会理事会", Body::Ecosoc, false},
    {"世界卫生大会", Body::Other, false},
    {"环境署理事会", Body::Other, false},
    {"人居署理事会", Body::Other, false},
    {"经社理事会", Body::Ecosoc, false},
    {"人权理事会", Body::HumanRights, false},
    {"安全理事会", Body::SecurityCouncil, false},
    {"缔约方大会", Body::ConventionCop, false},
    {"缔约方会议", Body::ConventionCop, false},
    {"联合国大会", Body::GeneralAssembly, false},
    {"环境大会", Body::Unea, false},
    {"人居大会", Body::HabitatAssembly, false},
    {"安理会", Body::SecurityCouncil, false},
    {"理事会", Body::Council, false},
    {"联大", Body::GeneralAssembly, false},
    {"大会", Body::GeneralAssembly, false},
    {"生物多样性公约", Body::Cbd, true},
    {"气候变化框架公约", Body::Unfccc, true},
    {"防治荒漠化", Body::Unccd, true},
    // Written symbols name their series' body.
    {"UNEP/CBD/", Body::Cbd, true},
    {"CBD/", Body::Cbd, true},
    {"FCCC/", Body::Unfccc, true},
    {"ICCD/", Body::Unccd, true},
    {"UNEP/EA.", Body::Unea, false},
    {"HSP/HA.", Body::HabitatAssembly, false},
};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// The pairs of bytes a name in kNames can begin with (every name has at least two bytes). A pair says
// much more than one byte: every common Chinese character begins with one of a few bytes.
using StartPairs = std::bitset<256 * 256>;

std::size_t pair_at(std::string_view text, std::size_t i) {
  return static_cast<unsigned char>(text[i]) * 256u + static_cast<unsigned char>(text[i + 1]);
}

StartPairs first_pairs_of_names() {
  StartPairs out;
  for (const auto& n : kNames) out.set(pair_at(n.text, 0));
  return out;
}

// The bytes inside a UTF-8 character (after its first); no name begins with one.
bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The first name of kNames (the longest, by its order) at text[i], or null.
const Name* name_at(std::string_view text, std::size_t i) {
  for (const auto& n : kNames) {
    if (n.text[0] != text[i] || n.text[1] != text[i + 1] || !starts_with(text.substr(i), n.text)) continue;
    // A written symbol's series counts only where a symbol starts (not inside a word or a URL).
    if (n.text.back() == '/' || n.text.back() == '.') {
      unsigned char before = i ? static_cast<unsigned char>(text[i - 1]) : ' ';
      if (std::isalnum(before) || before == '/' || before == '.') continue;
    }
    return &n;
  }
  return nullptr;
}

int to_int(const std::string& s) {
  if (s.empty() || s.size() > 6) return -1;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
  return std::stoi(s);
}

bool is_year(int n) { return n >= 1946 && n <= 2199; }

std::string session_number(Body body, Kind kind, const Number& n, std::string* why) {
  auto fail = [&](std::string reason) {
    if (why) *why = std::move(reason);
    return std::string();
  };
  int s = to_int(n.first);
  const bool res = kind != Kind::Decision;
  switch (body) {
    case Body::GeneralAssembly:
      // N/M numbering began with the 31st session (1976); before it the General Assembly numbered its
      // resolutions 1514 (XV), so a smaller session cannot be one of its resolutions.
      if (s < 31 || s > 999) return fail("the General Assembly has no " + std::string(res ? "resolution " : "decision ") + n.first + "/" + n.second + " (N/M numbering began at its 31st session)");
      return (res ? "A/RES/" : "A/DEC/") + n.first + "/" + n.second;
    case Body::Ecosoc:
      if (!is_year(s)) return fail("Economic and Social Council resolutions are numbered by year (2003/61)");
      return (res ? "E/RES/" : "E/DEC/") + n.first + "/" + n.second;
    case Body::HumanRights:
      if (s < 1 || s > 200) return fail("no Human Rights Council session " + n.first);
      return (res ? "A/HRC/RES/" : "A/HRC/DEC/") + n.first + "/" + n.second;
    case Body::Unea:
      if (s < 1 || s > 50) return fail("no UN Environment Assembly session " + n.first);
      return "UNEP/EA." + n.first + (res ? "/Res." : "/Dec.") + n.second;
    case Body::HabitatAssembly:
      if (s < 1 || s > 50) return fail("no UN-Habitat Assembly session " + n.first);
      return "HSP/HA." + n.first + (res ? "/Res." : "/Dec.") + n.second;
    case Body::Cbd:
      if (res) return fail("the Conference of the Parties to the CBD adopts decisions, not resolutions");
      if (s < 1 || s > 50) return fail("no CBD Conference of the Parties " + n.first);
      // The series changed twice: UNEP/CBD/COP/DEC/XII/1 up to COP 12, CBD/COP/DEC/XIII/1 at COP 13,
      // CBD/COP/DEC/14/1 since.
      if (s <= 12) return "UNEP/CBD/COP/DEC/" + to_roman(s) + "/" + n.second;
      if (s == 13) return "CBD/COP/DEC/XIII/" + n.second;
      return "CBD/COP/DEC/" + n.first + "/" + n.second;
    case Body::Unfccc:
    case Body::Unccd: return fail("decisions of this convention are cited as 1/CP.21 or 3/COP.12, not N/M");
    case Body::SecurityCouncil: return fail("Security Council resolutions are numbered 2334 (2016)");
    case Body::ConventionCop: return fail("the text does not say which convention's Conference of the Parties");
    case Body::Council: return fail("the text says 理事会 without saying which council");
    case Body::Other: return fail("this body's resolutions and decisions have no UN document symbol");
    case Body::Unknown: return fail("the text does not say which body adopted it");
  }
  return fail("unknown body");
}

// The symbol series short_form knows. Each reads a whole symbol from the cursor and returns the two
// numbers the short form is made of; the caller checks that nothing follows.
struct ShortParts {
  std::string_view first, second;
};

// A/RES/62/196, E/DEC/2019/210, A/HRC/RES/48/13, A/RES/62/196B.
std::optional<ShortParts> session_series(Cursor& c) {
  static constexpr std::string_view kSeries[] = {"A/HRC/", "A/", "E/"};
  static constexpr std::string_view kKinds[] = {"RES/", "DEC/"};
  if (c.one_of(kSeries).empty() || c.one_of(kKinds).empty()) return std::nullopt;
  ShortParts p;
  p.first = c.all(is_digit);
  if (p.first.empty() || !c.literal("/")) return std::nullopt;
  std::size_t begin = c.pos;
  if (c.all(is_digit).empty()) return std::nullopt;
  if (is_alnum(c.peek()) || c.peek() == '_') ++c.pos;  // a letter of a lettered resolution
  p.second = c.text.substr(begin, c.pos - begin);
  return p;
}

// UNEP/EA.5/Res.11, HSP/HA.2/Dec.1.
std::optional<ShortParts> assembly_series(Cursor& c) {
  static constexpr std::string_view kSeries[] = {"UNEP/EA.", "HSP/HA."};
  static constexpr std::string_view kKinds[] = {"Res.", "Dec."};
  if (c.one_of(kSeries).empty()) return std::nullopt;
  ShortParts p;
  p.first = c.all(is_digit);
  if (p.first.empty() || !c.literal("/") || c.one_of(kKinds).empty()) return std::nullopt;
  p.second = c.all(is_digit);
  if (p.second.empty()) return std::nullopt;
  return p;
}

// CBD/COP/DEC/15/4, UNEP/CBD/COP/DEC/VII/27.
std::optional<ShortParts> cbd_series(Cursor& c) {
  c.literal("UNEP/");
  if (!c.literal("CBD/COP/DEC/")) return std::nullopt;
  ShortParts p;
  p.first = c.all([](char ch) { return is_digit(ch) || is_roman(ch); });
  if (p.first.empty() || !c.literal("/")) return std::nullopt;
  p.second = c.all(is_digit);
  if (p.second.empty()) return std::nullopt;
  return p;
}

// S/RES/2334(2016), S/RES/2334 (2016).
std::optional<ShortParts> security_council_series(Cursor& c) {
  if (!c.literal("S/RES/")) return std::nullopt;
  ShortParts p;
  p.first = c.all(is_digit);
  if (p.first.empty()) return std::nullopt;
  if (is_ascii_space(c.peek())) ++c.pos;
  if (!c.literal("(")) return std::nullopt;
  p.second = c.run(is_digit, 4, 4);
  if (p.second.empty() || !c.literal(")")) return std::nullopt;
  return p;
}

// A/RES/1514(XV), A/RES/2200 A (XXI): the General Assembly's numbering before its 31st session. The
// first part keeps what is written between the number and the parenthesis, but the last space.
std::optional<ShortParts> old_assembly_series(Cursor& c) {
  if (!c.literal("A/RES/")) return std::nullopt;
  std::size_t begin = c.pos;
  if (c.all(is_digit).empty()) return std::nullopt;
  if (is_ascii_space(c.peek())) ++c.pos;
  if (is_upper(c.peek())) ++c.pos;
  ShortParts p;
  p.first = c.text.substr(begin, c.pos - begin);
  if (is_ascii_space(c.peek())) ++c.pos;
  if (!c.literal("(")) return std::nullopt;
  p.second = c.all([](char ch) { return is_roman(ch) || ch == 'S' || ch == 'E' || ch == '-'; });
  if (p.second.empty() || !c.literal(")")) return std::nullopt;
  return p;
}

// 1/CP.21, 3/COP.12.
bool is_designation(Cursor& c) {
  static constexpr std::string_view kCodes[] = {"CP.", "CMP.", "CMA.", "COP."};
  return !c.all(is_digit).empty() && c.literal("/") && !c.one_of(kCodes).empty() && !c.all(is_digit).empty();
}

}  // namespace

const char* body_name(Body body) {
  switch (body) {
    case Body::Unknown: return "unknown";
    case Body::GeneralAssembly: return "General Assembly";
    case Body::SecurityCouncil: return "Security Council";
    case Body::Ecosoc: return "Economic and Social Council";
    case Body::HumanRights: return "Human Rights Council";
    case Body::Unea: return "UN Environment Assembly";
    case Body::HabitatAssembly: return "UN-Habitat Assembly";
    case Body::Cbd: return "Convention on Biological Diversity";
    case Body::Unfccc: return "UNFCCC";
    case Body::Unccd: return "UNCCD";
    case Body::ConventionCop: return "a Conference of the Parties";
    case Body::Council: return "a council";
    case Body::Other: return "a body without UN symbols";
  }
  return "";
}

std::vector<Mention> find_mentions(std::string_view text, std::size_t until) {
  static const StartPairs kStarts = first_pairs_of_names();
  std::vector<Mention> out;
  std::size_t i = 0;
  const std::size_t end = std::min(text.size(), until);
  while (i + 1 < text.size() && i < end) {
    const Name* hit = kStarts.test(pair_at(text, i)) ? name_at(text, i) : nullptr;  // most places begin none
    if (!hit) {
      const auto c = static_cast<unsigned char>(text[i]);
      if ((c & 0xF0) == 0xE0 && i + 2 < text.size() && continuation_byte(text[i + 1]) && continuation_byte(text[i + 2])) {
        i += 3;  // a Chinese character, the common case, at once
        continue;
      }
      ++i;
      while (i < text.size() && continuation_byte(text[i])) ++i;
      continue;
    }
    out.push_back({i, i + hit->text.size(), hit->body, hit->convention});
    i += hit->text.size();
  }
  return out;
}

Body body_of_document(std::string_view body_text, std::string_view symbol) {
  if (starts_with(symbol, "E/RES/") || starts_with(symbol, "E/DEC/")) return Body::Ecosoc;
  if (starts_with(symbol, "A/HRC/")) return Body::HumanRights;
  if (starts_with(symbol, "UNEP/EA.")) return Body::Unea;
  if (starts_with(symbol, "HSP/HA.")) return Body::HabitatAssembly;
  if (starts_with(symbol, "S/RES/")) return Body::SecurityCouncil;
  if (!body_text.empty()) {
    auto m = find_mentions(body_text);
    for (const auto& x : m)
      if (!x.convention && x.body != Body::Council) return x.body;
  }
  if (starts_with(symbol, "A/")) return Body::GeneralAssembly;
  return Body::Unknown;
}

std::optional<std::string> canonical_symbol(Body body, Kind kind, const Number& n, std::string* why) {
  auto fail = [&](std::string reason) -> std::optional<std::string> {
    if (why) *why = std::move(reason);
    return std::nullopt;
  };
  switch (n.shape) {
    case Shape::Designation:
      // UNFCCC and UNCCD decisions have no document symbol of their own (they are printed in the addenda
      // of the session's report); their designation, which names the body, is their canonical symbol.
      if (kind == Kind::Resolution) return fail(n.first + "/" + n.body_code + "." + n.second + " is a decision, cited here as a resolution");
      return n.first + "/" + n.body_code + "." + n.second;
    case Shape::RomanSession: {
      int s = from_roman(n.first);
      if (s == 0) return fail("not a roman numeral: " + n.first);
      if (kind == Kind::Resolution) return fail("roman-numbered sessions are CBD decisions, cited here as a resolution");
      Number arabic = n;
      arabic.first = std::to_string(s);
      arabic.shape = Shape::SessionNumber;
      return canonical_symbol(Body::Cbd, kind, arabic, why);
    }
    case Shape::YearInParens:
      if (body != Body::SecurityCouncil && body != Body::Unknown && body != Body::GeneralAssembly && body != Body::Council)
        return fail("only Security Council resolutions are numbered 2334 (2016)");
      if (!is_year(to_int(n.second))) return fail("not a year: " + n.second);
      return "S/RES/" + n.first + "(" + n.second + ")";
    case Shape::RomanInParens:
      if (body != Body::GeneralAssembly && body != Body::Unknown) return fail("only General Assembly resolutions are numbered 1514 (XV)");
      return "A/RES/" + n.first + n.letter + "(" + n.second + ")";
    case Shape::SessionNumber: {
      std::string why_local;
      std::string s = session_number(body, kind, n, &why_local);
      if (s.empty()) return fail(why_local);
      return s;
    }
  }
  return fail("unknown number shape");
}

std::string short_form(std::string_view symbol) {
  for (auto form : {session_series, assembly_series, cbd_series}) {
    Cursor c{symbol, 0};
    if (auto parts = form(c); parts && c.at_end()) {
      std::string first(parts->first);
      if (int r = from_roman(first); r > 0) first = std::to_string(r);
      return first + "/" + std::string(parts->second);
    }
  }
  for (auto form : {security_council_series, old_assembly_series}) {
    Cursor c{symbol, 0};
    if (auto parts = form(c); parts && c.at_end()) return std::string(parts->first) + "(" + std::string(parts->second) + ")";
  }
  if (Cursor c{symbol, 0}; is_designation(c) && c.at_end()) return std::string(symbol);
  return "";
}

std::string to_roman(int n) {
  static const std::pair<int, const char*> parts[] = {{50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}};
  std::string out;
  for (const auto& [v, r] : parts)
    while (n >= v) {
      out += r;
      n -= v;
    }
  return out;
}

int from_roman(std::string_view s) {
  if (s.empty() || s.size() > 8) return 0;
  int total = 0, prev = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    int v = *it == 'I' ? 1 : *it == 'V' ? 5 : *it == 'X' ? 10 : *it == 'L' ? 50 : 0;
    if (v == 0) return 0;
    total += v < prev ? -v : v;
    prev = std::max(prev, v);
  }
  return to_roman(total) == s ? total : 0;
}

}  // namespace acta::analyze::citations
