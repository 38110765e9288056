#include "write/citations_page.hpp"

#include "analyze/citations/outgoing.hpp"

namespace acta::write {

namespace {

// A row names at most this many citing documents, then says how many there are in all: a document cited by
// thousands would make a row of thousands of links (each cited document's own page lists them all).
constexpr std::size_t kShownCiting = 20;

List citing_list(const SiteContext& site, const std::vector<std::size_t>& citing) {
  List out;
  for (std::size_t k = 0; k < citing.size() && k < kShownCiting; ++k) {
    const std::size_t i = citing[k];
    const auto& d = site.archive.documents[i];
    Data c;
    c.set("href", model::page_path(d));
    c.set("symbol", d.meta.symbol.empty() ? d.meta.title : d.meta.symbol);
    c.set("title", d.meta.title);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

Data citations_data(const SiteContext& site) {
  auto stats = analyze::citations::citation_stats(site.archive);
  Data d = page_data(site, "citations.html", "引用");
  List inside;
  for (const auto& c : stats.in_archive) {
    const auto& doc = site.archive.documents[*c.doc];
    Data row;
    row.set("href", model::page_path(doc));
    row.set("symbol", c.symbol.empty() ? std::string("（无文号）") : c.symbol);
    row.set("title", doc.meta.title);
    row.set("count", std::to_string(c.citing.size()));
    row.set("citing", citing_list(site, c.citing));
    row.set("more", Data(c.citing.size() > kShownCiting));
    row.set("all_href", model::page_path(doc) + "#cited-by-title");
    inside.push_back(std::move(row));
  }
  List outside;
  for (std::size_t k = 0; k < stats.outside.size() && k < kMaxOutside; ++k) {
    const auto& c = stats.outside[k];
    Data row;
    row.set("href", site.config.external_link(c.symbol));
    row.set("symbol", c.symbol);
    row.set("count", std::to_string(c.citing.size()));
    row.set("citing", citing_list(site, c.citing));
    row.set("more", Data(c.citing.size() > kShownCiting));
    outside.push_back(std::move(row));
  }
  d.set("has_in_archive", Data(!inside.empty()));
  d.set("in_archive", std::move(inside));
  d.set("has_outside", Data(!outside.empty()));
  d.set("outside", std::move(outside));
  d.set("outside_total", std::to_string(stats.outside.size()));
  d.set("outside_truncated", Data(stats.outside.size() > kMaxOutside));
  d.set("outside_shown", std::to_string(std::min(stats.outside.size(), kMaxOutside)));
  d.set("citations", std::to_string(stats.citations));
  return d;
}

void write_citations_page(const SiteContext& site, const StagedOutput& out) {
  if (!site.templates.has("citations")) return;
  write_keyed(out, "citations.html", site.keys.listing, [&] { return site.templates.page("citations", citations_data(site)); });
}

}  // namespace acta::write
