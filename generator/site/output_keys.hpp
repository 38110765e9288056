// Incremental builds: the hash of everything each output file is made from, so that an unchanged file is
// reused from the previous site instead of made again. A key must cover every input of its file (a missed
// input would leave a stale file; tests/e2e/incremental_test.cpp compares with builds from scratch), and
// should cover little else (an extra input only costs a rebuild of the file).
#pragma once

#include <vector>

#include "cache/hash.hpp"
#include "config/config.hpp"
#include "model/archive.hpp"
#include "write/site_context.hpp"

namespace acta::site {

// `content`: per document, the hash of the analysed document (cache::Record::content). `setup`: Acta and
// the config. `templates`: the templates folder.
write::FileKeys output_keys(const model::Archive& archive, const config::Config& config,
                            const std::vector<cache::Hash>& content, const cache::Hash& setup, const cache::Hash& templates);

}  // namespace acta::site
