// `acta check`: reads the archive and runs the analysis passes without writing a site, then reports per
// document the citations it could not resolve to a symbol and unusual patterns, with file and line.
// Broken input (front matter, duplicate symbols, bad UTF-8) is an error: status 1, like `acta build`.
#include <cstdio>
#include <iostream>
#include <memory>

#include "analyze/citations/link_pass.hpp"
#include "analyze/passes.hpp"
#include "cli/commands.hpp"
#include "config/config.hpp"
#include "read/content.hpp"

namespace acta::cli {

void add_check_command(CLI::App& app, Action& action) {
  struct Options {
    std::string config_file = "site-config.yaml";
    bool strict = false;
    bool quiet = false;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("check", "Read the archive, run the analysis and report unresolved citations and unusual patterns");
  cmd->add_option("--config", opts->config_file, "Config file (default: site-config.yaml)");
  cmd->add_flag("--strict", opts->strict, "Exit with status 2 when there is anything to report");
  cmd->add_flag("-q,--quiet", opts->quiet, "Print the findings only, no summary");
  cmd->callback([opts, &action] {
    action = [opts] {
      config::Config cfg = config::load(opts->config_file);
      model::Archive archive = read::read_archive(cfg);
      Diagnostics notes;
      analyze::run_passes(archive, cfg, &notes);
      std::size_t warnings = 0;
      for (const auto& d : archive.diagnostics) {
        std::cout << d.str() << "\n";
        ++warnings;
      }
      for (const auto& doc : archive.documents)
        for (const auto& d : doc.diagnostics) {
          std::cout << d.str() << "\n";
          ++warnings;
        }
      for (const auto& n : notes) std::cout << n.str() << "\n";
      std::size_t citations = 0, inside = 0, unresolved = 0;
      for (const auto& doc : archive.documents)
        for (const auto& c : doc.citations) {
          ++citations;
          inside += c.in_archive;
        }
      for (const auto& n : notes) unresolved += n.message.rfind(analyze::citations::kUnresolvedNote, 0) == 0;
      if (!opts->quiet)
        std::printf("acta check: %zu documents, %zu citations (%zu to archive documents, %zu outside, %zu unresolved), "
                    "%zu findings, %zu warnings\n",
                    archive.documents.size(), citations + unresolved, inside, citations - inside, unresolved, notes.size(), warnings);
      return opts->strict && (notes.size() + warnings) > 0 ? 2 : 0;
    };
  });
}

}  // namespace acta::cli
