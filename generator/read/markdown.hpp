// The Markdown reader: a .md file with YAML front matter and a GFM body (cmark-gfm with footnotes,
// tables, autolinks, strikethrough and the tag filter) becomes a Document.
#pragma once

#include <string>
#include <string_view>

#include "model/document.hpp"

namespace acta::read {

// Reads a whole .md file. Throws SourceError for broken front matter; warnings go to doc.diagnostics.
model::Document read_markdown(std::string_view text, const std::string& file);

// Parses a GFM body (no front matter) into blocks and footnotes of `doc`. `first_line` is the source line
// of the body's first line, so blocks carry real line numbers.
void parse_markdown_body(std::string_view body, int first_line, model::Document& doc);

// Parses a short Markdown text (an annotation note) into inline content; paragraphs are separated by
// line breaks.
model::Inlines parse_markdown_inlines(std::string_view markdown);

}  // namespace acta::read
