#include "analyze/passes.hpp"

namespace acta::analyze {

void run_passes(model::Archive& archive, const config::Config& config) {
  (void)config;
  archive.reindex();
}

}  // namespace acta::analyze
