// The command line: parses arguments, runs a command, prints a summary or the error, sets the exit status.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "site/build.hpp"
#include "util/error.hpp"
#include "util/files.hpp"

namespace {

int run_build(const acta::site::BuildOptions& opts, bool quiet) {
  auto report = acta::site::build(opts);
  for (const auto& w : report.warnings) std::cerr << w.str() << "\n";
  if (!quiet)
    std::printf("acta: built %zu documents into %s: %zu pages, %zu files, %zu warnings, %.2f s\n", report.documents,
                acta::files::display(report.output).c_str(), report.pages, report.files, report.warnings.size(),
                report.seconds);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Acta: a static site generator for annotated archives of UN resolutions (Simplified Chinese)", "acta"};
  app.set_version_flag("--version", std::string("acta ") + ACTA_VERSION);
  app.require_subcommand(1);

  acta::site::BuildOptions build_opts;
  bool quiet = false;
  auto* build = app.add_subcommand("build", "Build the site from the content folder into the output folder");
  build->add_option("--config", build_opts.config_file, "Config file (default: site-config.yaml)");
  build->add_option("--out", build_opts.output_override, "Output folder (default: 'output' of the config)");
  build->add_flag("-q,--quiet", quiet, "Print nothing but warnings and errors");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  try {
    if (*build) return run_build(build_opts, quiet);
  } catch (const acta::SourceError& e) {
    std::cerr << "acta: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "acta: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
