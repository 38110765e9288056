#include "analyze/topics/scoring.hpp"

#include <algorithm>
#include <cmath>

namespace acta::analyze::topics {

double paragraph_score(double weighted_hits, std::size_t length, const ScoringParams& params) {
  if (weighted_hits <= 0) return 0;
  const double len = static_cast<double>(std::max<std::size_t>(length, 1));
  const double scale = len <= params.reference_length ? 1.0 : std::sqrt(params.reference_length / len);
  return weighted_hits * scale;
}

double paragraph_contribution(const std::vector<double>& scores, std::size_t t) {
  double all = 0;
  for (double s : scores) all += s;
  if (t >= scores.size() || all <= 0) return 0;
  return scores[t] * (scores[t] / all);
}

std::vector<bool> decide_topics(const std::vector<TopicTotal>& totals, const ScoringParams& params) {
  double best = 0;
  for (const auto& t : totals) best = std::max(best, t.score);
  std::vector<bool> under;
  under.reserve(totals.size());
  for (const auto& t : totals) {
    if (t.paragraphs == 0 || t.score <= 0) under.push_back(false);
    else if (t.asserted) under.push_back(true);
    else under.push_back(t.score >= t.threshold && t.score >= params.min_share * best);
  }
  return under;
}

}  // namespace acta::analyze::topics
