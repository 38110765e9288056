// Compressed data inside script files: raw DEFLATE (libdeflate) written as base64, which the browser turns back
// with atob() and DecompressionStream('deflate-raw'); both work from file://, where fetch() does not. (The
// search texts are compressed as UTF-16LE, and read back with TextDecoder('utf-16le').)
#pragma once

#include <string>
#include <string_view>

namespace acta::write {

// Raw DEFLATE (no zlib or gzip header) of `data` at `level` (1 fastest .. 12 smallest), by libdeflate.
// Level 1: on the search texts of 1,000 documents it took 0.09 s against zlib's 0.24 s at its level 2 (the
// level used before), for 0.6% more bytes; libdeflate's level 6 saves another 7% for 2.4 times the time.
std::string deflate_raw(std::string_view data, int level = 1);

// Standard base64 with padding (RFC 4648), the alphabet atob() reads.
std::string base64(std::string_view data);

}  // namespace acta::write
