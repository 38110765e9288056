// Citation preview data: previews/<slug>.js holds a document's symbol, title, date and paragraph texts as
// JSON string literals that are safe in a script and shown as text.
#include <gtest/gtest.h>

#include "read/markdown.hpp"
#include "write/previews.hpp"
#include "write/json.hpp"

using namespace acta;

TEST(Previews, JsonStringEscapesEverythingAScriptCouldMisread) {
  EXPECT_EQ(write::json_string("山区"), "\"山区\"");
  EXPECT_EQ(write::json_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(write::json_string("</script><b>"), "\"\\u003c/script>\\u003cb>\"");
  EXPECT_EQ(write::json_string("x\ny\t\x01"), "\"x\\ny\\t\\u0001\"");
  EXPECT_EQ(write::json_string("a\xE2\x80\xA8" "b\xE2\x80\xA9" "c"), "\"a\\u2028b\\u2029c\"");
}

TEST(Previews, ScriptHoldsMetadataAndParagraphTextsById) {
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
  std::string js = write::preview_script(doc);
  EXPECT_EQ(js.find("<"), std::string::npos) << js;
  EXPECT_NE(js.find("window.ActaPreviews && window.ActaPreviews.add(\"a-res-62-196\","), std::string::npos) << js;
  EXPECT_NE(js.find("\"symbol\":\"A/RES/62/196\""), std::string::npos) << js;
  EXPECT_NE(js.find("\"title\":\"山区\\\"可持续\\\"发展\""), std::string::npos) << js;
  EXPECT_NE(js.find("\"date\":\"2007年12月19日\""), std::string::npos) << js;
  EXPECT_NE(js.find("\"preamble__p_1\":\"回顾其决议\\u003cscript>，\""), std::string::npos) << js;
  // Numbers as on the page; footnote labels left out.
  EXPECT_NE(js.find("\"para_1\":\"1. 注意到报告；\""), std::string::npos) << js;
  EXPECT_NE(js.find("\"para_2__point_a\":\"(a) 制订战略；\""), std::string::npos) << js;
  EXPECT_EQ(js.find("脚注"), std::string::npos) << js;
}

TEST(Previews, LongParagraphsAreCutJustPastWhatThePopupShows) {
  // The popup shows 280 characters and an ellipsis when there are more; the file keeps one more character
  // so the script knows, and nothing after it.
  std::string long_text;
  for (int i = 0; i < 400; ++i) long_text += (i % 2 ? "山" : "x");
  auto doc = read::read_markdown("---\ntitle: t\n---\n\n" + long_text + "\n", "doc.md");
  doc.slug = "d";
  model::assign_ids(doc);
  std::string js = write::preview_script(doc);
  std::string kept;
  for (int i = 0; i < 281; ++i) kept += (i % 2 ? "山" : "x");
  EXPECT_NE(js.find("\"" + kept + "\""), std::string::npos) << js;
  EXPECT_EQ(js.find(kept + "x"), std::string::npos) << js;
}

// Only the start of a long text is copied (four bytes a character at most): the cut is the same whatever
// the characters' sizes, across formatting, after a paragraph's number and across a table's cells.
TEST(Previews, TheCutCountsCharactersOfEverySize) {
  auto kept_of = [](const std::string& js, const std::string& id) {
    const std::string key = "\"" + id + "\":\"";
    const auto at = js.find(key);
    if (at == std::string::npos) return std::string("(missing)");
    return js.substr(at + key.size(), js.find('"', at + key.size()) - at - key.size());
  };
  auto chars = [](const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  };
  std::string wide, mixed;
  for (int i = 0; i < 400; ++i) wide += "𠀀";                                 // four bytes each
  for (int i = 0; i < 150; ++i) mixed += i % 3 ? "山*区*" : "é**x**";       // pieces of every size
  std::string row1 = "| " + wide.substr(0, 4 * 200) + " | " + wide.substr(0, 4 * 150) + " |";
  auto doc = read::read_markdown("---\ntitle: t\n---\n\n12. " + wide + "\n\n" + mixed + "\n\n| a | b |\n|---|---|\n" + row1 + "\n",
                                 "doc.md");
  doc.slug = "d";
  model::assign_ids(doc);
  std::string js = write::preview_script(doc);
  std::string numbered = kept_of(js, "para_12");
  EXPECT_EQ(numbered, "12. " + wide.substr(0, 4 * 277)) << js;  // 281 characters with the number
  std::string formatted;
  for (int i = 0; i < 150; ++i) formatted += i % 3 ? "山区" : "éx";
  std::string cut;
  for (std::size_t i = 0, n = 0; n < 281; ++n) {  // the first 281 characters of `formatted`
    std::size_t len = (static_cast<unsigned char>(formatted[i]) >= 0xE0) ? 3 : (static_cast<unsigned char>(formatted[i]) >= 0xC0 ? 2 : 1);
    cut += formatted.substr(i, len);
    i += len;
  }
  bool found_formatted = js.find("\"" + cut + "\"") != std::string::npos;
  EXPECT_TRUE(found_formatted) << js;
  bool found_table = false;
  for (const auto& b : doc.blocks)
    if (b.kind == model::BlockKind::Table) {
      std::string table = kept_of(js, b.id);
      EXPECT_EQ(chars(table), 281u) << table;
      EXPECT_EQ(table.rfind("a b ", 0), 0u) << table;  // the cells joined by spaces
      found_table = true;
    }
  EXPECT_TRUE(found_table) << js;
}
