#include "write/public_files.hpp"

#include <algorithm>
#include <filesystem>

#include "write/url.hpp"
#include "write/xml.hpp"

namespace acta::write {

namespace fs = std::filesystem;

void write_not_found_page(const SiteContext& site, const StagedOutput& out) {
  if (!site.templates.has("not_found")) return;
  // Servers show 404.html at any depth; its links are relative to the site root, like the home page's.
  Data d = page_data(site, "404.html", "找不到页面");
  d.set("noindex", Data(true));
  write_keyed(out, "404.html", site.keys.listing, [&] { return site.templates.page("not_found", d); });
}

std::string feed_path(const config::Config& config) { return config.base_url.empty() ? "" : "feed.xml"; }

std::string atom_date(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return "";
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (iso[i] < '0' || iso[i] > '9') return "";
  return iso + "T00:00:00Z";
}

void write_feed(const SiteContext& site, const StagedOutput& out) {
  const auto& cfg = site.config;
  if (feed_path(cfg).empty()) return;
  if (!site.keys.listing.empty() && out.reuse("feed.xml", site.keys.listing)) return;
  std::vector<const model::Document*> docs;
  for (const auto& d : site.archive.documents)
    if (!atom_date(d.meta.date).empty()) docs.push_back(&d);
  std::stable_sort(docs.begin(), docs.end(), [](auto* a, auto* b) {
    if (a->meta.date != b->meta.date) return a->meta.date > b->meta.date;
    return a->meta.symbol < b->meta.symbol;
  });
  // The feed's date is that of its newest entry, not the build time, so a rebuild gives the same bytes.
  std::string updated = docs.empty() ? "1970-01-01T00:00:00Z" : atom_date(docs.front()->meta.date);

  XmlWriter x;
  x.open("feed", {{"xmlns", "http://www.w3.org/2005/Atom"}, {"xml:lang", cfg.language}});
  x.leaf("title", cfg.title);
  if (!cfg.description.empty()) x.leaf("subtitle", cfg.description);
  x.leaf("id", absolute_url(cfg.base_url, "index.html"));
  x.empty("link", {{"rel", "self"}, {"type", "application/atom+xml"}, {"href", absolute_url(cfg.base_url, "feed.xml")}});
  x.empty("link", {{"rel", "alternate"}, {"type", "text/html"}, {"href", absolute_url(cfg.base_url, "index.html")}});
  x.leaf("updated", updated);
  x.open("author").leaf("name", cfg.title).close();
  x.leaf("generator", "Acta", {{"version", ACTA_VERSION}});
  for (const auto* doc : docs) {
    const auto& m = doc->meta;
    std::string url = absolute_url(cfg.base_url, model::page_path(*doc));
    x.open("entry");
    x.leaf("title", m.symbol.empty() ? m.title : m.symbol + " " + m.title);
    x.leaf("id", url);
    x.empty("link", {{"rel", "alternate"}, {"type", "text/html"}, {"href", url}});
    x.leaf("published", atom_date(m.date));
    x.leaf("updated", atom_date(m.date));
    if (!m.body.empty()) x.open("author").leaf("name", m.body).close();
    std::string summary;
    for (const auto& part : {m.body, m.session, display_date(m.date)})
      if (!part.empty()) summary += (summary.empty() ? "" : " · ") + part;
    if (!summary.empty()) x.leaf("summary", summary);
    for (const auto& topic : doc->topic_ids) {
      XmlAttrs attrs{{"term", topic}};
      for (const auto& t : cfg.topics)
        if (t.id == topic && !t.label_zh.empty()) attrs.emplace_back("label", t.label_zh);
      x.empty("category", attrs);
    }
    x.close();
  }
  out.write("feed.xml", x.finish(), site.keys.listing);
}

void write_robots(const SiteContext& site, const StagedOutput& out) {
  std::string text = "User-agent: *\nAllow: /\n";
  if (!site.config.base_url.empty()) text += "Sitemap: " + absolute_url(site.config.base_url, "sitemap.xml") + "\n";
  out.write("robots.txt", text);
}

void write_sitemap(const SiteContext& site, const StagedOutput& out) {
  if (site.config.base_url.empty()) return;
  std::vector<std::string> pages;  // sorted, as files() gives them
  for (auto& f : out.files())
    if (f.size() > 5 && f.compare(f.size() - 5, 5, ".html") == 0 && f != "404.html") pages.push_back(std::move(f));
  XmlWriter x;
  x.open("urlset", {{"xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"}});
  for (const auto& p : pages) x.open("url").leaf("loc", absolute_url(site.config.base_url, p)).close();
  out.write("sitemap.xml", x.finish());
}

}  // namespace acta::write
