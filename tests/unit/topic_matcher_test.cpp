// Matching of topic terms: word boundaries, line-joined text, overlapping terms, several topics.
#include <gtest/gtest.h>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include "analyze/topics/match_text.hpp"
#include "analyze/topics/matcher.hpp"
#include "util/utf8.hpp"

using acta::analyze::topics::Hit;
using acta::analyze::topics::TopicMatcher;
using acta::config::Topic;

namespace {

Topic topic(const std::string& id, std::vector<std::pair<std::string, double>> terms) {
  Topic t;
  t.id = id;
  t.label_zh = id;
  for (auto& [term, w] : terms) t.terms.push_back({term, w});
  return t;
}

// The matched substrings of `text` for topic `t`, in order.
std::vector<std::string> found(const TopicMatcher& m, const std::string& text, std::size_t t = 0) {
  std::vector<std::string> out;
  for (const Hit& h : m.find(text))
    if (h.topic == t) out.push_back(text.substr(h.begin, h.end - h.begin));
  return out;
}

}  // namespace

TEST(TopicMatcher, OneCharacterTermOnlyAsAWholeWord) {
  TopicMatcher m({topic("water", {{"水", 1}})});
  EXPECT_TRUE(found(m, "提高生活水平和教育水平").empty());
  EXPECT_TRUE(found(m, "冷水区生物多样性").empty());
  EXPECT_EQ(found(m, "确保人人享有水和卫生设施"), std::vector<std::string>{"水"});
  EXPECT_EQ(found(m, "对水等自然资源的需求，水的循环").size(), 2u);
}

TEST(TopicMatcher, TermsDoNotMatchAcrossWordBoundaries) {
  TopicMatcher m({topic("bio", {{"物种", 2}})});
  EXPECT_TRUE(found(m, "生物种类繁多").empty());  // 生物|种类: 物种 straddles two words
  EXPECT_EQ(found(m, "外来入侵物种").size(), 1u);
}

TEST(TopicMatcher, MultiWordTermsMatch) {
  TopicMatcher m({topic("bio", {{"生物多样性", 3}, {"昆明-蒙特利尔全球生物多样性框架", 3}})});
  EXPECT_EQ(found(m, "养护生物多样性、生态系统"), std::vector<std::string>{"生物多样性"});
  EXPECT_EQ(found(m, "欢迎《昆明-蒙特利尔全球生物多样性框架》"),
            std::vector<std::string>{"昆明-蒙特利尔全球生物多样性框架"});
}

TEST(TopicMatcher, TermSplitByLineJoinOrSpacesStillCounts) {
  TopicMatcher m({topic("bio", {{"生物多样性", 3}}), topic("climate", {{"巴黎协定", 3}})});
  std::string text = "是丰富生物多\n样性以及木材";
  auto hits = found(m, text);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0], "生物多\n样性");  // the hit covers the original bytes, line break included
  EXPECT_EQ(found(m, "重申《巴黎 协定》", 1).size(), 1u);
  // Full-width forms are normalized (NFKC) like the terms.
  TopicMatcher latin({topic("x", {{"COVID-19", 1}})});
  EXPECT_EQ(found(latin, "冠状病毒病(ＣＯＶＩＤ－１９)疫情").size(), 1u);
}

TEST(TopicMatcher, LongestTermWinsWithinATopicAndCountsOnce) {
  TopicMatcher m({topic("climate", {{"气候", 1}, {"气候变化", 3}, {"联合国气候变化框架公约", 3}})});
  auto hits = m.find("关于气候变化的影响和气候融资，《联合国气候变化框架公约》");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].term, 1u);  // 气候变化, not also 气候
  EXPECT_EQ(hits[1].term, 0u);  // 气候 (in 气候融资)
  EXPECT_EQ(hits[2].term, 2u);  // the convention, once
  EXPECT_EQ(found(m, "气候变化、气候变化").size(), 2u);  // every occurrence counts
}

TEST(TopicMatcher, TopicsMatchIndependently) {
  TopicMatcher m({topic("mountains", {{"冰川", 1}, {"高山冰川", 2}}), topic("water", {{"冰川", 1}})});
  auto hits = m.find("高山冰川退缩");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].topic, 0u);
  EXPECT_EQ(hits[0].term, 1u);  // mountains: the longer 高山冰川
  EXPECT_EQ(hits[1].topic, 1u);  // water: its own 冰川 inside it
  EXPECT_EQ(found(m, "高山冰川退缩", 1), std::vector<std::string>{"冰川"});
}

