#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "write/pictures.hpp"
#include "write/xml.hpp"

namespace acta::write {

namespace {

constexpr double kMargin = 24, kSpacing = 64, kFont = 12, kMaxArc = 170, kLabelAngle = 35;
// More documents than this make a line too long to read (and a file of megabytes): the graph then shows the
// documents with the most citations in or out, and says so in its title.
constexpr std::size_t kMaxNodes = 40;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

struct Edge {
  std::size_t from, to;  // citing document, cited document (indexes into the archive)
  std::size_t places;    // how many paragraphs of `from` cite `to`
};

}  // namespace

std::string citation_graph_svg(const model::Archive& archive, const std::string& root) {
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> counts;
  for (std::size_t cited = 0; cited < archive.cited_by.size() && cited < archive.documents.size(); ++cited)
    for (const auto& place : archive.cited_by[cited])
      if (place.doc != cited && place.doc < archive.documents.size()) ++counts[{place.doc, cited}];
  if (counts.empty()) return "";
  std::map<std::size_t, std::size_t> degree;  // citing places in and out, per document
  for (const auto& [key, n] : counts) {
    degree[key.first] += n;
    degree[key.second] += n;
  }
  std::vector<std::size_t> nodes;
  for (const auto& [i, n] : degree) nodes.push_back(i);
  const std::size_t connected = nodes.size();
  if (nodes.size() > kMaxNodes) {
    std::stable_sort(nodes.begin(), nodes.end(), [&](std::size_t a, std::size_t b) { return degree[a] > degree[b]; });
    nodes.resize(kMaxNodes);
    std::sort(nodes.begin(), nodes.end());
  }
  std::vector<Edge> edges;
  for (const auto& [key, n] : counts)
    if (std::binary_search(nodes.begin(), nodes.end(), key.first) && std::binary_search(nodes.begin(), nodes.end(), key.second))
      edges.push_back({key.first, key.second, n});
  // Oldest first, undated last, then by symbol: the line reads as time.
  const auto& docs = archive.documents;
  std::stable_sort(nodes.begin(), nodes.end(), [&](std::size_t a, std::size_t b) {
    const auto &ma = docs[a].meta, &mb = docs[b].meta;
    if (ma.date.empty() != mb.date.empty()) return mb.date.empty();
    if (ma.date != mb.date) return ma.date < mb.date;
    return ma.symbol < mb.symbol;
  });
  std::map<std::size_t, double> x_of;
  for (std::size_t k = 0; k < nodes.size(); ++k) x_of[nodes[k]] = kMargin + 20 + k * kSpacing;

  auto arc_height = [](double span) { return std::min(span * 0.45, kMaxArc); };
  double top = 0, label_drop = 0;
  for (const auto& e : edges) top = std::max(top, arc_height(std::abs(x_of[e.from] - x_of[e.to])));
  auto label = [&](std::size_t i) { return docs[i].meta.symbol.empty() ? docs[i].meta.title : docs[i].meta.symbol; };
  const double sin_a = std::sin(kLabelAngle * M_PI / 180), cos_a = std::cos(kLabelAngle * M_PI / 180);
  double right = 0;
  for (std::size_t i : nodes) {
    double w = estimated_text_width(label(i), kFont);
    label_drop = std::max(label_drop, w * sin_a);
    right = std::max(right, x_of[i] + w * cos_a);
  }
  double base_y = kMargin + top;
  double width = std::max(x_of[nodes.back()] + kMargin + 20, right + kMargin);
  double height = base_y + 16 + label_drop + kMargin;

  XmlWriter x(false);
  x.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"}, {"class", "citation-graph-svg"}, {"role", "img"},
                 {"viewBox", "0 0 " + num(width) + " " + num(height)}, {"width", num(width)}, {"height", num(height)},
                 {"aria-labelledby", "citation-graph-title"}});
  std::string scope = nodes.size() < connected ? "引用最多的 " + std::to_string(nodes.size()) + " 份文件（共 " +
                                                    std::to_string(connected) + " 份有引用关系）"
                                              : std::to_string(nodes.size()) + " 份文件";
  x.leaf("title", "引用关系图：" + scope + "之间的 " + std::to_string(edges.size()) + " 条引用，弧线从引用文件指向被引用文件",
         {{"id", "citation-graph-title"}});
  x.open("defs");
  x.open("marker", {{"id", "citation-arrow"}, {"viewBox", "0 0 10 10"}, {"refX", "9"}, {"refY", "5"},
                    {"markerWidth", "8"}, {"markerHeight", "8"}, {"markerUnits", "userSpaceOnUse"}, {"orient", "auto"}});
  x.empty("path", {{"d", "M 0 0 L 10 5 L 0 10 z"}, {"fill", "currentColor"}});
  x.close().close();
  x.empty("line", {{"class", "axis"}, {"x1", num(kMargin)}, {"y1", num(base_y)}, {"x2", num(width - kMargin)},
                   {"y2", num(base_y)}, {"stroke", "currentColor"}, {"stroke-opacity", "0.3"}});
  for (const auto& e : edges) {
    double x1 = x_of[e.from], x2 = x_of[e.to], rx = std::abs(x2 - x1) / 2, ry = arc_height(std::abs(x2 - x1));
    // Clockwise from left to right (and back the other way) keeps every arc above the line.
    std::string d = "M " + num(x1) + " " + num(base_y - 5) + " A " + num(rx) + " " + num(ry) + " 0 0 " +
                    (x1 < x2 ? "1 " : "0 ") + num(x2) + " " + num(base_y - 5);
    x.open("g", {{"class", "citation-edge"}});
    x.leaf("title", label(e.from) + " 引用 " + label(e.to) + "（" + std::to_string(e.places) + " 处）");
    x.empty("path", {{"d", d}, {"fill", "none"}, {"stroke", "currentColor"}, {"stroke-opacity", "0.55"},
                     {"stroke-width", num(std::min(1.0 + 0.8 * double(e.places - 1), 5.0))},
                     {"marker-end", "url(#citation-arrow)"}});
    x.close();
  }
  for (std::size_t i : nodes) {
    double cx = x_of[i];
    const auto& m = docs[i].meta;
    x.open("a", {{"href", root + model::page_path(docs[i])}, {"class", "citation-node"}});
    x.leaf("title", label(i) + (m.symbol.empty() ? "" : " " + m.title));
    x.empty("circle", {{"cx", num(cx)}, {"cy", num(base_y)}, {"r", "5"}, {"fill", "currentColor"}});
    x.leaf("text", label(i), {{"x", num(cx)}, {"y", num(base_y + 16)}, {"font-size", num(kFont)},
                              {"transform", "rotate(" + num(kLabelAngle) + " " + num(cx) + " " + num(base_y + 16) + ")"}});
    x.close();
  }
  return x.finish();
}

}  // namespace acta::write
