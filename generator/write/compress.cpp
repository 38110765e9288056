#include "write/compress.hpp"

#include <libdeflate.h>

#include <memory>
#include <stdexcept>

namespace acta::write {

std::string deflate_raw(std::string_view data, int level) {
  struct Free {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
  };
  // One compressor per thread and level: making one allocates and clears its tables.
  thread_local int made_level = -1;
  thread_local std::unique_ptr<libdeflate_compressor, Free> compressor;
  if (!compressor || made_level != level) {
    compressor.reset(libdeflate_alloc_compressor(level));
    made_level = level;
    if (!compressor) throw std::runtime_error("libdeflate: cannot make a compressor at level " + std::to_string(level));
  }
  std::string out(libdeflate_deflate_compress_bound(compressor.get(), data.size()), '\0');
  const std::size_t n = libdeflate_deflate_compress(compressor.get(), data.data(), data.size(), out.data(), out.size());
  if (n == 0) throw std::runtime_error("libdeflate: the output did not fit its bound");
  out.resize(n);
  return out;
}

std::string base64(std::string_view data) {
  static const char* abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  std::size_t i = 0;
  auto byte = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(data[k])); };
  for (; i + 2 < data.size(); i += 3) {
    unsigned v = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
    out += abc[v >> 18];
    out += abc[(v >> 12) & 63];
    out += abc[(v >> 6) & 63];
    out += abc[v & 63];
  }
  if (i < data.size()) {
    unsigned v = byte(i) << 16 | (i + 1 < data.size() ? byte(i + 1) << 8 : 0);
    out += abc[v >> 18];
    out += abc[(v >> 12) & 63];
    out += i + 1 < data.size() ? abc[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace acta::write
