// The number encoding of the index shards: variable-length integers written as printable ASCII, so posting
// lists can sit in JavaScript string literals without escaping (the shards must be scripts, not binary
// files, to load from file://). 92 characters (printable ASCII without '"' and '\'): the first 64 end a
// number and carry a base-64 digit, the other 28 carry a base-28 digit and say more follows. A number
// below 64 takes one byte, below 1792 two, below 50176 three. Mirrored by decode() in search-core.js.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace acta::analyze::search {

inline constexpr std::string_view kDigits =
    "#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~!";
inline constexpr std::uint64_t kFinal = 64;  // kDigits[0..63] end a number
inline constexpr std::uint64_t kMore = 28;   // kDigits[64..91] continue it

// Writes `n` at `out`, which has room for kMaxDigits; returns the bytes written.
inline constexpr std::size_t kMaxDigits = 16;
inline std::size_t put(char* out, std::uint64_t n) {
  std::size_t k = 0;
  while (n >= kFinal) {
    out[k++] = kDigits[kFinal + n % kMore];
    n /= kMore;
  }
  out[k++] = kDigits[n];
  return k;
}

inline void put(std::string& out, std::uint64_t n) {
  char digits[kMaxDigits];
  out.append(digits, put(digits, n));
}

// How many bytes put() writes for `n`.
inline std::size_t put_size(std::uint64_t n) {
  std::size_t k = 1;
  for (; n >= kFinal; n /= kMore) ++k;
  return k;
}

// Reads one number at `i` and advances `i`; for tests (the browser has its own reader).
std::uint64_t get(std::string_view in, std::size_t& i);

}  // namespace acta::analyze::search
