// The raw reader on documents written for this test, one in each shape the archive receives, with other
// numbers and other text than the seeds: the heuristics must hold on documents nobody tuned them on.
#include <gtest/gtest.h>

#include "model/document.hpp"
#include "read/raw/raw.hpp"

using namespace acta;
using model::BlockKind;
using model::InlineKind;

namespace {

std::string ids(const model::Document& d) {
  std::string out;
  for (const auto& b : d.blocks) out += b.id + " ";
  return out;
}

std::string text_of(const model::Document& d, const std::string& id) {
  const model::Block* b = d.find_block(id);
  return b ? model::plain_text(b->content) : "<no block " + id + ">";
}

// Text with footnote references shown as [^label].
std::string marked(const model::Inlines& in) {
  std::string out;
  for (const auto& i : in) {
    if (i.kind == InlineKind::FootnoteRef) out += "[^" + i.text + "]";
    else if (i.kind == InlineKind::Text) out += i.text;
    else out += marked(i.children);
  }
  return out;
}

std::string all_text(const model::Document& d) {
  std::string out;
  for (const auto& b : d.blocks) out += marked(b.content) + "\n";
  for (const auto& f : d.footnotes)
    for (const auto& p : f.paragraphs) out += f.label + ": " + marked(p) + "\n";
  return out;
}

model::Document read_text(const std::string& text) {
  model::Document d = read::read_raw_text(text, "test.txt");
  model::assign_ids(d);
  model::assign_footnote_ids(d);
  return d;
}

}  // namespace

// Shape 1: a converter's Markdown-like output, one paragraph per line, superscript markers, definitions
// dropped mid-sentence where the page ended.
TEST(RawShapes, ConverterOutput) {
  std::string text =
      "\n\n联合国环境大会\n\n"
      "第六届会议\n\n"
      "2024年2月26日至3月1日，内罗毕\n\n"
      "联合国环境大会 2024年3月1日通过的决议\n\n"
      "6/7. 促进可持续湖泊管理\n\n"
      "联合国环境大会，\n\n"
      "回顾其关于湖泊的第 [4/12](#) 号决议，¹\n\n"
      "注意到《湖泊状况报告》<sup>2</sup>指出全球约有 117 000 000 个湖泊，其中许多正在萎缩，而且到 2050 年前，湖\n\n"
      "¹ 见 [UNEP/EA.4/Res.12](#)。\n\n"
      "² 可查阅 [https://example.org/lakes\\\\_report.pdf](https://example.org/lakes_report.pdf)。\n\n"
      "泊面积可能继续减少，\n\n"
      "1. **请**执行主任在现有资源范围内支持会员国；\n\n"
      "(a) 编制湖泊清单；³\n\n"
      "(b) 分享最佳做法；\n\n"
      "2. **又请**执行主任向大会第七届会议报告本决议的执行情况，同时考\n\n"
      "---\n\n"
      "³ 联合国环境规划署，《湖泊清单指南》（2023）。\n\n"
      "虑区域平衡。\n"
      "-\n";
  model::Document d = read_text(text);
  EXPECT_EQ(d.meta.title, "促进可持续湖泊管理");
  EXPECT_EQ(d.meta.body, "联合国环境大会");
  EXPECT_EQ(d.meta.date, "2024-03-01");
  EXPECT_EQ(d.meta.session, "第六届会议，2024年2月26日至3月1日，内罗毕");
  EXPECT_EQ(d.meta.kind, "resolution");
  EXPECT_EQ(d.meta.symbol, "");  // not a General Assembly resolution: the sidecar names it
  EXPECT_EQ(ids(d), "formula preamble__p_1 preamble__p_2 para_1 para_1__point_a para_1__point_b para_2 ");
  EXPECT_EQ(marked(d.find_block("preamble__p_1")->content), "回顾其关于湖泊的第 4/12 号决议，[^1]");
  EXPECT_EQ(marked(d.find_block("preamble__p_2")->content),
            "注意到《湖泊状况报告》[^2]指出全球约有 117 000 000 个湖泊，其中许多正在萎缩，而且到 2050 年前，湖泊面积可能继续减少，");
  EXPECT_EQ(text_of(d, "para_1"), "请执行主任在现有资源范围内支持会员国；");
  EXPECT_EQ(text_of(d, "para_2"), "又请执行主任向大会第七届会议报告本决议的执行情况，同时考虑区域平衡。");
  ASSERT_EQ(d.footnotes.size(), 3u);
  EXPECT_EQ(d.footnotes[0].id, "fn_1");
  EXPECT_EQ(marked(d.footnotes[0].paragraphs[0]), "见 UNEP/EA.4/Res.12。");
  const auto& link = d.footnotes[1].paragraphs[0][1];
  EXPECT_EQ(link.kind, InlineKind::Link);
  EXPECT_EQ(link.target(), "https://example.org/lakes_report.pdf");
  EXPECT_EQ(model::plain_text(link.children), "https://example.org/lakes_report.pdf");
  EXPECT_EQ(all_text(d).find("---"), std::string::npos);
  EXPECT_TRUE(d.diagnostics.empty());
}

