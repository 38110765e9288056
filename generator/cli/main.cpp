// The command line: parses arguments, runs the chosen command, prints the error if it fails, and sets the
// exit status. Commands are in cli/*_command.cpp.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "cli/commands.hpp"
#include "util/error.hpp"
#include "util/host_memory.hpp"

#ifdef ACTA_MIMALLOC
// operator new and delete straight to mimalloc (malloc and free reach it by being linked before libc).
#include <mimalloc-new-delete.h>
#include <mimalloc.h>
#endif

int main(int argc, char** argv) {
#ifdef ACTA_MIMALLOC
  // 2 MiB pages for the heap where the system allows them (transparent huge pages): a 10,000-document
  // build touches most of a gigabyte, and faulting it in 4 KiB pages cost seconds. But not on a virtual
  // machine that hands free 2 MiB blocks back to its host, where a fresh 2 MiB page costs more than 512
  // small ones (util/host_memory.hpp). MIMALLOC_LARGE_OS_PAGES=0 or 1 in the environment decides instead.
  if (!std::getenv("MIMALLOC_LARGE_OS_PAGES") && !acta::free_memory_reported_to_host())
    mi_option_enable(mi_option_large_os_pages);
  // Every segment committed whole from the start (mimalloc commits the first ones piecemeal by default),
  // and freed segments kept committed rather than returned and faulted in again: where a page fault is dear
  // (under a hypervisor, about 10 us here), this took a 1,000-document build from 21,000 faults to 4,300.
  if (!std::getenv("MIMALLOC_EAGER_COMMIT_DELAY")) mi_option_set(mi_option_eager_commit_delay, 0);
  if (!std::getenv("MIMALLOC_ALLOW_DECOMMIT")) mi_option_disable(mi_option_allow_decommit);
#endif
  CLI::App app{"Acta: a static site generator for annotated archives of UN resolutions (Simplified Chinese)", "acta"};
  app.set_version_flag("--version", std::string("acta ") + ACTA_VERSION);
  app.require_subcommand(1);
  app.footer("Run 'acta COMMAND --help' for a command's options, and see 'man acta' or the README.\n"
             "Environment: ACTA_THREADS=N sets the number of worker threads (the output does not depend on it).");

  acta::cli::Action action;
  acta::cli::add_build_command(app, action);
  acta::cli::add_import_command(app, action);
  acta::cli::add_check_command(app, action);
  acta::cli::add_serve_command(app, action);
  acta::cli::add_init_command(app, action);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  try {
    return action ? action() : 0;
  } catch (const acta::SourceError& e) {
    std::cerr << "acta: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "acta: error: " << e.what() << "\n";
    return 1;
  }
}