TEST(TopicMatcher, EmptyAndTermlessInput) {
  TopicMatcher m({topic("water", {{"水", 1}})});
  EXPECT_TRUE(m.find("").empty());
  TopicMatcher none({});
  EXPECT_TRUE(none.find("水").empty());
}

// ---- The fast path: candidates first, segmentation only in windows around them ----------------------------

TEST(TopicMatcher, TermInsideALongerWordIsNoHit) {
  TopicMatcher m({topic("water", {{"水", 1}, {"淡水", 3}}), topic("mountains", {{"山地", 3}})});
  EXPECT_TRUE(found(m, "提高水平").empty());
  EXPECT_TRUE(found(m, "水平面上升").empty());
  EXPECT_EQ(found(m, "养护淡水，提高水平，人人享有水。"), (std::vector<std::string>{"淡水", "水"}));
}

TEST(TopicMatcher, TermsAtTheStartAndEndOfAParagraph) {
  TopicMatcher m({topic("water", {{"淡水", 3}, {"水", 1}})});
  EXPECT_EQ(found(m, "淡水"), std::vector<std::string>{"淡水"});
  EXPECT_EQ(found(m, "淡水资源和水"), (std::vector<std::string>{"淡水", "水"}));
  EXPECT_EQ(found(m, "水"), std::vector<std::string>{"水"});
  auto hits = m.find("水，水");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].begin, 0u);
  EXPECT_EQ(hits[1].end, std::string("水，水").size());
}

TEST(TopicMatcher, OverlappingTermsOfOneTopicAndOfSeveral) {
  // Within a topic the longest wins and matching resumes after it; a shorter term of another topic inside it
  // still counts for that topic; a term that starts inside an earlier hit of the same topic does not.
  TopicMatcher m({topic("climate", {{"气候变化", 3}, {"变化", 1}}), topic("change", {{"变化", 1}})});
  EXPECT_EQ(found(m, "气候变化", 0), std::vector<std::string>{"气候变化"});
  EXPECT_EQ(found(m, "气候变化", 1), std::vector<std::string>{"变化"});
  // Shared suffixes and prefixes in the automaton: every term is found.
  TopicMatcher n({topic("x", {{"生物多样性", 3}, {"多样性", 1}, {"生物", 1}, {"物种", 2}})});
  EXPECT_EQ(found(n, "生物多样性和多样性"), (std::vector<std::string>{"生物多样性", "多样性"}));
}

TEST(TopicMatcher, LatinTermsFoldCaseAndKeepWordBoundaries) {
  TopicMatcher m({topic("x", {{"Paris Agreement", 3}, {"ice", 1}, {"COVID-19", 1}})});
  EXPECT_EQ(found(m, "the paris  AGREEMENT and ice").size(), 2u);
  EXPECT_TRUE(found(m, "the price of rice, iceberg").empty());  // never inside a longer word
  EXPECT_EQ(found(m, "关于ice的报告").size(), 1u);
  EXPECT_EQ(found(m, "应对covid-19大流行").size(), 1u);
  EXPECT_TRUE(found(m, "covid-190").empty());
}

// A large vocabulary makes the automaton's table too large for 16-bit entries (rows of 2^k entries, each
// the next state's row): the 32-bit table finds exactly what the small one does.
TEST(TopicMatcher, ALargeVocabularyFindsWhatASmallOneFinds) {
  const std::vector<std::pair<std::string, double>> terms = {{"气候变化", 3}, {"变化", 1}, {"冰川", 2}, {"山区", 2}};
  auto many = terms;  // the same, and 300 terms of characters the text never uses (Yi syllables)
  for (char32_t c = 0; c < 300; ++c) {
    std::string t;
    for (char32_t k = 0; k < 3; ++k) acta::utf8::append(t, 0xA000 + (c * 7 + k * 3) % 1165);
    many.push_back({t, 1});
  }
  TopicMatcher small({topic("x", terms)}), large({topic("x", many)});
  const std::string text = "气候变化使山区的冰川退缩；变化加快。冰川、山区和气候变化：山区冰川";
  const auto expected = found(small, text);
  EXPECT_EQ(expected.size(), 9u);
  EXPECT_EQ(found(large, text), expected);
}

