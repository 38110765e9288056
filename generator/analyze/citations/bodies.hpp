// The bodies whose resolutions and decisions Chinese UN texts cite, how a text names them, and the
// canonical full symbol of each body's resolutions and decisions. One table per concern, so adding a
// body is a few lines here and a test.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace acta::analyze::citations {

enum class Body {
  Unknown,           // nothing in the context says
  GeneralAssembly,   // 大会, 联大, 联合国大会: A/RES/77/172, A/DEC/79/555
  SecurityCouncil,   // 安全理事会, 安理会: S/RES/2334(2016)
  Ecosoc,            // 经济及社会理事会: E/RES/2003/61, E/DEC/2019/210
  HumanRights,       // 人权理事会: A/HRC/RES/48/13, A/HRC/DEC/48/115
  Unea,              // 联合国环境大会: UNEP/EA.5/Res.11, UNEP/EA.5/Dec.1
  HabitatAssembly,   // 联合国人居大会: HSP/HA.2/Res.4, HSP/HA.2/Dec.1
  Cbd,               // 《生物多样性公约》缔约方大会: CBD/COP/DEC/15/4, UNEP/CBD/COP/DEC/VII/27
  Unfccc,            // 《联合国气候变化框架公约》: decisions 1/CP.21, 1/CMP.12, 1/CMA.5
  Unccd,             // 《防治荒漠化公约》: decisions 3/COP.12
  ConventionCop,     // 缔约方大会 without saying of which convention
  Council,           // 理事会 alone: which council depends on the document
  Other,             // a body Acta knows but whose texts have no UN symbol (世界卫生大会, 环境署理事会 …)
};

enum class Kind { Resolution, Decision, Document };

// The ways a number is written in 第 … 号决议: "77/172", "1/CP.21", "VII/27", "2334(2016)", "1514(XV)".
enum class Shape { SessionNumber, Designation, RomanSession, YearInParens, RomanInParens };

struct Number {
  Shape shape = Shape::SessionNumber;
  std::string first;   // session, year or resolution number: "77", "2003", "2334", "1514"
  std::string second;  // number in the session, or the year / roman session in parentheses: "172", "2016", "XV"
  std::string body_code;  // Designation only: "CP", "CMP", "CMA", "COP"
  std::string letter;     // RomanInParens only: the "A" of 2200 A (XXI)
};

// A body named in running text, at byte range [begin, end).
struct Mention {
  std::size_t begin = 0, end = 0;
  Body body = Body::Unknown;
  bool convention = false;  // names a convention (applies to decisions only), not an assembly or council
};

// Every body mention in `text`, left to right, longest name first at each position (联合国环境大会 is
// UNEA, not 大会). Written symbols count as mentions of their series (CBD/COP/15/17 names the CBD).
// With `until`, only the mentions that begin before it: the first ones of the whole text's list.
std::vector<Mention> find_mentions(std::string_view text, std::size_t until = std::string_view::npos);

// The body of a document from its metadata (body text and symbol), for "其" (its own) citations and for
// 理事会 alone; Unknown when neither says.
Body body_of_document(std::string_view body_text, std::string_view symbol);

// The canonical full symbol for a citation of `number` of `kind` by `body`, or nothing with the reason in
// `why` (a body without symbols, a number that body never used).
std::optional<std::string> canonical_symbol(Body body, Kind kind, const Number& number, std::string* why = nullptr);

// What a canonical symbol (or a written one of the same series) is cited as in Chinese text: the short form
// "62/196" for A/RES/62/196, "5/11" for UNEP/EA.5/Res.11, "2334(2016)" for S/RES/2334(2016). Empty for
// symbols that are not of a resolution or decision series.
std::string short_form(std::string_view symbol);

// Roman numerals I..L and back (for CBD decisions and old General Assembly sessions).
std::string to_roman(int n);
int from_roman(std::string_view s);  // 0 when not a roman numeral

const char* body_name(Body body);

}  // namespace acta::analyze::citations
