#include <gtest/gtest.h>

#include "read/front_matter.hpp"
#include "read/markdown.hpp"
#include "util/error.hpp"

using namespace acta;

namespace {
std::string error_of(const std::string& text) {
  try {
    read::read_markdown(text, "doc.md");
  } catch (const SourceError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(FrontMatter, ValidKeysAreRead) {
  auto doc = read::read_markdown(R"X(---
symbol: A/RES/62/196
title: 山区可持续发展
body: 大会
date: 2007-12-19
session: 第六十二届会议
agenda_item: "54 (g)"
kind: resolution
topics: [mountains]
---

大会，

回顾其决议，
)X",
                                 "doc.md");
  EXPECT_EQ(doc.meta.symbol, "A/RES/62/196");
  EXPECT_EQ(doc.meta.title, "山区可持续发展");
  EXPECT_EQ(doc.meta.date, "2007-12-19");
  EXPECT_EQ(doc.meta.agenda_item, "54 (g)");
  EXPECT_EQ(doc.meta.topics.size(), 1u);
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[0].line, 12);
}

TEST(FrontMatter, NoFrontMatterIsFine) {
  auto doc = read::read_markdown("大会，\n\n回顾。\n", "doc.md");
  EXPECT_TRUE(doc.meta.symbol.empty());
  EXPECT_EQ(doc.blocks.size(), 2u);
}

TEST(FrontMatter, MalformedYamlReportsFileLine) {
  auto e = error_of("---\ntitle: 山区\nsymbol: [A/RES/1\ndate: 2020-01-01\n---\n正文\n");
  EXPECT_NE(e.find("doc.md:"), std::string::npos) << e;
  EXPECT_NE(e.find("malformed YAML"), std::string::npos) << e;
  // The line is counted in the file, not in the YAML block.
  auto colon = e.find("doc.md:") + 7;
  int line = std::stoi(e.substr(colon));
  EXPECT_GE(line, 3);
  EXPECT_LE(line, 5);
}

TEST(FrontMatter, MissingClosingFence) {
  auto e = error_of("---\ntitle: 山区\n\n正文\n");
  EXPECT_NE(e.find("doc.md:1"), std::string::npos) << e;
  EXPECT_NE(e.find("never closed"), std::string::npos) << e;
}

TEST(FrontMatter, UnknownKeyAndBadDate) {
  auto e = error_of("---\ntitle: 山区\nsymbl: A/1\n---\n正文\n");
  EXPECT_NE(e.find("doc.md:3"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown key 'symbl'"), std::string::npos) << e;
  e = error_of("---\ndate: 15 December 2025\n---\n正文\n");
  EXPECT_NE(e.find("doc.md:2"), std::string::npos) << e;
  EXPECT_NE(e.find("YYYY-MM-DD"), std::string::npos) << e;
}

TEST(FrontMatter, SidecarAnnotations) {
  auto mf = read::parse_metadata("date: 2020-01-02\nannotations:\n  - anchor: para_1\n    note: 见 **第 2 段**\n    author: 编辑部\n    date: 2026-01-01\n",
                                 "doc.yaml", 1, true);
  ASSERT_EQ(mf.annotations.size(), 1u);
  EXPECT_EQ(mf.annotations[0].anchor, "para_1");
  EXPECT_EQ(mf.annotations[0].where.line, 3);
  EXPECT_EQ(mf.keys_set.size(), 2u);
  EXPECT_THROW(read::parse_metadata("annotations:\n  - note: x\n", "doc.yaml", 1, true), SourceError);
  EXPECT_THROW(read::parse_metadata("annotations: []\n", "doc.md", 2, false), SourceError);
}
