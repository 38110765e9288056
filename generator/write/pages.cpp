#include "write/pages.hpp"

#include <algorithm>
#include <map>
#include <filesystem>

#include "util/files.hpp"
#include "util/parallel.hpp"
#include "write/exports.hpp"
#include "write/inline_html.hpp"
#include "write/place_label.hpp"
#include "write/pictures.hpp"
#include "write/topic_pages.hpp"

namespace acta::write {

namespace fs = std::filesystem;
using model::BlockKind;

namespace {

const char* block_class(BlockKind k) {
  switch (k) {
    case BlockKind::Formula: return "formula";
    case BlockKind::Preamble: return "preamble";
    case BlockKind::Numbered: return "numbered";
    case BlockKind::Subparagraph: return "subparagraph";
    case BlockKind::Bullet: return "bullet";
    default: return "plain";
  }
}

Data block_data(const model::Block& b, const model::Document& doc, InlineRenderer& r) {
  Data d;
  d.set("id", b.id);
  d.set("class", block_class(b.kind));
  d.set("is_heading", Data(b.kind == BlockKind::Heading));
  d.set("is_rule", Data(b.kind == BlockKind::Rule));
  d.set("is_table", Data(b.kind == BlockKind::Table));
  d.set("is_paragraph", Data(b.kind != BlockKind::Heading && b.kind != BlockKind::Rule && b.kind != BlockKind::Table));
  d.set("level", std::to_string(std::clamp(b.level + 1, 2, 6)));
  bool numbered = b.kind == BlockKind::Numbered || b.kind == BlockKind::Subparagraph;
  d.set("has_number", Data(numbered));
  d.set("number", b.kind == BlockKind::Subparagraph ? "(" + b.number + ")" : b.number + ".");
  d.set("html", r.render(b.content));
  std::string topics;  // data-topics: the topics this paragraph is evidence for (the topic filter reads it)
  for (const auto& t : b.topics) topics += (topics.empty() ? "" : " ") + t;
  d.set("topics_attr", topics);
  if (b.kind == BlockKind::Table) {
    List rows;
    for (std::size_t i = 0; i < b.rows.size(); ++i) {
      List cells;
      for (const auto& c : b.rows[i]) {
        Data cell;
        cell.set("html", r.render(c));
        cells.push_back(std::move(cell));
      }
      Data row;
      row.set("cells", std::move(cells));
      row.set("header", Data(i == 0));
      rows.push_back(std::move(row));
    }
    d.set("rows", std::move(rows));
  }
  List notes;
  for (const auto& a : doc.annotations) {
    if (a.anchor != b.id) continue;
    Data n;
    InlineRenderer plain(nullptr);
    n.set("html", plain.render(a.content));
    set_optional(n, "author", a.author);
    set_optional(n, "date", display_date(a.date));
    notes.push_back(std::move(n));
  }
  d.set("has_annotations", Data(!notes.empty()));
  d.set("annotations", std::move(notes));
  return d;
}

// What a reader calls the kind of a document; a kind the archive invented is shown as written.
std::string kind_label(const std::string& kind) {
  static const std::map<std::string, std::string> labels = {
      {"resolution", "决议"}, {"decision", "决定"}, {"report", "报告"}, {"draft", "决议草案"}, {"note", "说明"}};
  auto it = labels.find(kind);
  return it == labels.end() ? kind : it->second;
}

bool newer_first(const model::Document& a, const model::Document& b) {
  if (a.meta.date != b.meta.date) return a.meta.date > b.meta.date;
  return a.meta.symbol < b.meta.symbol;
}

}  // namespace

Data document_data(const SiteContext& site, std::size_t index) {
  const auto& doc = site.archive.documents[index];
  doc.need_body();
  const std::string path = model::page_path(doc);
  Data d = page_data(site, path, doc.meta.symbol.empty() ? doc.meta.title : doc.meta.symbol + " " + doc.meta.title);
  d.set("og_type", "article");
  d.set("json_href", link_between(path, json_path(doc)));
  d.set("akn_href", link_between(path, akn_path(doc)));
  const auto& m = doc.meta;
  set_optional(d, "symbol", m.symbol);
  d.set("title", m.title);
  set_optional(d, "body", m.body);
  set_optional(d, "session", m.session);
  set_optional(d, "agenda_item", m.agenda_item);
  set_optional(d, "meeting", m.meeting);
  set_optional(d, "kind", m.kind);
  set_optional(d, "kind_label", kind_label(m.kind));
  set_optional(d, "date", display_date(m.date));
  d.set("date_iso", m.date);
  List topics;  // the topics the document is under, linked to their pages
  for (const auto& id : doc.topic_ids)
    for (const auto& t : site.config.topics)
      if (t.id == id) {
        Data topic;
        topic.set("id", t.id);
        topic.set("label", t.label_zh);
        topic.set("href", "../" + topic_page_path(t.id));
        topics.push_back(std::move(topic));
      }
  d.set("has_doc_topics", Data(!topics.empty()));
  d.set("doc_topics", std::move(topics));

  // Each block is rendered on its own (block.mustache), so that a very long document is never one data tree.
  InlineRenderer r(&doc);
  thread_local std::string blocks;  // reused: see Templates::render
  blocks.clear();
  for (const auto& b : doc.blocks) site.templates.render_into("block", block_data(b, doc, r), blocks);
  d.set("blocks_html", blocks);

  // Footnotes after the body, so their back links know every reference on the page.
  List notes;
  for (const auto& f : doc.footnotes) {
    Data n;
    n.set("id", f.id);
    n.set("label", f.label);
    InlineRenderer fr(&doc);
    fr.plain_refs = true;
    std::string html;
    for (std::size_t i = 0; i < f.paragraphs.size(); ++i) {
      if (i) html += "<br>";
      fr.render_into(html, f.paragraphs[i]);
    }
    n.set("html", html);
    List backs;
    const auto& refs = r.refs_to(f.id);
    for (std::size_t i = 0; i < refs.size(); ++i) {
      Data b;
      b.set("ref", refs[i]);
      b.set("n", refs.size() > 1 ? std::to_string(i + 1) : std::string());
      backs.push_back(std::move(b));
    }
    n.set("backrefs", std::move(backs));
    notes.push_back(std::move(n));
  }
  d.set("has_footnotes", Data(!doc.footnotes.empty()));
  d.set("footnotes", std::move(notes));

  // Documents of the archive that cite this one (filled by the citation pass), each with its places: the
  // places come in document order, so each citing document's are one run of them (one pass: a document
  // cited from thousands of places would otherwise scan them all for each citing document).
  List cited_by;
  if (index < site.archive.cited_by.size()) {
    const auto& places_of = site.archive.cited_by[index];
    for (std::size_t run = 0; run < places_of.size();) {
      const std::size_t citing = places_of[run].doc;
      const auto& cd = site.archive.documents[citing];
      const std::string href = "../" + model::page_path(cd);
      Data c;
      c.set("href", href);
      c.set("symbol", cd.meta.symbol);
      c.set("title", cd.meta.title);
      set_optional(c, "date", display_date(cd.meta.date));
      List places;
      for (; run < places_of.size() && places_of[run].doc == citing; ++run) {
        Data p;
        p.set("href", href + "#" + places_of[run].block_id);
        p.set("label", place_label(places_of[run].block_id));
        places.push_back(std::move(p));
      }
      c.set("places", std::move(places));
      cited_by.push_back(std::move(c));
    }
  }
  d.set("has_cited_by", Data(!cited_by.empty()));
  d.set("cited_by", std::move(cited_by));
  return d;
}

void write_document_pages(const SiteContext& site, const StagedOutput& out) {
  parallel_for(site.archive.documents.size(), [&](std::size_t i) {
    write_document_file(site, out, i, "page", true, model::page_path(site.archive.documents[i]),
                        [&] { return site.templates.page("document", document_data(site, i)); });
  });
}

void write_index_page(const SiteContext& site, const StagedOutput& out) {
  if (!site.keys.listing.empty() && out.reuse("index.html", site.keys.listing)) return;
  std::vector<const model::Document*> docs;
  for (const auto& d : site.archive.documents) docs.push_back(&d);
  std::stable_sort(docs.begin(), docs.end(), [](auto* a, auto* b) { return newer_first(*a, *b); });
  Data d = page_data(site, "index.html", "");
  List items;
  for (const auto* doc : docs) {
    Data item;
    item.set("href", model::page_path(*doc));
    item.set("symbol", doc->meta.symbol);
    item.set("title", doc->meta.title);
    set_optional(item, "date", display_date(doc->meta.date));
    item.set("date_iso", doc->meta.date);
    item.set("body", doc->meta.body);
    items.push_back(std::move(item));
  }
  d.set("documents", std::move(items));
  d.set("count", std::to_string(docs.size()));
  set_optional(d, "timeline_svg", timeline_svg(site.archive, ""));
  set_optional(d, "citation_graph_svg", citation_graph_svg(site.archive, ""));
  out.write("index.html", site.templates.page("index", std::move(d)), site.keys.listing);
}

void copy_assets(const SiteContext& site, const StagedOutput& out) {
  fs::path assets = site.templates.dir() / "assets";
  std::error_code ec;
  if (!fs::is_directory(assets, ec)) return;
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(assets))
    if (e.is_regular_file()) paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) out.write(fs::path("assets") / p.lexically_relative(assets), files::read(p));
}

}  // namespace acta::write
