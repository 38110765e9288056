#include "site/init.hpp"

#include <algorithm>

#include "util/error.hpp"
#include "util/files.hpp"

namespace acta::site {

namespace fs = std::filesystem;

namespace {

bool is_data_folder(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p / "templates" / "layout.mustache", ec) && fs::is_regular_file(p / "starter" / "site-config.yaml", ec);
}

}  // namespace

DataFolder find_data_folder(const fs::path& executable) {
  std::vector<fs::path> candidates;
  std::error_code ec;
  fs::path exe_dir = fs::weakly_canonical(executable, ec).parent_path();
  candidates.push_back(exe_dir.parent_path() / "share" / "acta");  // relocatable install
#ifdef ACTA_BUILD_DIR
  if (exe_dir == fs::weakly_canonical(ACTA_BUILD_DIR, ec)) candidates.push_back(ACTA_SOURCE_TREE);
#endif
  candidates.push_back(fs::path(ACTA_DEFAULT_TEMPLATES).parent_path());
  std::string looked;
  for (const auto& c : candidates) {
    if (is_data_folder(c)) return {c / "templates", c / "starter"};
    looked += (looked.empty() ? "" : ", ") + c.string();
  }
  throw SourceError({executable.string(), 0}, "cannot find Acta's default templates and starter files (looked in " + looked +
                                                  "); install Acta with 'cmake --install build' or run the acta of a build tree");
}

std::vector<fs::path> init_archive(const fs::path& dir, const DataFolder& data) {
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir, ec))
      throw SourceError({files::display(dir), 0}, "exists and is not a folder; choose a new folder for the archive");
    if (!fs::is_empty(dir, ec))
      throw SourceError({files::display(dir), 0}, "folder is not empty; 'acta init' only writes into a new or empty folder");
  }
  std::vector<fs::path> written;
  auto copy_tree = [&](const fs::path& from, const fs::path& to) {
    for (const auto& e : fs::recursive_directory_iterator(from)) {
      if (!e.is_regular_file()) continue;
      fs::path rel = to / e.path().lexically_relative(from);
      files::write(dir / rel, files::read(e.path()));
      written.push_back(rel);
    }
  };
  copy_tree(data.starter, "");
  copy_tree(data.templates, "templates");
  for (auto& p : written) p = p.lexically_normal();
  std::sort(written.begin(), written.end());
  return written;
}

}  // namespace acta::site
