// A documents x topics heat map as inline SVG, made at build time (no script, no library). Every label
// and tooltip goes through escape.hpp; the markup is fixed here. Accessible: a group (not role="img", so its
// links stay reachable) labelled by its <title> and <desc>, every cell with its own <title>, rows and
// columns linked to their pages.
#pragma once

#include <string>
#include <vector>

namespace acta::write {

struct HeatmapCell {
  double value = 0;      // 0..1: colour intensity
  bool marked = false;   // drawn with a check mark (the document is under the topic)
  std::string tooltip;   // the cell's <title>
};

struct HeatmapRow {
  std::string label;  // shown, cut to fit; the full label is in the row's tooltip
  std::string href;   // relative link, or empty
  std::vector<HeatmapCell> cells;
};

struct Heatmap {
  std::string id;           // id prefix for the title and desc elements
  std::string title;
  std::string description;
  std::vector<std::string> columns;
  std::vector<std::string> column_hrefs;
  std::vector<HeatmapRow> rows;
};

std::string heatmap_svg(const Heatmap& map);

}  // namespace acta::write
