#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "cli/report.hpp"
#include "site/build.hpp"

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
  cmd->add_flag("-q,--quiet", opts->quiet, "Print nothing but warnings and errors (no progress, no summary)");
  cmd->add_flag("--no-cache", [opts](std::int64_t) { opts->build.use_cache = false; },
                "Build everything from scratch without reading or writing the build cache ('cache:' of the config)");
  cmd->add_flag("--timings", opts->timings, "Print the wall time of each stage (read, analyze, write, swap)");
  cmd->footer("Progress goes to stderr (a counted line on a terminal, one line per stage otherwise); the summary to stdout: "
              "documents, pages, files, warnings, time, citations resolved/unresolved, search index size. The new site "
              "replaces the output folder only when the build succeeds. Exit status: 0 on success, 1 on an error.");
  cmd->callback([opts, &action] {
    action = [opts] {
      StderrProgress progress(opts->quiet);
      opts->build.progress = &progress;
      opts->build.free_memory = false;  // `acta build` exits right after: freeing a large model only costs time
      auto report = site::build(opts->build);
      progress.clear();
      print_summary(report, opts->quiet);
      if (opts->timings)
        for (const auto& st : report.stages)
          std::printf("acta: %-13s %7.3f s wall %7.3f s CPU  peak %5ld MiB\n", st.name.c_str(), st.seconds, st.cpu_seconds,
                      st.peak_rss_kb / 1024);
      return 0;
    };
  });
}

}  // namespace acta::cli
