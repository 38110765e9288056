// The byte scanners behind the escapers (util/scan.hpp) and the UTF-8 check: whatever the position of a byte
// in a 16-byte block, they find the same byte a one-at-a-time reading finds.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "util/scan.hpp"
#include "util/utf8.hpp"
#include "write/escape.hpp"
#include "write/json.hpp"

using namespace acta;

namespace {

// Texts of every length up to 70 with one special byte at every position, over a Chinese background.
template <class F>
void for_each_placement(char special, F check) {
  const std::string han = "山区";  // 6 bytes, none special
  for (std::size_t len = 0; len < 70; ++len) {
    std::string base;
    while (base.size() < len) base += han;
    base.resize(len - len % 3);
    check(base, std::string::npos);
    for (std::size_t at = 0; at <= base.size(); at += 3) {
      std::string s = base.substr(0, at) + special + base.substr(at);
      check(s, at);
    }
  }
}

}  // namespace

TEST(Scan, FindsASpecialByteWhereverItIs) {
  for (char special : {'&', '<', '>', '"', '\''})
    for_each_placement(special, [](const std::string& s, std::size_t at) {
      EXPECT_EQ((scan::find_special<false, '&', '<', '>', '"', '\''>(s, 0)), at) << s;
    });
}

TEST(Scan, ControlsOnlyWhenAsked) {
  for_each_placement('\x01', [](const std::string& s, std::size_t at) {
    EXPECT_EQ((scan::find_special<true, '"'>(s, 0)), at) << s;
    EXPECT_EQ((scan::find_special<false, '"'>(s, 0)), std::string::npos) << s;
  });
  // 0x1F is a control character, 0x20 (space) and bytes >= 0x80 are not
  EXPECT_EQ((scan::find_special<true, '"'>(std::string(20, ' ') + "\x1f", 0)), 20u);
  EXPECT_EQ((scan::find_special<true, '"'>(std::string(40, ' ') + "\x7f\x80\xff", 0)), std::string::npos);
}

TEST(Scan, HighBytesAndStartingPoint) {
  std::string s = std::string(33, 'a') + "\xE2\x80\xA8" + std::string(20, 'b') + "\xE2";
  EXPECT_EQ((scan::find_special<false, 0xE2>(s, 0)), 33u);
  EXPECT_EQ((scan::find_special<false, 0xE2>(s, 34)), s.size() - 1);
  EXPECT_EQ(scan::skip_ascii(s, 0), 33u);
  EXPECT_EQ(scan::skip_ascii(std::string(50, 'x'), 3), 50u);
}

TEST(Scan, SkipNonAsciiStopsAtTheFirstAsciiByteAtAnyOffset) {
  // Chinese (three bytes a character) with one ASCII byte at every place inside and after the 16-byte blocks.
  std::string han;
  for (int k = 0; k < 15; ++k) han += "山";
  for (std::size_t at = 0; at <= han.size(); at += 1) {
    std::string s = han.substr(0, at) + "7" + han.substr(at);
    EXPECT_EQ(scan::skip_non_ascii(s, 0), at) << at;
    if (at > 0) {
      EXPECT_EQ(scan::skip_non_ascii(s, at - 1), at) << at;
    }
    EXPECT_EQ(scan::skip_non_ascii(s, at), at) << at;
    EXPECT_EQ(scan::skip_non_ascii(s, at + 1), s.size()) << at;
  }
  EXPECT_EQ(scan::skip_non_ascii("", 0), 0u);
  EXPECT_EQ(scan::skip_non_ascii(han + "\x80\xff", 0), han.size() + 2);
}

TEST(Scan, EscapersAgreeWithTheirRules) {
  const std::string long_text = std::string(40, 'x') + "a&b<c>d\"e'f" + std::string(17, 'y') + "山\x0c区\t";
  EXPECT_EQ(write::escape_html(long_text),
            std::string(40, 'x') + "a&amp;b&lt;c&gt;d&quot;e&#39;f" + std::string(17, 'y') + "山\x0c区\t");
  EXPECT_EQ(write::escape_xml(long_text),
            std::string(40, 'x') + "a&amp;b&lt;c&gt;d&quot;e&#39;f" + std::string(17, 'y') + "山区\t");
  EXPECT_EQ(write::json_string(std::string(20, 'q') + "\"\\<\x01\n" + std::string(20, 'r') + "\xE2\x80\x9C\xE2\x80\xA9"),
            "\"" + std::string(20, 'q') + "\\\"\\\\\\u003c\\u0001\\n" + std::string(20, 'r') + "\xE2\x80\x9C\\u2029\"");
}

// first_invalid against a plain reading of the UTF-8 rules, on random bytes biased towards Chinese text.
TEST(Scan, FirstInvalidMatchesTheRules) {
  auto reference = [](const std::string& s) -> std::size_t {
    for (std::size_t i = 0; i < s.size();) {
      const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
      std::size_t n;
      char32_t cp;
      if (b(i) < 0x80) { ++i; continue; }
      if ((b(i) & 0xE0) == 0xC0) n = 2, cp = b(i) & 0x1F;
      else if ((b(i) & 0xF0) == 0xE0) n = 3, cp = b(i) & 0x0F;
      else if ((b(i) & 0xF8) == 0xF0) n = 4, cp = b(i) & 0x07;
      else return i;
      if (i + n > s.size()) return i;
      for (std::size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return i;
        cp = cp << 6 | (b(i + k) & 0x3F);
      }
      const char32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
      if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
      i += n;
    }
    return std::string::npos;
  };
  std::mt19937 rng(7);
  const std::string pieces[] = {"山", "区", "，", "a", "1", "\xE2\x80\x9C", "\xF0\x9F\x98\x80", "\xC3\xA9",
                                // the edges: surrogates, overlong forms, beyond U+10FFFF, and their valid neighbours
                                "\xED\xA0\x80", "\xED\x9F\xBF", "\xE0\x9F\xBF", "\xE0\xA0\x80", "\xF4\x90\x80\x80",
                                "\xF4\x8F\xBF\xBF", "\xC0\x80", "\xEF\xBF\xBF"};
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int parts = static_cast<int>(rng() % 30);
    for (int k = 0; k < parts; ++k) {
      if (rng() % 12 == 0) s += static_cast<char>(rng() % 256);  // a random byte, often breaking a sequence
      else s += pieces[rng() % std::size(pieces)];
    }
    if (rng() % 5 == 0 && !s.empty()) s.pop_back();  // a sequence cut at the end
    ASSERT_EQ(utf8::first_invalid(s), reference(s)) << round;
  }
  // Long runs of Chinese (checked sixteen bytes at a time) with a rare piece that is not plain Chinese.
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int parts = static_cast<int>(rng() % 60);
    for (int k = 0; k < parts; ++k) {
      const auto r = rng() % 40;
      if (r == 0) s += static_cast<char>(rng() % 256);
      else if (r < 4) s += pieces[rng() % std::size(pieces)];
      else s += r % 2 ? "山" : "，";
    }
    if (rng() % 5 == 0 && !s.empty()) s.pop_back();
    ASSERT_EQ(utf8::first_invalid(s), reference(s)) << round;
  }
}
