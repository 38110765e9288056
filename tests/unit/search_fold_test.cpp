// The search's normalization: the traditional -> simplified folding table (generated from ICU's
// transliterator when Acta is compiled) and the normalization that applies it, and the fast path.
#include <gtest/gtest.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <set>

#include "analyze/search/fold.hpp"
#include "analyze/search/text.hpp"
#include "util/utf8.hpp"

using namespace acta::analyze::search;

namespace {
char32_t fold(std::string_view utf8) {
  std::size_t i = 0;
  char32_t c = acta::utf8::next(utf8, i);
  EXPECT_EQ(i, utf8.size());
  return fold_traditional(c);
}
std::string str(char32_t c) { return acta::utf8::encode(c); }
const Options kFold{true};
}  // namespace

TEST(SearchFold, KnownPairs) {
  EXPECT_EQ(str(fold("發")), "发");
  EXPECT_EQ(str(fold("區")), "区");
  EXPECT_EQ(str(fold("體")), "体");
  EXPECT_EQ(str(fold("灣")), "湾");
  EXPECT_EQ(str(fold("國")), "国");
  EXPECT_EQ(str(fold("環")), "环");
}

TEST(SearchFold, SimplifiedLatinAndDigitsUnchanged) {
  for (const char* s : {"发", "区", "体", "湾", "冰", "川", "水"}) EXPECT_EQ(str(fold(s)), s);
  for (char32_t c = 0; c < 0x3000; ++c) EXPECT_EQ(fold_traditional(c), c) << static_cast<unsigned>(c);
}

TEST(SearchFold, TableIsSortedOneToOneAndIdempotent) {
  auto t = fold_table();
  ASSERT_GT(t.size(), 2000u);  // ICU has some 2,850 pairs
  std::set<char32_t> from;
  for (const auto& p : t) {
    EXPECT_NE(p.from, p.to);
    from.insert(p.from);
  }
  EXPECT_EQ(from.size(), t.size());
  EXPECT_TRUE(std::is_sorted(t.begin(), t.end(), [](const auto& a, const auto& b) { return a.from < b.from; }));
  for (const auto& p : t) EXPECT_EQ(fold_traditional(p.to), p.to) << "folding twice changes " << str(p.to);
}

TEST(SearchFold, NormalizationFoldsOnlyWhenAsked) {
  EXPECT_EQ(normalize("臺灣地區的發展", kFold), "台湾地区的发展");
  EXPECT_EQ(normalize("臺灣地區的發展"), "臺灣地區的發展");
  EXPECT_EQ(normalize("可持续发展 A/RES/71/228 COVID-19 ２０３０", kFold), "可持续发展 a/res/71/228 covid-19 2030");
  // After NFKC: a compatibility ideograph first becomes its unified form, which then folds like any other.
  EXPECT_EQ(normalize("\uF9B5", kFold), normalize("例", kFold));
}

TEST(SearchFold, TraditionalTextGivesTheSimplifiedKeys) {
  auto keys = [](std::string_view text, const Options& o) {
    std::vector<std::string> out;
    for (const auto& e : entries(text, o)) out.push_back(key_text(e));
    return out;
  };
  EXPECT_EQ(keys("體育發展", kFold), keys("体育发展", kFold));
  EXPECT_NE(keys("體育發展", {}), keys("体育发展", {}));
}

// The tokenizer's fast path (characters normalized one at a time from a table, chars.hpp) must give what
// ICU gives for the whole text: NFKC, lowercase, invisible characters dropped. Every BMP character alone
// and between neighbours, and texts where characters interact.
namespace {
std::string icu_reference(const std::string& text) {
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString n = icu::Normalizer2::getNFKCInstance(err)->normalize(icu::UnicodeString::fromUTF8(text), err);
  n.toLower(icu::Locale::getRoot());
  std::string out;
  for (int32_t i = 0; i < n.length(); i = n.moveIndex32(i, 1)) {
    UChar32 c = n.char32At(i);
    if ((U_GET_GC_MASK(c) & (U_GC_CC_MASK | U_GC_CF_MASK)) && !u_hasBinaryProperty(c, UCHAR_WHITE_SPACE)) continue;
    acta::utf8::append(out, static_cast<char32_t>(c));
  }
  return out;
}
}  // namespace

TEST(SearchNormalizeFastPath, SameAsIcuForEveryBmpCharacter) {
  int differ = 0;
  for (char32_t c = 1; c < 0x10000 && differ < 5; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    for (const std::string& text : {str(c), "a" + str(c) + "Ａ", "冰" + str(c) + "\u0301", "\u1100" + str(c) + "\u1161"}) {
      if (normalize(text) != icu_reference(text)) {
        ++differ;
        ADD_FAILURE() << "U+" << std::hex << static_cast<unsigned>(c) << " in " << text;
      }
    }
  }
}

TEST(SearchNormalizeFastPath, TextsWhereCharactersInteract) {
  for (const char* text : {"Ａ\u0301Ｂ", "e\u0301", "\u1100\u1161\u11A8", "ΟΔΟΣ ΣΑΣ", "İstanbul", "\u212B", "ﬁ㈠¹²",
                           "冰\u200B川\u00AD", "𠀀𠀁 A/RES/71/228", "（第62/196号）", "\xEF\xBF\xBD"}) {
    EXPECT_EQ(normalize(text), icu_reference(text)) << text;
  }
}
