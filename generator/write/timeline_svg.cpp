#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>

#include "util/utf8.hpp"
#include "write/pictures.hpp"
#include "write/site_context.hpp"
#include "write/xml.hpp"

namespace acta::write {

namespace {

constexpr double kWidth = 760, kMargin = 24, kLane = 24, kFont = 12, kAxisGap = 28;
// Past this many dated documents one mark each is unreadable (and megabytes): the picture becomes a bar per
// year, the documents themselves being listed beside it.
constexpr std::size_t kMaxMarks = 60;
constexpr double kBarsHeight = 160;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Days since 0000-03-01 (a proleptic Gregorian day count), so positions are exact and locale-free.
long day_number(const std::string& iso) {
  int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
  if (m <= 2) --y, m += 12;
  return 365L * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d - 1;
}

bool is_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// A year step that gives at most about eight ticks.
int year_step(int span) {
  for (int step : {1, 2, 5, 10, 20, 25, 50, 100})
    if (span / step <= 8) return step;
  return 200;
}

}  // namespace

double estimated_text_width(const std::string& text, double font_px) {
  double w = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = utf8::next(text, i);
    w += (cp < 0x2E80 ? 0.62 : 1.0) * font_px;
  }
  return w;
}

namespace {

struct Item {
  const model::Document* doc;
  long day;
};

// The picture's <svg> and its title: how many documents, over which years (and `how`, when drawn otherwise).
void open_timeline(XmlWriter& x, double width, double height, std::size_t documents, int first_year, int last_year,
                   const std::string& how) {
  x.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"}, {"class", "timeline-svg"}, {"role", "img"},
                 {"viewBox", "0 0 " + num(width) + " " + num(height)}, {"width", num(width)}, {"height", num(height)},
                 {"aria-labelledby", "timeline-title"}});
  x.leaf("title", "文件时间线：" + std::to_string(documents) + " 份文件，" + std::to_string(first_year) + "—" +
                      std::to_string(last_year - 1) + " 年" + how, {{"id", "timeline-title"}});
}

void axis(XmlWriter& x, double axis_y, int first_year, int last_year, int step, const std::function<double(long)>& x_of) {
  x.empty("line", {{"class", "axis"}, {"x1", num(kMargin)}, {"y1", num(axis_y)}, {"x2", num(kWidth - kMargin)},
                   {"y2", num(axis_y)}, {"stroke", "currentColor"}});
  for (int y = first_year; y <= last_year; y += step) {
    double tx = x_of(day_number(std::to_string(y) + "-01-01"));
    x.empty("line", {{"class", "tick"}, {"x1", num(tx)}, {"y1", num(axis_y)}, {"x2", num(tx)}, {"y2", num(axis_y + 5)},
                     {"stroke", "currentColor"}});
    x.leaf("text", std::to_string(y), {{"class", "tick-label"}, {"x", num(tx)}, {"y", num(axis_y + 18)},
                                      {"text-anchor", "middle"}, {"font-size", num(kFont - 1)}});
  }
}

// One bar per year, as high as the number of documents of that year.
std::string year_bars_svg(const std::vector<Item>& items, int first_year, int last_year, int step,
                          const std::function<double(long)>& x_of) {
  std::map<int, std::size_t> per_year;
  for (const auto& it : items) ++per_year[std::stoi(it.doc->meta.date.substr(0, 4))];
  std::size_t most = 0;
  for (const auto& [y, n] : per_year) most = std::max(most, n);
  double axis_y = kMargin + kBarsHeight, height = axis_y + kAxisGap;
  XmlWriter x(false);
  open_timeline(x, kWidth, height, items.size(), first_year, last_year, "，每年一栏");
  axis(x, axis_y, first_year, last_year, step, x_of);
  for (const auto& [year, n] : per_year) {
    double x0 = x_of(day_number(std::to_string(year) + "-01-01")), x1 = x_of(day_number(std::to_string(year + 1) + "-01-01"));
    double h = kBarsHeight * double(n) / double(most);
    x.open("g", {{"class", "timeline-year"}});
    x.leaf("title", std::to_string(year) + " 年：" + std::to_string(n) + " 份文件");
    x.empty("rect", {{"x", num(x0 + 1)}, {"y", num(axis_y - h)}, {"width", num(std::max(1.0, x1 - x0 - 2))},
                     {"height", num(h)}, {"fill", "currentColor"}, {"fill-opacity", "0.6"}});
    x.close();
  }
  return x.finish();
}

}  // namespace

