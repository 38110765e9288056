// The document as canonical Markdown: YAML front matter with its metadata, a GFM body (numbered paragraphs
// as "12\. …" so no list renumbers them, subparagraphs as "(a) …", headings with their numbers) and GFM
// footnotes with the source's labels. Reading it back with read::read_markdown gives the same model, so a
// person can review or hand-edit a raw document as Markdown (`acta import`).
#pragma once

#include <string>

#include "model/document.hpp"

namespace acta::write {

std::string export_markdown(const model::Document& doc);

// Inline content as Markdown text, escaped so that it reads back as the same inlines.
std::string inlines_markdown(const model::Inlines& inlines);

}  // namespace acta::write
