// Finding the next byte that needs attention in a long text: the escapers (HTML, XML, JSON) copy plain runs
// whole and only stop at these bytes. Sixteen bytes at a time with SSE2 (every x86-64 has it), one at a time
// elsewhere; the answer is the same.
#pragma once

#include <cstddef>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace acta::scan {

// The first i >= from where s[i] is one of `Bytes` or, with `Controls`, below 0x20; npos when none.
template <bool Controls, unsigned char... Bytes>
inline std::size_t find_special(std::string_view s, std::size_t from) {
  std::size_t i = from;
  const char* p = s.data();
  const std::size_t n = s.size();
#if defined(__SSE2__)
  const __m128i control_max = _mm_set1_epi8(0x1F);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    __m128i hit = _mm_setzero_si128();
    ((hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(Bytes))))), ...);
    // unsigned v <= 0x1F exactly where max(v, 0x1F) == 0x1F
    if constexpr (Controls) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_max_epu8(v, control_max), control_max));
    if (int bits = _mm_movemask_epi8(hit)) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(bits)));
  }
#endif
  for (; i < n; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    if ((Controls && c < 0x20) || ((c == Bytes) || ...)) return i;
  }
  return std::string_view::npos;
}

// The first i >= from where s[i] is ASCII (< 0x80) when `Ascii`, where it is not otherwise; s.size() when
// none.
template <bool Ascii>
inline std::size_t first_byte_where(std::string_view s, std::size_t from) {
  std::size_t i = from;
  const char* p = s.data();
  const std::size_t n = s.size();
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    const int high = _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)));  // bytes >= 0x80
    if (const int bits = Ascii ? ~high & 0xFFFF : high) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(bits)));
  }
#endif
  while (i < n && (static_cast<unsigned char>(p[i]) < 0x80) != Ascii) ++i;
  return i;
}

// The first i >= from where s[i] is not ASCII (>= 0x80); s.size() when none.
inline std::size_t skip_ascii(std::string_view s, std::size_t from) { return first_byte_where<false>(s, from); }

// The first i >= from where s[i] is ASCII; s.size() when none. Chinese text has few: a scanner for ASCII
// patterns (digits, symbols) passes over the rest sixteen bytes at a time.
inline std::size_t skip_non_ascii(std::string_view s, std::size_t from) { return first_byte_where<true>(s, from); }

}  // namespace acta::scan
