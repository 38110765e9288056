// Each pass of the raw-text chain on small strings, with the tricky cases of real PDF extractions.
#include <gtest/gtest.h>

#include "read/paragraphs.hpp"
#include "read/raw/cover.hpp"
#include "read/raw/footnotes.hpp"
#include "read/raw/furniture.hpp"
#include "read/raw/inlines.hpp"
#include "read/raw/join.hpp"
#include "read/raw/lines.hpp"
#include "read/raw/markers.hpp"
#include "read/raw/markup.hpp"
#include "read/raw/paragraphs.hpp"
#include "read/raw/structure.hpp"

using namespace acta;
using namespace acta::read::raw;
using model::BlockKind;

namespace {

std::string texts(const Lines& lines) {
  std::string out;
  for (const auto& l : lines) out += std::string(l.text) + "|";
  return out;
}

// Marks shown readably: [^1] for a footnote mark, [text](url) for a link.
std::string shown(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == kMarkOpen) out += "[^";
    else if (c == kMarkClose) out += "]";
    else if (c == kLinkOpen) out += "[";
    else if (c == kLinkMid) out += "](";
    else if (c == kLinkClose) out += ")";
    else out += c;
  }
  return out;
}

}  // namespace

// ---- lines ----------------------------------------------------------------------------------------------

TEST(RawLines, SplitRemembersBlankLinesAndKeepsSpaceRules) {
  Lines l = split_lines("a \n\n b\nc\n" + std::string(30, ' ') + "\n1\n");
  ASSERT_EQ(l.size(), 5u);
  EXPECT_EQ(l[0].text, "a ");
  EXPECT_TRUE(l[0].blank_before);
  EXPECT_TRUE(l[1].blank_before);
  EXPECT_EQ(l[1].number, 3);
  EXPECT_FALSE(l[2].blank_before);
  EXPECT_EQ(l[3].text, std::string(30, ' '));  // pdftotext's rule above footnotes
  EXPECT_TRUE(is_separator(l[3].text));
}

TEST(RawLines, ShapeTellsConverterOutputFromHardWrappedText) {
  std::string para(200, 'x');
  EXPECT_EQ(detect_shape(split_lines(para + "\n\n" + para + "\n\nshort line here\n")), Shape::Unwrapped);
  std::string wrapped;
  for (int i = 0; i < 10; ++i) wrapped += "山区可持续发展对消除贫穷的重要性并确认山区对全球的重要性因为山区是\n\n";
  EXPECT_EQ(detect_shape(split_lines(wrapped)), Shape::Wrapped);
  EXPECT_EQ(detect_shape(split_lines(wrapped + "面积约 300 万 km² 的土地\n")), Shape::Wrapped);
  EXPECT_EQ(detect_shape(split_lines(wrapped + "¹ 大会第69/313号决议，附件。\n")), Shape::Unwrapped);
}

// ---- furniture ------------------------------------------------------------------------------------------

TEST(RawFurniture, LineTests) {
  EXPECT_TRUE(is_url_line("https://undocs.org/ch/A/RES/71/228"));
  EXPECT_FALSE(is_url_line("见 https://oceanconference.un.org/。"));
  EXPECT_TRUE(is_symbol_line("A/72/152"));
  EXPECT_TRUE(is_symbol_line("HSP/HA.2/Res.4"));
  EXPECT_FALSE(is_symbol_line("A/C.2/57/7，附件。"));
  EXPECT_FALSE(is_symbol_line("80/144."));
  EXPECT_TRUE(is_footer_line("17/17 17-11978 (C)"));
  EXPECT_TRUE(is_footer_line("GE.17-11978(C)"));
  EXPECT_TRUE(is_footer_line("- 5 -"));
  EXPECT_FALSE(is_footer_line("2017-2020 年"));
  EXPECT_TRUE(is_distribution_line("Distr.: General"));
  EXPECT_EQ(english_date("18 December 2025"), "2025-12-18");
  EXPECT_EQ(english_date("18 Dec"), "");
}

