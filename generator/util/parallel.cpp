#include "util/parallel.hpp"

#include <cstdlib>
#include <string>

namespace acta {

unsigned worker_count() {
  if (const char* env = std::getenv("ACTA_THREADS")) {
    try {
      int n = std::stoi(env);
      if (n >= 1) return static_cast<unsigned>(n);
    } catch (...) {
    }
  }
  unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : hw;
}

void parallel_for(std::size_t n, const std::function<void(std::size_t)>& fn) {
  unsigned threads = std::min<std::size_t>(worker_count(), n);
  std::vector<std::exception_ptr> errors(n);
  auto run = [&](std::size_t i) {
    try {
      fn(i);
    } catch (...) {
      errors[i] = std::current_exception();
    }
  };
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) run(i);
  } else {
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
      pool.emplace_back([&] {
        for (std::size_t i; (i = next.fetch_add(1)) < n;) run(i);
      });
    for (auto& th : pool) th.join();
  }
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace acta
