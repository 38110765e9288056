// The analysis passes, run in order over the whole archive after reading and before writing.
#pragma once

#include "config/config.hpp"
#include "model/archive.hpp"

namespace acta::analyze {

// Runs every pass (citations, backlinks, topics, …). Pure: same archive and config in, same archive out.
void run_passes(model::Archive& archive, const config::Config& config);

}  // namespace acta::analyze