TEST(RawFurniture, RemovesHeadersFootersAndKeepsStrayLinks) {
  std::string text =
      "5. 会议通过的决定。 \n\n"
      "https://undocs.org/ch/A/RES/71/228\n"
      " 6. 在气候融资方面， \n\n"
      " A/72/152 \n\n \n\n17/17 17-11978 (C) \n\n"
      " H. 建议 \n";
  Furniture f = remove_furniture(split_lines(text));
  EXPECT_EQ(texts(f.body), "5. 会议通过的决定。 | 6. 在气候融资方面， | H. 建议 |");
  ASSERT_EQ(f.links.size(), 1u);
  EXPECT_EQ(f.links[0].url, "https://undocs.org/ch/A/RES/71/228");
  EXPECT_EQ(f.links[0].line, 3);
  EXPECT_TRUE(f.body[1].page_start);
  EXPECT_TRUE(f.body[2].page_start);
  ASSERT_EQ(f.symbols.size(), 1u);
  EXPECT_EQ(f.symbols[0], "A/72/152");
}

TEST(RawFurniture, BareNumbersAreFootnoteMarkersUnlessBesideFurniture) {
  // pdftotext puts a footnote marker alone on a line: it is text, not a page number.
  Furniture f = remove_furniture(split_lines(" 重申《21 世纪议程》\n1 \n第 13 章 \n"));
  EXPECT_EQ(f.body.size(), 3u);
  Furniture g = remove_furniture(split_lines("正文。 \n\nA/72/152\n\n3\n\n17-11978 (C)\n"));
  EXPECT_EQ(texts(g.body), "正文。 |");
}

TEST(RawFurniture, PageStartsInDoubleSpacedText) {
  Lines l = split_lines("甲乙丙 \n\n丁戊己\n\n庚辛壬\n 癸子丑\n\n寅卯辰\n");
  mark_page_starts(l);
  number_pages(l);
  EXPECT_FALSE(l[2].page_start);
  EXPECT_TRUE(l[3].page_start);
  EXPECT_EQ(l[4].page, 1);
}

// ---- converter markup -----------------------------------------------------------------------------------

TEST(RawMarkup, SuperscriptsAndSupTagsBecomeMarks) {
  EXPECT_EQ(shown(clean_markup("《亚的斯亚贝巴行动议程》¹的基础上")), "《亚的斯亚贝巴行动议程》[^1]的基础上");
  EXPECT_EQ(shown(clean_markup("协定》²¹ 和")), "协定》[^21] 和");
  EXPECT_EQ(shown(clean_markup("议程》<sup>1</sup>的")), "议程》[^1]的");
  EXPECT_EQ(shown(clean_markup("<sup>6</sup> 生物多样性平台")), "[^6] 生物多样性平台");
  EXPECT_EQ(shown(clean_markup("约 300 万 km² 的土地")), "约 300 万 km² 的土地");  // a unit, not a marker
}

TEST(RawMarkup, BoldEmptyLinksAndEscapes) {
  EXPECT_EQ(clean_markup("2. **鼓励**会员国"), "2. 鼓励会员国");
  EXPECT_EQ(clean_markup("第 [77/172](#) 号决议"), "第 77/172 号决议");
  EXPECT_EQ(clean_markup("[A/80/255]()。"), "A/80/255。");
  EXPECT_EQ(shown(clean_markup("可查阅 [https://x.org/IPCC\\\\_AR6.pdf](https://x.org/IPCC_AR6.pdf)。")),
            "可查阅 [https://x.org/IPCC_AR6.pdf](https://x.org/IPCC_AR6.pdf)。");
  EXPECT_EQ(clean_markup("IPCC\\_AR6"), "IPCC_AR6");
  EXPECT_EQ(clean_markup("  6. 请执行主任"), "  6. 请执行主任");  // leading spaces carry structure
}

TEST(RawMarkup, BareUrlsBecomeLinksWithoutTrailingPunctuation) {
  EXPECT_EQ(shown(clean_markup("见 https://oceanconference.un.org/。")),
            "见 [https://oceanconference.un.org/](https://oceanconference.un.org/)。");
  EXPECT_EQ(shown(clean_markup("可查阅：www.cbd.int/conferences/2016。")),
            "可查阅：[www.cbd.int/conferences/2016](http://www.cbd.int/conferences/2016)。");
  EXPECT_EQ(shown(clean_markup("see www.un.org.")), "see [www.un.org](http://www.un.org).");
}

