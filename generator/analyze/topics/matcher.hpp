// Finds the configured topic terms in a text. Rules, each tested in tests/unit/topic_matcher_test.cpp:
// - a term matches only at ICU word boundaries on both sides (`水` never inside `水平`, `物种` never
//   across `生物|种类`); a term may span several words (`生物多样性` is `生物|多样|性`);
// - matching runs on the normalized text (match_text.hpp), so a term broken by a line join still counts;
// - every occurrence counts once; within one topic overlapping terms do not double count: at each place the
//   longest term wins (`气候变化` is one hit, not also `气候`) and matching resumes after it;
// - topics match independently: a term listed under two topics (`冰川`) is a hit for both.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/topics/match_text.hpp"
#include "config/config.hpp"

namespace acta::analyze::topics {

struct Hit {
  std::size_t topic = 0;  // index into the config's topics
  std::size_t term = 0;   // index into that topic's terms
  std::size_t begin = 0;  // byte range in the original text
  std::size_t end = 0;
};

class TopicMatcher {
 public:
  explicit TopicMatcher(const std::vector<config::Topic>& topics);

  // Hits of every topic, ordered by topic, then by position.
  std::vector<Hit> find(const MatchText& text) const;
  std::vector<Hit> find(std::string_view original) const { return find(prepare_match_text(original)); }

  std::size_t topic_count() const { return topics_.size(); }

 private:
  struct Term {
    icu::UnicodeString text;
    std::size_t index = 0;  // in the config topic's terms
  };
  // Per topic: terms by their first UTF-16 unit, longest first.
  std::vector<std::vector<std::pair<UChar, std::vector<Term>>>> topics_;
};

}  // namespace acta::analyze::topics
