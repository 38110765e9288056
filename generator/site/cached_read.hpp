// Reading and analysing the archive with the build cache: a document whose source, sidecar, config and
// Acta version are unchanged comes from its cache record instead of being read and analysed again, as long
// as every citation lookup it made still gets the same answer (another document may have gained or lost a
// symbol or paragraph). The result is the archive a build without cache would have made.
#pragma once

#include <functional>
#include <vector>

#include "cache/hash.hpp"
#include "cache/store.hpp"
#include "config/config.hpp"
#include "model/archive.hpp"
#include "util/progress.hpp"

namespace acta::site {

struct AnalysedArchive {
  model::Archive archive;
  std::vector<cache::Hash> content;  // per document: hash of the analysed document (empty without cache)
  std::size_t from_cache = 0;        // documents taken from the cache
  std::size_t relinked = 0;          // of those, documents read again because a lookup's answer changed
};

// `setup` is the hash of what every record depends on (config, Acta's version). `store` may be null: no
// cache is read or written.
// `read_done` is called between reading and analysing (for progress and timings).
AnalysedArchive read_and_analyse(const config::Config& config, const cache::Store* store, const cache::Hash& setup,
                                 Progress& progress, const std::function<void()>& read_done);

}  // namespace acta::site