// ---- joining --------------------------------------------------------------------------------------------

TEST(RawJoin, SegmentBreakRule) {
  std::string s = "是山区可持";
  join_line(s, "续发展的总体政策框架，");
  EXPECT_EQ(s, "是山区可持续发展的总体政策框架，");
  s = "第 57/245";
  join_line(s, "号、2003 年");
  EXPECT_EQ(s, "第 57/245 号、2003 年");
  s = "the Sustainable";
  join_line(s, "Development Goals");
  EXPECT_EQ(s, "the Sustainable Development Goals");
  s = "《公约》全球机制与 Mirova";
  join_line(s, "（法储银资产管理公司）");
  EXPECT_EQ(s, "《公约》全球机制与 Mirova（法储银资产管理公司）");
  s = "在 2017-";
  join_line(s, "2020 年期间");
  EXPECT_EQ(s, "在 2017-2020 年期间");
}

TEST(RawJoin, ClosedEndsIgnoreMarks) {
  EXPECT_TRUE(ends_closed("的报告，" + footnote_mark("5")));
  EXPECT_TRUE(ends_closed("执行情况。"));
  EXPECT_FALSE(ends_closed("同时确"));
  EXPECT_FALSE(ends_closed("冰冻圈科学行"));
}

// ---- footnote definitions -------------------------------------------------------------------------------

TEST(RawFootnotes, SuperscriptDefinitionsDroppedMidParagraph) {
  Lines l = split_lines("减少不平等、生\n\n¹ 大会第69/313号决议，附件。\n\n² 《2024年报告》，图一.1。\n\n计、消除饥饿，\n");
  clean_markup(l);
  FootnoteBlocks fb = extract_footnotes(l, Shape::Unwrapped);
  ASSERT_EQ(fb.definitions.size(), 2u);
  EXPECT_EQ(fb.definitions[0].label, "1");
  EXPECT_EQ(fb.definitions[0].text, "大会第69/313号决议，附件。");
  EXPECT_EQ(fb.definitions[1].line, 5);
  EXPECT_EQ(texts(fb.body), "减少不平等、生|计、消除饥饿，|");
  EXPECT_TRUE(fb.body[1].page_start);
}

TEST(RawFootnotes, PdftotextBlockWithLabelsOnTheirOwnLines) {
  std::string text =
      " 又注意到，是一个重要方法， \n\n" + std::string(40, ' ') +
      "\n1\n 《联合国环境与发展会议的报告》，第一卷，《环\n\n发会议通过的决议》，附件二。 \n\n"
      "2\n 《可持续发展问题世界首脑会议的报告》。 \n"
      "  还注意到分别于 2003 年 \n";
  Lines l = split_lines(text);
  mark_page_starts(l);
  FootnoteBlocks fb = extract_footnotes(l, Shape::Wrapped);
  ASSERT_EQ(fb.definitions.size(), 2u);
  EXPECT_EQ(fb.definitions[0].text, "《联合国环境与发展会议的报告》，第一卷，《环发会议通过的决议》，附件二。");
  EXPECT_EQ(fb.definitions[1].label, "2");
  EXPECT_EQ(texts(fb.body), " 又注意到，是一个重要方法， |  还注意到分别于 2003 年 |");
}

TEST(RawFootnotes, UnderscoreRuleAndStarDefinitionWithoutRule) {
  std::string text =
      "赞比亚和津巴布韦：* 决议草案 \n\n 又重申并决心采用统筹兼顾的\n\n"
      " * 提案国名单如有任何变化，将在会议正式记录中予以反映。 \n"
      " 方式，实现可持续发展， \n\n"
      "__________________ \n\n 1 第 79/233 号决议，附件。 \n  8. 决定该中心 \n";
  Lines l = split_lines(text);
  mark_page_starts(l);
  FootnoteBlocks fb = extract_footnotes(l, Shape::Wrapped);
  ASSERT_EQ(fb.definitions.size(), 2u);
  EXPECT_EQ(fb.definitions[0].label, "*");
  EXPECT_EQ(fb.definitions[1].text, "第 79/233 号决议，附件。");
  EXPECT_EQ(fb.body.size(), 4u);
}

