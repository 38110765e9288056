// Figures for the closing summary of a build: pure functions of the model, and the size of a folder.
#pragma once

#include <cstdint>
#include <filesystem>

#include "model/archive.hpp"

namespace acta::site {

struct CitationCount {
  std::size_t resolved = 0;    // the cited document is in the archive
  std::size_t unresolved = 0;  // it is not: the link goes to the external URL
};

// Counts the citations of every document (Document::citations: blocks, table cells and footnotes).
CitationCount count_citations(const model::Archive& archive);

struct FolderSize {
  std::uintmax_t bytes = 0;
  std::size_t files = 0;
};

// Regular files under `folder`, recursively; zero when it does not exist.
FolderSize folder_size(const std::filesystem::path& folder);

}  // namespace acta::site
