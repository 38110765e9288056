// Excerpts with highlighted topic terms: escaped text, <mark> around hits, cut around the first hit.
#include <gtest/gtest.h>

#include "write/highlight.hpp"
#include "write/place_label.hpp"

using acta::model::TermHit;
using acta::write::highlighted_excerpt;

TEST(Highlight, EscapesTextAndMarksHits) {
  std::string text = "<b>山区</b> & 冰川";
  std::vector<TermHit> hits{{3, 9}, {16, 22}};
  EXPECT_EQ(highlighted_excerpt(text, hits), "&lt;b&gt;<mark>山区</mark>&lt;/b&gt; &amp; <mark>冰川</mark>");
}

TEST(Highlight, CutsAroundTheFirstHit) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "文";
  std::size_t at = text.size();
  text += "山区";
  for (int i = 0; i < 100; ++i) text += "字";
  acta::write::ExcerptOptions o;
  o.max_chars = 20;
  o.before = 5;
  std::string html = highlighted_excerpt(text, {{at, at + 6}}, o);
  EXPECT_EQ(html, "…文文文文文<mark>山区</mark>字字字字字字字字字字字字字…");
  // A short text is shown whole.
  EXPECT_EQ(highlighted_excerpt("水和卫生", {{0, 3}}), "<mark>水</mark>和卫生");
  // Line breaks show as a space.
  EXPECT_EQ(highlighted_excerpt("一\n二", {}), "一 二");
}

// One label function for every place a page links to a paragraph (topic excerpts, cited-by, citations).
TEST(Highlight, PlaceLabels) {
  using acta::write::place_label;
  EXPECT_EQ(place_label("para_12"), "第 12 段");
  EXPECT_EQ(place_label("para_2__point_a"), "第 2 段 (a)");
  EXPECT_EQ(place_label("preamble__p_3"), "序言第 3 段");
  EXPECT_EQ(place_label("para_13_2"), "第 13 段（之 2）");
  EXPECT_EQ(place_label("para_13_2__point_b"), "第 13 段（之 2） (b)");
  EXPECT_EQ(place_label("p_4"), "正文第 4 节");
  EXPECT_EQ(place_label("fn_16"), "脚注 16");
  EXPECT_EQ(place_label("fn_star"), "脚注 *");
  EXPECT_EQ(place_label("sec_2"), "标题 2");
  EXPECT_EQ(place_label("formula"), "开头");
  // Anything else is shown as it is.
  EXPECT_EQ(place_label("para_"), "para_");
  EXPECT_EQ(place_label("preamble__p_x"), "preamble__p_x");
  EXPECT_EQ(place_label("para_1 2"), "para_1 2");
  EXPECT_EQ(place_label("toc"), "toc");
}
