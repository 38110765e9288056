// `acta init`: a new archive, ready to build: the starter kit (config, one example document) and a copy
// of the default templates.
#pragma once

#include <filesystem>
#include <vector>

namespace acta::site {

// Acta's shared data: a folder holding `templates/` (the default templates) and `starter/` (the config
// and example document `init` writes).
struct DataFolder {
  std::filesystem::path templates;
  std::filesystem::path starter;
};

// Finds the data folder: beside an installed executable (<prefix>/bin/acta -> <prefix>/share/acta), the
// source tree for an executable in its build tree, else the install prefix Acta was configured with.
// Throws SourceError saying where it looked.
DataFolder find_data_folder(const std::filesystem::path& executable);

// Writes a new archive into `dir` (created when missing). Refuses a `dir` that exists and is not empty.
// Returns the files written, relative to `dir`, sorted.
std::vector<std::filesystem::path> init_archive(const std::filesystem::path& dir, const DataFolder& data);

}  // namespace acta::site
