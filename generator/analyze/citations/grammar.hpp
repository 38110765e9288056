// The citation grammar: finds, in plain text, the places that cite another UN document and the full
// symbol each one cites. Pure string work, no model: the citation pass (link_pass.hpp) flattens a block's
// inline content into such a text, scans it, and turns what is found into Citation inlines.
//
// Forms recognised (see README "Citations" for the canonical symbol of each body):
//   written symbols        A/RES/71/228, A/C.2/57/7, A/76/639-E/2022/10, FCCC/CP/2015/10/Add.1,
//                          UNEP/EA.5/Res.11, CBD/COP/15/17, E/2022/10, S/RES/2334 (2016), …/Rev.1/Corr.2
//   第 … 号决议/决定        第 77/172 号决议, 第77/172号决议, 第 [77/172](#) 号决议 (once flattened)
//   enumerations           第 53/24 号、2000 年 12 月 20 日第 55/189 号……和第 77/172 号决议,
//                          第 53/24、55/189 和 57/245 号决议 (every number is a citation)
//   other bodies by context 联合国环境大会……第 5/11 号决议, 经济及社会理事会……第 2003/61 号决议,
//                          第 1/CP.21 号决定, 第 15/4 号决定 (CBD), 第 VII/27 号决定, 第 34/COP.12 号决定
//   bare designations       1/CP.22：…, 2/CMA.1 (a UNFCCC or UNCCD decision named on its own)
//   paragraph references    第 62/196 号决议第 5 段, A/80/555, 第 7 段
// Never a citation: 2024-2034 年, 第 181 段, 15.3, 第 1771 卷, 第 30822 号, dates and amounts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyze/citations/bodies.hpp"

namespace acta::analyze::citations {

// In a flattened text this character stands for a footnote reference (so "the footnote right after a
// citation" can be found); kBarrier stands for content that is not text (code, a real link), which no
// citation may span.
inline constexpr std::string_view kFootnoteMark = "\xEE\x80\x80";  // U+E000
inline constexpr std::string_view kBarrier = "\xEE\x80\x81";       // U+E001

struct ScanContext {
  Body default_body = Body::GeneralAssembly;  // the body a citation with no named body belongs to
  Body own_body = Body::Unknown;              // the citing document's body (for 理事会 alone)
};

struct Found {
  std::size_t begin = 0, end = 0;  // the citing text, byte range of the scanned text: the number or the symbol
  std::string written;             // as written: "77/172", "A/RES/71/228"
  Kind kind = Kind::Document;
  Body body = Body::Unknown;       // the body the grammar settled on
  bool body_stated = false;        // named in the text (or by the number's shape), not defaulted
  std::string symbol;              // canonical full symbol; empty when it could not be resolved
  std::vector<std::string> aliases;  // other symbols of the same document ("E/2022/10" of A/76/639-E/2022/10)
  std::string paragraph;           // anchor named by a paragraph reference: "para_5"
  std::size_t footnote_mark = std::string::npos;  // offset of a footnote mark right after the citation
  std::string problem;             // why `symbol` is empty, or what is unusual about this citation
};

// Scans `text` and returns every citation, in text order.
std::vector<Found> scan(std::string_view text, const ScanContext& context = {});

// Written-out symbols only (what a footnote "gives"), in text order.
std::vector<Found> find_written_symbols(std::string_view text);

// The symbol a footnote's text gives when it opens with one ("UNEP/EA.5/Res.11。", "见 A/80/255。"), else "".
std::string symbol_opening(std::string_view footnote_text);

// The symbol in a document URL (https://undocs.org/ch/A/RES/71/228, https://undocs.org/A/RES/71/228,
// https://documents.un.org/symbol-explorer?s=A/RES/71/228), else "".
std::string symbol_in_url(std::string_view url);

}  // namespace acta::analyze::citations
