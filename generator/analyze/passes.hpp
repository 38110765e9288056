// The analysis passes, run in order over the whole archive after reading and before writing.
#pragma once

#include "config/config.hpp"
#include "model/archive.hpp"
#include "util/error.hpp"

namespace acta::analyze {

// Runs every pass (citations, backlinks, topics, …). Pure: same archive and config in, same archive out.
// `notes`, when given, collects what `acta check` reports and a build does not warn about (citations
// that could not be resolved, unusual patterns).
void run_passes(model::Archive& archive, const config::Config& config, Diagnostics* notes = nullptr);

}  // namespace acta::analyze
