#include "analyze/citations/link_pass.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "analyze/citations/flatten.hpp"
#include "analyze/citations/grammar.hpp"
#include "util/parallel.hpp"

namespace acta::analyze::citations {

using model::Archive;
using model::Document;

namespace {

// One piece of content of a document that may hold citations: a block, a table cell, a footnote
// paragraph. Where it is (for backlinks and messages) and its flattened text.
struct Place {
  model::Inlines* content;
  std::string anchor;  // block or footnote id
  int line;
  bool in_footnote;
  std::size_t block_index;  // for stray links (blocks on the same page); npos in footnotes
  FlatText flat;
  std::vector<Found> found;
};

std::vector<Place> places_of(Document& doc) {
  std::vector<Place> out;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    auto& b = doc.blocks[i];
    out.push_back({&b.content, b.id, b.line, false, i, {}, {}});
    for (auto& row : b.rows)
      for (auto& cell : row) out.push_back({&cell, b.id, b.line, false, i, {}, {}});
  }
  for (auto& f : doc.footnotes)
    for (auto& p : f.paragraphs) out.push_back({&p, f.id, f.line, true, std::string::npos, {}, {}});
  return out;
}

ScanContext context_for(const Document& doc) {
  ScanContext ctx;
  ctx.own_body = body_of_document(doc.meta.body, doc.meta.symbol);
  switch (ctx.own_body) {
    case Body::Ecosoc:
    case Body::HumanRights:
    case Body::Unea:
    case Body::HabitatAssembly: ctx.default_body = ctx.own_body; break;  // "其" is the document's own body
    default: ctx.default_body = Body::GeneralAssembly; break;
  }
  return ctx;
}

// Archive lookups the resolver needs, built once: symbols and aliases, and the short forms that cite them.
struct Index {
  const Archive& archive;
  std::map<std::string, std::vector<std::size_t>> by_short;
  // The block ids of the documents with many blocks (views of Block::id, which the pass never changes, or of
  // the ids of a body still in the cache); a paragraph of a shorter one is found by a scan of its ids, which
  // costs less than a table of every document's ids made on every build.
  static constexpr std::size_t kScanned = 256;
  std::unordered_map<std::size_t, std::unordered_set<std::string_view>> block_ids;

  explicit Index(const Archive& a) : archive(a) {
    for (std::size_t i = 0; i < a.documents.size(); ++i) {
      std::string s = short_form(a.documents[i].meta.symbol);
      if (!s.empty()) by_short[s].push_back(i);
      const auto& d = a.documents[i];
      if ((d.pending ? d.pending->block_ids.size() : d.blocks.size()) > kScanned) {
        auto& ids = block_ids[i];
        d.for_each_block_id([&](const std::string& id) { ids.insert(id); });
      }
    }
  }

  bool has_block(std::size_t doc, const std::string& id) const {
    if (auto it = block_ids.find(doc); it != block_ids.end()) return it->second.count(id) > 0;
    bool found = false;
    archive.documents[doc].for_each_block_id([&](const std::string& b) { found = found || b == id; });
    return found;
  }

  std::optional<std::size_t> find(const Found& f) const {
    return find(f.symbol, f.aliases, !f.body_stated && f.kind != Kind::Document, f.written);
  }
  std::optional<std::size_t> find(const std::string& symbol, const std::vector<std::string>& aliases, bool by_short_form,
                                  const std::string& written) const {
    if (!symbol.empty()) {
      if (auto i = archive.find_symbol(symbol)) return i;
      for (const auto& a : aliases)
        if (auto i = archive.find_symbol(a)) return i;
    }
    // "A document is known by the short forms that cite it": when the text did not name the body, a
    // number that exactly one archive document answers to is that document.
    if (by_short_form) {
      auto it = by_short.find(written);
      if (it != by_short.end() && it->second.size() == 1) return it->second.front();
    }
    return std::nullopt;
  }

