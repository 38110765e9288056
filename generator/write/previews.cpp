#include "write/previews.hpp"

#include <cstdio>

#include "util/parallel.hpp"
#include "write/exports.hpp"
#include "write/json.hpp"

namespace acta::write {

using model::BlockKind;

namespace {

// previews.js shows at most this many characters of a paragraph and an ellipsis when there are more; one
// character more tells it there are more. A long paragraph's tail would only make the file bigger.
constexpr std::size_t kShownChars = 280;

std::string cut_after_chars(std::string text, std::size_t chars) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && seen++ == chars) {
      text.resize(i);
      break;
    }
  return text;
}

// The paragraph as a reader would quote it, its number first as on the page, up to the characters a preview
// keeps and one more (a long paragraph's text is not copied whole: four bytes a character at most).
std::string preview_text(const model::Block& b) {
  std::string text;
  if (b.kind == BlockKind::Numbered && !b.number.empty()) text = b.number + ". ";
  else if (b.kind == BlockKind::Subparagraph && !b.number.empty()) text = "(" + b.number + ") ";
  const std::size_t prefix = text.size();
  const std::size_t limit = prefix + 4 * (kShownChars + 2);
  if (b.kind == BlockKind::Table) {
    for (const auto& row : b.rows)
      for (const auto& cell : row) {
        if (text.size() > prefix) text += ' ';
        model::append_plain_text(cell, text, limit);
      }
  } else {
    model::append_plain_text(b.content, text, limit);
  }
  return cut_after_chars(std::move(text), kShownChars + 1);
}

void field(std::string& out, const char* key, const std::string& value) {
  out += json_string(key);
  out += ':';
  out += json_string(value);
  out += ',';
}

}  // namespace


std::string preview_script(const model::Document& doc) {
  doc.need_body();
  std::string data;
  data.reserve(kExportReserve / 2);  // previews keep the start of each paragraph: about half an export
  data += "{";
  field(data, "symbol", doc.meta.symbol);
  field(data, "title", doc.meta.title);
  field(data, "date", display_date(doc.meta.date));
  field(data, "date_iso", doc.meta.date);
  data += "\"paragraphs\":{";
  bool first = true;
  for (const auto& b : doc.blocks) {
    if (b.id.empty() || b.kind == BlockKind::Rule) continue;
    std::string text = preview_text(b);
    if (text.empty()) continue;
    if (!first) data += ",\n";
    first = false;
    json_string_into(data, b.id);
    data += ':';
    json_string_into(data, text);
  }
  data += "}}";
  return "/* Preview data for assets/previews.js, written by Acta. */\n"
         "window.ActaPreviews && window.ActaPreviews.add(" + json_string(doc.slug) + ",\n" + data + ");\n";
}

void write_previews(const SiteContext& site, const StagedOutput& out) {
  parallel_for(site.archive.documents.size(), [&](std::size_t i) {
    const auto& doc = site.archive.documents[i];
    write_document_file(site, out, i, "preview", false, "previews/" + doc.slug + ".js", [&] { return preview_script(doc); });
  });
}

}  // namespace acta::write
