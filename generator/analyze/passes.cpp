#include "analyze/passes.hpp"

#include "analyze/citations/link_pass.hpp"
#include "analyze/topics/topic_pass.hpp"

namespace acta::analyze {

void run_passes(model::Archive& archive, const config::Config& config, Diagnostics* notes, const std::vector<char>& todo,
                std::vector<citations::Lookups>* lookups) {
  archive.reindex();
  citations::link_citations(archive, config, notes, todo, lookups);
  assign_topics(archive, config, todo);
}

}  // namespace acta::analyze