// The sparse automaton (transitions per state and fail links, for vocabularies whose table would be large)
// finds what the table finds: terms that share prefixes and suffixes, so that the fail chains are long,
// in texts made of them and of other characters, for two topics.
TEST(TopicMatcher, TheSparseAutomatonFindsWhatTheTableFinds) {
  const std::vector<std::string> words = {"发展", "发展中", "发展中国家", "中国", "国家", "家庭", "庭院", "可持续发展",
                                          "持续", "气候", "气候变化", "变化", "化学", "学校", "山区", "区域", "冰川",
                                          "川流", "水", "水资源", "资源"};
  std::vector<std::pair<std::string, double>> first, second;
  for (std::size_t k = 0; k < words.size(); ++k) (k % 3 ? first : second).push_back({words[k], 1.0 + k % 3});
  second.push_back({"发展", 2});  // in both topics
  const std::vector<Topic> topics = {topic("a", first), topic("b", second)};
  const TopicMatcher table(topics), sparse(topics, 0);
  const std::vector<std::string> others = {"的", "和", "，", "。", "在", "a", "1", " "};
  std::uint32_t seed = 9;
  auto next = [&](std::uint32_t n) { return seed = seed * 1103515245u + 12345u, (seed >> 8) % n; };
  std::size_t hits = 0;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int k = 0, n = 1 + static_cast<int>(next(30)); k < n; ++k)
      text += next(3) ? words[next(static_cast<std::uint32_t>(words.size()))] : others[next(static_cast<std::uint32_t>(others.size()))];
    const auto expected = table.find(text);
    const auto got = sparse.find(text);
    ASSERT_EQ(got.size(), expected.size()) << text;
    for (std::size_t h = 0; h < got.size(); ++h) {
      EXPECT_EQ(got[h].topic, expected[h].topic) << text;
      EXPECT_EQ(got[h].term, expected[h].term) << text;
      EXPECT_EQ(got[h].begin, expected[h].begin) << text;
      EXPECT_EQ(got[h].end, expected[h].end) << text;
    }
    hits += got.size();
  }
  EXPECT_GT(hits, 1000u);  // the texts do hold terms
}

TEST(TopicMatcher, ATermListedTwiceInATopicIsItsFirst) {
  TopicMatcher m({topic("climate", {{"巴黎 协定", 2}, {"巴黎协定", 3}})});
  auto hits = m.find("《巴黎协定》");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].term, 0u);
}

// The separators windows are cut at: Word_Break=Other (breaks on both sides, nothing looks across them), or
// MidNum for `,` and `;`, which only digits on both sides join.
TEST(TopicMatchText, SeparatorsHaveTheWordBreakPropertyTheCutsRelyOn) {
  for (char16_t c : std::u16string(u"。、《》〈〉「」『』【】〔〕〖〗()[]!?“”")) {
    EXPECT_EQ(u_getIntPropertyValue(c, UCHAR_WORD_BREAK), U_WB_OTHER) << static_cast<int>(c);
    EXPECT_FALSE(u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) << static_cast<int>(c);
    EXPECT_NE(uscript_getScript(c, nullptr), USCRIPT_HAN);
  }
  EXPECT_EQ(u_getIntPropertyValue(u',', UCHAR_WORD_BREAK), U_WB_MIDNUM);
  EXPECT_EQ(u_getIntPropertyValue(u';', UCHAR_WORD_BREAK), U_WB_MIDNUM);
}

// Segmenting windows gives the boundaries a pass over the whole text gives, on text that tries the cuts:
// digits around commas, combining marks after punctuation, kana, Latin, emoji sequences, brackets.
TEST(TopicMatchText, WindowsAgreeWithTheWholeText) {
  using acta::analyze::topics::prepare_match_text;
  using acta::analyze::topics::word_boundaries;
  const char* texts[] = {
      "注意到第 62/196 号决议，又注意到 1,234,567 美元；以及(a)款。",
      "重申《巴黎协定》、《京都议定书》和“山区伙伴关系”【附件】〔草案〕!?",
      "1,2;3，4；5,a;b 和 2,水 以及 水,3",
      "（\u0301山区）“\u200d水”，\u0300冰川",
      "カタカナとひらがなの山区、東京の水。",
      "emoji 👩\u200d🔬 and 🇨🇳🇺🇳 flags，山区👍🏽。",
      "Paris Agreement (2015), the price of ice; U.N. e.g. 3.14, it's.",
      "",
      "水",
      "，，，。。",
  };
  for (const char* t : texts) {
    const auto m = prepare_match_text(t);
    const auto whole = word_boundaries(m.text);
    const auto n = static_cast<int32_t>(m.text.size());
    std::vector<std::pair<int32_t, int32_t>> every;
    for (int32_t i = 0; i < n; ++i) every.emplace_back(i, i + 1);
    EXPECT_EQ(word_boundaries(m.text, every), whole) << t;
    for (int32_t b = 0; b < n; ++b)
      for (int32_t e = b + 1; e <= n && e <= b + 4; ++e) {
        const auto w = word_boundaries(m.text, {{b, e}});
        EXPECT_EQ(w[static_cast<std::size_t>(b)], whole[static_cast<std::size_t>(b)]) << t << " at " << b;
        EXPECT_EQ(w[static_cast<std::size_t>(e)], whole[static_cast<std::size_t>(e)]) << t << " at " << e;
      }
  }
}

