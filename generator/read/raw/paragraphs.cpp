#include "read/raw/paragraphs.hpp"

#include "read/paragraphs.hpp"
#include "read/raw/join.hpp"
#include "util/utf8.hpp"

namespace acta::read::raw {

bool has_lead(std::string_view text) {
  return classify_lead(text).kind != model::BlockKind::Plain || heading_lead(text).level > 0;
}

std::vector<Paragraph> join_paragraphs(const Lines& lines, Shape shape) {
  std::vector<Paragraph> out;
  bool prev_trailing = true;
  // pdftotext without its double spacing separates paragraphs by blank lines instead.
  const bool blank_separates = shape == Shape::Wrapped && !double_spaced(lines);
  for (const auto& l : lines) {
    std::string_view t = utf8::trim(l.text);
    bool starts = out.empty() || has_lead(t);
    if (!starts) {
      if (shape == Shape::Unwrapped) {
        starts = ends_closed(out.back().text) || heading_lead(out.back().text).level > 0;
      } else {
        starts = prev_trailing || (indent_of(l.text) > 0 && !l.page_start) || (blank_separates && l.blank_before && !l.page_start);
      }
    }
    if (starts) {
      Paragraph p;
      p.text = std::string(t);
      p.line = l.number;
      p.first_page = p.last_page = l.page;
      p.indent = indent_of(l.text);
      out.push_back(std::move(p));
    } else {
      join_line(out.back().text, t);
      out.back().last_page = l.page;
    }
    // A marker glued on by the marker pass ends the line now; the source's trailing space went with it.
    prev_trailing = has_trailing_space(l.text);
  }
  return out;
}

}  // namespace acta::read::raw
