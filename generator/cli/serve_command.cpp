// `acta serve`: build, serve the output on 127.0.0.1, rebuild when an input changes, reload open pages.
// Threads: the HTTP server's pool, one thread that waits for Ctrl-C, and this one, which watches and
// builds. A failed build is reported in the terminal and on the open pages; the last good site stays.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/commands.hpp"
#include "cli/report.hpp"
#include "config/config.hpp"
#include "serve/server.hpp"
#include "serve/watcher.hpp"
#include "site/build.hpp"
#include "util/files.hpp"

namespace acta::cli {

namespace fs = std::filesystem;

namespace {

struct ServeOptions {
  site::BuildOptions build;
  int port = 8000;
};

// Builds once; prints the outcome; returns the error ("" on success).
std::string build_once(const site::BuildOptions& options) {
  StderrProgress progress(false);
  site::BuildOptions with_progress = options;
  with_progress.progress = &progress;
  try {
    auto report = site::build(with_progress);
    progress.clear();
    print_summary(report, false);
    return "";
  } catch (const SourceError& e) {
    progress.clear();
    std::cerr << "acta: " << e.what() << "\n";
    return e.what();
  } catch (const std::exception& e) {
    progress.clear();
    std::cerr << "acta: error: " << e.what() << "\n";
    return std::string("error: ") + e.what();
  }
}

// What to watch: the config file and the folders it names (read again after every build, since the
// config may have changed them). A config that does not load is watched alone until it is fixed.
std::unique_ptr<serve::Watcher> watch_inputs(const site::BuildOptions& options, const fs::path& out_dir) {
  std::vector<fs::path> folders;
  try {
    auto cfg = config::load(options.config_file);
    folders = {cfg.content_dir(), cfg.templates_dir()};
  } catch (const SourceError&) {
  }
  return std::make_unique<serve::Watcher>(folders, std::vector<fs::path>{options.config_file}, out_dir);
}

int run_serve(const ServeOptions& opts) {
  // Ctrl-C and SIGTERM go to one thread that stops the server; every other thread blocks them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  fs::path out_dir = opts.build.output_override.empty() ? config::load(opts.build.config_file).output_dir()
                                                        : opts.build.output_override;
  serve::LiveState state;
  auto watcher = watch_inputs(opts.build, out_dir);
  state.publish(build_once(opts.build));

  serve::Server server(out_dir, state);
  int port = server.bind(opts.port);
  std::printf("acta: serving %s at http://127.0.0.1:%d/ (Ctrl-C to stop)\n", files::display(out_dir).c_str(), port);
  std::fflush(stdout);

  std::atomic<bool> stopping{false};
  std::thread http([&] { server.run(); });
  std::thread stopper([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    stopping = true;
    server.stop();
  });

  while (!stopping) {
    auto changed = watcher->wait(std::chrono::milliseconds(250));
    if (changed.empty()) continue;
    for (const auto& p : changed) std::printf("acta: changed: %s\n", files::display(p).c_str());
    watcher = watch_inputs(opts.build, out_dir);  // before building, so edits made during the build count
    state.publish(build_once(opts.build));
  }
  http.join();
  stopper.join();
  std::printf("acta: stopped\n");
  return 0;
}

}  // namespace

void add_serve_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Build the site, serve it on http://127.0.0.1:PORT/, rebuild when content, templates "
                                          "or the config change, and reload the open pages");
  cmd->add_option("--config", opts->build.config_file, "Config file (default: site-config.yaml)");
  cmd->add_option("--out", opts->build.output_override, "Output folder (default: 'output' of the config)");
  cmd->add_option("-p,--port", opts->port, "Port on 127.0.0.1 (default: 8000; 0 picks a free port)")->check(CLI::Range(0, 65535));
  cmd->footer("The pages served get a small script that reloads them after each rebuild and shows build errors over the "
              "page; the files written to the output folder are the same as 'acta build' writes. Stop with Ctrl-C.");
  cmd->callback([opts, &action] {
    action = [opts] { return run_serve(*opts); };
  });
}

}  // namespace acta::cli