TEST(RawFootnotes, NumbersOpeningASentenceAreNotDefinitions) {
  Lines l = split_lines("__________\n\n 1 该补充议定书尚未生效。 \n\n1200 万公顷土地\n");
  FootnoteBlocks fb = extract_footnotes(l, Shape::Wrapped);
  ASSERT_EQ(fb.definitions.size(), 1u);
  EXPECT_EQ(fb.definitions[0].text, "该补充议定书尚未生效。1200 万公顷土地");  // continuation after a blank
  Lines m = split_lines("__________\n\n 15 885 名政府代表 \n");
  EXPECT_TRUE(extract_footnotes(m, Shape::Wrapped).definitions.empty());
}

// ---- markers --------------------------------------------------------------------------------------------

TEST(RawMarkers, ShapeOfAGluedMarker) {
  auto at = [](std::string s, std::string digits) {
    std::size_t i = s.find(digits);
    return marker_shape(s, i, i + digits.size());
  };
  EXPECT_TRUE(at("议定书》1的批准书", "1"));
  EXPECT_TRUE(at("纲领》1 的协调执行", "1"));
  EXPECT_TRUE(at("第十三届会议的成果2 ", "2"));
  EXPECT_TRUE(at("大国联盟3成员国", "3"));
  EXPECT_TRUE(at("的报告4，该报告", "4"));
  EXPECT_TRUE(at("会议。5执行秘书", "5"));
  EXPECT_FALSE(at("政府代表；1 个观察员国", "1"));
  EXPECT_FALSE(at("2024 年", "2024"));
  EXPECT_FALSE(at("第 42 段", "42"));
  EXPECT_FALSE(at("第42段", "42"));
  EXPECT_FALSE(at("具体目标 15.3", "15"));
  EXPECT_FALSE(at("目标15.3，", "15"));
  EXPECT_FALSE(at("2025年6月30日", "6"));
  EXPECT_FALSE(at("每年4万亿美元", "4"));
  EXPECT_FALSE(at("第 77/172 号", "172"));
  EXPECT_FALSE(at("Res.11", "11"));
}

TEST(RawMarkers, RunningSequenceAndDefinitionsDecide) {
  Lines body = split_lines(
      "来自联合国系统的代表；1 个观察员国；15 位政府首脑\n"
      "《名古屋－吉隆坡补充议定书》1的批准书；2 项决定\n"
      "会议的成果2 \n"
      "第 2 段和 2024 年的目标 3。\n");
  std::vector<Definition> defs = {{"1", "该补充议定书尚未生效。", 10}, {"2", "其他信息。", 11}};
  MarkerReport r = resolve_markers(body, defs, "t.txt");
  EXPECT_EQ(shown(body[0].text), "来自联合国系统的代表；1 个观察员国；15 位政府首脑");
  EXPECT_EQ(shown(body[1].text), "《名古屋－吉隆坡补充议定书》[^1]的批准书；2 项决定");
  EXPECT_EQ(shown(body[2].text), "会议的成果[^2] ");
  EXPECT_EQ(shown(body[3].text), "第 2 段和 2024 年的目标 3。");
  EXPECT_EQ(r.referenced, (std::vector<std::string>{"1", "2"}));
  EXPECT_TRUE(r.warnings.empty());
}

TEST(RawMarkers, MarkerAloneOnALineJoinsTheLineBeforeAndMayRepeat) {
  Lines body = split_lines(" 重申《21 世纪议程》\n1 \n第 13 章\n 还执行《21 世纪议程》\n1 \n的相关章节， \n");
  std::vector<Definition> defs = {{"1", "《联合国环境与发展会议的报告》。", 3}};
  MarkerReport r = resolve_markers(body, defs, "t.txt");
  ASSERT_EQ(body.size(), 4u);
  EXPECT_EQ(shown(body[0].text), " 重申《21 世纪议程》[^1]");
  EXPECT_EQ(shown(body[2].text), " 还执行《21 世纪议程》[^1]");
  EXPECT_TRUE(r.warnings.empty());
}

