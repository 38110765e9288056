// One build, end to end: config -> read -> analyze -> write -> swap in.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "util/error.hpp"
#include "util/progress.hpp"

namespace acta::site {

struct BuildOptions {
  std::filesystem::path config_file = "site-config.yaml";
  std::filesystem::path output_override;  // --out
  Progress* progress = nullptr;           // told about stages and counts; nullptr: silent
  bool use_cache = true;                  // read and write the build cache (Config::cache_dir)
  bool free_memory = true;                // false: leave the model to the exiting process (one-shot CLI)
};

struct BuildReport {
  std::size_t documents = 0;
  std::size_t pages = 0;
  std::size_t files = 0;
  std::size_t files_reused = 0;       // of those, unchanged since the previous build (incremental)
  std::size_t documents_cached = 0;   // documents whose analysis came from the cache
  std::filesystem::path output;
  double seconds = 0;
  // Wall time of each stage, in pipeline order: ("read", 0.4), ("analyze", 0.1), ("write", 0.5).
  struct Stage {
    std::string name;
    double seconds = 0;      // wall time of the stage
    double cpu_seconds = 0;  // user + system time of the process during the stage
    long peak_rss_kb = 0;    // the process's peak resident memory at the end of the stage
  };
  std::vector<Stage> stages;
  Diagnostics warnings;
  std::size_t citations_resolved = 0;    // citations of documents in the archive
  std::size_t citations_unresolved = 0;  // citations of documents outside it (linked to external_url)
  std::uintmax_t index_bytes = 0;        // size of the search index (files under search/), 0 if none
  std::size_t index_files = 0;
  std::vector<std::string> notes;        // things worth knowing that are not warnings (no base_url, …)
};

// Builds the site. Throws SourceError (naming file and line) on bad input; the previous output folder is
// then left as it was.
BuildReport build(const BuildOptions& options);

}  // namespace acta::site