  // What the archive answers to `lookup` today.
  Lookup answer(Lookup lookup) const {
    auto target = find(lookup.symbol, lookup.aliases, lookup.by_short_form, lookup.written);
    lookup.answer = target ? archive.documents[*target].slug : std::string();
    lookup.paragraph_found = target && !lookup.paragraph.empty() && has_block(*target, lookup.paragraph);
    return lookup;
  }
};

void note(Diagnostics* notes, const Document& doc, int line, std::string message) {
  if (notes) notes->push_back({Severity::Warning, {doc.source_path, line}, std::move(message)});
}

std::string footnote_text(const model::Footnote& f) {
  std::string out;
  for (const auto& p : f.paragraphs) out += model::plain_text(p);
  return out;
}

// "Where a footnote right after the citation gives the symbol, that symbol wins."
void apply_footnote_symbols(const Document& doc, std::vector<Place>& places, Diagnostics* notes) {
  std::map<std::string_view, const model::Footnote*> by_label;  // the first footnote of each label
  for (const auto& f : doc.footnotes) by_label.emplace(f.label, &f);
  for (auto& p : places)
    for (auto& f : p.found) {
      if (f.footnote_mark == std::string::npos) continue;
      auto label = p.flat.footnote_labels.find(f.footnote_mark);
      if (label == p.flat.footnote_labels.end()) continue;
      auto found = by_label.find(label->second);
      if (found == by_label.end()) continue;
      const model::Footnote* fn = found->second;
      std::string given = symbol_opening(footnote_text(*fn));
      if (given.empty() || given == f.symbol) continue;
      const std::string own_short = short_form(f.symbol);
      bool designation = !own_short.empty() && own_short == f.symbol;  // UNFCCC/UNCCD decisions live in reports
      if (!f.symbol.empty() && !designation && short_form(given) != own_short)
        note(notes, doc, p.line, "unusual: footnote " + fn->label + " gives " + given + " for the citation " + f.written +
                                     " (read as " + f.symbol + "); the footnote's symbol is used");
      f.symbol = given;
      f.aliases.clear();
      f.body_stated = true;
      if (f.problem.rfind("unusual", 0) != 0) f.problem.clear();
    }
}

// A stray hyperlink printed on a page of the PDF confirms a citation of its document on that page, and
// settles the symbol when the text left the body unsaid.
void apply_stray_links(const Document& doc, std::vector<Place>& places, Diagnostics* notes) {
  // The places of blocks come first, in block order (places_of): a link's page is a range of them.
  auto blocks_end = std::find_if(places.begin(), places.end(), [](const Place& p) { return p.in_footnote; });
  for (const auto& link : doc.stray_links) {
    std::string symbol = symbol_in_url(link.url);
    if (symbol.empty()) continue;
    std::string short_of_link = short_form(symbol);
    bool matched = false;
    auto first = std::lower_bound(places.begin(), blocks_end, link.first_block,
                                  [](const Place& p, std::size_t block) { return p.block_index < block; });
    for (auto it = first; it != blocks_end && it->block_index < link.end_block; ++it) {
      for (auto& f : it->found) {
        if (f.symbol == symbol) matched = true;
        else if (!short_of_link.empty() && f.written == short_of_link && (f.symbol.empty() || !f.body_stated)) {
          f.symbol = symbol;
          f.body_stated = true;
          if (f.problem.rfind("unusual", 0) != 0) f.problem.clear();
          matched = true;
        }
      }
    }
    if (!matched)
      note(notes, doc, link.line, "unusual: the link " + link.url + " matches no citation on its page");
  }
}

void link_document(Document& doc, const Index& index, const config::Config& config, Diagnostics* notes, Lookups* lookups) {
  doc.need_body();
  const Archive& archive = index.archive;
  ScanContext ctx = context_for(doc);
  std::vector<Place> places = places_of(doc);
  for (auto& p : places) {
    p.flat = flatten(*p.content);
    p.found = scan(p.flat.text, ctx);
  }
  apply_footnote_symbols(doc, places, notes);
  apply_stray_links(doc, places, notes);

  for (auto& p : places) {
    std::vector<CitationEdit> edits;
    for (auto& f : p.found) {
      CitationEdit e{f.begin, f.end, {}};
      auto& t = e.target;
      std::optional<std::size_t> target = index.find(f);
      if (lookups)
        lookups->push_back(index.answer({f.symbol, f.aliases, !f.body_stated && f.kind != Kind::Document, f.written,
                                         f.paragraph, {}, false}));
      if (target) {
        const Document& cited = archive.documents[*target];
        if (f.symbol.empty() && f.problem.rfind("unusual", 0) != 0) f.problem.clear();  // known by its short form
        t.symbol = cited.meta.symbol;
        t.in_archive = true;
        t.href = "../" + model::page_path(cited);
        if (!f.paragraph.empty()) {
          if (index.has_block(*target, f.paragraph)) {
            t.paragraph = f.paragraph;
            t.href += "#" + f.paragraph;
          } else {
            note(notes, doc, p.line, "citation " + f.written + " names paragraph " + f.paragraph.substr(5) + ", which " +
                                         cited.meta.symbol + " (" + cited.source_path + ") does not have");
          }
        }
      } else if (!f.symbol.empty()) {
        t.symbol = f.symbol;
        t.paragraph = f.paragraph;
        t.href = config.external_link(f.symbol);
      }
      if (f.symbol.empty() && !target) {
        // No symbol: no link. The text stays as written and `acta check` reports it.
        note(notes, doc, p.line, std::string(kUnresolvedNote) + f.written + " to a symbol: " + f.problem);
        continue;
      }
      if (!f.problem.empty()) note(notes, doc, p.line, "citation " + f.written + ": " + f.problem);
      edits.push_back(std::move(e));
    }
    if (apply_citations(*p.content, p.flat, edits) > 0)
      note(notes, doc, p.line, "unusual: a citation crosses formatting (emphasis or a link) and was left as text");
  }
}

}  // namespace

