#include "write/compress.hpp"

#include <isa-l/igzip_lib.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace acta::write {

std::size_t deflate_raw(std::string_view data, std::string& buffer, int level) {
  if (level < 0 || level > 3) throw std::invalid_argument("deflate_raw: level " + std::to_string(level) + " is not 0..3");
  if (data.size() > (std::uint32_t{1} << 30)) throw std::length_error("deflate_raw: more than 1 GiB at once");
  static constexpr std::uint32_t kLevelBuffer[] = {ISAL_DEF_LVL0_DEFAULT, ISAL_DEF_LVL1_DEFAULT, ISAL_DEF_LVL2_DEFAULT,
                                                   ISAL_DEF_LVL3_DEFAULT};
  // One work buffer per thread and level: the hash tables of ISA-L's levels above 0 live in it.
  thread_local int made_level = -1;
  thread_local std::unique_ptr<std::uint8_t[]> work;
  if (made_level != level) {
    work = std::make_unique_for_overwrite<std::uint8_t[]>(kLevelBuffer[level]);
    made_level = level;
  }
  // Stored blocks at worst: the data and a few bytes per 64 KB block; a larger buffer is tried if need be.
  if (const std::size_t bound = data.size() + data.size() / 64 + 1024; buffer.size() < bound) buffer.resize(bound);
  for (;;) {
    isal_zstream s;
    isal_deflate_stateless_init(&s);
    s.level = static_cast<std::uint32_t>(level);
    s.level_buf = work.get();
    s.level_buf_size = kLevelBuffer[level];
    s.gzip_flag = IGZIP_DEFLATE;  // raw DEFLATE: no zlib or gzip header
    s.flush = NO_FLUSH;
    s.end_of_stream = 1;
    s.next_in = reinterpret_cast<std::uint8_t*>(const_cast<char*>(data.data()));
    s.avail_in = static_cast<std::uint32_t>(data.size());
    s.next_out = reinterpret_cast<std::uint8_t*>(buffer.data());
    s.avail_out = static_cast<std::uint32_t>(std::min<std::size_t>(buffer.size(), UINT32_MAX));
    const int rc = isal_deflate_stateless(&s);
    if (rc == COMP_OK) return s.total_out;
    if (rc != STATELESS_OVERFLOW || buffer.size() > 2 * data.size() + (1u << 20))
      throw std::runtime_error("ISA-L deflate failed (" + std::to_string(rc) + ")");
    buffer.resize(2 * buffer.size());
  }
}

namespace {
constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
// Two base64 characters for every 12 bits, so three bytes take two lookups instead of four.
struct Pairs {
  char c[4096][2];
  constexpr Pairs() : c{} {
    for (int v = 0; v < 4096; ++v) {
      c[v][0] = kBase64[v >> 6];
      c[v][1] = kBase64[v & 63];
    }
  }
};
constexpr Pairs kPairs;
}  // namespace

void append_base64(std::string& out, std::string_view data) {
  const std::size_t at = out.size();
  out.resize(at + (data.size() + 2) / 3 * 4, '=');
  char* o = out.data() + at;
  std::size_t i = 0;
  auto byte = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(data[k])); };
  for (; i + 2 < data.size(); i += 3, o += 4) {
    const unsigned v = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
    std::memcpy(o, kPairs.c[v >> 12], 2);
    std::memcpy(o + 2, kPairs.c[v & 0xFFF], 2);
  }
  if (i < data.size()) {  // one or two bytes left: the padding '=' is already there
    const unsigned v = byte(i) << 16 | (i + 1 < data.size() ? byte(i + 1) << 8 : 0);
    o[0] = kBase64[v >> 18];
    o[1] = kBase64[(v >> 12) & 63];
    if (i + 1 < data.size()) o[2] = kBase64[(v >> 6) & 63];
  }
}

}  // namespace acta::write
