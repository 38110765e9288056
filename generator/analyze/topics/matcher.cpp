#include "analyze/topics/matcher.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <string>

namespace acta::analyze::topics {

TopicMatcher::TopicMatcher(const std::vector<config::Topic>& topics) : topic_count_(topics.size()) {
  // The trie of the distinct term texts, each unit by its class.
  struct Node {
    std::map<std::uint16_t, int32_t> next;
    int32_t fail = 0;
  };
  std::vector<Node> trie(1);
  unit_class_.assign(0x10000, 0);
  std::map<std::u16string, int32_t> ids;
  for (std::size_t t = 0; t < topics.size(); ++t) {
    for (std::size_t k = 0; k < topics[t].terms.size(); ++k) {
      const std::u16string key = normalize_term(topics[t].terms[k].term);
      if (key.empty()) continue;
      auto [it, fresh] = ids.emplace(key, static_cast<int32_t>(patterns_.size()));
      if (fresh) {
        patterns_.push_back({static_cast<int32_t>(key.size()), {}});
        int32_t s = 0;
        for (char16_t c : key) {
          if (unit_class_[c] == 0) unit_class_[c] = static_cast<std::uint16_t>(classes_++);
          auto [child, added] = trie[static_cast<std::size_t>(s)].next.emplace(unit_class_[c], static_cast<int32_t>(trie.size()));
          if (added) trie.emplace_back();
          s = child->second;
        }
        pattern_at_.resize(trie.size(), -1);
        pattern_at_[static_cast<std::size_t>(s)] = it->second;
      }
      // A text listed twice in one topic ("巴黎 协定", "巴黎协定") is that topic's first such term.
      auto& owners = patterns_[static_cast<std::size_t>(it->second)].owners;
      if (owners.empty() || owners.back().topic != t) owners.push_back({t, k});
    }
  }
  pattern_at_.resize(trie.size(), -1);
  output_.assign(trie.size(), -1);

  // Breadth first: a state's fail link is the longest proper suffix of its text that is also a prefix of a
  // term; a missing transition is the fail state's transition.
  delta_.assign(trie.size() * classes_, 0);
  std::deque<int32_t> queue;
  for (const auto& [c, child] : trie[0].next) {
    delta_[c] = child;
    queue.push_back(child);
  }
  while (!queue.empty()) {
    const int32_t s = queue.front();
    queue.pop_front();
    const auto row = static_cast<std::size_t>(s) * classes_;
    const auto fail_row = static_cast<std::size_t>(trie[static_cast<std::size_t>(s)].fail) * classes_;
    for (std::size_t c = 0; c < classes_; ++c) delta_[row + c] = delta_[fail_row + c];
    for (const auto& [c, child] : trie[static_cast<std::size_t>(s)].next) {
      const int32_t f = delta_[fail_row + c];
      trie[static_cast<std::size_t>(child)].fail = f;
      output_[static_cast<std::size_t>(child)] = pattern_at_[static_cast<std::size_t>(f)] >= 0 ? f : output_[static_cast<std::size_t>(f)];
      delta_[row + c] = child;
      queue.push_back(child);
    }
  }
  for (std::size_t s = 0; s < trie.size(); ++s) delta_[s * classes_] = 0;  // a unit in no term: back to the root
  // The table as the scan reads it: a row per state, its classes_ entries the next states' rows (state times
  // the row's length: the scan never multiplies), then one more entry, the first state down the state's
  // fail chain (itself included) where a term ends, 0 for none (no term ends at the root).
  const std::size_t stride = classes_ + 1;
  std::vector<int32_t> rows(trie.size() * stride, 0);
  for (std::size_t s = 0; s < trie.size(); ++s) {
    for (std::size_t c = 0; c < classes_; ++c) rows[s * stride + c] = delta_[s * classes_ + c] * static_cast<int32_t>(stride);
    rows[s * stride + classes_] = std::max(pattern_at_[s] >= 0 ? static_cast<int32_t>(s) : output_[s], 0);
  }
  delta_ = std::move(rows);
  if (delta_.size() <= 0xFFFF) {
    delta16_.assign(delta_.begin(), delta_.end());
    delta_.clear();
  }
}

void TopicMatcher::emit(int32_t end, int32_t state, std::vector<Occurrence>& found) const {
  for (int32_t o = state; o > 0; o = output_[static_cast<std::size_t>(o)]) {
    const int32_t p = pattern_at_[static_cast<std::size_t>(o)];
    const int32_t len = patterns_[static_cast<std::size_t>(p)].length;
    found.push_back({end - len, len, p});
  }
}

template <typename Table>
void TopicMatcher::scan(const std::u16string& text, const Table& delta, std::vector<Occurrence>& found) const {
  // The loop holds only what it reads, in locals, and hands the rare ends of terms to emit(): with more
  // live values (the members read through `this`, which `found` may alias, and the output loop inline),
  // the compiler kept the state in memory, a store and a load on the one chain every unit waits on.
  const char16_t* units = text.data();
  const auto n = static_cast<int32_t>(text.size());
  const std::uint16_t* unit_class = unit_class_.data();
  const auto* next = delta.data();  // by row: the rows' offsets, not the states
  const std::size_t output_at = classes_;  // in a row, where its first output is
  std::size_t row = 0;
  for (int32_t j = 0; j < n; ++j) {
    row = next[row + unit_class[units[j]]];
    if (const int32_t o = next[row + output_at]; o > 0) [[unlikely]]
      emit(j + 1, o, found);
  }
}

void TopicMatcher::occurrences(const std::u16string& text, std::vector<Occurrence>& found) const {
  found.clear();
  if (delta16_.empty()) scan(text, delta_, found);
  else scan(text, delta16_, found);
  std::sort(found.begin(), found.end(), [](const Occurrence& a, const Occurrence& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.length > b.length;
  });
}

std::vector<Hit> TopicMatcher::find(const MatchText& m) const {
  std::vector<Hit> hits;
  thread_local std::vector<Occurrence> found;  // kept from paragraph to paragraph
  occurrences(m.text, found);
  if (found.empty()) return hits;
  thread_local std::vector<std::pair<int32_t, int32_t>> spans;
  spans.clear();
  for (const auto& o : found) spans.emplace_back(o.begin, o.begin + o.length);
  const std::vector<bool> boundary = word_boundaries(m.text, spans);

  for (std::size_t t = 0; t < topic_count_; ++t) {
    int32_t resume = 0;  // matching resumes after the last hit of this topic
    for (const Occurrence& o : found) {
      if (o.begin < resume) continue;
      const auto begin = static_cast<std::size_t>(o.begin), end = static_cast<std::size_t>(o.begin + o.length);
      if (!boundary[begin] || !boundary[end]) continue;
      const auto& owners = patterns_[static_cast<std::size_t>(o.pattern)].owners;
      auto owner = std::find_if(owners.begin(), owners.end(), [t](const Owner& w) { return w.topic == t; });
      if (owner == owners.end()) continue;
      hits.push_back({t, owner->term, m.source[begin], m.source_end(end - 1)});
      resume = o.begin + o.length;  // longest first at each place: this one wins
    }
  }
  return hits;
}

}  // namespace acta::analyze::topics
