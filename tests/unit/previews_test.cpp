// Citation previews read the search's files (write/search_files.hpp): search/p/<bucket>.js maps a slug to
// its document's number, and search/t/<N>.js holds the symbol, title, date as shown and every anchor's text
// with its label, from which assets/previews.js makes the popup.
#include <gtest/gtest.h>

#include <set>

#include "read/markdown.hpp"
#include "write/json.hpp"
#include "write/search_files.hpp"

using namespace acta;

TEST(Previews, JsonStringEscapesEverythingAScriptCouldMisread) {
  EXPECT_EQ(write::json_string("山区"), "\"山区\"");
  EXPECT_EQ(write::json_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(write::json_string("</script><b>"), "\"\\u003c/script>\\u003cb>\"");
  EXPECT_EQ(write::json_string("x\ny\t\x01"), "\"x\\ny\\t\\u0001\"");
  EXPECT_EQ(write::json_string("a\xE2\x80\xA8" "b\xE2\x80\xA9" "c"), "\"a\\u2028b\\u2029c\"");
}

TEST(Previews, TheTextHoldsWhatAPreviewShows) {
  auto doc = read::read_markdown(R"X(---
symbol: A/RES/62/196
title: 山区"可持续"发展
date: 2007-12-19
---

大会，

回顾其决议<script>，

1. 注意到**报告**[^1]；

2. 鼓励各国：

(a) 制订战略；

[^1]: 脚注。
)X",
                                 "doc.md");
  doc.slug = "a-res-62-196";
  model::assign_ids(doc);
  model::assign_footnote_ids(doc);
  std::string json = write::text_json(doc);
  EXPECT_NE(json.find("\"s\":\"A/RES/62/196\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"t\":\"山区\\\"可持续\\\"发展\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"d\":\"2007-12-19\",\"D\":\"2007年12月19日\""), std::string::npos) << json;
  // Each anchor with its label (previews.js puts "1. " and "(a) " before the text from them) and its text,
  // footnote labels left out of it.
  EXPECT_NE(json.find("\"preamble__p_1\",\"序言第 1 段\",\"回顾其决议\\u003cscript>，\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"para_1\",\"第 1 段\",\"注意到报告；\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"para_2__point_a\",\"第 2 段 (a)\",\"制订战略；\""), std::string::npos) << json;
  EXPECT_NE(json.find(",\"脚注 1\",\"脚注。\""), std::string::npos) << json;
}

TEST(Previews, SlugBucketIsFnv1aOfTheUtf8Bytes) {
  // The published FNV-1a (32-bit) values, modulo the bucket count: previews.js computes the same.
  EXPECT_EQ(write::kSlugBuckets, 256u);
  EXPECT_EQ(write::slug_bucket(""), 0x811c9dc5u % 256);
  EXPECT_EQ(write::slug_bucket("a"), 0xe40c292cu % 256);
  EXPECT_EQ(write::slug_bucket("foobar"), 0xbf9cf968u % 256);
}

TEST(Previews, EverySlugIsInItsBucketWithItsNumber) {
  model::Archive archive;
  std::vector<std::string> slugs;
  for (int i = 0; i < 600; ++i) slugs.push_back("a-res-" + std::to_string(60 + i % 20) + "-" + std::to_string(i));
  slugs.push_back("say-\"hi\"");
  slugs.push_back("山区");
  for (const auto& s : slugs) {
    model::Document d;
    d.slug = s;
    archive.documents.push_back(std::move(d));
  }
  auto buckets = write::slug_bucket_json(archive);
  ASSERT_EQ(buckets.size(), write::kSlugBuckets);
  std::size_t entries = 0, used = 0;
  for (const auto& b : buckets) {
    if (b.empty()) continue;
    ++used;
    EXPECT_EQ(b.front(), '{');
    EXPECT_EQ(b.back(), '}');
    for (char c : b) entries += c == ':';
  }
  EXPECT_EQ(entries, slugs.size());
  EXPECT_GT(used, 200u);  // 602 slugs spread over most of the 256 buckets
  for (std::size_t i = 0; i < slugs.size(); ++i) {
    const std::string& b = buckets[write::slug_bucket(slugs[i])];
    const std::string entry = write::json_string(slugs[i]) + ":" + std::to_string(i);
    const auto at = b.find(entry);
    ASSERT_NE(at, std::string::npos) << slugs[i] << " in " << b;
    const char after = b[at + entry.size()];
    EXPECT_TRUE(after == ',' || after == '}') << b;  // not a longer number
  }
}
