// A cursor over the bytes of a UTF-8 text, the one tool of the citation grammar's hand-written scanners.
// Every step either consumes what it names and says so, or leaves the cursor where it was, so a scanner
// reads like the form it recognises: digits, then "/", then digits, then "号决议". Steps look at a bounded
// number of bytes (or consume what they look at), which keeps every pass linear in the text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace acta::analyze::citations {

// ASCII classes. Bytes of multi-byte UTF-8 characters are in none of them.
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_alnum(char c) { return is_digit(c) || is_upper(c) || is_lower(c); }
inline bool is_roman(char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L'; }
inline bool is_upper_or_digit(char c) { return is_upper(c) || is_digit(c); }
// What a regular expression's \s is in the C locale.
inline bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

struct Cursor {
  std::string_view text;
  std::size_t pos = 0;

  bool at_end() const { return pos >= text.size(); }
  char peek(std::size_t ahead = 0) const { return pos + ahead < text.size() ? text[pos + ahead] : '\0'; }
  std::string_view rest() const { return text.substr(pos); }

  // The exact bytes `word`.
  bool literal(std::string_view word) {
    if (text.substr(pos, word.size()) != word) return false;
    pos += word.size();
    return true;
  }

  // One of `words`, the first that is there: which one, or empty.
  template <std::size_t N>
  std::string_view one_of(const std::string_view (&words)[N]) {
    for (std::string_view w : words)
      if (literal(w)) return w;
    return {};
  }

  // A single optional space (" ?" of a pattern).
  void optional_space() { literal(" "); }

  // A whole run of bytes of a class, between `min` and `max` long: the run must end here, so "1234" is
  // not a run of at most 3 digits. Returns the run, or empty (and does not move) when there is none.
  template <typename Class>
  std::string_view run(Class in_class, std::size_t min, std::size_t max) {
    std::size_t n = count(in_class, max + 1);
    if (n < min || n > max) return {};
    return take(n);
  }

  // As many bytes of a class as there are, up to `max`, at least `min`; the run may go on after them.
  template <typename Class>
  std::string_view up_to(Class in_class, std::size_t min, std::size_t max) {
    std::size_t n = count(in_class, max);
    if (n < min) return {};
    return take(n);
  }

  // Every byte of a class from here (possibly none).
  template <typename Class>
  std::string_view all(Class in_class) {
    return take(count(in_class, std::string_view::npos));
  }

 private:
  template <typename Class>
  std::size_t count(Class in_class, std::size_t limit) const {
    std::size_t n = 0;
    while (n < limit && pos + n < text.size() && in_class(text[pos + n])) ++n;
    return n;
  }
  std::string_view take(std::size_t n) {
    std::string_view out = text.substr(pos, n);
    pos += n;
    return out;
  }
};

// "第 7 段" at the cursor (spaces optional): the paragraph it names, "para_7", with at most `max_digits`
// digits; "" (and the cursor wherever it stopped) when it is not there.
inline std::string paragraph_named(Cursor& c, std::size_t max_digits) {
  if (!c.literal("第")) return "";
  c.optional_space();
  std::string_view number = c.run(is_digit, 1, max_digits);
  if (number.empty()) return "";
  c.optional_space();
  if (!c.literal("段")) return "";
  return "para_" + std::string(number);
}

}  // namespace acta::analyze::citations
