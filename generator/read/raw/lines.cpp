#include "read/raw/lines.hpp"

#include "util/utf8.hpp"

namespace acta::read::raw {

Lines split_lines(std::string_view text) {
  Lines out;
  bool blank = true;
  bool form_feed = false;  // pdftotext ends each page with a form feed
  int number = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    std::string_view l = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    ++number;
    std::string clean;
    for (char c : l)  // the private marks must not come from the source
      if (c != kMarkOpen && c != kMarkClose && c != kLinkOpen && c != kLinkMid && c != kLinkClose && c != '\r') clean += c;
    // A long run of spaces is pdftotext's rule above a page's footnotes: kept, as a separator.
    if (clean.find('\f') != std::string::npos) {
      form_feed = true;
      std::string kept;
      for (char c : clean)
        if (c != '\f') kept += c;
      clean.swap(kept);
    }
    if (utf8::trim(clean).empty() && clean.size() < 10) {
      blank = true;
    } else {
      Line line;
      line.text = std::move(clean);
      line.number = number;
      line.blank_before = blank;
      line.page_start = form_feed && !out.empty();
      form_feed = false;
      out.push_back(std::move(line));
      blank = false;
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return out;
}

bool double_spaced(const Lines& lines) {
  if (lines.size() < 4) return false;
  std::size_t spaced = 0;
  for (std::size_t i = 1; i < lines.size(); ++i)
    if (lines[i].blank_before) ++spaced;
  return spaced * 10 >= (lines.size() - 1) * 6;
}

Shape detect_shape(const Lines& lines) {
  // A converter's markup (superscript markers, <sup>, **bold**, [links](…)) only comes with its one-line
  // paragraphs; pdftotext never writes it.
  // (A superscript inside a line may be a unit, "km²"; a line opening with one is a converter's footnote.)
  static const std::string_view converter_marks[] = {"<sup>", "**", "]("};
  static const std::string_view superscripts[] = {"¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  for (const auto& l : lines) {
    for (auto m : converter_marks)
      if (l.text.find(m) != std::string::npos) return Shape::Unwrapped;
    std::string_view t = utf8::trim(l.text);
    for (auto m : superscripts)
      if (t.substr(0, m.size()) == m) return Shape::Unwrapped;
  }
  // Otherwise: a hard-wrapped page has lines of nearly one width; a converter writes whole paragraphs on one line.
  std::size_t long_lines = 0, counted = 0;
  for (const auto& l : lines) {
    std::size_t n = utf8::length(utf8::trim(l.text));
    if (n < 8) continue;
    ++counted;
    if (n > 60) ++long_lines;
  }
  if (counted == 0) return Shape::Unwrapped;
  return long_lines * 5 >= counted ? Shape::Unwrapped : Shape::Wrapped;
}

int indent_of(std::string_view s) {
  int n = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t') { ++n; ++i; }
    else if (s.substr(i, 3) == "\u3000") { ++n; i += 3; }
    else if (s.substr(i, 2) == "\u00a0") { ++n; i += 2; }
    else break;
  }
  return n;
}

bool has_trailing_space(std::string_view s) {
  return !s.empty() && (s.back() == ' ' || s.back() == '\t' || (s.size() >= 3 && s.substr(s.size() - 3) == "\u3000"));
}

std::string footnote_mark(std::string_view label) {
  std::string s(1, kMarkOpen);
  s += label;
  s += kMarkClose;
  return s;
}

std::string link_mark(std::string_view text, std::string_view url) {
  std::string s(1, kLinkOpen);
  s += text;
  s += kLinkMid;
  s += url;
  s += kLinkClose;
  return s;
}

}  // namespace acta::read::raw
