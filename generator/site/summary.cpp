#include "site/summary.hpp"

namespace acta::site {

namespace fs = std::filesystem;

CitationCount count_citations(const model::Archive& archive) {
  CitationCount c;
  for (const auto& doc : archive.documents)
    for (const auto& ref : doc.citations) ++(ref.in_archive ? c.resolved : c.unresolved);
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
