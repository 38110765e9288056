// Search normalization and units: what the index stores must be what the browser computes for a query.
#include <gtest/gtest.h>

#include "analyze/search/codec.hpp"
#include "analyze/search/text.hpp"

using namespace acta::analyze::search;

namespace {
std::vector<std::string> keys(const std::vector<Entry>& es) {
  std::vector<std::string> out;
  for (const auto& e : es) out.push_back(key_text(e) + "@" + std::to_string(e.pos));
  return out;
}
std::vector<std::string> unit_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& u : units(normalize(text))) out.push_back((u.word ? "w:" : "c:") + u.text);
  return out;
}
}  // namespace

TEST(SearchNormalize, FullWidthCaseAndCompatibilityForms) {
  EXPECT_EQ(normalize("ＣＯＶＩＤ－１９"), "covid-19");
  EXPECT_EQ(normalize("Ａ／ＲＥＳ／７１／２２８"), "a/res/71/228");
  EXPECT_EQ(normalize("A/RES/71/228"), "a/res/71/228");
  EXPECT_EQ(normalize("冰川　融化"), "冰川 融化");        // ideographic space becomes a space
  EXPECT_EQ(normalize("¹²"), "12");                        // superscript footnote marks are digits
  EXPECT_EQ(normalize("㈠"), "(一)");
  EXPECT_EQ(normalize("冰\u200B川"), "冰川");              // zero-width space is invisible
  EXPECT_EQ(normalize("ΣΑΣ"), "σας");                      // full lowercase with final sigma, as JS does
}

TEST(SearchUnits, WordsAndCharacters) {
  EXPECT_EQ(unit_texts("第 62/196 号决议"),
            (std::vector<std::string>{"c:第", "w:62", "c:/", "w:196", "c:号", "c:决", "c:议"}));
  EXPECT_EQ(unit_texts("COVID-19 大流行"), (std::vector<std::string>{"w:covid", "c:-", "w:19", "c:大", "c:流", "c:行"}));
  EXPECT_EQ(unit_texts("  "), std::vector<std::string>{});
}

TEST(SearchEntries, EveryCharacterAloneAndWithTheNext) {
  EXPECT_EQ(keys(entries("冰川融化")),
            (std::vector<std::string>{"冰川@0", "冰@0", "川融@1", "川@1", "融化@2", "融@2", "化@3"}));
  EXPECT_EQ(keys(entries("2025年12月")),
            (std::vector<std::string>{"2025年@0", "2025@0", "年12@1", "年@1", "12月@2", "12@2", "月@3"}));
  EXPECT_EQ(keys(entries("第62/196号")), (std::vector<std::string>{"第62@0", "第@0", "62/@1", "62@1", "/196@2", "/@2",
                                                                    "196号@3", "196@3", "号@4"}));
}

TEST(SearchEntries, LineBreaksAndSpacesTakeNoPosition) {
  // A phrase split by a line break (or a stray space) in the source is still one run of positions.
  EXPECT_EQ(keys(entries("淡水\n资源")), keys(entries("淡水资源")));
  EXPECT_EQ(keys(entries("第 62/196 号")), keys(entries("第62/196号")));
  std::vector<Entry> es;
  EXPECT_EQ(entries("山区 可持续", es, 10), 5u);
  EXPECT_EQ(es.front().pos, 10u);
  EXPECT_EQ(es.back().pos, 14u);
  EXPECT_EQ(es.size(), 9u);  // five characters, four pairs (spaces take no position)
}

TEST(SearchCodec, RoundTripsAndStaysPrintable) {
  std::string s;
  std::vector<std::uint64_t> values = {0, 1, 63, 64, 1791, 1792, 50175, 50176, 123456789};
  for (auto v : values) put(s, v);
  for (char c : s) {
    EXPECT_NE(c, '"');
    EXPECT_NE(c, '\\');
    EXPECT_GT(c, ' ');
  }
  std::size_t i = 0;
  for (auto v : values) EXPECT_EQ(get(s, i), v);
  EXPECT_EQ(i, s.size());
  std::string one;
  put(one, 63);
  EXPECT_EQ(one.size(), 1u);
  std::string two;
  put(two, 1791);
  EXPECT_EQ(two.size(), 2u);
}
