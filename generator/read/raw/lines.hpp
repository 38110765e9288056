// The raw reader's unit of work: one source line with what its neighbours say about it. Every pass of the
// raw-text chain takes and returns these, so each can be tested on a string.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace acta::read::raw {

struct Line {
  std::string text;         // the line as written (leading and trailing spaces kept: they carry meaning)
  int number = 0;           // 1-based source line
  bool blank_before = true; // a blank line (or the start of the file) comes right before it
  bool page_start = false;  // first body line of a new PDF page
  int page = 0;             // PDF page index, counted from 0 (set by the furniture pass)
};

using Lines = std::vector<Line>;

// Splits text into lines, dropping blank ones (whitespace only) but remembering them in blank_before.
Lines split_lines(std::string_view text);

// How the text was extracted: one paragraph per line (a converter's Markdown-like output) or hard-wrapped
// lines (pdftotext).
enum class Shape { Unwrapped, Wrapped };
Shape detect_shape(const Lines& lines);

// Whether blank lines separate almost every line (pdftotext's double spacing): then a line that follows
// another without a blank one, indented, starts a new page.
bool double_spaced(const Lines& lines);

// Leading spaces (ASCII, no-break and ideographic each count one).
int indent_of(std::string_view s);
bool has_trailing_space(std::string_view s);

// Private marks the passes leave in text for what is not plain text: a footnote reference and a link. They
// are turned into model inlines at the end (see inlines.hpp).
inline constexpr char kMarkOpen = '\x1F';   // \x1F label \x1E
inline constexpr char kMarkClose = '\x1E';
inline constexpr char kLinkOpen = '\x1D';   // \x1D text \x1C url \x1B
inline constexpr char kLinkMid = '\x1C';
inline constexpr char kLinkClose = '\x1B';
std::string footnote_mark(std::string_view label);
std::string link_mark(std::string_view text, std::string_view url);

}  // namespace acta::read::raw
