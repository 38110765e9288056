#include "write/compress.hpp"

#include <isa-l/igzip_lib.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace acta::write {

namespace {

// How often each literal or length symbol (0..285) and each distance symbol (0..29) of DEFLATE occurred
// in UTF-16LE Chinese text: counted by ISA-L's isal_update_histogram over the search texts of the five
// documents in content/ (tests/unit/search_index_test.cpp, DISABLED_SearchFiles.FitDeflateCode, prints
// them again), with a tenth of the literals' mean added to each byte value (a low byte of a Chinese
// character is any byte; a few occurred in none of the five). Only the code's lengths come from them.
constexpr std::uint16_t kLiteralLength[ISAL_DEF_LIT_LEN_SYMBOLS] = {
    940, 327, 83, 84, 59, 37, 115, 67, 90, 141, 82, 96, 327, 69, 106, 56,
    48, 76, 22, 42, 71, 13, 91, 29, 33, 27, 205, 55, 37, 32, 10, 126,
    177, 63, 60, 16, 20, 32, 21, 126, 196, 64, 61, 33, 94, 99, 56, 122,
    553, 156, 152, 119, 107, 66, 135, 73, 90, 85, 200, 60, 26, 22, 45, 60,
    70, 66, 28, 43, 65, 49, 38, 25, 52, 61, 27, 48, 67, 44, 926, 351,
    68, 447, 395, 488, 627, 67, 140, 334, 98, 210, 35, 318, 254, 78, 321, 233,
    111, 110, 275, 201, 70, 434, 180, 361, 158, 69, 19, 154, 213, 127, 99, 51,
    70, 91, 110, 171, 180, 134, 627, 73, 53, 165, 86, 145, 68, 52, 225, 137,
    135, 114, 55, 56, 536, 47, 92, 52, 95, 118, 35, 255, 465, 159, 49, 192,
    137, 99, 22, 19, 48, 93, 119, 126, 127, 33, 110, 67, 55, 17, 105, 25,
    59, 57, 20, 24, 66, 25, 45, 47, 65, 32, 35, 23, 10, 18, 51, 52,
    67, 17, 17, 69, 11, 32, 42, 29, 18, 84, 64, 23, 9, 26, 41, 37,
    16, 39, 29, 36, 56, 47, 55, 43, 36, 23, 88, 32, 25, 77, 44, 52,
    55, 102, 17, 22, 27, 38, 45, 20, 84, 47, 9, 64, 22, 48, 23, 66,
    49, 23, 21, 37, 16, 189, 20, 16, 67, 19, 38, 18, 37, 31, 49, 71,
    32, 25, 32, 24, 101, 16, 39, 56, 30, 97, 90, 56, 25, 115, 14, 377,
    5, 0, 4398, 500, 1184, 221, 620, 185, 488, 488, 300, 215, 107, 132, 133, 152,
    27, 86, 82, 8, 7, 0, 0, 1, 0, 0, 0, 0, 0, 0,
};
constexpr std::uint16_t kDistance[ISAL_DEF_DIST_SYMBOLS] = {
    0, 5, 0, 4, 18, 19, 62, 127, 115, 120, 216, 234, 349, 367, 617, 498,
    672, 456, 647, 479, 738, 566, 852, 547, 550, 318, 395, 186, 143, 34,
};

const isal_hufftables& fitted_code() {
  static const isal_hufftables code = [] {
    isal_hufftables t{};
    auto h = std::make_unique<isal_huff_histogram>();  // with ISA-L's 16 KB of work space: not on the stack
    std::memset(h.get(), 0, sizeof(isal_huff_histogram));
    std::copy(std::begin(kLiteralLength), std::end(kLiteralLength), h->lit_len_histogram);
    std::copy(std::begin(kDistance), std::end(kDistance), h->dist_histogram);
    if (isal_create_hufftables(&t, h.get()) != 0) throw std::runtime_error("ISA-L could not make the search texts' Huffman code");
    return t;
  }();
  return code;
}

// One stateless compression into `buffer`, grown if it was too small. `code`: null for the level's own.
std::size_t deflate_into(std::string_view data, std::string& buffer, int level, const isal_hufftables* code) {
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
    if (code && isal_deflate_set_hufftables(&s, const_cast<isal_hufftables*>(code), IGZIP_HUFFTABLE_CUSTOM) != COMP_OK)
      throw std::runtime_error("ISA-L refused the search texts' Huffman code");
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

}  // namespace

std::size_t deflate_raw(std::string_view data, std::string& buffer, int level) {
  if (level < 0 || level > 3) throw std::invalid_argument("deflate_raw: level " + std::to_string(level) + " is not 0..3");
  return deflate_into(data, buffer, level, nullptr);
}

std::size_t deflate_utf16_text(std::string_view utf16le, std::string& buffer) {
  return deflate_into(utf16le, buffer, 0, &fitted_code());
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
