#include <gtest/gtest.h>

#include "model/document.hpp"
#include "read/markdown.hpp"
#include "read/paragraphs.hpp"

using namespace acta;
using model::BlockKind;

TEST(Paragraphs, ClassifyLead) {
  auto l = read::classify_lead("12. 鼓励各国政府");
  EXPECT_EQ(l.kind, BlockKind::Numbered);
  EXPECT_EQ(l.number, "12");
  EXPECT_EQ(std::string("12. 鼓励各国政府").substr(l.length), "鼓励各国政府");
  EXPECT_EQ(read::classify_lead(" 3.注意到").kind, BlockKind::Numbered);
  EXPECT_EQ(read::classify_lead("(b) 作为京都议定书").number, "b");
  EXPECT_EQ(read::classify_lead("（c）附属履行机构").kind, BlockKind::Subparagraph);
  EXPECT_EQ(read::classify_lead("(aa) 第二十七项").number, "aa");
  // Not paragraph marks: numbers in text, decimals, years, upper-case letters.
  EXPECT_EQ(read::classify_lead("15.3 万").kind, BlockKind::Plain);
  EXPECT_EQ(read::classify_lead("2024. 年").kind, BlockKind::Plain);
  EXPECT_EQ(read::classify_lead("1998 年 11 月").kind, BlockKind::Plain);
  EXPECT_EQ(read::classify_lead("(A) 标题").kind, BlockKind::Plain);
  EXPECT_EQ(read::classify_lead("0. 零").kind, BlockKind::Plain);
  EXPECT_EQ(read::classify_lead("回顾其决议").kind, BlockKind::Plain);
}

TEST(Paragraphs, Formula) {
  EXPECT_TRUE(read::is_formula("大会，"));
  EXPECT_TRUE(read::is_formula("联合国人居大会，"));
  EXPECT_FALSE(read::is_formula("回顾其 1998 年 11 月 10 日第 53/24 号、2000 年 12 月 20 日第 55/189 号决议，"));
  EXPECT_FALSE(read::is_formula("注意到。"));
}

TEST(Paragraphs, MarkdownStructureAndIds) {
  auto doc = read::read_markdown(R"X(大会，

回顾其决议，

重申，

1. 鼓励各国；

2. 又鼓励：

(a) 第一项；

(b) 第二项；

3. 决定。
)X",
                                 "t.md");
  model::assign_ids(doc);
  std::vector<std::string> ids;
  for (const auto& b : doc.blocks) ids.push_back(b.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"formula", "preamble__p_1", "preamble__p_2", "para_1", "para_2",
                                           "para_2__point_a", "para_2__point_b", "para_3"}));
  EXPECT_EQ(model::plain_text(doc.blocks[5].content), "第一项；");
  EXPECT_EQ(model::plain_text(doc.blocks[3].content), "鼓励各国；");
}

TEST(Paragraphs, SoftBreaksJoinLikeCssText) {
  auto doc = read::read_markdown("可持续\n发展 and\nLatin\nwords，\n继续\n", "t.md");
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(model::plain_text(doc.blocks[0].content), "可持续发展 and Latin words，继续");
}

TEST(Paragraphs, DuplicateNumbersStayUnique) {
  auto doc = read::read_markdown("1. 甲\n\n1. 乙\n\n段落\n\n1. 丙\n", "t.md");
  model::assign_ids(doc);
  std::set<std::string> ids;
  for (const auto& b : doc.blocks) EXPECT_TRUE(ids.insert(b.id).second) << b.id;
}

TEST(Paragraphs, FootnotesKeepSourceLabels) {
  auto doc = read::read_markdown("正文[^7]与[^*]。\n\n[^*]: 星注\n[^7]: 第七注\n[^9]: 无引用\n", "t.md");
  ASSERT_EQ(doc.footnotes.size(), 2u);
  EXPECT_EQ(doc.footnotes[0].label, "7");
  EXPECT_EQ(model::plain_text(doc.footnotes[0].paragraphs[0]), "第七注");
  EXPECT_EQ(doc.footnotes[1].label, "*");
  model::assign_footnote_ids(doc);
  EXPECT_EQ(doc.footnotes[1].id, "fn_star");
  ASSERT_EQ(doc.diagnostics.size(), 1u);  // [^9] is never referenced
  EXPECT_NE(doc.diagnostics[0].message.find("never referenced"), std::string::npos);
  EXPECT_EQ(doc.diagnostics[0].where.line, 5);
}

TEST(Paragraphs, ReferenceWithoutDefinitionWarns) {
  auto doc = read::read_markdown("正文[^3]。\n", "t.md");
  ASSERT_EQ(doc.diagnostics.size(), 1u);
  EXPECT_NE(doc.diagnostics[0].message.find("no definition"), std::string::npos);
  EXPECT_EQ(doc.diagnostics[0].where.line, 1);
}

TEST(Paragraphs, CoverNotesBeforeTheFormula) {
  EXPECT_TRUE(read::is_cover_note("[根据第二委员会的报告(A/80/555, 第 7 段)通过]"));
  EXPECT_TRUE(read::is_cover_note("阿尔及利亚、安哥拉和津巴布韦："));
  EXPECT_FALSE(read::is_cover_note("回顾其决议，"));
  EXPECT_FALSE(read::is_cover_note("秘书长谨转递报告。"));
  auto doc = read::read_markdown("[根据报告通过]\n\n大会，\n\n回顾其决议，\n\n1. 决定。\n", "t.md");
  ASSERT_EQ(doc.blocks.size(), 4u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::Plain);
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::Formula);
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::Preamble);
  // A report: a sentence, then a short line ending in a colon, is no cover note and no formula.
  auto report = read::read_markdown("秘书长谨转递报告。\n\n其中包括：\n\n1. 导言。\n", "t.md");
  EXPECT_EQ(report.blocks[0].kind, BlockKind::Preamble);
  EXPECT_EQ(report.blocks[1].kind, BlockKind::Preamble);
  auto h = read::read_markdown("## B. 成果\n", "t.md");
  EXPECT_EQ(h.blocks[0].number, "B");
}

// Found by the Markdown fuzzer: thousands of nested block quotes overflowed the stack of the recursive
// conversion. Deep nesting now keeps its text as a flat paragraph.
TEST(Paragraphs, DeeplyNestedContainersKeepTheirText) {
  std::string quotes(100000, '>');
  auto doc = read::read_markdown(quotes + " 深处的文字\n", "t.md");
  std::string all;
  for (const auto& b : doc.blocks) all += model::plain_text(b.content);
  EXPECT_NE(all.find("深处的文字"), std::string::npos);

  std::string lists;
  for (int i = 0; i < 3000; ++i) lists += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- 项\n";
  auto listed = read::read_markdown(lists, "t.md");
  EXPECT_FALSE(listed.blocks.empty());

  std::string emphasis;
  for (int i = 0; i < 20000; ++i) emphasis += "*_";
  emphasis += "重点";
  for (int i = 0; i < 20000; ++i) emphasis += "_*";
  auto emphasized = read::read_markdown(emphasis + "\n", "t.md");
  ASSERT_FALSE(emphasized.blocks.empty());
  EXPECT_NE(model::plain_text(emphasized.blocks[0].content).find("重点"), std::string::npos);
}
