// Pictures made at build time, as inline SVG for a page: a timeline of the archive's documents by date and
// a graph of which archive document cites which. Both are links (each document opens its page) and carry a
// text title for screen readers; the page lists the same documents as text, so nothing is only a picture.
// "" when there is nothing to draw.
#pragma once

#include <string>

#include "model/archive.hpp"

namespace acta::write {

// Every dated document at its adoption date on a time axis; documents close in time go on separate lanes
// so their labels never overlap. `root`: the page's way back to the site root ("" on the home page).
// Past 60 dated documents: one bar per year instead, as high as that year's number of documents.
std::string timeline_svg(const model::Archive& archive, const std::string& root);

// An arc diagram of Archive::cited_by: the documents that cite or are cited, in date order on a line, and
// an arc from each citing document to each document it cites (thicker for more citing paragraphs).
// Past 40 such documents: the 40 with the most citing places in and out, and the arcs between them.
std::string citation_graph_svg(const model::Archive& archive, const std::string& root);

// Width in pixels of `text` at `font_px` (Latin about 0.6 em, CJK 1 em): enough to keep labels apart.
double estimated_text_width(const std::string& text, double font_px);

}  // namespace acta::write
