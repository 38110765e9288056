// Page furniture: what a PDF prints on every page but is not the document's text. Running headers and
// footers (the symbol "A/72/152", "17/17 17-11978 (C)"), distribution lines ("Distr.: General"), page
// numbers (beside other furniture or a form feed), and hyperlink targets printed as stray lines ("https://undocs.org/ch/A/RES/71/228"), which are
// removed from the text but kept, since they say what a citation on that page links to.
#pragma once

#include <string>
#include <vector>

#include "read/raw/lines.hpp"

namespace acta::read::raw {

struct LinkLine {
  std::string url;
  int line = 0;
};

struct Furniture {
  Lines body;                         // what is left; page_start set on the first line of each new page
  std::vector<LinkLine> links;        // stray hyperlink lines, in source order
  std::vector<std::string> symbols;   // document symbols printed as running headers
  std::string cover_date;             // an English distribution date on the cover ("18 December 2025"), ISO
};

Furniture remove_furniture(Lines lines);

// The single-line tests the pass is made of, public so they can be tested one by one.
bool is_url_line(std::string_view trimmed);
bool is_symbol_line(std::string_view trimmed);   // "A/72/152", "HSP/HA.2/Res.4"
bool is_footer_line(std::string_view trimmed);   // "17/17 17-11978 (C)", "GE.17-11978(C)", "- 5 -"
bool is_distribution_line(std::string_view trimmed);  // "Distr.: General", "Original: English"
std::string english_date(std::string_view trimmed);   // "18 December 2025" -> "2025-12-18", or ""

// Sets page_start on lines that follow another without a blank line and are indented, in double-spaced
// text: pdftotext's sign that a new page begins there.
void mark_page_starts(Lines& lines);

// Gives every line its page index (counting page_start lines).
void number_pages(Lines& lines);

}  // namespace acta::read::raw