void link_citations(Archive& archive, const config::Config& config, Diagnostics* notes, const std::vector<char>& todo,
                    std::vector<Lookups>* lookups) {
  const Index index(archive);
  std::vector<Diagnostics> per_doc(archive.documents.size());
  if (lookups) lookups->resize(archive.documents.size());
  parallel_for(archive.documents.size(), [&](std::size_t i) {
    if (!todo.empty() && !todo[i]) return;
    if (lookups) (*lookups)[i].clear();
    link_document(archive.documents[i], index, config, notes ? &per_doc[i] : nullptr, lookups ? &(*lookups)[i] : nullptr);
    archive.documents[i].citations = model::find_citations(archive.documents[i]);
  });
  if (notes)
    for (auto& d : per_doc) notes->insert(notes->end(), d.begin(), d.end());
  fill_backlinks(archive);
}

std::vector<char> answers_changed(const Archive& archive, const std::function<std::optional<Lookups>(std::size_t)>& lookups_of,
                                  const std::vector<char>& check) {
  const Index index(archive);
  std::vector<char> changed(archive.documents.size(), 0);
  parallel_for(archive.documents.size(), [&](std::size_t i) {
    if (i >= check.size() || !check[i]) return;
    auto lookups = lookups_of(i);
    if (!lookups) {
      changed[i] = 1;
      return;
    }
    for (const auto& l : *lookups) {
      Lookup now = index.answer(l);
      if (now.answer != l.answer || now.paragraph_found != l.paragraph_found) {
        changed[i] = 1;
        return;
      }
    }
  });
  return changed;
}

void fill_backlinks(Archive& archive) {
  archive.cited_by.assign(archive.documents.size(), {});
  for (std::size_t i = 0; i < archive.documents.size(); ++i)
    for (const auto& c : archive.documents[i].citations) {
      if (!c.in_archive) continue;
      auto target = archive.find_symbol(c.symbol);
      if (!target || *target == i) continue;
      auto& list = archive.cited_by[*target];
      if (list.empty() || list.back().doc != i || list.back().block_id != c.place) list.push_back({i, c.place});
    }
}

}  // namespace acta::analyze::citations
