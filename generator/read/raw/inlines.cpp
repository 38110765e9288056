#include "read/raw/inlines.hpp"

#include "read/raw/lines.hpp"
#include "util/utf8.hpp"

namespace acta::read::raw {

namespace {

using model::Inline;
using model::InlineKind;

// Marks count as CJK neighbours for spacing: a marker hugs the word it annotates.
bool cjk_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return false;
  if (s[i] == kMarkOpen) return true;
  std::size_t j = i;
  return utf8::is_cjk(utf8::next(s, j));
}

bool cjk_before(std::string_view s, std::size_t end) {
  if (end == 0) return false;
  if (s[end - 1] == kMarkClose) return true;
  return utf8::is_cjk(utf8::prev(s, end));
}

}  // namespace

std::string tidy_spaces(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t') {
      std::size_t j = i;
      while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
      bool keep = !out.empty() && j < s.size() && !(cjk_before(out, out.size()) && cjk_at(s, j));
      if (keep) out += ' ';
      i = j;
      continue;
    }
    out += s[i++];
  }
  return out;
}

model::Inlines to_inlines(std::string_view marked) {
  std::string s = tidy_spaces(marked);
  model::Inlines out;
  auto text = [&](std::string_view t) {
    if (t.empty()) return;
    if (!out.empty() && out.back().kind == InlineKind::Text) out.back().text += t;
    else out.push_back(Inline::make_text(std::string(t)));
  };
  std::size_t i = 0, plain = 0;
  while (i < s.size()) {
    if (s[i] == kMarkOpen) {
      std::size_t close = s.find(kMarkClose, i);
      if (close == std::string::npos) break;
      text(std::string_view(s).substr(plain, i - plain));
      out.push_back(Inline(InlineKind::FootnoteRef, s.substr(i + 1, close - i - 1)));
      i = plain = close + 1;
    } else if (s[i] == kLinkOpen) {
      std::size_t mid = s.find(kLinkMid, i), close = s.find(kLinkClose, i);
      if (mid == std::string::npos || close == std::string::npos || mid > close) break;
      text(std::string_view(s).substr(plain, i - plain));
      Inline link(InlineKind::Link);
      link.set_target(s.substr(mid + 1, close - mid - 1));
      link.children.push_back(Inline::make_text(s.substr(i + 1, mid - i - 1)));
      out.push_back(std::move(link));
      i = plain = close + 1;
    } else {
      ++i;
    }
  }
  text(std::string_view(s).substr(plain));
  return out;
}

}  // namespace acta::read::raw
