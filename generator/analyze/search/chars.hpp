// What the search's normalization and tokenizer need to know of a code point, from ICU, looked up in a
// table (the tokenizer asks for every character of every text it indexes; ICU's property calls and
// normalizer were half of its time). Built lazily, 256 code points at a time, for the BMP; other planes
// ask ICU.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>

namespace acta::analyze::search {

enum CharFlag : std::uint8_t {
  kSpace = 1,      // White_Space: separates units, takes no position
  kWordChar = 2,   // a letter, digit or mark of an alphabetic script: part of a word unit
  kInvisible = 4,  // a control or format character that is not white space: dropped
  kHan = 8,        // Script=Han: word segmentation runs over runs of these
  kFolds = 32,     // the traditional -> simplified table (fold.hpp) has it
};

namespace detail {
// The BMP's table, filled 256 code points at a time on first use (chars.cpp); zero-initialized before any
// code runs, so it can be read from anywhere.
struct BmpTable {
  std::array<std::atomic<bool>, 256> ready;
  std::array<std::uint8_t, 0x10000> flags;
  std::array<char16_t, 0x10000> quick;  // 0xFFFF: not quick
};
extern BmpTable bmp;
void fill(std::size_t block);
std::uint8_t flags_beyond_bmp(char32_t c);
inline void ensure(char32_t c) {
  if (!bmp.ready[c >> 8].load(std::memory_order_acquire)) [[unlikely]]
    fill(c >> 8);
}
}  // namespace detail

// Inline: the tokenizer asks several times for every character it indexes.
inline std::uint8_t char_flags(char32_t c) {
  if (c >= 0x10000) [[unlikely]]
    return detail::flags_beyond_bmp(c);
  detail::ensure(c);
  return detail::bmp.flags[c];
}

// What NFKC and lowercase make of `c` when that can be done one character at a time: `c` has a
// normalization boundary before it (so a text of such characters normalizes character by character), NFKC
// makes one BMP character of it (full-width ，→ ,), and lowercase leaves that alone or it is A-Z. Else
// kNotQuick (U+FFFD too: a decoding error is left to ICU). With it, in `flags`, the char_flags of that
// form, found with one look at the table's readiness when the form is `c` itself (most characters): the
// normalizer asks this for every character.
inline constexpr char32_t kNotQuick = 0xFFFFFFFF;
inline char32_t quick_form(char32_t c, std::uint8_t& flags) {
  if (c >= 0x10000) [[unlikely]]
    return kNotQuick;
  detail::ensure(c);
  const char16_t q = detail::bmp.quick[c];
  if (q == 0xFFFF) return kNotQuick;
  flags = q == c ? detail::bmp.flags[c] : char_flags(q);
  return q;
}

}  // namespace acta::analyze::search
