// doc/<slug>.json: the document as data. Field names and shapes are fixed by schemas/document.schema.json.
#include <filesystem>
#include <nlohmann/json.hpp>

#include "util/parallel.hpp"
#include "write/exports.hpp"

namespace acta::write {

using json = nlohmann::ordered_json;
using model::BlockKind;
using model::InlineKind;

namespace {

const char* kind_name(BlockKind k) {
  switch (k) {
    case BlockKind::Heading: return "heading";
    case BlockKind::Formula: return "formula";
    case BlockKind::Preamble: return "preamble";
    case BlockKind::Numbered: return "numbered";
    case BlockKind::Subparagraph: return "subparagraph";
    case BlockKind::Bullet: return "bullet";
    case BlockKind::Table: return "table";
    case BlockKind::Rule: return "rule";
    default: return "plain";
  }
}

// What a run of inline content refers to: footnotes (by id) and citations, in reading order.
struct References {
  std::vector<std::string> footnotes;
  std::vector<const model::Inline*> citations;
};

void collect(const model::Document& doc, const model::Inlines& inlines, References& refs) {
  for (const auto& in : inlines) {
    if (in.kind == InlineKind::FootnoteRef) {
      if (const auto* fn = doc.find_footnote(in.text)) refs.footnotes.push_back(fn->id);
    } else if (in.kind == InlineKind::Citation) {
      refs.citations.push_back(&in);
    }
    collect(doc, in.children, refs);
  }
}

void put_if(json& j, const char* key, const std::string& value);

json citation_json(const SiteContext& site, const model::Document& doc, const model::Inline& c, const std::string& place) {
  json j;
  j["place"] = place;
  // A citation whose symbol the citation pass could not settle has no symbol and no link: it is kept so
  // tools see the citing text.
  put_if(j, "symbol", c.citation.symbol);
  if (!c.citation.paragraph.empty()) j["paragraph"] = c.citation.paragraph;
  j["text"] = model::plain_text(c.children);
  j["in_archive"] = c.citation.in_archive;
  if (c.citation.in_archive)
    if (auto i = site.archive.find_symbol(c.citation.symbol))
      j["document"] = link_between(json_path(doc), json_path(site.archive.documents[*i]));
  put_if(j, "href", c.citation.href);
  return j;
}

json block_json(const model::Document& doc, const model::Block& b) {
  json j;
  j["id"] = b.id;
  j["kind"] = kind_name(b.kind);
  if (!b.number.empty()) j["number"] = b.number;
  if (b.kind == BlockKind::Heading) j["level"] = b.level;
  j["text"] = model::plain_text(b.content);
  if (b.kind == BlockKind::Table) {
    json rows = json::array();
    for (const auto& row : b.rows) {
      json cells = json::array();
      for (const auto& cell : row) cells.push_back(model::plain_text(cell));
      rows.push_back(cells);
    }
    j["rows"] = rows;
  }
  References refs;
  collect(doc, b.content, refs);
  for (const auto& row : b.rows)
    for (const auto& cell : row) collect(doc, cell, refs);
  if (!refs.footnotes.empty()) j["footnotes"] = refs.footnotes;
  if (!b.topics.empty()) j["topics"] = b.topics;
  return j;
}

void put_if(json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

}  // namespace

std::string document_json(const SiteContext& site, std::size_t index) {
  const auto& doc = site.archive.documents[index];
  const auto& m = doc.meta;
  json j;
  j["format"] = "acta-document";
  j["format_version"] = kJsonFormatVersion;
  json meta = json::object();
  put_if(meta, "symbol", m.symbol);
  meta["title"] = m.title;
  put_if(meta, "body", m.body);
  put_if(meta, "date", m.date);
  put_if(meta, "session", m.session);
  put_if(meta, "agenda_item", m.agenda_item);
  put_if(meta, "kind", m.kind);
  put_if(meta, "meeting", m.meeting);
  meta["language"] = site.config.language;
  j["metadata"] = meta;
  // Links relative to this file, which sits beside the page.
  j["page"] = link_between(json_path(doc), model::page_path(doc));
  j["akoma_ntoso"] = link_between(json_path(doc), akn_path(doc));
  j["topics"] = doc.topic_ids;

  json paragraphs = json::array();
  json citations = json::array();
  for (const auto& b : doc.blocks) {
    if (b.kind == BlockKind::Rule) continue;
    paragraphs.push_back(block_json(doc, b));
    References refs;
    collect(doc, b.content, refs);
    for (const auto& row : b.rows)
      for (const auto& cell : row) collect(doc, cell, refs);
    for (const auto* c : refs.citations) citations.push_back(citation_json(site, doc, *c, b.id));
  }
  j["paragraphs"] = paragraphs;

  json footnotes = json::array();
  for (const auto& f : doc.footnotes) {
    json fj;
    fj["id"] = f.id;
    fj["label"] = f.label;
    std::string text;
    References refs;
    for (std::size_t i = 0; i < f.paragraphs.size(); ++i) {
      text += (i ? "\n" : "") + model::plain_text(f.paragraphs[i]);
      collect(doc, f.paragraphs[i], refs);
    }
    fj["text"] = text;
    footnotes.push_back(fj);
    for (const auto* c : refs.citations) citations.push_back(citation_json(site, doc, *c, f.id));
  }
  j["footnotes"] = footnotes;
  j["citations"] = citations;

  json cited_by = json::array();
  if (index < site.archive.cited_by.size())
    for (const auto& place : site.archive.cited_by[index]) {
      const auto& citing = site.archive.documents[place.doc];
      json c;
      put_if(c, "symbol", citing.meta.symbol);
      c["document"] = link_between(json_path(doc), json_path(citing));
      c["place"] = place.block_id;
      cited_by.push_back(c);
    }
  j["cited_by"] = cited_by;

  json notes = json::array();
  for (const auto& a : doc.annotations) {
    json n;
    n["anchor"] = a.anchor;
    put_if(n, "author", a.author);
    put_if(n, "date", a.date);
    n["text"] = a.markdown;
    notes.push_back(n);
  }
  j["annotations"] = notes;
  return j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";  // compact: it is data, and thousands of them
}

std::string link_between(const std::string& from, const std::string& to) {
  // Files of the same folder (every document's files sit in doc/): the name alone. The general case goes
  // through std::filesystem, which costs a dozen allocations a link.
  auto slash = from.rfind('/');
  std::size_t dir = slash == std::string::npos ? 0 : slash + 1;
  if (to.size() > dir && to.compare(0, dir, from, 0, dir) == 0 && to.find('/', dir) == std::string::npos &&
      to.find("..") == std::string::npos)
    return to.substr(dir);
  return std::filesystem::path(to).lexically_relative(std::filesystem::path(from).parent_path()).generic_string();
}

std::string json_path(const model::Document& doc) { return "doc/" + doc.slug + ".json"; }
std::string akn_path(const model::Document& doc) { return "doc/" + doc.slug + ".akn.xml"; }

void write_exports(const SiteContext& site, const StagedOutput& out) {
  parallel_for(site.archive.documents.size(), [&](std::size_t i) {
    const auto& doc = site.archive.documents[i];
    write_document_file(site, out, i, "json", false, json_path(doc), [&] { return document_json(site, i); });
    write_document_file(site, out, i, "akn", false, akn_path(doc), [&] { return document_akn(site, i); });
  });
}

}  // namespace acta::write
