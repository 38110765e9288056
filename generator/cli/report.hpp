// What the command line shows of a build: progress while it runs (a counted line that rewrites itself on a
// terminal, one plain line per stage otherwise, nothing when quiet) and the closing summary.
#pragma once

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

#include "site/build.hpp"
#include "util/progress.hpp"

namespace acta::cli {

class StderrProgress : public Progress {
 public:
  // `quiet`: show nothing. Otherwise a terminal gets the counted line, anything else plain lines.
  explicit StderrProgress(bool quiet);
  ~StderrProgress() override;  // clears the counted line

  void stage(std::string_view name) override;
  void count(std::size_t done, std::size_t total, std::string_view unit) override;
  // Clears the counted line, so what is printed next starts on a clean line.
  void clear();

 private:
  void draw(bool force);

  bool quiet_;
  bool tty_;
  std::mutex mutex_;
  std::string stage_;
  std::string counted_;
  bool line_shown_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

// Prints the warnings (always, on stderr) and, unless quiet, the summary on stdout: documents, pages,
// files, warnings, time; citations resolved and unresolved; the search index's size; notes.
void print_summary(const site::BuildReport& report, bool quiet);

// "1.2 MB", "340 KB", "12 B".
std::string human_bytes(std::uintmax_t bytes);

}  // namespace acta::cli
