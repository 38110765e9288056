// The analysis passes, run in order over the whole archive after reading and before writing.
#pragma once

#include <vector>

#include "analyze/citations/link_pass.hpp"
#include "config/config.hpp"
#include "model/archive.hpp"
#include "util/error.hpp"

namespace acta::analyze {

// Runs every pass (citations, backlinks, topics, …). Pure: same archive and config in, same archive out.
// `notes`, when given, collects what `acta check` reports and a build does not warn about (citations
// that could not be resolved, unusual patterns).
// With `todo` not empty, only documents i with todo[i] are analysed (the others carry a cached analysis);
// the backlinks are always filled from all. `lookups` receives what each analysed document's citations
// asked of the archive (see citations::Lookup).
void run_passes(model::Archive& archive, const config::Config& config, Diagnostics* notes = nullptr,
                const std::vector<char>& todo = {}, std::vector<citations::Lookups>* lookups = nullptr);

}  // namespace acta::analyze
