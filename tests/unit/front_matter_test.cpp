#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

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

namespace {
bool same(const read::MetadataFile& a, const read::MetadataFile& b) {
  const auto& x = a.meta;
  const auto& y = b.meta;
  return x.symbol == y.symbol && x.title == y.title && x.body == y.body && x.date == y.date && x.session == y.session &&
         x.agenda_item == y.agenda_item && x.kind == y.kind && x.meeting == y.meeting && x.topics == y.topics &&
         a.slug == b.slug && a.keys_set == b.keys_set && a.annotations.empty() && b.annotations.empty();
}
}  // namespace

// The fast path (no yaml-cpp) on generated front matter: whatever it accepts, yaml-cpp reads the same; what it
// declines, parse_metadata still reads (or rejects) as yaml-cpp does. Values mix quoting styles, characters that
// mean something to YAML, null forms, dates good and bad, flow lists, comments, blank lines and CRLF.
TEST(FrontMatter, TheFastPathReadsWhatYamlReads) {
  const std::vector<std::string> keys = {"symbol", "title", "body", "date", "session", "agenda_item", "kind",
                                         "meeting", "slug", "topics", "unknown_key", "annotations"};
  const std::vector<std::string> texts = {
      "国际山日", "A/RES/60/100", "54 (g)", "a: b", "a:b", "x #y", "x#y", "C#", "-1", "- x", "? q", ": q", "[a, b]",
      "{a: b}", "a[b]", "&anchor", "*alias", "!tag x", "|", ">", "%x", "@x", "`x", "~", "null", "Null", "NULL", "true",
      "0x1F", "1e3", "2007-12-19", "2007-13-01", "2007-12-32", "07-12-19", "a-res-60-1", "A-Res", "a..b", "a.b_c-d",
      "ends:", "tab\there", "sp  aces", "'single'", "\"double\"", "back\\slash", "it's", "say \"hi\"", "a,b",
      "\xC2\x85nel", "\xE2\x80\xA8ls", "\xEF\xBB\xBF" "bom", "", " ", "#comment"};
  std::mt19937 rng(20261207);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  auto quoted = [&](const std::string& t) {
    switch (pick(3)) {
      case 0: return t;
      case 1: return "\"" + t + "\"";
      default: return "'" + t + "'";
    }
  };
  std::size_t fast = 0, declined = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string yaml;
    const std::size_t lines = pick(7);
    for (std::size_t l = 0; l < lines; ++l) {
      switch (pick(10)) {
        case 0: yaml += pick(2) ? "\n" : "  # a comment\n"; continue;
        case 1: {  // a flow list
          std::string list = "[";
          const std::size_t n = pick(4);
          for (std::size_t i = 0; i < n; ++i) list += (i ? (pick(2) ? ", " : ",") : "") + quoted(texts[pick(texts.size())]);
          yaml += keys[pick(keys.size())] + ": " + list + (pick(4) ? "]" : " ]") + (pick(5) ? "\n" : "\r\n");
          continue;
        }
        default: {
          // Mostly known keys with plain or quoted texts; now and then a space less or more around the colon.
          const std::string& key = pick(6) ? keys[pick(4) == 0 ? 9 : pick(9)] : keys[pick(keys.size())];
          const std::string sep = pick(12) == 0 ? ":" : pick(12) == 0 ? " : " : ": ";
          yaml += key + sep + quoted(texts[pick(texts.size())]) + (pick(8) ? "" : "  ") + (pick(5) ? "\n" : "\r\n");
        }
      }
    }
    std::optional<read::MetadataFile> yaml_cpp;
    try {
      yaml_cpp = read::parse_yaml_metadata(yaml, "doc.md", 2, false);
    } catch (const SourceError&) {
    }
    const auto simple = read::parse_simple_metadata(yaml);
    if (simple) {
      ++fast;
      ASSERT_TRUE(yaml_cpp) << "the fast path read what yaml-cpp rejects:\n" << yaml;
      ASSERT_TRUE(same(*simple, *yaml_cpp)) << "the fast path read otherwise than yaml-cpp:\n" << yaml;
    } else {
      ++declined;
    }
    // parse_metadata as a whole: the same as yaml-cpp, including its errors.
    if (yaml_cpp) {
      ASSERT_TRUE(same(read::parse_metadata(yaml, "doc.md", 2, false), *yaml_cpp)) << yaml;
    } else {
      ASSERT_THROW(read::parse_metadata(yaml, "doc.md", 2, false), SourceError) << yaml;
    }
  }
  // Both paths were taken many times over (a fast path never taken would prove nothing).
  EXPECT_GT(fast, 400u);
  EXPECT_GT(declined, 400u);
}

TEST(FrontMatter, TheFastPathTakesTheCommonForms) {
  auto mf = read::parse_simple_metadata(
      "title: \"国际山日\"\nsymbol: 'A/RES/60/100'\ndate: 2005-12-14\r\n# a note\n\nbody: 大会\ntopics: [\"mountains\", water , 'climate']\n"
      "session:\nslug: a-res-60-100\n");
  ASSERT_TRUE(mf);
  EXPECT_EQ(mf->meta.title, "国际山日");
  EXPECT_EQ(mf->meta.symbol, "A/RES/60/100");
  EXPECT_EQ(mf->meta.date, "2005-12-14");
  EXPECT_EQ(mf->meta.body, "大会");
  EXPECT_EQ(mf->meta.topics, (std::vector<std::string>{"mountains", "water", "climate"}));
  EXPECT_EQ(mf->slug, "a-res-60-100");
  EXPECT_EQ(mf->keys_set, (std::vector<std::string>{"title", "symbol", "date", "body", "topics", "slug"}));
  // Declined, for yaml-cpp to read or report: escapes, block lists, annotations, a bad date, an unknown key.
  for (const char* y : {"title: \"a\\\"b\"\n", "topics:\n  - mountains\n", "annotations: []\n", "date: 2005-13-01\n",
                        "colour: red\n", "title: a # note\n", "title: |\n  text\n"})
    EXPECT_FALSE(read::parse_simple_metadata(y)) << y;
}
