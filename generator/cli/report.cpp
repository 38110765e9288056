#include "cli/report.hpp"

#include <unistd.h>

#include <iostream>

#include "util/files.hpp"

namespace acta::cli {

namespace {
constexpr auto kRedrawEvery = std::chrono::milliseconds(80);
}

StderrProgress::StderrProgress(bool quiet) : quiet_(quiet), tty_(::isatty(STDERR_FILENO) == 1) {}

StderrProgress::~StderrProgress() { clear(); }

void StderrProgress::stage(std::string_view name) {
  if (quiet_) return;
  std::lock_guard lock(mutex_);
  stage_ = std::string(name);
  counted_.clear();
  if (tty_) draw(true);
  else std::fprintf(stderr, "acta: %s\n", stage_.c_str());
}

void StderrProgress::count(std::size_t done, std::size_t total, std::string_view unit) {
  if (quiet_ || !tty_) return;
  std::lock_guard lock(mutex_);
  counted_ = std::to_string(done) + (total ? "/" + std::to_string(total) : "") + " " + std::string(unit);
  draw(total != 0 && done == total);
}

void StderrProgress::clear() {
  if (quiet_ || !tty_) return;
  std::lock_guard lock(mutex_);
  if (line_shown_) std::fputs("\r\033[K", stderr);
  line_shown_ = false;
}

// Redraws at most every few milliseconds: thousands of files must not mean thousands of writes.
void StderrProgress::draw(bool force) {
  auto now = std::chrono::steady_clock::now();
  if (!force && now - last_draw_ < kRedrawEvery) return;
  last_draw_ = now;
  std::fprintf(stderr, "\r\033[Kacta: %s%s%s", stage_.c_str(), counted_.empty() ? "" : ": ", counted_.c_str());
  std::fflush(stderr);
  line_shown_ = true;
}

std::string human_bytes(std::uintmax_t bytes) {
  char buf[32];
  if (bytes >= 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f MB", bytes / (1024.0 * 1024.0));
  else if (bytes >= 1024) std::snprintf(buf, sizeof buf, "%.0f KB", bytes / 1024.0);
  else std::snprintf(buf, sizeof buf, "%ju B", bytes);
  return buf;
}

void print_summary(const site::BuildReport& r, bool quiet) {
  for (const auto& w : r.warnings) std::cerr << w.str() << "\n";
  if (quiet) return;
  std::printf("acta: built %zu documents into %s: %zu pages, %zu files, %zu warnings, %.2f s\n", r.documents,
              files::display(r.output).c_str(), r.pages, r.files, r.warnings.size(), r.seconds);
  if (r.documents_cached || r.files_reused)
    std::printf("acta: incremental: %zu of %zu documents unchanged (from the cache), %zu of %zu files reused\n",
                r.documents_cached, r.documents, r.files_reused, r.files);
  std::string index = r.index_files ? human_bytes(r.index_bytes) + " in " + std::to_string(r.index_files) + " files"
                                    : std::string("none");
  std::printf("acta: citations: %zu resolved in the archive, %zu unresolved (linked outside); search index: %s\n",
              r.citations_resolved, r.citations_unresolved, index.c_str());
  for (const auto& n : r.notes) std::printf("acta: note: %s\n", n.c_str());
  std::fflush(stdout);
}

}  // namespace acta::cli
