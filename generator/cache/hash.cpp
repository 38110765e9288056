#include "cache/hash.hpp"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace acta::cache {

std::string Hash::hex() const {
  static const char* digits = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 0; i < 16; ++i) {
    out[15 - i] = digits[(hi >> (4 * i)) & 15];
    out[31 - i] = digits[(lo >> (4 * i)) & 15];
  }
  return out;
}

Hash hash_of(std::string_view bytes) {
  auto h = XXH3_128bits(bytes.data(), bytes.size());
  return {h.low64, h.high64};
}

Hasher::Hasher() : state_(XXH3_createState()) { XXH3_128bits_reset(static_cast<XXH3_state_t*>(state_)); }
Hasher::~Hasher() { XXH3_freeState(static_cast<XXH3_state_t*>(state_)); }

Hasher& Hasher::add(std::string_view bytes) {
  add(static_cast<std::uint64_t>(bytes.size()));
  XXH3_128bits_update(static_cast<XXH3_state_t*>(state_), bytes.data(), bytes.size());
  return *this;
}

Hasher& Hasher::add(std::uint64_t number) {
  unsigned char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>(number >> (8 * i));
  XXH3_128bits_update(static_cast<XXH3_state_t*>(state_), b, 8);
  return *this;
}

Hash Hasher::digest() const {
  auto h = XXH3_128bits_digest(static_cast<XXH3_state_t*>(state_));
  return {h.low64, h.high64};
}

}  // namespace acta::cache
