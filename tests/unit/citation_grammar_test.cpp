// The citation grammar on strings: every form, enumerations, bodies by context, false friends, and a
// table of citation strings with the symbols they must give.
#include <gtest/gtest.h>

#include "analyze/citations/grammar.hpp"

using namespace acta::analyze::citations;

namespace {

// "A/RES/77/172 A/RES/62/196#para_5 ?" : every citation found, "?" where no symbol could be given.
std::string symbols(std::string_view text, ScanContext ctx = {}) {
  std::string out;
  for (const auto& f : scan(text, ctx)) {
    if (!out.empty()) out += ' ';
    out += f.symbol.empty() ? "?" : f.symbol;
    if (!f.paragraph.empty()) out += "#" + f.paragraph;
  }
  return out;
}

const std::string kMark(kFootnoteMark);

struct Case {
  const char* text;
  const char* expected;
};

const Case kTable[] = {
    // 第 … 号决议 / 决定, General Assembly by default
    {"回顾其第 77/172 号决议，", "A/RES/77/172"},
    {"回顾其第77/172号决议，", "A/RES/77/172"},
    {"回顾其第 77/172号决议", "A/RES/77/172"},
    {"回顾其第　77/172　号决议", "A/RES/77/172"},
    {"大会第 79/555 号决定", "A/DEC/79/555"},
    {"第 62/552 号决定", "A/DEC/62/552"},
    {"联大第 70/1 号决议。", "A/RES/70/1"},
    {"大会第69/313号决议，附件。", "A/RES/69/313"},
    {"经大会2025年8月25日第79/323号决议认可", "A/RES/79/323"},
    {"第 1514(XV) 号决议", "A/RES/1514(XV)"},
    {"第 2200 A (XXI) 号决议", "A/RES/2200A(XXI)"},
    {"第 2398 (XXIII) 号决议", "A/RES/2398(XXIII)"},
    {"安全理事会第 2334(2016)号决议", "S/RES/2334(2016)"},
    {"安理会第 2334 (2016) 号决议", "S/RES/2334(2016)"},
    {"回顾其 2022 年 12 月 14 日关于山区可持续发展的第 [77/172](#) 号决议，", "A/RES/77/172"},
    {"回顾其2022年3月15日第[76/253](#)号决议，", "A/RES/76/253"},
    // written symbols
    {"A/RES/71/228", "A/RES/71/228"},
    {"秘书长的报告(A/80/255)。", "A/80/255"},
    {"A/C.2/57/7，附件。", "A/C.2/57/7"},
    {"A/76/639-E/2022/10。", "A/76/639"},
    {"见FCCC/CP/2015/10/Add.1，第1/CP.21号决定。", "FCCC/CP/2015/10/Add.1 1/CP.21"},
    {"UNEP/EA.5/Res.11。", "UNEP/EA.5/Res.11"},
    {"CBD/COP/15/17 号文件", "CBD/COP/15/17"},
    {"E/2022/10", "E/2022/10"},
    {"A/62/292/Rev.1", "A/62/292/Rev.1"},
    {"A/62/292/Corr.1", "A/62/292/Corr.1"},
    {"A/C.2/80/L.32/Rev.1/Add.2。", "A/C.2/80/L.32/Rev.1/Add.2"},
    {"S/RES/2334 (2016)", "S/RES/2334(2016)"},
    {"见 FCCC/PA/CMA/2023/16/Add.1。", "FCCC/PA/CMA/2023/16/Add.1"},
    {"E/5715 号文件", "E/5715"},
    // other bodies by context
    {"经济及社会理事会 2003 年 7 月 25 日第 2003/61 号决议", "E/RES/2003/61"},
    {"经社理事会第 2019/210 号决定", "E/DEC/2019/210"},
    {"依照第 2003/61 号决议", "E/RES/2003/61"},
    {"联合国环境大会2022年3月2日第5/11号决议，", "UNEP/EA.5/Res.11"},
    {"回顾联合国环境大会关于支持可持续发展的基于自然的解决方案的第 5/5 号决议，", "UNEP/EA.5/Res.5"},
    {"环境大会第 4/1 号决定", "UNEP/EA.4/Dec.1"},
    {"联合国人居大会第 2/4 号决议", "HSP/HA.2/Res.4"},
    {"人权理事会第 48/13 号决议", "A/HRC/RES/48/13"},
    {"第 1/CP.21 号决定", "1/CP.21"},
    {"根据第1/CMA.5号决定", "1/CMA.5"},
    {"根据第 34/COP.12 号决定，", "34/COP.12"},
    {"(a) 1/CP.22：为《巴黎协定》生效", "1/CP.22"},
    {"(a) 1/CMP.12 ：对适应基金的第三次审查；", "1/CMP.12"},
    {"《生物多样性公约》缔约方大会第 15/4 号决定", "CBD/COP/DEC/15/4"},
    {"联合国环境规划署，CBD/COP/15/17 号文件，第 15/4 号决定，附件。", "CBD/COP/15/17 CBD/COP/DEC/15/4"},
    {"UNEP/CBD/COP/7/21，第 VII/27 号决定，附件。", "UNEP/CBD/COP/7/21 UNEP/CBD/COP/DEC/VII/27"},
    {"生物多样性公约缔约方大会第 13/5 号决定", "CBD/COP/DEC/XIII/5"},
    {"生物多样性公约缔约方大会第 10/2 号决定", "UNEP/CBD/COP/DEC/X/2"},
    // enumerations
    {"第 53/24、55/189 和 57/245 号决议", "A/RES/53/24 A/RES/55/189 A/RES/57/245"},
    {"第 77/172 号和第 78/1 号决议", "A/RES/77/172 A/RES/78/1"},
    {"第 72/283 号决议、2019 年 12 月 19 日关于中亚可持续旅游业和可持续发展的第 74/214 号决议",
     "A/RES/72/283 A/RES/74/214"},
    {"联合国环境大会第 5/11 号决议和第 5/5 号决议", "UNEP/EA.5/Res.11 UNEP/EA.5/Res.5"},
    {"又回顾其 2000 年 12 月 20 日第 55/189 号、2002 年 12 月 20 日第 57/245\n\n号、2003 年 12 月 23 日第 58/216 和 "
     "2005 年 12 月 22 日第 60/198 号决议，",
     "A/RES/55/189 A/RES/57/245 A/RES/58/216 A/RES/60/198"},
    // scope of a named body
    {"还回顾联大 2022 年 12 月 28 日第 77/167 号决议，其中鼓励生物多样性公约缔约方、其他政府和相关组织根据联合国环境大会第 5/5 号决议，",
     "A/RES/77/167 UNEP/EA.5/Res.5"},
    {"鼓励会员国根据联合国环境大会第5/11号决议，推进创新途径，并回顾其第 70/1 号决议", "UNEP/EA.5/Res.11 A/RES/70/1"},
    {"《生物多样性公约》，并回顾其第 70/1 号决议", "A/RES/70/1"},
    // paragraph references
    {"第 62/196 号决议第 5 段", "A/RES/62/196#para_5"},
    {"(A/80/555, 第 7 段)", "A/80/555#para_7"},
    {"A/80/555，第 7 段", "A/80/555#para_7"},
    // cannot be resolved, but are citations
    {"回顾理事会关于通过扩大公平享用土地的第 23/17 号决议，", "?"},
    {"第 15/4 号决议", "?"},
    {"世界卫生大会第 72/6 号决议", "?"},
    // false friends: nothing at all
    {"《内陆发展中国家 2024-2034 年十年行动纲领》", ""},
    {"根据第 1/CMA.5 号决定 第 181 段的要求", "1/CMA.5#para_181"},
    {"第 181 段", ""},
    {"可持续发展目标之具体目标 15.3 的一项指标", ""},
    {"指标 15.3.1", ""},
    {"联合国，《条约汇编》，第 1771 卷，第 30822 号。", ""},
    {"2025 年 12 月 15 日", ""},
    {"每年 4万亿美元的筹资缺口", ""},
    {"15 885 名政府代表", ""},
    {"80/144. 山区可持续发展", ""},
    {"2/4. 生物多样性和韧性城市", ""},
    {"发生严重干旱和/或荒漠化的国家", ""},
    {"出售品编号：C.93.I.8和更正", ""},
    {"https://undocs.org/ch/A/RES/71/228", ""},
    {"可查阅 www.carpathianconvention.org/text.htm。", ""},
    {"2016-2017 两年期", ""},
    {"冠状病毒病(COVID-19)疫情", ""},
    {"全球升温1.5°C", ""},
    {"第二工作组", ""},
    {"2017/18 年度", ""},
};

}  // namespace

