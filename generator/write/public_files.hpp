// The files a public website needs beside its pages: sitemap.xml, the Atom feed, robots.txt and 404.html.
// The sitemap and the feed need absolute URLs, so they are written only when the config sets base_url.
#pragma once

#include "write/site_context.hpp"

namespace acta::write {

// 404.html from templates/not_found.mustache (skipped when an archive's own templates have none).
void write_not_found_page(const SiteContext& site, const StagedOutput& out);

// feed.xml: an Atom feed of the dated documents, newest first. Needs base_url.
void write_feed(const SiteContext& site, const StagedOutput& out);

// robots.txt: allows everything; names the sitemap when there is one.
void write_robots(const SiteContext& site, const StagedOutput& out);

// sitemap.xml: every HTML page written so far except 404.html. Call it after all pages. Needs base_url.
void write_sitemap(const SiteContext& site, const StagedOutput& out);

// The feed's file name, for the layout's <link rel="alternate">; "" when no feed is written.
std::string feed_path(const config::Config& config);

// Atom needs a full timestamp: "2025-12-15" -> "2025-12-15T00:00:00Z"; "" for anything that is not a date.
std::string atom_date(const std::string& iso);

}  // namespace acta::write
