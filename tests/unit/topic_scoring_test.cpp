// Paragraph scores, focus, and the document decision (thresholds, share, assertions, evidence).
#include <gtest/gtest.h>

#include "analyze/topics/scoring.hpp"
#include "analyze/topics/topic_pass.hpp"
#include "config/config.hpp"

using namespace acta::analyze::topics;

TEST(TopicScoring, ShortParagraphsCountFullyLongOnesLess) {
  ScoringParams p;
  EXPECT_DOUBLE_EQ(paragraph_score(3, 40, p), 3);
  EXPECT_DOUBLE_EQ(paragraph_score(3, 100, p), 3);
  EXPECT_DOUBLE_EQ(paragraph_score(3, 400, p), 1.5);  // sqrt(100/400)
  EXPECT_DOUBLE_EQ(paragraph_score(0, 10, p), 0);
}

TEST(TopicScoring, ContributionIsSharedByFocus) {
  EXPECT_DOUBLE_EQ(paragraph_contribution({6, 0}, 0), 6);
  EXPECT_DOUBLE_EQ(paragraph_contribution({6, 2}, 0), 4.5);  // 6 * 6/8
  EXPECT_DOUBLE_EQ(paragraph_contribution({6, 2}, 1), 0.5);  // 2 * 2/8
  EXPECT_DOUBLE_EQ(paragraph_contribution({0, 0}, 1), 0);
}

TEST(TopicScoring, ThresholdShareEvidenceAndAssertion) {
  ScoringParams p;
  p.min_share = 0.3;
  std::vector<TopicTotal> t(5);
  t[0] = {100, 20, 8, false};  // main theme
  t[1] = {40, 10, 8, false};   // 40% of the best: a second theme
  t[2] = {20, 8, 8, false};    // above the threshold but only 20% of the best: in passing
  t[3] = {6, 2, 8, false};     // below the threshold
  t[4] = {1, 1, 8, true};      // asserted by an editor, with evidence: listed
  EXPECT_EQ(decide_topics(t, p), (std::vector<bool>{true, true, false, false, true}));
  t[4] = {0, 0, 8, true};  // asserted without evidence: not listed
  EXPECT_FALSE(decide_topics(t, p)[4]);
  p.min_share = 0;
  EXPECT_TRUE(decide_topics(t, p)[2]);
  EXPECT_EQ(decide_topics({}, p), std::vector<bool>{});
}

namespace {
acta::model::Block para(const std::string& id, const std::string& text) {
  acta::model::Block b;
  b.kind = acta::model::BlockKind::Numbered;
  b.id = id;
  b.content.push_back(acta::model::Inline::make_text(text));
  return b;
}

acta::config::Config two_topics() {
  return acta::config::parse(R"X(topic_threshold: 8
topics:
  - id: mountains
    label_zh: 山区
    terms: {山区: 3, 冰川: 1}
  - id: climate
    label_zh: 气候
    terms: {气候变化: 3, 气候: 1}
)X",
                             "site-config.yaml");
}
}  // namespace

TEST(TopicPass, MainThemeAssignedPassingMentionNot) {
  auto cfg = two_topics();
  acta::model::Document doc;
  doc.meta.title = "山区可持续发展";
  doc.blocks.push_back(para("para_1", "鼓励各国促进山区可持续发展，改善山区社区生计。"));
  doc.blocks.push_back(para("para_2", "确认山区冰川退缩是气候变化的迹象。"));
  doc.blocks.push_back(para("para_3", "请秘书长报告山区问题。"));
  doc.blocks.push_back(para("para_4", "决定继续审议。"));
  acta::analyze::assign_topics(doc, cfg);
  EXPECT_EQ(doc.topic_ids, std::vector<std::string>{"mountains"});
  ASSERT_EQ(doc.topic_scores.size(), 2u);
  EXPECT_EQ(doc.topic_scores[0].paragraphs, 3);
  EXPECT_FALSE(doc.topic_scores[1].assigned);
  EXPECT_EQ(doc.blocks[0].topics, std::vector<std::string>{"mountains"});
  EXPECT_TRUE(doc.blocks[3].topics.empty());
  // Title boost: 山区 is in the title, so each hit counts twice (2 hits x 3 x 2 in a short paragraph).
  ASSERT_FALSE(doc.blocks[0].topic_evidence.empty());
  EXPECT_DOUBLE_EQ(doc.blocks[0].topic_evidence[0].score, 12);
  // The hits point at the terms in the block's text.
  auto text = acta::model::block_plain_text(doc.blocks[0]);
  const auto& h = doc.blocks[0].topic_evidence[0].hits[0];
  EXPECT_EQ(text.substr(h.begin, h.end - h.begin), "山区");
}

TEST(TopicPass, NoEvidenceNoTopicEvenWhenAsserted) {
  auto cfg = two_topics();
  acta::model::Document doc;
  doc.source_path = "content/x.md";
  doc.meta.title = "区域中心";
  doc.meta.topics = {"climate", "oceans"};
  doc.blocks.push_back(para("para_1", "决定设立区域中心，促进可持续发展。"));
  acta::analyze::assign_topics(doc, cfg);
  EXPECT_TRUE(doc.topic_ids.empty());
  ASSERT_EQ(doc.diagnostics.size(), 2u);  // unknown topic 'oceans'; 'climate' asserted without evidence
  EXPECT_NE(doc.diagnostics[0].message.find("oceans"), std::string::npos);
  EXPECT_NE(doc.diagnostics[1].message.find("climate"), std::string::npos);
  EXPECT_EQ(doc.diagnostics[1].where.file, "content/x.md");
}

TEST(TopicPass, AssertionListsATopicMetInPassing) {
  auto cfg = two_topics();
  acta::model::Document doc;
  doc.meta.title = "山区可持续发展";
  doc.meta.topics = {"climate"};
  doc.blocks.push_back(para("para_1", "鼓励各国促进山区可持续发展，改善山区社区生计。"));
  doc.blocks.push_back(para("para_2", "注意到山区受气候影响。"));
  acta::analyze::assign_topics(doc, cfg);
  EXPECT_EQ(doc.topic_ids, (std::vector<std::string>{"mountains", "climate"}));
  EXPECT_TRUE(doc.topic_scores[1].asserted);
  EXPECT_EQ(doc.blocks[1].topics, (std::vector<std::string>{"mountains", "climate"}));
  EXPECT_TRUE(doc.diagnostics.empty());
}

TEST(TopicPass, PerTopicThresholdOverridesGlobal) {
  auto cfg = two_topics();
  acta::model::Document doc;
  doc.blocks.push_back(para("para_1", "气候变化"));  // 3 points: below the global threshold 8
  acta::analyze::assign_topics(doc, cfg);
  EXPECT_TRUE(doc.topic_ids.empty());
  cfg.topics[1].threshold = 3;
  acta::analyze::assign_topics(doc, cfg);
  EXPECT_EQ(doc.topic_ids, std::vector<std::string>{"climate"});
}