// Shape 2: pdftotext, hard-wrapped with blank lines between, paragraphs marked by a leading space and ended
// by a trailing one, markers as bare numbers on their own line or glued to the text.
TEST(RawShapes, PdftotextResolution) {
  std::string text =
      " 71/345. 荒漠化问题 \n\n"
      " 大会， \n\n"
      " 回顾其 2019 年 12 月 19 日第 74/220 号决议， \n\n"
      " 重申《防治荒漠化公约》\n"
      "1 \n"
      "是处理土地退化问题的唯一具有法律约束力的国际\n\n"
      "文书，并注意到《土地退化零增长框架》》2 的执行，其中第 2 段和 2030 年具体目\n\n"
      "标 15.3 至关重要， \n\n"
      " 1. 注意到秘书长的报告；\n"
      "3\n"
      " \n\n"
      " 2. 鼓励各国政府，包括通过《防治荒漠化公约》\n"
      "1 \n"
      "的机制，提高认识，加强防\n\n"
      "                                                           \n"
      "1\n"
      " 联合国，《条约汇编》，第 1954 卷，\n\n"
      "第 33480 号。 \n\n"
      "2\n"
      " ICCD/COP(12)/20/Add.1。 \n\n"
      "3\n"
      " A/71/255。 \n"
      " 备，改善基本设施； \n\n"
      " 3. 请秘书长向大会第七十三届会议提出报告。 \n\n"
      " \n\n"
      "2016 年 12 月 21 日 \n"
      "第 66 次全体会议 \n";
  model::Document d = read_text(text);
  EXPECT_EQ(d.meta.symbol, "A/RES/71/345");
  EXPECT_EQ(d.meta.session, "第七十一届会议");
  EXPECT_EQ(d.meta.date, "2016-12-21");
  EXPECT_EQ(d.meta.meeting, "第 66 次全体会议");
  EXPECT_EQ(ids(d), "formula preamble__p_1 preamble__p_2 para_1 para_2 para_3 p_1 ");
  EXPECT_EQ(marked(d.find_block("preamble__p_2")->content),
            "重申《防治荒漠化公约》[^1]是处理土地退化问题的唯一具有法律约束力的国际文书，并注意到《土地退化零增长框架》》[^2]的执行，"
            "其中第 2 段和 2030 年具体目标 15.3 至关重要，");
  EXPECT_EQ(marked(d.find_block("para_1")->content), "注意到秘书长的报告；[^3]");
  EXPECT_EQ(marked(d.find_block("para_2")->content),
            "鼓励各国政府，包括通过《防治荒漠化公约》[^1]的机制，提高认识，加强防备，改善基本设施；");
  ASSERT_EQ(d.footnotes.size(), 3u);
  EXPECT_EQ(marked(d.footnotes[0].paragraphs[0]), "联合国，《条约汇编》，第 1954 卷，第 33480 号。");
  EXPECT_EQ(d.footnotes[2].label, "3");
  EXPECT_EQ(d.find_block("p_1")->content[1].kind, InlineKind::LineBreak);
  EXPECT_TRUE(d.diagnostics.empty()) << d.diagnostics.front().str();
}