TEST(CitationGrammar, TableOfCitationStrings) {
  ASSERT_GE(std::size(kTable), 60u);
  for (const auto& c : kTable) EXPECT_EQ(symbols(c.text), c.expected) << c.text;
}

TEST(CitationGrammar, CitingTextIsTheNumberOrTheSymbol) {
  std::string text = "回顾其第 77/172 号决议和 A/80/255。";
  auto found = scan(text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "77/172");
  EXPECT_EQ(found[0].kind, Kind::Resolution);
  EXPECT_EQ(text.substr(found[1].begin, found[1].end - found[1].begin), "A/80/255");
  EXPECT_EQ(found[1].kind, Kind::Document);
}

TEST(CitationGrammar, CitationsAreFoundAfterChineseTextOfAnyLength) {
  // The scanners pass over runs of Chinese in blocks of bytes: a citation at any offset is still found.
  std::string lead;
  for (int k = 0; k < 24; ++k) {
    std::string text = lead + "第 77/172 号决议和" + lead + "A/RES/71/228。" + lead;
    auto found = scan(text);
    ASSERT_EQ(found.size(), 2u) << k;
    EXPECT_EQ(found[0].begin, lead.size() + std::string("第 ").size()) << k;
    EXPECT_EQ(found[0].symbol, "A/RES/77/172") << k;
    EXPECT_EQ(text.substr(found[1].begin, found[1].end - found[1].begin), "A/RES/71/228") << k;
    lead += k % 5 == 4 ? "，" : "山";
  }
}

