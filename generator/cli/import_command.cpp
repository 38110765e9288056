#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "read/content.hpp"
#include "util/error.hpp"
#include "write/markdown_export.hpp"

namespace acta::cli {

void add_import_command(CLI::App& app, Action& action) {
  auto file = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("import", "Print a source document (and its sidecar) as canonical Markdown with front matter");
  cmd->add_option("FILE", *file, "A content file, e.g. content/a-res-80-144.txt")->required();
  cmd->callback([file, &action] {
    action = [file] {
      namespace fs = std::filesystem;
      fs::path path(*file);
      if (!fs::is_regular_file(path)) throw SourceError({*file, 0}, "no such file; give the path of a content file");
      fs::path root = path.has_parent_path() ? path.parent_path() : fs::path(".");
      model::Document doc = read::read_document(path, root);
      for (const auto& w : doc.diagnostics) std::cerr << w.str() << "\n";
      std::cout << write::export_markdown(doc);
      return 0;
    };
  });
}

}  // namespace acta::cli