// Shape 3: a report with sections, a running header and footer, stray link lines, lettered lists, glued
// markers, and a footnote marker with no definition.
TEST(RawShapes, ReportWithSections) {
  std::string text =
      " 第七十四届会议 \n\n"
      "临时议程项目 19(c) \n\n"
      "可持续发展：减少灾害风险 \n\n"
      "  减少灾害风险国际战略的执行情况 \n\n"
      "  秘书长的报告 \n\n"
      "本报告根据大会第 73/231 号决议提交。 \n"
      "  一. 导言 \n\n"
      "1. 大会在其第 73/231 号决议中请秘书长提交报告。本报告就是应此请求编写\n\n"
      "的。 \n\n"
      " A. 背景 \n\n"
      " 1. 全球趋势 \n\n"
      "2. 2018 年共发生 315 起灾害，有 1 个区域受灾最重，影响超过 6 800 万人。\n\n"
      "3. 各国报告的进展见《全球评估报告》1，其中包括：\n\n"
      "(a) 早期预警系统的覆盖率提高；\n\n"
      "(b) 地方战略的数量增加；\n\n"
      "https://undocs.org/ch/A/RES/73/231\n"
      " (c) 私营部门的参与扩大。 \n\n"
      " 2. 区域平台 \n\n"
      "4. 区域平台在亚洲和非洲举行了会议2，参加者超过 4 000 人。 \n\n"
      "__________________ \n\n"
      " 1 联合国出版物，出售品编号：C.19.III.M.2。 \n\n"
      " 2 见 www.example.org/platforms。 \n\n"
      " A/74/248 \n\n"
      " 3/4 19-12345 (C) \n\n"
      "  二. 结论 \n\n"
      "5. 大会不妨请会员国加大投资力度*。 \n";
  model::Document d = read_text(text);
  EXPECT_EQ(d.meta.symbol, "A/74/248");
  EXPECT_EQ(d.meta.kind, "report");
  EXPECT_EQ(d.meta.title, "减少灾害风险国际战略的执行情况");
  EXPECT_EQ(d.meta.agenda_item, "19(c) 可持续发展：减少灾害风险");
  EXPECT_EQ(ids(d), "preamble__p_1 sec_1 para_1 sec_2 sec_3 para_2 para_3 para_3__point_a para_3__point_b "
                    "para_3__point_c sec_4 para_4 sec_5 para_5 ");
  const model::Block* h = d.find_block("sec_3");
  EXPECT_EQ(h->number, "1");
  EXPECT_EQ(h->level, 3);
  EXPECT_EQ(d.find_block("sec_1")->number, "一");
  EXPECT_EQ(text_of(d, "para_1"), "大会在其第 73/231 号决议中请秘书长提交报告。本报告就是应此请求编写的。");
  EXPECT_EQ(text_of(d, "para_2"), "2018 年共发生 315 起灾害，有 1 个区域受灾最重，影响超过 6 800 万人。");
  EXPECT_EQ(marked(d.find_block("para_3")->content), "各国报告的进展见《全球评估报告》[^1]，其中包括：");
  EXPECT_EQ(marked(d.find_block("para_4")->content), "区域平台在亚洲和非洲举行了会议[^2]，参加者超过 4 000 人。");
  ASSERT_EQ(d.footnotes.size(), 2u);
  std::string all = all_text(d);
  for (std::string furniture : {"A/74/248", "19-12345", "undocs.org", "____"}) EXPECT_EQ(all.find(furniture), std::string::npos) << furniture;
  ASSERT_EQ(d.stray_links.size(), 1u);
  EXPECT_EQ(d.stray_links[0].url, "https://undocs.org/ch/A/RES/73/231");
  // The link's page holds the paragraphs from the section heading to (b).
  EXPECT_EQ(d.blocks[d.stray_links[0].first_block].id, "sec_1");  // the intro was on the cover page
  EXPECT_EQ(d.blocks[d.stray_links[0].end_block - 1].id, "para_3__point_b");
  // The "*" has no footnote: kept in the text, with a warning naming the line.
  EXPECT_NE(text_of(d, "para_5").find("*"), std::string::npos);
  ASSERT_EQ(d.diagnostics.size(), 1u);
  EXPECT_EQ(d.diagnostics[0].where.line, 49);
}

// Shape 2 without the double spacing: pdftotext as most versions write it, paragraphs separated by blank
// lines, a form feed between pages, no trailing spaces.
TEST(RawShapes, PdftotextSingleSpaced) {
  std::string text =
      "58/12. 海洋与海洋法\n"
      "\n"
      "大会，\n"
      "\n"
      "回顾其关于海洋与海洋法的各项决议，包括 2002 年 12 月 12 日第\n"
      "57/141 号决议，\n"
      "\n"
      "1. 重申《联合国海洋法公约》\n"
      "1\n"
      "的普遍性和统一性，并重申其对\n"
      "\n"
      "__________\n"
      "1 联合国，《条约汇编》，第 1833 卷，第 31363 号。\n"
      "\f海洋活动的重要性；\n"
      "\n"
      "2. 请秘书长向大会第五十九届会议提出报告。\n";
  model::Document d = read_text(text);
  EXPECT_EQ(d.meta.symbol, "A/RES/58/12");
  EXPECT_EQ(ids(d), "formula preamble__p_1 para_1 para_2 ");
  EXPECT_EQ(text_of(d, "preamble__p_1"), "回顾其关于海洋与海洋法的各项决议，包括 2002 年 12 月 12 日第 57/141 号决议，");
  EXPECT_EQ(marked(d.find_block("para_1")->content), "重申《联合国海洋法公约》[^1]的普遍性和统一性，并重申其对海洋活动的重要性；");
  ASSERT_EQ(d.footnotes.size(), 1u);
  EXPECT_EQ(marked(d.footnotes[0].paragraphs[0]), "联合国，《条约汇编》，第 1833 卷，第 31363 号。");
}

// A converter may write a whole document on a few enormous lines: nothing may recurse per character.
TEST(RawShapes, VeryLongLinesAreRead) {
  std::string huge(200000, 'x');
  std::string cn;
  for (int i = 0; i < 30000; ++i) cn += "报告";
  std::string text = "[根据" + cn + "通过]\n\n大会，\n\n1 " + huge + "\n\n**" + huge + "\n\n[" + huge + "](#)\n\n" +
                     "2025 年 12 月 15 日" + cn + "决议\n\nhttps://" + huge + "\n";
  model::Document d = read_text(text);
  std::size_t kept = 0;
  for (const auto& b : d.blocks) kept += model::plain_text(b.content).size();
  EXPECT_GE(kept, 3 * huge.size());  // no text lost either
  EXPECT_EQ(d.stray_links.size(), 0u);  // a 200 000-character "URL" is not a stray link line
}