TEST(CitationGrammar, EnumerationOfTheMountainsResolutionCitesEveryNumber) {
  std::string text =
      "回顾其 1998 年 11 月 10 日第 53/24 号、2000 年 12 月 20 日第 55/189 号、2002 年 12 月 20 日第 57/245 号、2003 年 12 月 23 日第 "
      "58/216 号和 2004 年 12 月 22 日第 59/238 号决议以及其题为“山区可持续发展”的 2005 年 12 月 22 日第 60/198 号、2007 年 12 月 19 "
      "日第 62/196 号、2009 年 12 月 21 日第 64/205 号、2011 年 12 月 22 日第 66/205 号、2013 年 12 月 20 日第 68/217 号、2016 年 12 月 "
      "21 日第 71/234 号、2019 年 12 月 19 日第 74/227 号和 2022 年 12 月 14 日第 77/172 号决议，";
  EXPECT_EQ(symbols(text),
            "A/RES/53/24 A/RES/55/189 A/RES/57/245 A/RES/58/216 A/RES/59/238 A/RES/60/198 A/RES/62/196 A/RES/64/205 "
            "A/RES/66/205 A/RES/68/217 A/RES/71/234 A/RES/74/227 A/RES/77/172");
}

TEST(CitationGrammar, ListItemWithoutHaoIsCitedAndNoted) {
  auto found = scan("第 57/245 号、2003 年 12 月 23 日第 58/216 和 2005 年 12 月 22 日第 60/198 号决议");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[1].symbol, "A/RES/58/216");
  EXPECT_NE(found[1].problem.find("unusual"), std::string::npos);
  EXPECT_TRUE(found[0].problem.empty());
}

