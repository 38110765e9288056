// Matching of topic terms: word boundaries, line-joined text, overlapping terms, several topics.
#include <gtest/gtest.h>

#include "analyze/topics/matcher.hpp"

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
