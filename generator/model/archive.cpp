#include "model/archive.hpp"

namespace acta::model {

std::optional<std::size_t> Archive::find_symbol(const std::string& symbol) const {
  auto it = by_symbol_.find(symbol);
  if (it == by_symbol_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::size_t> Archive::find_slug(const std::string& slug) const {
  auto it = by_slug_.find(slug);
  if (it == by_slug_.end()) return std::nullopt;
  return it->second;
}

void Archive::reindex() {
  by_symbol_.clear();
  by_slug_.clear();
  for (std::size_t i = 0; i < documents.size(); ++i) {
    if (!documents[i].meta.symbol.empty()) by_symbol_.emplace(documents[i].meta.symbol, i);
    by_slug_.emplace(documents[i].slug, i);
  }
  cited_by.assign(documents.size(), {});
}

std::string page_path(const Document& doc) { return "doc/" + doc.slug + ".html"; }

}  // namespace acta::model
