// doc/<slug>.json: the document as data. Field names and shapes are fixed by schemas/document.schema.json.
#include <filesystem>

#include "util/parallel.hpp"
#include "util/utf8.hpp"
#include "write/exports.hpp"
#include "write/json.hpp"

namespace acta::write {

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

References references(const model::Document& doc, const model::Block& b) {
  References refs;
  collect(doc, b.content, refs);
  for (const auto& row : b.rows)
    for (const auto& cell : row) collect(doc, cell, refs);
  return refs;
}

// Compact JSON written straight into a string (a tree of values built and then printed cost a tenth of
// the export stage in allocations). Strings are escaped as JSON requires and no more: quote, backslash and
// control characters; the text is valid UTF-8 (the reader refuses anything else).
class JsonOut {
 public:
  void reserve(std::size_t bytes) { out_.reserve(bytes); }
  JsonOut& begin_object() { return open('{'); }
  JsonOut& end_object() { return close('}'); }
  JsonOut& begin_array() { return open('['); }
  JsonOut& end_array() { return close(']'); }
  JsonOut& key(std::string_view k) {
    comma();
    quoted(k);
    out_ += ':';
    after_key_ = true;
    return *this;
  }
  JsonOut& value(std::string_view v) {
    comma();
    quoted(v);
    return *this;
  }
  JsonOut& value(const char* v) { return value(std::string_view(v)); }
  JsonOut& value(bool v) {
    comma();
    out_ += v ? "true" : "false";
    return *this;
  }
  JsonOut& value(int v) {
    comma();
    out_ += std::to_string(v);
    return *this;
  }
  // key and value, left out when the value is empty
  JsonOut& field_if(std::string_view k, std::string_view v) { return v.empty() ? *this : key(k).value(v); }
  JsonOut& strings(const std::vector<std::string>& v) {
    begin_array();
    for (const auto& s : v) value(s);
    return end_array();
  }
  std::string take() { return std::move(out_); }

 private:
  JsonOut& open(char c) {
    comma();
    out_ += c;
    first_ = true;
    return *this;
  }
  JsonOut& close(char c) {
    out_ += c;
    first_ = false;
    return *this;
  }
  void comma() {
    if (after_key_) after_key_ = false;
    else if (!first_) out_ += ',';
    first_ = false;
  }
  void quoted(std::string_view s) {
    if (utf8::first_invalid(s) != std::string_view::npos) {  // never from the reader; kept valid JSON anyway
      std::string valid;
      for (std::size_t i = 0; i < s.size();) utf8::append(valid, utf8::next(s, i));
      return quoted(valid);
    }
    json_string_into(out_, s, JsonIn::Data);
  }
  std::string out_;
  bool first_ = true, after_key_ = false;
};

void citation_json(JsonOut& j, const SiteContext& site, const model::Document& doc, const model::Inline& c, const std::string& place) {
  j.begin_object();
  j.key("place").value(place);
  // A citation whose symbol the citation pass could not settle has no symbol and no link: it is kept so
  // tools see the citing text.
  j.field_if("symbol", c.citation().symbol);
  j.field_if("paragraph", c.citation().paragraph);
  j.key("text").value(model::plain_text(c.children));
  j.key("in_archive").value(c.citation().in_archive);
  if (c.citation().in_archive)
    if (auto i = site.archive.find_symbol(c.citation().symbol))
      j.key("document").value(link_between(json_path(doc), json_path(site.archive.documents[*i])));
  j.field_if("href", c.citation().href);
  j.end_object();
}

void block_json(JsonOut& j, const model::Block& b, const References& refs) {
  j.begin_object();
  j.key("id").value(b.id);
  j.key("kind").value(kind_name(b.kind));
  j.field_if("number", b.number);
  if (b.kind == BlockKind::Heading) j.key("level").value(b.level);
  j.key("text").value(model::plain_text(b.content));
  if (b.kind == BlockKind::Table) {
    j.key("rows").begin_array();
    for (const auto& row : b.rows) {
      j.begin_array();
      for (const auto& cell : row) j.value(model::plain_text(cell));
      j.end_array();
    }
    j.end_array();
  }
  if (!refs.footnotes.empty()) j.key("footnotes").strings(refs.footnotes);
  if (!b.topics.empty()) j.key("topics").strings(b.topics);
  j.end_object();
}

}  // namespace

std::string document_json(const SiteContext& site, std::size_t index) {
  const auto& doc = site.archive.documents[index];
  doc.need_body();
  const auto& m = doc.meta;
  JsonOut j;
  j.reserve(kExportReserve);
  j.begin_object();
  j.key("format").value("acta-document");
  j.key("format_version").value(kJsonFormatVersion);
  j.key("metadata").begin_object();
  j.field_if("symbol", m.symbol);
  j.key("title").value(m.title);
  j.field_if("body", m.body);
  j.field_if("date", m.date);
  j.field_if("session", m.session);
  j.field_if("agenda_item", m.agenda_item);
  j.field_if("kind", m.kind);
  j.field_if("meeting", m.meeting);
  j.key("language").value(site.config.language);
  j.end_object();
  // Links relative to this file, which sits beside the page.
  j.key("page").value(link_between(json_path(doc), model::page_path(doc)));
  j.key("akoma_ntoso").value(link_between(json_path(doc), akn_path(doc)));
  j.key("topics").strings(doc.topic_ids);

  // Citations are listed after the paragraphs and footnotes, in reading order: places first, then written.
  std::vector<std::pair<const model::Inline*, const std::string*>> citations;
  j.key("paragraphs").begin_array();
  for (const auto& b : doc.blocks) {
    if (b.kind == BlockKind::Rule) continue;
    References refs = references(doc, b);
    block_json(j, b, refs);
    for (const auto* c : refs.citations) citations.emplace_back(c, &b.id);
  }
  j.end_array();

  j.key("footnotes").begin_array();
  for (const auto& f : doc.footnotes) {
    std::string text;
    References refs;
    for (std::size_t i = 0; i < f.paragraphs.size(); ++i) {
      if (i) text += '\n';
      text += model::plain_text(f.paragraphs[i]);
      collect(doc, f.paragraphs[i], refs);
    }
    j.begin_object().key("id").value(f.id).key("label").value(f.label).key("text").value(text).end_object();
    for (const auto* c : refs.citations) citations.emplace_back(c, &f.id);
  }
  j.end_array();
  j.key("citations").begin_array();
  for (const auto& [c, place] : citations) citation_json(j, site, doc, *c, *place);
  j.end_array();

  j.key("cited_by").begin_array();
  if (index < site.archive.cited_by.size())
    for (const auto& place : site.archive.cited_by[index]) {
      const auto& citing = site.archive.documents[place.doc];
      j.begin_object();
      j.field_if("symbol", citing.meta.symbol);
      j.key("document").value(link_between(json_path(doc), json_path(citing)));
      j.key("place").value(place.block_id);
      j.end_object();
    }
  j.end_array();

  j.key("annotations").begin_array();
  for (const auto& a : doc.annotations) {
    j.begin_object();
    j.key("anchor").value(a.anchor);
    j.field_if("author", a.author);
    j.field_if("date", a.date);
    j.key("text").value(a.markdown);
    j.end_object();
  }
  j.end_array();
  j.end_object();
  std::string out = j.take();
  out += '\n';
  return out;
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
