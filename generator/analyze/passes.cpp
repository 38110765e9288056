#include "analyze/passes.hpp"

#include "analyze/topics/topic_pass.hpp"

namespace acta::analyze {

void run_passes(model::Archive& archive, const config::Config& config) {
  archive.reindex();
  assign_topics(archive, config);
}

}  // namespace acta::analyze
