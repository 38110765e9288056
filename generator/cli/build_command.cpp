#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "site/build.hpp"
#include "util/files.hpp"

namespace acta::cli {

void add_build_command(CLI::App& app, Action& action) {
  struct Options {
    site::BuildOptions build;
    bool quiet = false;
    bool timings = false;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("build", "Build the site from the content folder into the output folder");
  cmd->add_option("--config", opts->build.config_file, "Config file (default: site-config.yaml)");
  cmd->add_option("--out", opts->build.output_override, "Output folder (default: 'output' of the config)");
  cmd->add_flag("-q,--quiet", opts->quiet, "Print nothing but warnings and errors");
  cmd->add_flag("--timings", opts->timings, "Print the wall time of each stage (read, analyze, write, swap)");
  cmd->callback([opts, &action] {
    action = [opts] {
      auto report = site::build(opts->build);
      for (const auto& w : report.warnings) std::cerr << w.str() << "\n";
      if (!opts->quiet)
        std::printf("acta: built %zu documents into %s: %zu pages, %zu files, %zu warnings, %.2f s\n", report.documents,
                    files::display(report.output).c_str(), report.pages, report.files, report.warnings.size(),
                    report.seconds);
      if (opts->timings)
        for (const auto& [stage, secs] : report.stages) std::printf("acta: %-8s %.3f s\n", stage.c_str(), secs);
      return 0;
    };
  });
}

}  // namespace acta::cli
