#include "analyze/passes.hpp"

#include "analyze/citations/link_pass.hpp"
#include "analyze/topics/topic_pass.hpp"

namespace acta::analyze {

void run_passes(model::Archive& archive, const config::Config& config, Diagnostics* notes) {
  archive.reindex();
  citations::link_citations(archive, config, notes);
  assign_topics(archive, config);
}

}  // namespace acta::analyze
