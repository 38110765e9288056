// The topic index: topics/<id>.html for every configured topic and topics/index.html (every topic with its
// numbers, and a documents x topics heat map).
//
// A topic page (topics/<id>.html) lists every document under the topic, most relevant first, and links each
// of its evidence paragraphs (#para_N); the most relevant documents (kDetailedDocuments in topic_pages.cpp)
// also show their strongest paragraphs (kShownExcerpts) as short excerpts with the terms highlighted. A link
// leads to the document's page with the topic filter on (?topic=<id>). So the page grows by a line or two per
// document, not by whole paragraphs.
#pragma once

#include <string>

#include "write/site_context.hpp"

namespace acta::write {

// The topic pages and the overview, as jobs a caller runs side by side with other pages (each topic page,
// then the overview: topic_page_jobs(site) of them); then forget_unused_topic_items once all have run.
std::size_t topic_page_jobs(const SiteContext& site);
void write_topic_page_job(const SiteContext& site, const StagedOutput& out, std::size_t job);
// Removes from the cache the items of topics no longer configured.
void forget_unused_topic_items(const SiteContext& site);

// The cache entry ("topic-items") holding a topic page's rendered items between builds.
cache::Hash topic_items_key(const std::string& topic_id);

// Path of a topic's page from the site root: "topics/<id>.html".
std::string topic_page_path(const std::string& topic_id);

}  // namespace acta::write
