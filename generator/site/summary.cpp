#include "site/summary.hpp"

namespace acta::site {

namespace fs = std::filesystem;

namespace {
void count(const model::Inlines& inlines, CitationCount& c) {
  for (const auto& in : inlines) {
    if (in.kind == model::InlineKind::Citation) ++(in.citation.in_archive ? c.resolved : c.unresolved);
    count(in.children, c);
  }
}
}  // namespace

CitationCount count_citations(const model::Archive& archive) {
  CitationCount c;
  for (const auto& doc : archive.documents) {
    for (const auto& b : doc.blocks) {
      count(b.content, c);
      for (const auto& row : b.rows)
        for (const auto& cell : row) count(cell, c);
    }
    for (const auto& f : doc.footnotes)
      for (const auto& p : f.paragraphs) count(p, c);
  }
  return c;
}

FolderSize folder_size(const fs::path& folder) {
  FolderSize s;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return s;
  for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    s.bytes += it->file_size(ec);
    ++s.files;
  }
  return s;
}

}  // namespace acta::site
