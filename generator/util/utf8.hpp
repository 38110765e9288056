// UTF-8 helpers used by every stage: validation with a position, decoding, and the character classes
// that the CJK line-joining and tokenizing rules need.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace acta::utf8 {

// Byte offset of the first invalid sequence, or npos when `s` is valid UTF-8.
std::size_t first_invalid(std::string_view s);

// Line (1-based) and column (1-based, in bytes) of byte offset `pos` in `s`.
struct LineCol {
  int line;
  int column;
};
LineCol line_col(std::string_view s, std::size_t pos);

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
      i += 3;
      return (char32_t{b0} & 0x0F) << 12 | (char32_t{b1} & 0x3F) << 6 | (char32_t{b2} & 0x3F);
    }
  }
  return next_general(s, i);
}
// Decodes the code point that ends right before `end`; moves `end` back to its start.
char32_t prev(std::string_view s, std::size_t& end);

void append(std::string& out, char32_t cp);
std::string encode(char32_t cp);

// `s` as UTF-16LE bytes (a bad sequence as U+FFFD): two bytes for each character of Chinese text instead of
// three, which a compressor then reads faster and packs smaller (write/search_files.cpp).
std::string to_utf16le(std::string_view s);

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
