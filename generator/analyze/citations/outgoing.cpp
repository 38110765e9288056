#include "analyze/citations/outgoing.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace acta::analyze::citations {

namespace {

void collect(const model::Inlines& content, const std::string& place, std::vector<OutgoingCitation>& out) {
  for (const auto& in : content) {
    if (in.kind == model::InlineKind::Citation) {
      const auto& c = in.citation();
      out.push_back({c.symbol, c.paragraph, c.href, c.in_archive, model::plain_text(in.children), place});
    }
    collect(in.children, place, out);
  }
}

void sort_most_cited(std::vector<CitedDocument>& list) {
  std::stable_sort(list.begin(), list.end(), [](const CitedDocument& a, const CitedDocument& b) {
    if (a.citing.size() != b.citing.size()) return a.citing.size() > b.citing.size();
    return a.symbol < b.symbol;
  });
}

}  // namespace

std::vector<OutgoingCitation> outgoing_citations(const model::Document& doc) {
  std::vector<OutgoingCitation> out;
  model::for_each_text(doc, [&](const model::Inlines& text, const std::string& place) { collect(text, place, out); });
  return out;
}

CitationStats citation_stats(const model::Archive& archive) {
  CitationStats stats;
  std::map<std::string, std::set<std::size_t>> outside;
  std::vector<std::set<std::size_t>> inside(archive.documents.size());
  for (std::size_t i = 0; i < archive.documents.size(); ++i) {
    for (const auto& c : archive.documents[i].citations) {
      ++stats.citations;
      if (c.in_archive) {
        if (auto t = archive.find_symbol(c.symbol); t && *t != i) inside[*t].insert(i);
      } else {
        outside[c.symbol].insert(i);
      }
    }
  }
  for (std::size_t i = 0; i < archive.documents.size(); ++i) {
    stats.in_archive.push_back({archive.documents[i].meta.symbol, i, {inside[i].begin(), inside[i].end()}});
  }
  for (auto& [symbol, docs] : outside) stats.outside.push_back({symbol, std::nullopt, {docs.begin(), docs.end()}});
  sort_most_cited(stats.in_archive);
  sort_most_cited(stats.outside);
  return stats;
}

}  // namespace acta::analyze::citations
