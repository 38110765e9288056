// The topic index: topics/<id>.html for every configured topic (documents most relevant first, each with
// its evidence paragraphs as highlighted excerpts linking to the paragraph) and topics/index.html (every
// topic with its numbers, and a documents x topics heat map).
#pragma once

#include <string>

#include "write/site_context.hpp"

namespace acta::write {

void write_topic_pages(const SiteContext& site, const StagedOutput& out);

// Path of a topic's page from the site root: "topics/<id>.html".
std::string topic_page_path(const std::string& topic_id);

// "para_12" -> "第 12 段", "preamble__p_3" -> "序言部分第 3 段", "para_2__point_a" -> "第 2 段 (a)".
std::string paragraph_label(const std::string& block_id);

}  // namespace acta::write
