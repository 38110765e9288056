// How topic evidence is scored and when a document is under a topic. Pure arithmetic, kept apart from
// matching so each rule has its own test (tests/unit/topic_scoring_test.cpp).
//
// Paragraph score for a topic: the sum of the weights of the topic's term hits in the paragraph (a hit of a
// term that also occurs in the document's title counts `title_boost` times), scaled down for long
// paragraphs by sqrt(reference_length / length) so that one passing mention in a long paragraph weighs less
// than the same mention in a short one. A paragraph is evidence when its score reaches
// `paragraph_threshold`.
//
// Focus: a paragraph that speaks of several topics counts for each in proportion to that topic's share of
// the paragraph's topic scores (contribution = score x score / sum of the paragraph's scores). A paragraph on
// mountain glaciers that mentions climate change once counts mostly for mountains.
//
// Document: its score for a topic is the sum of its evidence paragraphs' contributions. It is under the topic when
// (1) it has at least one evidence paragraph (no assignment without evidence), and
// (2) the score reaches the topic's threshold, and
// (3) the score is at least `min_share` of the document's best topic score, so that a theme a document
//     treats only in passing (climate in a resolution on mountains) does not put it under that topic.
// An editor's assertion (front matter `topics:`) waives (2) and (3) and the paragraph threshold, never (1).
#pragma once

#include <cstddef>
#include <vector>

namespace acta::analyze::topics {

struct ScoringParams {
  double title_boost = 2.0;
  double reference_length = 100.0;  // characters
  double paragraph_threshold = 2.0;
  double min_share = 0.3;
};

// `weighted_hits`: sum of hit weights (title boost applied); `length`: the paragraph's length in characters.
double paragraph_score(double weighted_hits, std::size_t length, const ScoringParams& params);

// What a paragraph adds to the document's score for topic `t`, given its scores for every topic.
double paragraph_contribution(const std::vector<double>& scores, std::size_t t);

struct TopicTotal {
  double score = 0;
  int paragraphs = 0;     // evidence paragraphs
  double threshold = 0;   // the topic's document threshold
  bool asserted = false;
};

// Which topics the document is under, one flag per topic.
std::vector<bool> decide_topics(const std::vector<TopicTotal>& totals, const ScoringParams& params);

}  // namespace acta::analyze::topics