TEST(CitationGrammar, BodyDetectionByContext) {
  auto f = scan("经济及社会理事会第 2003/61 号决议");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].body, Body::Ecosoc);
  EXPECT_TRUE(f[0].body_stated);
  f = scan("回顾其第 62/196 号决议");
  EXPECT_EQ(f[0].body, Body::GeneralAssembly);
  EXPECT_FALSE(f[0].body_stated);
  // The citing document's own body is the default ("其" is itself).
  ScanContext unea{Body::Unea, Body::Unea};
  EXPECT_EQ(symbols("回顾其第 4/1 号决议", unea), "UNEP/EA.4/Res.1");
  // 理事会 alone means the council of the citing document.
  ScanContext ecosoc{Body::Ecosoc, Body::Ecosoc};
  EXPECT_EQ(symbols("回顾理事会第 2004/20 号决议", ecosoc), "E/RES/2004/20");
  ScanContext hrc{Body::HumanRights, Body::HumanRights};
  EXPECT_EQ(symbols("回顾理事会第 48/13 号决议", hrc), "A/HRC/RES/48/13");
  ScanContext habitat{Body::HabitatAssembly, Body::HabitatAssembly};
  auto gc = scan("回顾理事会关于……的第 23/17 号决议", habitat);
  ASSERT_EQ(gc.size(), 1u);
  EXPECT_TRUE(gc[0].symbol.empty());
  EXPECT_FALSE(gc[0].problem.empty());
  // Assemblies whose names end in 大会 are not the General Assembly.
  EXPECT_EQ(symbols("联合国人居大会第 1/3 号决议"), "HSP/HA.1/Res.3");
  EXPECT_EQ(symbols("缔约方大会第 14/5 号决定，回顾《生物多样性公约》"), "?");
  EXPECT_EQ(symbols("《生物多样性公约》缔约方大会第 14/5 号决定"), "CBD/COP/DEC/14/5");
  // A convention named in the sentence does not make a resolution a convention's.
  EXPECT_EQ(symbols("回顾《联合国气候变化框架公约》和大会第 71/228 号决议"), "A/RES/71/228");
}

TEST(CitationGrammar, FootnoteMarkRightAfterACitationIsFound) {
  std::string text = "根据联合国环境大会第5/11号决议，" + kMark + "推进";
  auto f = scan(text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].footnote_mark, text.find(kMark));
  std::string paragraph = "根据第 1/CMA.5 号决定" + kMark + " 第 181 段";
  f = scan(paragraph);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].paragraph, "para_181");
  EXPECT_NE(f[0].footnote_mark, std::string::npos);
  EXPECT_EQ(scan("第 70/1 号决议，其中" + kMark)[0].footnote_mark, std::string::npos);
}

TEST(CitationGrammar, JointSymbolsKeepEveryPartAsAlias) {
  auto f = find_written_symbols("A/76/639-E/2022/10");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].symbol, "A/76/639");
  EXPECT_EQ(f[0].written, "A/76/639-E/2022/10");
  ASSERT_EQ(f[0].aliases.size(), 2u);
  EXPECT_EQ(f[0].aliases[0], "A/76/639-E/2022/10");
  EXPECT_EQ(f[0].aliases[1], "E/2022/10");
}

TEST(CitationGrammar, SymbolAFootnoteOpensWith) {
  EXPECT_EQ(symbol_opening("UNEP/EA.5/Res.11。"), "UNEP/EA.5/Res.11");
  EXPECT_EQ(symbol_opening("见 FCCC/PA/CMA/2023/16/Add.1。"), "FCCC/PA/CMA/2023/16/Add.1");
  EXPECT_EQ(symbol_opening("A/80/255。"), "A/80/255");
  EXPECT_EQ(symbol_opening("第 53/24 号决议。"), "");
  EXPECT_EQ(symbol_opening("联合国环境规划署，CBD/COP/15/17 号文件"), "");
}

