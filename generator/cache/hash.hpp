// Content hashes for the build cache: XXH3-128 (libxxhash), fast enough to hash every source on every
// build, wide enough that two different inputs never share a key in practice.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace acta::cache {

struct Hash {
  std::uint64_t lo = 0, hi = 0;
  bool operator==(const Hash&) const = default;
  bool empty() const { return lo == 0 && hi == 0; }
  std::string hex() const;  // 32 lowercase hex digits
};

Hash hash_of(std::string_view bytes);

// Hashes a sequence of values. Each string is length-prefixed, so ("ab", "c") and ("a", "bc") differ.
class Hasher {
 public:
  Hasher();
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  Hasher& add(std::string_view bytes);
  Hasher& add(std::uint64_t number);
  Hasher& add(const Hash& h) { return add(h.lo).add(h.hi); }
  Hash digest() const;

 private:
  void* state_;
};

}  // namespace acta::cache
