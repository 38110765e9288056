#include "analyze/topics/matcher.hpp"

#include <algorithm>
#include <map>

namespace acta::analyze::topics {

TopicMatcher::TopicMatcher(const std::vector<config::Topic>& topics) {
  for (const auto& topic : topics) {
    std::map<UChar, std::vector<Term>> by_first;
    for (std::size_t k = 0; k < topic.terms.size(); ++k) {
      icu::UnicodeString t = normalize_term(topic.terms[k].term);
      if (t.isEmpty()) continue;
      by_first[t.charAt(0)].push_back({t, k});
    }
    std::vector<std::pair<UChar, std::vector<Term>>> table;
    for (auto& [first, terms] : by_first) {
      std::stable_sort(terms.begin(), terms.end(),
                       [](const Term& a, const Term& b) { return a.text.length() > b.text.length(); });
      table.emplace_back(first, std::move(terms));
    }
    topics_.push_back(std::move(table));
  }
}

std::vector<Hit> TopicMatcher::find(const MatchText& m) const {
  std::vector<Hit> hits;
  const int32_t n = m.text.length();
  for (std::size_t t = 0; t < topics_.size(); ++t) {
    const auto& table = topics_[t];
    if (table.empty()) continue;
    int32_t i = 0;
    while (i < n) {
      if (!m.boundary[static_cast<std::size_t>(i)]) {
        ++i;
        continue;
      }
      const UChar c = m.text.charAt(i);
      auto it = std::lower_bound(table.begin(), table.end(), c,
                                 [](const auto& entry, UChar key) { return entry.first < key; });
      int32_t matched = 0;
      if (it != table.end() && it->first == c) {
        for (const Term& term : it->second) {
          const int32_t len = term.text.length();
          if (i + len > n || !m.boundary[static_cast<std::size_t>(i + len)]) continue;
          if (m.text.compare(i, len, term.text) != 0) continue;
          hits.push_back({t, term.index, m.source[static_cast<std::size_t>(i)], m.source_end[static_cast<std::size_t>(i + len - 1)]});
          matched = len;
          break;  // longest first: the first that fits wins
        }
      }
      i += matched > 0 ? matched : 1;
    }
  }
  return hits;
}

}  // namespace acta::analyze::topics
