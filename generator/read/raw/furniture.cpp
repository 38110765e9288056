#include "read/raw/furniture.hpp"

#include <map>
#include <regex>
#include <set>

#include "util/utf8.hpp"

namespace acta::read::raw {

namespace {

enum class Kind { Keep, Url, Symbol, Footer, Distribution, Date, PageNumber };

// Compiled when the program starts, on one thread, as read/front_matter.cpp's patterns (compiling a
// std::regex writes caches that every thread shares).
const std::regex kUrlLine(R"(^(https?://|www\.)\S+$)");
// Upper-case series letters, then slash-separated parts: A/72/152, A/RES/80/144, E/2022/10, HSP/HA.2/Res.4.
const std::regex kSymbolLine(R"(^[A-Z]{1,8}(/[A-Za-z0-9.\-]+){1,5}$)");
// "17/17 17-11978 (C)": page/pages and the job number; "17-11978 (C)", "GE.17-11978(C)"; "- 5 -".
const std::regex kFooterJob(R"(^(\d{1,4}/\d{1,4}\s+)?(GE\.)?\d{2}-\d{4,6}\s*(\([A-Z]\))?(\s+\d{1,4}/\d{1,4})?$)");
const std::regex kFooterDashed(R"(^[-–—]\s*\d{1,4}\s*[-–—]$)");
const std::regex kDistribution(R"(^(Distr\.?\s*:.*|Original\s*:.*|Limited|General)$)", std::regex::icase);
const std::regex kEnglishDate(
    R"(^(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})$)");

bool all_digits(std::string_view s) {
  if (s.empty() || s.size() > 4) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

Kind classify(std::string_view t) {
  if (t.size() > 300) return Kind::Keep;  // furniture is short; and std::regex recurses per character
  if (is_url_line(t)) return Kind::Url;
  if (is_footer_line(t)) return Kind::Footer;
  if (is_distribution_line(t)) return Kind::Distribution;
  if (!english_date(t).empty()) return Kind::Date;
  if (is_symbol_line(t)) return Kind::Symbol;
  if (all_digits(t)) return Kind::PageNumber;
  return Kind::Keep;
}

}  // namespace

bool is_url_line(std::string_view t) { return std::regex_match(t.begin(), t.end(), kUrlLine); }

bool is_symbol_line(std::string_view t) {
  return std::regex_match(t.begin(), t.end(), kSymbolLine);
}

bool is_footer_line(std::string_view t) {
  return std::regex_match(t.begin(), t.end(), kFooterJob) || std::regex_match(t.begin(), t.end(), kFooterDashed);
}

bool is_distribution_line(std::string_view t) {
  return std::regex_match(t.begin(), t.end(), kDistribution);
}

std::string english_date(std::string_view t) {
  static const std::map<std::string, int> months = {
      {"January", 1}, {"February", 2}, {"March", 3}, {"April", 4}, {"May", 5}, {"June", 6},
      {"July", 7}, {"August", 8}, {"September", 9}, {"October", 10}, {"November", 11}, {"December", 12}};
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(t.begin(), t.end(), m, kEnglishDate)) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%s-%02d-%02d", m[3].str().c_str(), months.at(m[2].str()), std::stoi(m[1].str()));
  return buf;
}

Furniture remove_furniture(Lines lines) {
  Furniture out;
  std::vector<Kind> kinds;
  std::map<std::string, int> symbol_count;
  for (const auto& l : lines) {
    kinds.push_back(classify(utf8::trim(l.text)));
    if (kinds.back() == Kind::Symbol) ++symbol_count[std::string(utf8::trim(l.text))];
  }
  auto near_furniture = [&](std::size_t i) {
    for (std::size_t j = i > 2 ? i - 2 : 0; j < std::min(lines.size(), i + 3); ++j)
      if (j != i && (kinds[j] == Kind::Footer || kinds[j] == Kind::Distribution ||
                     (kinds[j] == Kind::Symbol && symbol_count[std::string(utf8::trim(lines[j].text))] > 1)))
        return true;
    return false;
  };
  // A symbol alone on a line is a running header when it repeats or sits with other furniture; a bare
  // number is a page number only beside furniture (elsewhere it is a footnote marker of pdftotext).
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string t(utf8::trim(lines[i].text));
    if (kinds[i] == Kind::Symbol && !(symbol_count[t] > 1 || near_furniture(i))) kinds[i] = Kind::Keep;
    bool by_form_feed = lines[i].page_start || (i + 1 < lines.size() && lines[i + 1].page_start);
    if (kinds[i] == Kind::PageNumber && !near_furniture(i) && !by_form_feed) kinds[i] = Kind::Keep;
    if (kinds[i] == Kind::Date && lines[i].number > 40) kinds[i] = Kind::Keep;  // only the cover's date is furniture
  }

  bool new_page = false;
  std::set<std::string> seen_symbols;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    std::string t(utf8::trim(l.text));
    if (l.page_start) new_page = true;  // a form feed before it
    switch (kinds[i]) {
      case Kind::Keep:
        if (new_page) l.page_start = true;
        new_page = false;
        out.body.push_back(std::move(l));
        break;
      case Kind::Url:
        out.links.push_back({t, l.number});
        new_page = true;  // pdftotext prints a page's link targets after its text
        break;
      case Kind::Symbol:
        if (seen_symbols.insert(t).second) out.symbols.push_back(t);
        new_page = true;
        break;
      case Kind::Date:
        if (out.cover_date.empty()) out.cover_date = english_date(t);
        break;
      case Kind::Distribution: break;
      case Kind::Footer:
      case Kind::PageNumber: new_page = true; break;
    }
  }
  return out;
}

void mark_page_starts(Lines& lines) {
  if (!double_spaced(lines)) return;
  for (std::size_t i = 1; i < lines.size(); ++i)
    if (!lines[i].blank_before && indent_of(lines[i].text) > 0 && !utf8::trim(lines[i - 1].text).empty())
      lines[i].page_start = true;
}

void number_pages(Lines& lines) {
  int page = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0 && lines[i].page_start) ++page;
    lines[i].page = page;
  }
}

}  // namespace acta::read::raw
