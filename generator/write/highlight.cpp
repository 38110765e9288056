#include "write/highlight.hpp"

#include <algorithm>

#include "util/utf8.hpp"
#include "write/escape.hpp"

namespace acta::write {

namespace {

// Byte offsets of the code point starts of `text`, plus its end.
std::vector<std::size_t> char_starts(std::string_view text) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size();) {
    starts.push_back(i);
    utf8::next(text, i);
  }
  starts.push_back(text.size());
  return starts;
}

// Collapses line breaks and runs of spaces, which an excerpt shows as one space.
void append_text(std::string& out, std::string_view piece) {
  std::string flat;
  for (char c : piece) {
    bool space = c == '\n' || c == '\t' || c == ' ';
    if (space && (flat.empty() ? (!out.empty() && out.back() == ' ') : flat.back() == ' ')) continue;
    flat += space ? ' ' : c;
  }
  escape_html_into(out, flat);
}

}  // namespace

std::string highlighted_excerpt(std::string_view text, const std::vector<model::TermHit>& hits,
                                const ExcerptOptions& options) {
  const auto starts = char_starts(text);
  const std::size_t nchars = starts.size() - 1;
  // Window [first, last) in characters.
  std::size_t first = 0;
  if (!hits.empty() && nchars > options.max_chars) {
    auto hit_char = static_cast<std::size_t>(std::lower_bound(starts.begin(), starts.end(), hits.front().begin) - starts.begin());
    first = hit_char > options.before ? hit_char - options.before : 0;
    first = std::min(first, nchars - options.max_chars);
  }
  const std::size_t last = std::min(nchars, first + options.max_chars);
  const std::size_t from = starts[first], to = starts[last];

  std::string out;
  if (first > 0) out += "…";
  std::size_t at = from;
  for (const auto& h : hits) {
    std::size_t b = std::max(h.begin, from), e = std::min(h.end, to);
    if (b >= e || b < at) continue;  // outside the window, or overlapping one already marked
    append_text(out, text.substr(at, b - at));
    out += "<mark>";
    escape_html_into(out, text.substr(b, e - b));
    out += "</mark>";
    at = e;
  }
  append_text(out, text.substr(at, to - at));
  if (last < nchars) out += "…";
  return out;
}

}  // namespace acta::write