TEST(RawMarkers, WarnsAboutOrphansUnreferencedDefinitionsAndGaps) {
  Lines body = split_lines("临时议程*项目 20\n议程\n一个段落\n");
  body[1].text = "议程》" + footnote_mark("9") + "的";  // as the markup pass leaves a superscript
  std::vector<Definition> defs = {{"1", "甲。", 20}, {"3", "乙。", 21}};
  MarkerReport r = resolve_markers(body, defs, "t.txt");
  EXPECT_EQ(body[0].text, "临时议程*项目 20");  // kept as text
  EXPECT_EQ(body[1].text, "议程》⁹的");           // an orphan superscript stays visible
  ASSERT_EQ(r.warnings.size(), 5u);            // *, 9, 1 and 3 unreferenced, 1 -> 3 gap
  EXPECT_EQ(r.warnings[0].where.line, 1);
  EXPECT_EQ(r.warnings[0].where.file, "t.txt");
  EXPECT_NE(r.warnings[4].message.find("jumps from 1 to 3"), std::string::npos);
}

// ---- paragraphs -----------------------------------------------------------------------------------------

TEST(RawParagraphs, WrappedTextRejoinedAcrossLinesAndPages) {
  // A paragraph ends at a trailing space; an indented line opens one, except the first line of a page.
  Lines l = split_lines(
      " 11. 深为关切，对全世界特别是山区脆弱社会的社\n"
      " 会、经济和环境造成长期不利的后果； \n\n"
      " 12. 鼓励各国政府提高认识，加强防备，\n\n改善基本设施； \n\n"
      " 注意到，\n");
  l[1].page_start = true;
  auto ps = join_paragraphs(l, Shape::Wrapped);
  ASSERT_EQ(ps.size(), 3u);
  EXPECT_EQ(ps[0].text, "11. 深为关切，对全世界特别是山区脆弱社会的社会、经济和环境造成长期不利的后果；");
  EXPECT_EQ(ps[1].text, "12. 鼓励各国政府提高认识，加强防备，改善基本设施；");
  EXPECT_EQ(ps[2].line, 8);
}

TEST(RawParagraphs, UnwrappedTextRejoinedWhereAPageCutASentence) {
  Lines l = split_lines("19. 鼓励会员国，同时确\n\n保新增指标是补充；\n\n20. 促请会员国；\n\n一. 导言\n\n正文。\n");
  auto ps = join_paragraphs(l, Shape::Unwrapped);
  ASSERT_EQ(ps.size(), 4u);
  EXPECT_EQ(ps[0].text, "19. 鼓励会员国，同时确保新增指标是补充；");
  EXPECT_EQ(ps[2].text, "一. 导言");
}

TEST(RawParagraphs, HeadingLeads) {
  EXPECT_EQ(read::heading_lead("一. 联合国气候变化").level, 1);
  EXPECT_EQ(read::heading_lead("十二. 其他").number, "十二");
  EXPECT_EQ(read::heading_lead(" A. 导言").level, 2);
  EXPECT_EQ(read::heading_lead("A/72/152").level, 0);
  EXPECT_EQ(read::heading_lead("UNEP/EA.5").level, 0);
  EXPECT_EQ(read::heading_number("1. 概要"), "1");
}

// ---- structure ------------------------------------------------------------------------------------------

