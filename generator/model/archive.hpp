// All documents of a site and the lookups the passes need. Plain data; built once after reading.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/document.hpp"

namespace acta::model {

// A place in the archive that cites another document: which document, which block.
struct CitingPlace {
  std::size_t doc = 0;  // index into Archive::documents
  std::string block_id;
};

struct Archive {
  std::vector<Document> documents;  // in a stable order: by source path

  // Every document that cites documents[i], in document order, filled by the backlink pass.
  std::vector<std::vector<CitingPlace>> cited_by;

  // Warnings about the archive as a whole (per-document ones live in each Document).
  Diagnostics diagnostics;

  // Index of the document with this symbol, or nothing.
  std::optional<std::size_t> find_symbol(const std::string& symbol) const;
  std::optional<std::size_t> find_slug(const std::string& slug) const;

  // Rebuilds the symbol and slug tables after documents changed.
  void reindex();

 private:
  std::unordered_map<std::string, std::size_t> by_symbol_;  // looked up for every citation: hashed, not ordered
  std::unordered_map<std::string, std::size_t> by_slug_;
};

// Output path of a document page, relative to the site root: "doc/<slug>.html".
std::string page_path(const Document& doc);

}  // namespace acta::model
