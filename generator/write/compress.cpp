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
  static constexpr char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out((data.size() + 2) / 3 * 4, '=');
  char* o = out.data();
  std::size_t i = 0;
  auto byte = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(data[k])); };
  for (; i + 2 < data.size(); i += 3, o += 4) {
    const unsigned v = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
    o[0] = abc[v >> 18];
    o[1] = abc[(v >> 12) & 63];
    o[2] = abc[(v >> 6) & 63];
    o[3] = abc[v & 63];
  }
  if (i < data.size()) {  // one or two bytes left: the padding '=' is already there
    const unsigned v = byte(i) << 16 | (i + 1 < data.size() ? byte(i + 1) << 8 : 0);
    o[0] = abc[v >> 18];
    o[1] = abc[(v >> 12) & 63];
    if (i + 1 < data.size()) o[2] = abc[(v >> 6) & 63];
  }
  return out;
}

}  // namespace acta::write
