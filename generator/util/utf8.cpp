#include "util/utf8.hpp"

#include "util/scan.hpp"

#if defined(__x86_64__) && defined(__SSE2__)
#include <tmmintrin.h>  // SSSE3, used only where the processor has it (to_utf16le)
#endif

namespace acta::utf8 {

namespace {
int sequence_length(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return 2;
  if (c >= 0xE0 && c <= 0xEF) return 3;
  if (c >= 0xF0 && c <= 0xF4) return 4;
  return 0;
}
bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }
// The common case of Chinese text: at s[i], lead byte `c`, a three-byte sequence whose lead byte needs no
// further check (E1..EC, EE, EF: never overlong, never a surrogate).
bool plain_three_byte(std::string_view s, std::size_t i, unsigned char c) {
  return c >= 0xE1 && c != 0xED && c <= 0xEF && i + 2 < s.size() && is_cont(static_cast<unsigned char>(s[i + 1])) &&
         is_cont(static_cast<unsigned char>(s[i + 2]));
}
}  // namespace

std::size_t first_invalid(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
#if defined(__SSE2__)
    if (i + 16 <= s.size() && five_plain_three_byte(s.data() + i)) {
      i += 15;
      continue;
    }
#endif
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      i = scan::skip_ascii(s, i);
      continue;
    }
    if (plain_three_byte(s, i, c)) {
      i += 3;
      continue;
    }
    int n = sequence_length(c);
    if (n == 0 || i + n > s.size()) return i;
    for (int k = 1; k < n; ++k)
      if (!is_cont(static_cast<unsigned char>(s[i + k]))) return i;
    auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c == 0xE0 && c1 < 0xA0) return i;   // overlong
    if (c == 0xED && c1 > 0x9F) return i;   // surrogate
    if (c == 0xF0 && c1 < 0x90) return i;   // overlong
    if (c == 0xF4 && c1 > 0x8F) return i;   // above U+10FFFF
    i += n;
  }
  return std::string_view::npos;
}

#if defined(__x86_64__) && defined(__SSE2__)
namespace {
// Runs of five three-byte sequences (as five_plain_three_byte) from s[i] on, into UTF-16LE at o[n]: with
// SSSE3's byte shuffle, each five characters' lead and middle bytes go into 16-bit lanes (lead high) and
// their last bytes into others, and three masks, two shifts and two ors make the five code units at once
// (the scalar path decodes them one by one, five times the instructions). Writes 16 bytes for 10: the
// caller's buffer has room (two bytes out per byte in, and 16 bytes in are left). Returns where it stopped.
__attribute__((target("ssse3"))) std::size_t five_runs_ssse3(std::string_view s, std::size_t i, unsigned char* o, std::size_t& n) {
  const __m128i lead_middle = _mm_setr_epi8(1, 0, 4, 3, 7, 6, 10, 9, 13, 12, -1, -1, -1, -1, -1, -1);
  const __m128i last = _mm_setr_epi8(2, -1, 5, -1, 8, -1, 11, -1, 14, -1, -1, -1, -1, -1, -1, -1);
  while (i + 16 <= s.size() && five_plain_three_byte(s.data() + i)) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i lm = _mm_shuffle_epi8(bytes, lead_middle), l = _mm_shuffle_epi8(bytes, last);
    const __m128i units = _mm_or_si128(_mm_or_si128(_mm_slli_epi16(_mm_and_si128(lm, _mm_set1_epi16(0x0F00)), 4),
                                                    _mm_slli_epi16(_mm_and_si128(lm, _mm_set1_epi16(0x003F)), 6)),
                                       _mm_and_si128(l, _mm_set1_epi16(0x003F)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(o + n), units);
    n += 10;
    i += 15;
  }
  return i;
}
}  // namespace

// Set while the program's statics are made: __builtin_cpu_init() first, as GCC asks of a test made before main.
bool simd_utf16 = [] {
  __builtin_cpu_init();
  return __builtin_cpu_supports("ssse3") != 0;
}();
#endif

