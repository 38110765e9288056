// Finds the configured topic terms in a text. Rules, each tested in tests/unit/topic_matcher_test.cpp:
// - a term matches only at ICU word boundaries on both sides (`水` never inside `水平`, `物种` never
//   across `生物|种类`); a term may span several words (`生物多样性` is `生物|多样|性`);
// - matching runs on the normalized text (match_text.hpp), so a term broken by a line join still counts;
// - every occurrence counts once; within one topic overlapping terms do not double count: at each place the
//   longest term wins (`气候变化` is one hit, not also `气候`) and matching resumes after it;
// - topics match independently: a term listed under two topics (`冰川`) is a hit for both.
//
// How: one Aho-Corasick automaton over the UTF-16 units of every distinct term finds where terms occur at
// all; most paragraphs have no occurrence and are done. Only around occurrences does the word break iterator
// run (match_text.hpp), and the rules above then pick the hits among them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
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
  // The automaton is a table of every state by every unit class when that has at most `dense_limit` entries
  // (fast: one lookup a unit); a larger vocabulary (thousands of terms: the table grows with states times
  // distinct characters, 15 MB for 2,000 terms, 58 MB for 8,000) gets a sparse one, each state its own
  // transitions and a fail link, a few bytes a state. Both find the same; tests choose the limit.
  static constexpr std::size_t kDenseLimit = std::size_t{1} << 20;
  explicit TopicMatcher(const std::vector<config::Topic>& topics, std::size_t dense_limit = kDenseLimit);

  // Hits of every topic, ordered by topic, then by position.
  std::vector<Hit> find(const MatchText& text) const;
  std::vector<Hit> find(std::string_view original) const { return find(prepare_match_text(original)); }

  std::size_t topic_count() const { return topic_count_; }

 private:
  struct Occurrence {
    int32_t begin = 0;
    int32_t length = 0;
    int32_t pattern = 0;
  };
  // Every place where a term's text occurs, whole words or not: by begin, longest first (into `found`).
  void occurrences(const std::u16string& text, std::vector<Occurrence>& found) const;
  template <typename Table>
  void scan(const std::u16string& text, const Table& delta, std::vector<Occurrence>& found) const;
  void scan_sparse(const std::u16string& text, std::vector<Occurrence>& found) const;
  // The terms that end before unit `end` of the text, in the state `state` (a row's first output) and down
  // its chain.
  [[gnu::noinline]] void emit(int32_t end, int32_t state, std::vector<Occurrence>& found) const;

  // The automaton as a table of rows of classes_ + 1 entries, one row per state: units map to classes (0: in
  // no term), delta_[row + class] is the next state's row (its offset in the table, next state times
  // (classes_ + 1)), fail links already followed; delta_[row + classes_] is the first state down the
  // state's fail chain where a term ends, 0 for none.
  std::vector<std::uint16_t> unit_class_;
  std::size_t classes_ = 1;
  std::vector<int32_t> delta_;
  std::vector<std::uint16_t> delta16_;  // the same, when the table fits 16 bits (half the cache lines)
  // The sparse automaton (both tables empty): the root's next state by class (0: stay at the root); each
  // other state's children, by class ascending, in child_class_ / child_state_ from child_at_[state] to
  // child_at_[state + 1]; its fail link; the first state down its fail chain (itself included) where a term
  // ends, 0 for none.
  std::vector<int32_t> root_next_;
  std::vector<std::uint32_t> child_at_;
  std::vector<std::uint16_t> child_class_;
  std::vector<int32_t> child_state_;
  std::vector<int32_t> fail_;
  std::vector<int32_t> first_output_;
  std::vector<int32_t> pattern_at_;    // per state: the pattern that ends there, or -1
  std::vector<int32_t> output_;        // per state: the nearest state down the fail chain where one ends, or -1
  struct Owner {
    std::size_t topic = 0;
    std::size_t term = 0;  // the first term of the topic with this text
  };
  struct Pattern {
    int32_t length = 0;
    std::vector<Owner> owners;  // by topic
  };
  std::vector<Pattern> patterns_;
  std::size_t topic_count_ = 0;
};

}  // namespace acta::analyze::topics
