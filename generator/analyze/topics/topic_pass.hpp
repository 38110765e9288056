// The topic pass: finds the configured topics' terms in every block, scores the blocks, and decides which
// topics each document is under (rules in scoring.hpp, matching in matcher.hpp). Fills Block::topics,
// Block::topic_evidence, Document::topic_ids and Document::topic_scores. Pure: the same archive and config
// give the same result whatever the number of threads.
#pragma once

#include <vector>

#include "config/config.hpp"
#include "model/archive.hpp"

namespace acta::analyze {

void assign_topics(model::Archive& archive, const config::Config& config, const std::vector<char>& todo = {});

// Scores one document against the config (what assign_topics does for each document).
void assign_topics(model::Document& doc, const config::Config& config);

}  // namespace acta::analyze