TEST(TopicMatchText, SourceOffsetsAndLength) {
  const auto m = acta::analyze::topics::prepare_match_text("Ａ 山\n区 b  x");
  // Full-width Ａ folds to a; white space next to a CJK character (Ａ, 山, 区) goes, elsewhere it is one space.
  EXPECT_EQ(m.text, std::u16string(u"a山区b x"));
  EXPECT_EQ(m.source[0], 0u);
  EXPECT_EQ(m.source_end(0), 3u);
  EXPECT_EQ(m.source[1], 4u);
  EXPECT_EQ(m.source_end(2), 11u);
  EXPECT_EQ(m.source[4], 13u);  // the space stands for the first of the two
  EXPECT_EQ(m.source_end(4), 14u);
  EXPECT_EQ(m.length, 5u);
}

// The matching text as specified, one code point at a time through ICU's NFKC_Casefold, with the white
// space rule: the oracle for prepare_match_text's fast paths (ASCII, inert characters, single units, and
// runs of five Chinese characters at a time).
acta::analyze::topics::MatchText match_text_by_the_rules(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* norm = icu::Normalizer2::getNFKCCasefoldInstance(status);
  acta::analyze::topics::MatchText m;
  auto put = [&](char16_t u, std::size_t at, std::size_t end) {
    m.text.push_back(u);
    m.source.push_back(static_cast<std::uint32_t>(at));
    m.source_size.push_back(static_cast<std::uint8_t>(end - at));
  };
  bool pending = false;
  std::size_t space_at = 0, space_end = 0;
  char32_t last = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t cp = acta::utf8::next(s, i);
    if (u_isUWhiteSpace(static_cast<UChar32>(cp))) {
      if (!pending) space_at = at, space_end = i;
      pending = true;
      continue;
    }
    if (pending && last != 0 && !acta::utf8::is_cjk(last) && !acta::utf8::is_cjk(cp)) put(u' ', space_at, space_end);
    pending = false;
    last = cp;
    const icu::UnicodeString piece = norm->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
    for (int32_t k = 0; k < piece.length(); ++k) put(piece.charAt(k), at, i);
    for (int32_t k = 0; k < piece.length(); k = piece.moveIndex32(k, 1)) m.length += piece.char32At(k) != U' ';
  }
  return m;
}

TEST(TopicMatchText, EveryPathAgreesWithTheRulesOneCharacterAtATime) {
  // Plain Chinese (inert, three bytes), white space, full-width and ASCII forms, a compatibility ideograph
  // (豈 U+F900) and a square word (㍿) that NFKC changes, Latin with an accent, a character beyond the BMP.
  const std::vector<std::string> pieces = {"山", "区", "发", "展", "冰", "川", " ", "\n", "\u3000", "，", "Ａ", "a",
                                           "Q", "\uF900", "\u337F", "é", "𠀀", "。", "1"};
  std::uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7FFF; };
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const auto n = next() % 60;
    for (std::uint32_t k = 0; k < n; ++k) s += next() % 3 == 0 ? pieces[next() % pieces.size()] : pieces[next() % 6];
    const auto got = acta::analyze::topics::prepare_match_text(s);
    const auto want = match_text_by_the_rules(s);
    ASSERT_EQ(got.text, want.text) << s;
    ASSERT_EQ(got.source, want.source) << s;
    ASSERT_EQ(got.source_size, want.source_size) << s;
    ASSERT_EQ(got.length, want.length) << s;
  }
}
