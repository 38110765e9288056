#include "write/heatmap.hpp"

#include <algorithm>
#include <cstdio>

#include "util/utf8.hpp"
#include "write/escape.hpp"

namespace acta::write {

namespace {

constexpr int kLabelWidth = 300, kCellWidth = 72, kCellHeight = 22, kHeaderHeight = 30;
constexpr std::size_t kLabelChars = 22;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string cut(const std::string& label) {
  if (utf8::length(label) <= kLabelChars) return label;
  std::string out;
  std::size_t i = 0;
  for (std::size_t n = 0; n + 1 < kLabelChars && i < label.size(); ++n) utf8::append(out, utf8::next(label, i));
  return out + "…";
}

void text(std::string& out, const char* attrs, const std::string& content) {
  out += "<text ";
  out += attrs;
  out += ">";
  escape_html_into(out, content);
  out += "</text>";
}

void open_link(std::string& out, const std::string& href) {
  if (href.empty()) return;
  out += "<a href=\"";
  escape_html_into(out, safe_href(href));
  out += "\">";
}

void close_link(std::string& out, const std::string& href) {
  if (!href.empty()) out += "</a>";
}

}  // namespace

std::string heatmap_svg(const Heatmap& map) {
  const int width = kLabelWidth + kCellWidth * static_cast<int>(map.columns.size());
  const int height = kHeaderHeight + kCellHeight * static_cast<int>(map.rows.size());
  const std::string title_id = map.id + "-title", desc_id = map.id + "-desc";
  std::string out;
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmap\" viewBox=\"0 0 " + std::to_string(width) + " " +
         std::to_string(height) + "\" width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) +
         "\" role=\"group\" aria-labelledby=\"";
  escape_html_into(out, title_id);
  out += "\" aria-describedby=\"";
  escape_html_into(out, desc_id);
  out += "\"><title id=\"";
  escape_html_into(out, title_id);
  out += "\">";
  escape_html_into(out, map.title);
  out += "</title><desc id=\"";
  escape_html_into(out, desc_id);
  out += "\">";
  escape_html_into(out, map.description);
  out += "</desc>";

  for (std::size_t c = 0; c < map.columns.size(); ++c) {
    const std::string href = c < map.column_hrefs.size() ? map.column_hrefs[c] : "";
    open_link(out, href);
    const int x = kLabelWidth + kCellWidth * static_cast<int>(c) + kCellWidth / 2;
    text(out, ("class=\"col\" x=\"" + std::to_string(x) + "\" y=\"20\" text-anchor=\"middle\"").c_str(), map.columns[c]);
    close_link(out, href);
  }
  for (std::size_t r = 0; r < map.rows.size(); ++r) {
    const auto& row = map.rows[r];
    const int y = kHeaderHeight + kCellHeight * static_cast<int>(r);
    out += "<g class=\"row\">";
    open_link(out, row.href);
    out += "<title>";
    escape_html_into(out, row.label);
    out += "</title>";
    text(out, ("class=\"rowlabel\" x=\"4\" y=\"" + std::to_string(y + 15) + "\"").c_str(), cut(row.label));
    close_link(out, row.href);
    for (std::size_t c = 0; c < row.cells.size() && c < map.columns.size(); ++c) {
      const auto& cell = row.cells[c];
      const int x = kLabelWidth + kCellWidth * static_cast<int>(c);
      out += "<g class=\"cell" + std::string(cell.marked ? " marked" : "") + "\"><title>";
      escape_html_into(out, cell.tooltip);
      out += "</title><rect x=\"" + std::to_string(x + 2) + "\" y=\"" + std::to_string(y + 2) + "\" width=\"" +
             std::to_string(kCellWidth - 4) + "\" height=\"" + std::to_string(kCellHeight - 4) + "\" fill-opacity=\"" +
             num(std::clamp(cell.value, 0.0, 1.0) * 0.9 + 0.05) + "\"/>";
      if (cell.marked)
        text(out, ("class=\"mark\" x=\"" + std::to_string(x + kCellWidth / 2) + "\" y=\"" + std::to_string(y + 15) +
                   "\" text-anchor=\"middle\"").c_str(),
             "✓");
      out += "</g>";
    }
    out += "</g>";
  }
  out += "</svg>";
  return out;
}

}  // namespace acta::write
