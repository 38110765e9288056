// How a build reports its progress. The build names its stages and counts what it has done; the command
// line decides how (or whether) to show it. Counts arrive from worker threads.
#pragma once

#include <cstddef>
#include <string_view>

namespace acta {

class Progress {
 public:
  virtual ~Progress() = default;
  // A new stage begins: "reading content", "analysing", "writing the site".
  virtual void stage(std::string_view) {}
  // `done` items of the current stage are finished; `total` is 0 when not known. Thread-safe.
  virtual void count(std::size_t /*done*/, std::size_t /*total*/, std::string_view /*unit*/) {}
};

}  // namespace acta
