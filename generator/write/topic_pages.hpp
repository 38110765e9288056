// The topic index: topics/<id>.html for every configured topic and topics/index.html (every topic with its
// numbers, and a documents x topics heat map).
//
// A topic page lists the documents under the topic, most relevant first, kDocumentsPerPage to a page
// (topics/<id>.html, then topics/<id>-2.html, ... linked by previous/next and page numbers, plain links
// that work without JavaScript). Each document shows its score, its number of evidence paragraphs and its
// strongest ones (kShownExcerpts in topic_pages.cpp) as short excerpts with the terms highlighted, each
// linking to its paragraph (#para_N); a link leads to the document's page with the topic filter on
// (?topic=<id>) for the rest. So a page's size is bounded whatever the size of the archive.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "write/site_context.hpp"

namespace acta::write {

constexpr std::size_t kDocumentsPerPage = 50;

void write_topic_pages(const SiteContext& site, const StagedOutput& out);

// Path of page `page` (from 1) of a topic's list from the site root: "topics/<id>.html" for the first,
// "topics/<id>-<page>.html" after it.
std::string topic_page_path(const std::string& topic_id, std::size_t page = 1);

// Number of pages for a list of `documents` (at least one: an empty topic still has its page).
std::size_t topic_page_count(std::size_t documents);

// The page numbers the navigation of page `page` of `pages` shows: the first, the last, and two either side
// of the current one; 0 stands for a gap ("…"). A gap of a single page shows that page instead.
std::vector<std::size_t> pages_to_show(std::size_t page, std::size_t pages);

}  // namespace acta::write
