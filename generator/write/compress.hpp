// Compressed data inside script files: raw DEFLATE (zlib) written as base64, which the browser turns back
// with atob() and DecompressionStream('deflate-raw'); both work from file://, where fetch() does not.
#pragma once

#include <string>
#include <string_view>

namespace acta::write {

// Raw DEFLATE (no zlib or gzip header) of `data` at zlib `level` (1 fastest .. 9 smallest).
// Level 2: the search texts are written once per build; level 6 took 65% more time for 5% fewer bytes.
std::string deflate_raw(std::string_view data, int level = 2);

// Standard base64 with padding (RFC 4648), the alphabet atob() reads.
std::string base64(std::string_view data);

}  // namespace acta::write
