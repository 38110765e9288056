#include "analyze/topics/matcher.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace acta::analyze::topics {

TopicMatcher::TopicMatcher(const std::vector<config::Topic>& topics, std::size_t dense_limit) : topic_count_(topics.size()) {
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
  // term, found down its parent's fail chain.
  auto go = [&](int32_t s, std::uint16_t c) {  // the trie's transition, or -1
    const auto& next = trie[static_cast<std::size_t>(s)].next;
    auto it = next.find(c);
    return it == next.end() ? -1 : it->second;
  };
  std::vector<int32_t> order;  // the states breadth first
  order.reserve(trie.size());
  order.push_back(0);
  for (std::size_t q = 0; q < order.size(); ++q) {
    const int32_t s = order[q];
    for (const auto& [c, child] : trie[static_cast<std::size_t>(s)].next) {
      int32_t f = 0;
      if (s != 0) {
        for (f = trie[static_cast<std::size_t>(s)].fail;; f = trie[static_cast<std::size_t>(f)].fail) {
          if (const int32_t g = go(f, c); g >= 0) {
            f = g;
            break;
          }
          if (f == 0) break;
        }
      }
      trie[static_cast<std::size_t>(child)].fail = f;
      output_[static_cast<std::size_t>(child)] = pattern_at_[static_cast<std::size_t>(f)] >= 0 ? f : output_[static_cast<std::size_t>(f)];
      order.push_back(child);
    }
  }
  auto first_output = [&](std::size_t s) { return std::max(pattern_at_[s] >= 0 ? static_cast<int32_t>(s) : output_[s], 0); };

  const std::size_t stride = classes_ + 1;
  if (trie.size() * stride <= dense_limit) {
    // The table as the scan reads it: a row per state, its classes_ entries the next states' rows (state
    // times the row's length: the scan never multiplies), fail links already followed (a missing
    // transition is the fail state's, whose row is made first, breadth first; class 0, a unit in no term,
    // goes back to the root), then one more entry, the state's first output (no term ends at the root).
    delta_.assign(trie.size() * stride, 0);
    for (const int32_t s : order) {
      const std::size_t row = static_cast<std::size_t>(s) * stride;
      if (s != 0) {
        const std::size_t fail_row = static_cast<std::size_t>(trie[static_cast<std::size_t>(s)].fail) * stride;
        std::copy(delta_.begin() + static_cast<std::ptrdiff_t>(fail_row + 1), delta_.begin() + static_cast<std::ptrdiff_t>(fail_row + classes_),
                  delta_.begin() + static_cast<std::ptrdiff_t>(row + 1));
      }
      for (const auto& [c, child] : trie[static_cast<std::size_t>(s)].next) delta_[row + c] = child * static_cast<int32_t>(stride);
      delta_[row + classes_] = first_output(static_cast<std::size_t>(s));
    }
    if (delta_.size() <= 0xFFFF) {
      delta16_.assign(delta_.begin(), delta_.end());
      delta_.clear();
    }
    return;
  }
  root_next_.assign(classes_, 0);
  for (const auto& [c, child] : trie[0].next) root_next_[c] = child;
  child_at_.assign(trie.size() + 1, 0);
  fail_.assign(trie.size(), 0);
  first_output_.assign(trie.size(), 0);
  for (std::size_t s = 0; s < trie.size(); ++s) {
    child_at_[s] = static_cast<std::uint32_t>(child_class_.size());
    if (s != 0)
      for (const auto& [c, child] : trie[s].next) {  // by class ascending (a std::map)
        child_class_.push_back(c);
        child_state_.push_back(child);
      }
    fail_[s] = trie[s].fail;
    first_output_[s] = first_output(s);
  }
  child_at_[trie.size()] = static_cast<std::uint32_t>(child_class_.size());
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

void TopicMatcher::scan_sparse(const std::u16string& text, std::vector<Occurrence>& found) const {
  const std::uint16_t* classes = child_class_.data();
  int32_t s = 0;
  for (std::size_t j = 0; j < text.size(); ++j) {
    const std::uint16_t c = unit_class_[text[j]];
    // The transition on c of the deepest state down the fail chain that has one; a unit in no term (class
    // 0, which no state has) leads back to the root.
    while (true) {
      if (s == 0) {
        s = root_next_[c];
        break;
      }
      const std::uint16_t* end = classes + child_at_[static_cast<std::size_t>(s) + 1];
      const std::uint16_t* at = std::lower_bound(classes + child_at_[static_cast<std::size_t>(s)], end, c);
      if (at != end && *at == c) {
        s = child_state_[static_cast<std::size_t>(at - classes)];
        break;
      }
      s = fail_[static_cast<std::size_t>(s)];
    }
    if (const int32_t o = first_output_[static_cast<std::size_t>(s)]; o > 0) emit(static_cast<int32_t>(j) + 1, o, found);
  }
}

void TopicMatcher::occurrences(const std::u16string& text, std::vector<Occurrence>& found) const {
  found.clear();
  if (!root_next_.empty()) scan_sparse(text, found);
  else if (delta16_.empty()) scan(text, delta_, found);
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
