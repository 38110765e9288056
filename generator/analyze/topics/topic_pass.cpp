#include "analyze/topics/topic_pass.hpp"

#include <algorithm>
#include <set>
#include <span>

#include "analyze/topics/matcher.hpp"
#include "analyze/topics/scoring.hpp"
#include "util/parallel.hpp"

namespace acta::analyze {

namespace {

using topics::Hit;
using topics::TopicMatcher;

topics::ScoringParams params_of(const config::Config& c) {
  topics::ScoringParams p;
  p.title_boost = c.topic_title_boost;
  p.paragraph_threshold = c.topic_paragraph_threshold;
  p.min_share = c.topic_min_share;
  return p;
}

bool scored(model::BlockKind k) { return k != model::BlockKind::Rule && k != model::BlockKind::Formula; }

void score_document(model::Document& doc, const config::Config& cfg, const TopicMatcher& matcher) {
  doc.need_body();
  const auto params = params_of(cfg);
  const std::size_t ntopics = cfg.topics.size();

  // Terms that occur in the title: their hits in the body count more.
  std::vector<std::set<std::size_t>> in_title(ntopics);
  for (const Hit& h : matcher.find(doc.meta.title)) in_title[h.topic].insert(h.term);

  std::set<std::string> asserted(doc.meta.topics.begin(), doc.meta.topics.end());
  for (const auto& id : doc.meta.topics) {
    if (cfg.topics.empty()) break;  // a site without topics ignores the assertions rather than warn on each
    bool known = std::any_of(cfg.topics.begin(), cfg.topics.end(), [&](const auto& t) { return t.id == id; });
    if (!known)
      doc.diagnostics.push_back(file_warning(doc.source_path, "front matter names topic '" + id +
                                                                  "', which is not in the config's 'topics'; add it there or correct the id"));
  }

  // Per block and topic: the score and the hits.
  struct Found {
    double score = 0;
    std::vector<model::TermHit> hits;
  };
  // found[b * ntopics + t]: block b, topic t (one allocation, not one per block).
  std::vector<Found> found(doc.blocks.size() * ntopics);
  auto found_in = [&](std::size_t b) { return std::span<Found>(found).subspan(b * ntopics, ntopics); };
  // A paragraph's text and its normalized form, in buffers this thread keeps from paragraph to paragraph.
  thread_local std::string plain;
  thread_local topics::MatchText text;
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    auto& block = doc.blocks[b];
    block.topics.clear();
    block.topic_evidence.clear();
    if (!scored(block.kind)) continue;
    model::block_plain_text(block, plain);
    topics::prepare_match_text(plain, text);
    const auto hits = matcher.find(text);
    if (hits.empty()) continue;
    std::vector<double> weighted(ntopics, 0.0);
    for (const Hit& h : hits) {
      double w = cfg.topics[h.topic].terms[h.term].weight;
      if (in_title[h.topic].count(h.term)) w *= params.title_boost;
      weighted[h.topic] += w;
      found_in(b)[h.topic].hits.push_back({h.begin, h.end});
    }
    const std::size_t length = text.length;
    for (std::size_t t = 0; t < ntopics; ++t) found_in(b)[t].score = topics::paragraph_score(weighted[t], length, params);
  }

  // Evidence: paragraphs that pass the paragraph threshold, or any paragraph with a hit for an asserted topic.
  std::vector<topics::TopicTotal> totals(ntopics);
  for (std::size_t t = 0; t < ntopics; ++t) {
    const auto& topic = cfg.topics[t];
    totals[t].asserted = asserted.count(topic.id) != 0;
    totals[t].threshold = topic.threshold >= 0 ? topic.threshold : cfg.topic_threshold;
    for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
      const Found& f = found_in(b)[t];
      if (f.hits.empty()) continue;
      if (f.score < params.paragraph_threshold && !totals[t].asserted) continue;
      std::vector<double> scores;
      for (const Found& g : found_in(b)) scores.push_back(g.score);
      const double contribution = topics::paragraph_contribution(scores, t);
      totals[t].score += contribution;
      totals[t].paragraphs += 1;
      doc.blocks[b].topic_evidence.push_back({topic.id, f.score, contribution, f.hits});
    }
  }

  const auto under = topics::decide_topics(totals, params);
  doc.topic_ids.clear();
  doc.topic_scores.clear();
  for (std::size_t t = 0; t < ntopics; ++t) {
    const auto& id = cfg.topics[t].id;
    doc.topic_scores.push_back({id, totals[t].score, totals[t].paragraphs, totals[t].asserted, under[t]});
    if (under[t]) doc.topic_ids.push_back(id);
    if (totals[t].asserted && totals[t].paragraphs == 0)
      doc.diagnostics.push_back(file_warning(doc.source_path,
                                             "front matter asserts topic '" + id +
                                                 "' but no paragraph uses any of its terms, so the document is not listed "
                                                 "under it; add the words the text uses to the topic's 'terms' in the config"));
  }
  for (auto& block : doc.blocks)
    for (const auto& ev : block.topic_evidence)
      if (std::find(doc.topic_ids.begin(), doc.topic_ids.end(), ev.topic) != doc.topic_ids.end())
        block.topics.push_back(ev.topic);
}

}  // namespace

void assign_topics(model::Document& doc, const config::Config& config) {
  TopicMatcher matcher(config.topics);
  score_document(doc, config, matcher);
}

void assign_topics(model::Archive& archive, const config::Config& config, const std::vector<char>& todo) {
  TopicMatcher matcher(config.topics);
  parallel_for(archive.documents.size(), [&](std::size_t i) {
    if (todo.empty() || todo[i]) score_document(archive.documents[i], config, matcher);
  });
}

}  // namespace acta::analyze
