// Compressed data inside script files: raw DEFLATE (ISA-L, Intel's storage acceleration library) written as
// base64, which the browser turns back with atob() and DecompressionStream('deflate-raw'); both work from
// file://, where fetch() does not. (The search texts are compressed as UTF-16LE, and read back with
// TextDecoder('utf-16le').)
#pragma once

#include <string>
#include <string_view>

namespace acta::write {

// Raw DEFLATE (no zlib or gzip header) of `data` at `level` (0 fastest .. 3 smallest), by ISA-L. Level 2: on
// the search texts of 1,000 documents (14.4 MB of UTF-16LE) it took 0.051-0.063 s against libdeflate's
// 0.084-0.089 s at its fastest level, 1 (used before), for 3% more bytes; ISA-L's level 0 took 0.034 s for
// 17% more, its level 3 0.068-0.083 s for 2.5% more.
// Written into buffer[0, returned size), as utf8::to_utf16le: the buffer grown if need be, never shrunk.
std::size_t deflate_raw(std::string_view data, std::string& buffer, int level = 2);

// Raw DEFLATE of text in UTF-16LE, mostly Chinese (the search texts), as deflate_raw: ISA-L's level 0, one
// pass, with a fixed Huffman code fitted to such text instead of ISA-L's default one. On the search texts of
// the 10,000-document corpus (145 MB) it took 0.32 s against level 2's 0.51 s, for 2.8% more bytes (level 0
// with the default code: 0.32 s and 14% more); ISA-L building a code for each text took 0.89 s, since the
// tables cost more than the pass. A fixed code makes each text's bytes depend on that text alone. Any
// input round-trips; text far from Chinese (an English text: 11% more than level 2) compresses less well.
std::size_t deflate_utf16_text(std::string_view utf16le, std::string& buffer);

// Appends `data` to `out` in standard base64 with padding (RFC 4648), the alphabet atob() reads.
void append_base64(std::string& out, std::string_view data);

}  // namespace acta::write