std::size_t to_utf16le(std::string_view s, std::string& buffer) {
  // At most two bytes out per byte in (a four-byte sequence takes four). Grown, never shrunk: a buffer
  // used again is not cleared again (zeroing it was a third of the conversion's stores).
  if (buffer.size() < 2 * s.size()) buffer.resize(2 * s.size());
  auto* o = reinterpret_cast<unsigned char*>(buffer.data());
  std::size_t n = 0;
  auto unit = [&](char32_t u) {
    o[n++] = static_cast<unsigned char>(u & 0xFF);
    o[n++] = static_cast<unsigned char>(u >> 8);
  };
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
#if defined(__SSE2__)
      if (i + 16 <= s.size()) {  // ASCII (the JSON around the search texts, numbers): sixteen bytes at a time
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
        if (_mm_movemask_epi8(bytes) == 0) {
          const __m128i zero = _mm_setzero_si128();
          _mm_storeu_si128(reinterpret_cast<__m128i*>(o + n), _mm_unpacklo_epi8(bytes, zero));
          _mm_storeu_si128(reinterpret_cast<__m128i*>(o + n + 16), _mm_unpackhi_epi8(bytes, zero));
          n += 32;
          i += 16;
          continue;
        }
      }
#endif
      unit(c);
      ++i;
      continue;
    }
#if defined(__x86_64__) && defined(__SSE2__)
    if (simd_utf16) {
      if (const std::size_t after = five_runs_ssse3(s, i, o, n); after != i) {  // Chinese: five at a time, and on
        i = after;
        continue;
      }
    } else
#endif
    if (char32_t five[5]; five_three_byte(s, i, five)) {  // Chinese: five characters at a time
      for (char32_t u : five) unit(u);
      i += 15;
      continue;
    }
    if (plain_three_byte(s, i, c)) {
      unit(three_byte_value(s.data() + i));
      i += 3;
      continue;
    }
    const char32_t cp = next(s, i);
    if (cp < 0x10000) {
      unit(cp);
    } else {
      unit(0xD800 + ((cp - 0x10000) >> 10));
      unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
    }
  }
  return n;
}

LineCol line_col(std::string_view s, std::size_t pos) {
  LineCol lc{1, 1};
  for (std::size_t i = 0; i < pos && i < s.size(); ++i) {
    if (s[i] == '\n') { ++lc.line; lc.column = 1; } else { ++lc.column; }
  }
  return lc;
}

char32_t next_general(std::string_view s, std::size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  int n = sequence_length(c);
  if (n <= 1 || i + n > s.size()) { ++i; return n == 1 ? c : 0xFFFD; }
  char32_t cp = c & (0xFF >> (n + 1));
  for (int k = 1; k < n; ++k) {
    auto cc = static_cast<unsigned char>(s[i + k]);
    if (!is_cont(cc)) { ++i; return 0xFFFD; }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += n;
  return cp;
}

char32_t prev(std::string_view s, std::size_t& end) {
  if (end == 0) return 0;
  std::size_t start = end - 1;
  while (start > 0 && is_cont(static_cast<unsigned char>(s[start])) && end - start < 4) --start;
  std::size_t i = start;
  char32_t cp = next(s, i);
  if (i != end) { end -= 1; return 0xFFFD; }
  end = start;
  return cp;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string encode(char32_t cp) {
  std::string s;
  append(s, cp);
  return s;
}

bool is_ideograph(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x2FA1F) || (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007;
}

bool is_cjk_punct(char32_t cp) {
  return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF65) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || cp == 0x2014 || cp == 0x2026 ||
         (cp >= 0x2018 && cp <= 0x201F);
}

bool is_cjk(char32_t cp) { return is_ideograph(cp) || is_cjk_punct(cp); }

std::size_t length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if (!is_cont(c)) ++n;
  return n;
}

std::string_view trim(std::string_view s) {
  auto space_prefix = [](std::string_view t) -> std::size_t {
    if (t.empty()) return 0;
    unsigned char c = t[0];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return 1;
    if (t.substr(0, 3) == "\u3000") return 3;
    if (t.substr(0, 2) == "\u00a0") return 2;
    return 0;
  };
  auto space_suffix = [](std::string_view t) -> std::size_t {
    if (t.empty()) return 0;
    unsigned char c = t.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return 1;
    if (t.size() >= 3 && t.substr(t.size() - 3) == "\u3000") return 3;
    if (t.size() >= 2 && t.substr(t.size() - 2) == "\u00a0") return 2;
    return 0;
  };
  while (std::size_t n = space_prefix(s)) s.remove_prefix(n);
  while (std::size_t n = space_suffix(s)) s.remove_suffix(n);
  return s;
}

}  // namespace acta::utf8