TEST(RawStructure, DigitHeadingsToldFromNumberedParagraphsBySequence) {
  std::vector<Paragraph> ps;
  for (std::string t : {"大会，", "回顾其决议，", "A. 导言", "1. 大会请秘书长报告。", "1. 概要", "2. 会议由以下会议组成：",
                        "(a) 缔约方会议；", "(b) 附属机构会议。", "2. 高级别部分", "3. 缔约方会议主席宣布开幕。", "5. 跳号的段落。"})
    ps.push_back({t, 1, 0, 0, 0});
  Diagnostics w;
  auto blocks = build_blocks(ps, w, "t.txt");
  std::vector<BlockKind> kinds;
  for (auto& b : blocks) kinds.push_back(b.block.kind);
  EXPECT_EQ(kinds, (std::vector<BlockKind>{BlockKind::Formula, BlockKind::Preamble, BlockKind::Heading, BlockKind::Numbered,
                                           BlockKind::Heading, BlockKind::Numbered, BlockKind::Subparagraph,
                                           BlockKind::Subparagraph, BlockKind::Heading, BlockKind::Numbered, BlockKind::Numbered}));
  EXPECT_EQ(blocks[4].block.number, "1");
  EXPECT_EQ(blocks[4].block.level, 3);
  EXPECT_EQ(blocks[6].block.number, "a");
  EXPECT_EQ(blocks[6].block.content[0].text, "缔约方会议；");
  ASSERT_EQ(w.size(), 1u);  // 3 -> 5
  EXPECT_NE(w[0].message.find("follows paragraph 3"), std::string::npos);
}

// ---- cover ----------------------------------------------------------------------------------------------

TEST(RawCover, ResolutionCover) {
  Lines l = split_lines(
      "大 会\n\n第八十届会议\n\n议程项目 18 (j)\n\n可持续发展：山区可持续发展\n\n2025 年 12 月 15 日大会决议\n\n"
      "[根据第二委员会的报告(A/80/555, 第 7 段)通过]\n\n80/144. 山区可持续发展\n\n大会，\n\n回顾其决议，\n\n"
      "1. 请秘书长报告。\n\n2025 年 12 月 15 日\n第 64 次全体会议\n");
  Cover c = read_cover(l, Shape::Unwrapped);
  EXPECT_EQ(c.meta.body, "大会");
  EXPECT_EQ(c.meta.session, "第八十届会议");
  EXPECT_EQ(c.meta.agenda_item, "18 (j) 可持续发展：山区可持续发展");
  EXPECT_EQ(c.meta.date, "2025-12-15");
  EXPECT_EQ(c.meta.kind, "resolution");
  EXPECT_EQ(c.meta.title, "山区可持续发展");
  EXPECT_EQ(c.meta.meeting, "第 64 次全体会议");
  EXPECT_EQ(c.resolution_number, "80/144");
  ASSERT_EQ(c.notes.size(), 1u);
  EXPECT_EQ(l[c.body_begin].text, "大会，");
  EXPECT_EQ(c.body_end, l.size() - 2);
  model::Metadata m = c.meta;
  complete_metadata(m, c.resolution_number, "大会，", {});
  EXPECT_EQ(m.symbol, "A/RES/80/144");
}

TEST(RawCover, ReportCoverAndDraftCover) {
  Lines r = split_lines(
      " 第七十二届会议 \n\n临时议程*项目 20(d) \n\n可持续发展：保护全球气候 \n\n《生物多样性公约》 \n\n"
      "  联合国各项环境公约的执行情况 \n\n  秘书长的说明 \n\n秘书长谨向大会转递报告。 \n  一. 导言 \n");
  Cover c = read_cover(r, Shape::Wrapped);
  EXPECT_EQ(c.meta.kind, "note");
  EXPECT_EQ(c.meta.title, "联合国各项环境公约的执行情况");
  EXPECT_EQ(c.meta.agenda_item, "20(d) 可持续发展：保护全球气候；《生物多样性公约》");
  EXPECT_EQ(c.body_begin, 6u);

  Lines d = split_lines(" 第七十九届会议 \n\n议程项目 13 \n\n  阿尔及利亚、安哥拉和津巴布韦：\n\n  区域中心 \n\n 大会， \n");
  d[2].text = "  阿尔及利亚、安哥拉和津巴布韦：" + footnote_mark("*") + "决议草案 ";  // as the marker pass leaves it
  Cover e = read_cover(d, Shape::Wrapped);
  EXPECT_EQ(e.meta.kind, "draft");
  EXPECT_EQ(e.meta.title, "区域中心");
  ASSERT_EQ(e.notes.size(), 1u);
  EXPECT_EQ(shown(e.notes[0].text), "阿尔及利亚、安哥拉和津巴布韦：[^*]");
}

