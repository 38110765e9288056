// UTF-8 helpers used by every stage: validation with a position, decoding, and the character classes
// that the CJK line-joining and tokenizing rules need.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace acta::utf8 {

// Byte offset of the first invalid sequence, or npos when `s` is valid UTF-8.
std::size_t first_invalid(std::string_view s);

// Line (1-based) and column (1-based, in bytes) of byte offset `pos` in `s`.
struct LineCol {
  int line;
  int column;
};
LineCol line_col(std::string_view s, std::size_t pos);

// The code point of the three-byte sequence at p[0..3), its bytes already checked.
inline char32_t three_byte_value(const char* p) {
  return (char32_t{static_cast<unsigned char>(p[0])} & 0x0F) << 12 | (char32_t{static_cast<unsigned char>(p[1])} & 0x3F) << 6 |
         (char32_t{static_cast<unsigned char>(p[2])} & 0x3F);
}

#if defined(__SSE2__)
// Five three-byte sequences at p[0..15) whose lead bytes need no further check (E1..EC, EE, EF: never
// overlong, never a surrogate): a run of Chinese text is checked sixteen bytes at a time. p[15] is read,
// not checked.
inline bool five_plain_three_byte(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const int cont = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xC0))), _mm_set1_epi8(static_cast<char>(0x80))));
  const int lead = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xF0))), _mm_set1_epi8(static_cast<char>(0xE0))));
  const int e0_ed = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE0))),
                                            _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xED)))));
  constexpr int kLeads = 0x1249;          // bytes 0, 3, 6, 9, 12
  constexpr int kContinuations = 0x6DB6;  // the two after each
  return (cont & 0x7FFF) == kContinuations && (lead & kLeads) == kLeads && (e0_ed & kLeads) == 0;
}
#endif

// Five characters of three bytes at s[i..i+15) decoded into out[0..5), when s[i..i+16) holds five in a row
// as five_plain_three_byte; false, and nothing decoded, otherwise (or where the processor has no SSE2).
// Inline: the hot loops over Chinese text call it at every fifth character.
inline bool five_three_byte(std::string_view s, std::size_t i, char32_t* out) {
#if defined(__SSE2__)
  if (i + 16 > s.size() || !five_plain_three_byte(s.data() + i)) return false;
  for (int k = 0; k < 5; ++k) out[k] = three_byte_value(s.data() + i + 3 * k);
  return true;
#else
  (void)s, (void)i, (void)out;
  return false;
#endif
}

// Decodes the code point at `s[i]` and advances `i`; returns U+FFFD on a bad sequence (and advances 1).
// ASCII and three-byte sequences (all of Chinese) inline: tokenizers call it for every character.
char32_t next_general(std::string_view s, std::size_t& i);
inline char32_t next(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  if ((b0 & 0xF0) == 0xE0 && i + 2 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      const char32_t cp = three_byte_value(s.data() + i);
      i += 3;
      return cp;
    }
  }
  return next_general(s, i);
}
// Decodes the code point that ends right before `end`; moves `end` back to its start.
char32_t prev(std::string_view s, std::size_t& end);

void append(std::string& out, char32_t cp);
std::string encode(char32_t cp);

// `s` as UTF-16LE bytes (a bad sequence as U+FFFD): two bytes for each character of Chinese text instead of
// three, which a compressor then reads faster and packs smaller (write/search_files.cpp). Written into
// buffer[0, returned size); the buffer is made large enough and never shrunk, so that one kept for the next
// text needs no new memory.
std::size_t to_utf16le(std::string_view s, std::string& buffer);
#if defined(__x86_64__) && defined(__SSE2__)
// Whether to_utf16le decodes runs of Chinese with SSSE3 (where the processor has it). Tests turn it off to
// check the path every processor has against it.
extern bool simd_utf16;
#endif

// CJK ideographs, CJK punctuation and full-width forms: characters between which a line break is not a
// space (CSS Text Level 3, segment break transformation).
bool is_cjk(char32_t cp);
bool is_cjk_punct(char32_t cp);
bool is_ideograph(char32_t cp);

// Number of code points.
std::size_t length(std::string_view s);

// Strips ASCII and ideographic spaces at both ends.
std::string_view trim(std::string_view s);

}  // namespace acta::utf8