std::string timeline_svg(const model::Archive& archive, const std::string& root) {
  std::vector<Item> items;
  for (const auto& d : archive.documents)
    if (is_date(d.meta.date)) items.push_back({&d, day_number(d.meta.date)});
  if (items.empty()) return "";
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return a.day != b.day ? a.day < b.day : a.doc->meta.symbol < b.doc->meta.symbol;
  });

  // The axis runs from 1 January of the first year to 1 January after the last.
  int first_year = std::stoi(items.front().doc->meta.date.substr(0, 4));
  int last_year = std::stoi(items.back().doc->meta.date.substr(0, 4)) + 1;
  int step = year_step(last_year - first_year);
  first_year -= first_year % step;
  if ((last_year - first_year) % step) last_year += step - (last_year - first_year) % step;
  long start = day_number(std::to_string(first_year) + "-01-01"), end = day_number(std::to_string(last_year) + "-01-01");
  auto x_of = [&](long day) { return kMargin + (kWidth - 2 * kMargin) * double(day - start) / double(end - start); };
  if (items.size() > kMaxMarks) return year_bars_svg(items, first_year, last_year, step, x_of);

  // Lanes: each label starts at its dot; a document goes on the first lane whose last label ends before it.
  std::vector<double> lane_end;
  std::vector<std::size_t> lane_of(items.size());
  std::vector<std::string> labels(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& m = items[i].doc->meta;
    labels[i] = m.symbol.empty() ? m.title : m.symbol;
    double x = x_of(items[i].day);
    double w = estimated_text_width(labels[i], kFont) + 14;
    std::size_t lane = 0;
    while (lane < lane_end.size() && lane_end[lane] > x) ++lane;
    if (lane == lane_end.size()) lane_end.push_back(0);
    lane_end[lane] = x + w;
    lane_of[i] = lane;
  }
  double axis_y = kMargin + lane_end.size() * kLane;
  double height = axis_y + kAxisGap;
  // Labels near the right edge would be cut off: widen the picture to hold the longest.
  double width = kWidth;
  for (double e : lane_end) width = std::max(width, e + kMargin);

  XmlWriter x(false);
  open_timeline(x, width, height, items.size(), first_year, last_year, "");
  axis(x, axis_y, first_year, last_year, step, x_of);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& m = items[i].doc->meta;
    double cx = x_of(items[i].day), cy = kMargin + lane_of[i] * kLane + kLane / 2;
    x.open("a", {{"href", root + model::page_path(*items[i].doc)}, {"class", "timeline-item"}});
    x.leaf("title", labels[i] + (m.symbol.empty() ? "" : " " + m.title) + "（" + display_date(m.date) + "）");
    x.empty("line", {{"class", "stem"}, {"x1", num(cx)}, {"y1", num(cy)}, {"x2", num(cx)}, {"y2", num(axis_y)},
                     {"stroke", "currentColor"}, {"stroke-opacity", "0.3"}});
    x.empty("circle", {{"cx", num(cx)}, {"cy", num(cy)}, {"r", "4.5"}, {"fill", "currentColor"}});
    x.leaf("text", labels[i], {{"x", num(cx + 8)}, {"y", num(cy + 4)}, {"font-size", num(kFont)}});
    x.close();
  }
  return x.finish();
}

}  // namespace acta::write