TEST(RawCover, DraftLabelAfterWrappedSponsors) {
  // The sponsors of a draft wrap over many lines, so the cover reader leaves them to the body; the label
  // "决议草案" ends their paragraph, before the formula.
  auto plain = [](BlockKind k, std::string text) {
    model::Block b;
    b.kind = k;
    b.content.push_back(model::Inline::make_text(std::move(text)));
    return b;
  };
  std::vector<model::Block> draft{plain(BlockKind::Plain, "阿尔及利亚、安哥拉和津巴布韦：决议草案 "),
                                  plain(BlockKind::Formula, "大会，")};
  EXPECT_EQ(kind_named_before_formula(draft), "draft");
  std::vector<model::Block> cited{plain(BlockKind::Formula, "大会，"),
                                  plain(BlockKind::Plain, "审议了秘书长提交的决议草案")};
  EXPECT_EQ(kind_named_before_formula(cited), "");  // the text proper naming a draft does not make one
  EXPECT_EQ(kind_named_before_formula({plain(BlockKind::Plain, "[未经发交主要委员会而通过]")}), "");
}

TEST(RawCover, NumbersAndSessions) {
  EXPECT_EQ(chinese_number(62), "六十二");
  EXPECT_EQ(chinese_number(10), "十");
  EXPECT_EQ(chinese_number(80), "八十");
  EXPECT_EQ(chinese_number(105), "一百零五");
  EXPECT_EQ(chinese_date("联合国人居大会 2023年6月9日通过的决议"), "2023-06-09");
  model::Metadata m;
  complete_metadata(m, "", "", {"A/72/152"});
  EXPECT_EQ(m.symbol, "A/72/152");
  EXPECT_EQ(m.session, "第七十二届会议");
}

// ---- inlines --------------------------------------------------------------------------------------------

TEST(RawInlines, MarksBecomeInlinesAndSpacingIsTidied) {
  auto in = to_inlines("认识到 专家对话" + footnote_mark("12") + " 为《议程》，见 " + link_mark("www.x.org", "http://www.x.org") + "。");
  ASSERT_EQ(in.size(), 5u);
  EXPECT_EQ(in[0].text, "认识到专家对话");
  EXPECT_EQ(in[4].text, "。");
  EXPECT_EQ(in[1].kind, model::InlineKind::FootnoteRef);
  EXPECT_EQ(in[1].text, "12");
  EXPECT_EQ(in[2].text, "为《议程》，见 ");
  EXPECT_EQ(in[3].kind, model::InlineKind::Link);
  EXPECT_EQ(in[3].target(), "http://www.x.org");
  EXPECT_EQ(tidy_spaces("欢迎 2025 年  9 月"), "欢迎 2025 年 9 月");
}

TEST(RawFurniture, FormFeedsBreakPagesAndTakeTheirPageNumbers) {
  // pdftotext ends every page with a form feed; the number printed at the foot of the page goes with it.
  Furniture f = remove_furniture(split_lines(" 3. 鼓励各国政府提高认识，加强防\n\n7\n\f备，改善基本设施； \n\n 4. 请秘书长报告。 \n"));
  EXPECT_EQ(texts(f.body), " 3. 鼓励各国政府提高认识，加强防|备，改善基本设施； | 4. 请秘书长报告。 |");
  EXPECT_TRUE(f.body[1].page_start);
  auto ps = join_paragraphs(f.body, Shape::Wrapped);
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_EQ(ps[0].text, "3. 鼓励各国政府提高认识，加强防备，改善基本设施；");
}

TEST(RawCover, NoCoverWhenTheTextBeginsAtOnce) {
  // A formula further down (a draft in an annex) does not make the report's opening a cover.
  Lines l = split_lines("本报告介绍执行情况。\n\n附件\n\n大会，\n\n回顾其决议，\n");
  Cover c = read_cover(l, Shape::Unwrapped);
  EXPECT_EQ(c.body_begin, 0u);
  EXPECT_TRUE(c.meta.title.empty());
}
