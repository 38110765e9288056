// Runs independent work items on all cores and returns their results in input order, so that the output
// of a parallel stage is identical to a one-thread run.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace acta {

// Number of worker threads: ACTA_THREADS from the environment when set, else the hardware's.
unsigned worker_count();

// Calls fn(i) for every i in [0, n) on worker threads. Every item runs even when one throws; the exception
// of the lowest index is rethrown at the end, so the error reported does not depend on thread timing.
void parallel_for(std::size_t n, const std::function<void(std::size_t)>& fn);

template <typename T, typename Fn>
std::vector<T> parallel_map(std::size_t n, Fn&& fn) {
  std::vector<std::optional<T>> slots(n);
  parallel_for(n, [&](std::size_t i) { slots[i].emplace(fn(i)); });
  std::vector<T> out;
  out.reserve(n);
  for (auto& s : slots) out.push_back(std::move(*s));
  return out;
}

}  // namespace acta
