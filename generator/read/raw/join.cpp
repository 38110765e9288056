#include "read/raw/join.hpp"

#include "read/raw/lines.hpp"
#include "util/utf8.hpp"

namespace acta::read::raw {

namespace {

// The last visible character, skipping footnote marks (a mark is not text).
char32_t last_char(std::string_view s) {
  std::size_t end = s.size();
  while (end > 0) {
    if (s[end - 1] == kMarkClose) {
      std::size_t open = s.rfind(kMarkOpen, end - 1);
      if (open == std::string_view::npos) return 0;
      end = open;
      continue;
    }
    if (s[end - 1] == kLinkClose) {  // the link's text is what shows
      std::size_t mid = s.rfind(kLinkMid, end - 1);
      if (mid == std::string_view::npos) return 0;
      end = mid;
      continue;
    }
    if (s[end - 1] == ' ' || s[end - 1] == '\t') {
      --end;
      continue;
    }
    return utf8::prev(s, end);
  }
  return 0;
}

char32_t first_char(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (s[i] == kLinkOpen || s[i] == ' ')) ++i;
  if (i < s.size() && s[i] == kMarkOpen) return 'x';  // a mark first: treat as Latin, a space is harmless
  return i < s.size() ? utf8::next(s, i) : 0;
}

bool joins_tight(char32_t a, char32_t b) {
  if (a == 0 || b == 0) return true;
  if (utf8::is_cjk(a) && utf8::is_cjk(b)) return true;  // CSS segment break: nothing between two CJK
  if (utf8::is_cjk_punct(a) || utf8::is_cjk_punct(b)) return true;  // full-width punctuation has its own space
  if (a == '-' || a == '/') return true;                  // "2017-" + "2020", "A/" + "72"
  return false;
}

}  // namespace

void join_line(std::string& text, std::string_view next) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.pop_back();
  next = utf8::trim(next);
  if (next.empty()) return;
  if (!text.empty() && !joins_tight(last_char(text), first_char(next))) text += ' ';
  text += next;
}

bool ends_closed(std::string_view text) {
  char32_t c = last_char(text);
  switch (c) {
    case U'。': case U'；': case U'，': case U'：': case U'！': case U'？': case U'.': case U';': case U',':
    case U':': case U'!': case U'?': case U'、':
      return true;
    default: return false;
  }
}

}  // namespace acta::read::raw
