// Converter damage: a PDF-to-Markdown converter leaves markup that is not the document's. Footnote markers
// as superscripts ("¹", "²¹", "<sup>1</sup>") become footnote marks; "**bold**" loses its stars; links with
// empty targets ("[77/172](#)") keep only their text, so later passes see "第 77/172 号决议"; real links are
// kept; doubled escapes ("IPCC\\_AR6") are undone; bare URLs in the text become links.
#pragma once

#include <string>
#include <string_view>

#include "read/raw/lines.hpp"

namespace acta::read::raw {

// Cleans one line. Leading spaces are kept (they carry paragraph structure).
std::string clean_markup(std::string_view line);

// Applies clean_markup to every line.
void clean_markup(Lines& lines);

// "²¹" -> "21"; empty when `s` does not start with superscript digits. `length` gets the bytes consumed.
std::string superscript_digits(std::string_view s, std::size_t& length);

}  // namespace acta::read::raw