TEST(CitationGrammar, SymbolInUrl) {
  EXPECT_EQ(symbol_in_url("https://undocs.org/ch/A/RES/71/228"), "A/RES/71/228");
  EXPECT_EQ(symbol_in_url("https://undocs.org/A/RES/71/229"), "A/RES/71/229");
  EXPECT_EQ(symbol_in_url("https://undocs.org/zh/A%2FRES%2F77%2F172"), "A/RES/77/172");
  EXPECT_EQ(symbol_in_url("https://documents.un.org/symbol-explorer?s=E/2022/10&i=x"), "E/2022/10");
  EXPECT_EQ(symbol_in_url("https://report.ipcc.ch/ar6/wg2/IPCC_AR6_WGII_FullReport.pdf"), "");
  EXPECT_EQ(symbol_in_url("https://oceanconference.un.org/"), "");
}

TEST(CitationGrammar, ShortFormsAndCanonicalSeries) {
  EXPECT_EQ(short_form("A/RES/62/196"), "62/196");
  EXPECT_EQ(short_form("A/DEC/79/555"), "79/555");
  EXPECT_EQ(short_form("E/RES/2003/61"), "2003/61");
  EXPECT_EQ(short_form("UNEP/EA.5/Res.11"), "5/11");
  EXPECT_EQ(short_form("HSP/HA.2/Res.4"), "2/4");
  EXPECT_EQ(short_form("A/HRC/RES/48/13"), "48/13");
  EXPECT_EQ(short_form("CBD/COP/DEC/15/4"), "15/4");
  EXPECT_EQ(short_form("UNEP/CBD/COP/DEC/VII/27"), "7/27");
  EXPECT_EQ(short_form("S/RES/2334(2016)"), "2334(2016)");
  EXPECT_EQ(short_form("1/CP.21"), "1/CP.21");
  EXPECT_EQ(short_form("A/80/255"), "");
  EXPECT_EQ(to_roman(13), "XIII");
  EXPECT_EQ(from_roman("VII"), 7);
  EXPECT_EQ(from_roman("IIII"), 0);
  EXPECT_EQ(from_roman("ABC"), 0);
}

TEST(CitationGrammar, MentionsPreferTheLongestName) {
  auto m = find_mentions("联合国环境大会和大会和联合国人居大会和缔约方大会");
  ASSERT_EQ(m.size(), 4u);
  EXPECT_EQ(m[0].body, Body::Unea);
  EXPECT_EQ(m[1].body, Body::GeneralAssembly);
  EXPECT_EQ(m[2].body, Body::HabitatAssembly);
  EXPECT_EQ(m[3].body, Body::ConventionCop);
  EXPECT_EQ(body_of_document("联合国人居大会", ""), Body::HabitatAssembly);
  EXPECT_EQ(body_of_document("", "E/RES/2003/61"), Body::Ecosoc);
  EXPECT_EQ(body_of_document("", "A/72/152"), Body::GeneralAssembly);
}

// The scan of a citing text looks for bodies only up to its last number: the mentions found so are the
// first ones of the whole text's list, wherever it stops (inside a name too).
TEST(CitationGrammar, MentionsUpToAPositionAreTheFirstOfTheWholeList) {
  const std::string text = "联合国环境大会第 5/1 号决议、大会和人权理事会第 3/2 号决议，缔约方大会第 1/CP.21 号决定和安全理事会";
  const auto all = find_mentions(text);
  ASSERT_EQ(all.size(), 5u);
  for (std::size_t until = 0; until <= text.size() + 1; ++until) {
    std::vector<Mention> expected;
    for (const auto& m : all)
      if (m.begin < until) expected.push_back(m);
    const auto some = find_mentions(text, until);
    ASSERT_EQ(some.size(), expected.size()) << "until " << until;
    for (std::size_t k = 0; k < some.size(); ++k) {
      EXPECT_EQ(some[k].begin, expected[k].begin);
      EXPECT_EQ(some[k].end, expected[k].end);
      EXPECT_EQ(some[k].body, expected[k].body);
    }
  }
  // A body named after the last citation is not its body; one named right before it is.
  EXPECT_EQ(symbols("第 77/172 号决议。人权理事会"), "A/RES/77/172");
  EXPECT_EQ(symbols("人权理事会第 5/1 号决议。"), "A/HRC/RES/5/1");
}

// Edge cases of the hand-written scanners (each checked against the former regular expressions).
TEST(CitationGrammar, NumbersInsideLongerRunsAreNotCitations) {
  EXPECT_EQ(symbols("第 12345/6 号决议"), "");        // five digits: no session has them
  EXPECT_EQ(symbols("第 77/17234 号决议"), "");       // the number goes on after four digits
  EXPECT_EQ(symbols("第 1/CP.215 号决定"), "");
  EXPECT_EQ(symbols("第 IIII/3 号决定"), "");         // not a roman numeral
  EXPECT_EQ(symbols("第 2200 A (XXI) 和 3281 (ES-VI) 号决议"), "A/RES/2200A(XXI) A/RES/3281(ES-VI)");
}

TEST(CitationGrammar, LinkSyntaxOfAConvertedCitationIsAtMost80Bytes) {
  // From "](" to ")": 80 bytes at most.
  EXPECT_EQ(symbols("第 [77/172](" + std::string(78, 'x') + ") 号决议"), "A/RES/77/172");
  EXPECT_EQ(symbols("第 [77/172](" + std::string(79, 'x') + ") 号决议"), "");
}

TEST(CitationGrammar, ConventionOfAConferenceOfThePartiesMayBeNamedSentencesBefore) {
  EXPECT_EQ(symbols("《生物多样性公约》。缔约方大会第 14/5 号决定"), "CBD/COP/DEC/14/5");
  // A body named in an earlier sentence does not apply.
  EXPECT_EQ(symbols("联合国环境大会第 5/11 号决议。回顾第 70/1 号决议"), "UNEP/EA.5/Res.11 A/RES/70/1");
}

TEST(CitationGrammar, LongRunsOfCapitalsAndDigitsScanOnce) {
  // A run of capitals that no slash follows starts no symbol anywhere inside it; the symbol after it is found.
  std::string text(200'000, 'A');
  text += " 和 A/RES/71/228，第 77/172 号决议" + std::string(200'000, '7');
  auto found = scan(text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].symbol, "A/RES/71/228");
  EXPECT_EQ(found[1].symbol, "A/RES/77/172");
  EXPECT_TRUE(find_written_symbols(std::string(100'000, 'B') + "/1").empty());  // one slash: not plausible
}

TEST(CitationGrammar, DocumentUrlsIgnoreCaseAndKeepAnEmptyLanguagePath) {
  EXPECT_EQ(symbol_in_url("HTTPS://WWW.UNDOCS.ORG/ZH/A/RES/71/228"), "A/RES/71/228");
  EXPECT_EQ(symbol_in_url("https://undocs.org/zh/"), "");
  EXPECT_EQ(symbol_in_url("https://documents.un.org/x?q=1&symbol=A%2F80%2F255#top"), "A/80/255");
  EXPECT_EQ(short_form("A/RES/62/196B"), "62/196B");
  EXPECT_EQ(short_form("UNEP/CBD/COP/DEC/XII/1"), "12/1");
  EXPECT_EQ(short_form("S/RES/2334 (2016)"), "2334(2016)");
  EXPECT_EQ(short_form("A/RES/62/196/Add.1"), "");
}
