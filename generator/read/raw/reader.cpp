#include "read/raw/raw.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "read/raw/cover.hpp"
#include "read/raw/footnotes.hpp"
#include "read/raw/furniture.hpp"
#include "read/raw/inlines.hpp"
#include "read/raw/lines.hpp"
#include "read/raw/markers.hpp"
#include "read/raw/markup.hpp"
#include "read/raw/paragraphs.hpp"
#include "read/raw/structure.hpp"
#include "util/utf8.hpp"

namespace acta::read {

namespace {

using namespace raw;
using model::BlockKind;

std::vector<model::Footnote> make_footnotes(const std::vector<Definition>& defs, const std::vector<std::string>& order,
                                            model::Document& doc) {
  // Footnotes are listed in the order of their first reference (as GFM lists them), then any never referenced.
  std::vector<model::Footnote> out;
  std::set<const Definition*> used;
  std::map<std::string, std::size_t> by_label;  // label -> index in out
  auto add = [&](const Definition& d) {
    used.insert(&d);
    if (auto it = by_label.find(d.label); it != by_label.end()) {
      model::Footnote* f = &out[it->second];
      f->paragraphs.push_back(to_inlines(d.text));
      doc.diagnostics.push_back({Severity::Warning, {doc.source_path, d.line},
                                 "footnote " + d.label + " is defined twice; its second text is kept as a second paragraph"});
      return;
    }
    model::Footnote f;
    f.label = d.label;
    f.line = d.line;
    f.paragraphs.push_back(to_inlines(d.text));
    by_label.emplace(f.label, out.size());
    out.push_back(std::move(f));
  };
  std::map<std::string_view, const Definition*> first_definition;
  for (const auto& d : defs) first_definition.emplace(d.label, &d);
  for (const auto& label : order)
    if (auto it = first_definition.find(label); it != first_definition.end()) add(*it->second);
  for (const auto& d : defs)
    if (!used.count(&d)) add(d);
  return out;
}

// The page a stray link belongs to: the page of the text printed before it (body lines are in order).
int page_before(const Lines& body, int line) {
  auto after = std::upper_bound(body.begin(), body.end(), line, [](int n, const Line& l) { return n < l.number; });
  return after == body.begin() ? 0 : std::prev(after)->page;
}

// For each page, the blocks printed on it: [first, end) of the block indices.
std::map<int, std::pair<std::size_t, std::size_t>> blocks_by_page(const std::vector<BuiltBlock>& blocks) {
  std::map<int, std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < blocks.size(); ++i)
    for (int page = blocks[i].first_page; page <= blocks[i].last_page; ++page) {
      auto [it, fresh] = out.try_emplace(page, i, i + 1);
      if (!fresh) it->second.second = i + 1;
    }
  return out;
}

}  // namespace

model::Document read_raw_text(std::string_view text, const std::string& file) {
  model::Document doc;
  doc.source_path = file;

  Lines lines = split_lines(text);
  Shape shape = detect_shape(lines);
  Furniture furniture = remove_furniture(std::move(lines));
  if (shape == Shape::Wrapped) mark_page_starts(furniture.body);
  clean_markup(furniture.body);
  FootnoteBlocks notes = extract_footnotes(std::move(furniture.body), shape);
  Lines body = std::move(notes.body);
  number_pages(body);
  MarkerReport markers = resolve_markers(body, notes.definitions, file);
  for (auto& w : markers.warnings) doc.diagnostics.push_back(std::move(w));

  Cover cover = read_cover(body, shape);
  Lines main(body.begin() + cover.body_begin, body.begin() + cover.body_end);
  std::vector<Paragraph> paragraphs = join_paragraphs(main, shape);
  std::vector<BuiltBlock> built = build_blocks(paragraphs, doc.diagnostics, file);

  // Cover notes come before the enacting formula, as plain paragraphs; without a formula they open the body.
  bool has_formula = !built.empty() && built.front().block.kind == BlockKind::Formula;
  std::vector<BuiltBlock> blocks;
  for (const auto& note : cover.notes) {
    BuiltBlock bb;
    bb.block.kind = has_formula ? BlockKind::Plain : BlockKind::Preamble;
    bb.block.line = note.line;
    bb.block.content.push_back(model::Inline::make_text(note.text));
    blocks.push_back(std::move(bb));
  }
  for (auto& b : built) blocks.push_back(std::move(b));
  if (!cover.closing.empty()) {
    BuiltBlock bb;
    bb.block.kind = BlockKind::Plain;
    bb.block.line = cover.closing_line - static_cast<int>(cover.closing.size()) + 1;
    bb.first_page = bb.last_page = body.empty() ? 0 : body.back().page;
    for (const auto& c : cover.closing) {
      if (!bb.block.content.empty()) bb.block.content.push_back(model::Inline(model::InlineKind::LineBreak));
      bb.block.content.push_back(model::Inline::make_text(c));
    }
    blocks.push_back(std::move(bb));
  }

  for (auto& bb : blocks) {
    model::Inlines content;
    for (auto& in : bb.block.content) {
      if (in.kind != model::InlineKind::Text) {
        content.push_back(std::move(in));
        continue;
      }
      for (auto& x : to_inlines(in.text)) content.push_back(std::move(x));
    }
    bb.block.content = std::move(content);
    doc.blocks.push_back(bb.block);
  }

  const auto on_page = furniture.links.empty() ? decltype(blocks_by_page(blocks)){} : blocks_by_page(blocks);
  for (const auto& link : furniture.links) {
    model::StrayLink s;
    s.url = link.url;
    s.line = link.line;
    auto range = on_page.find(page_before(body, link.line));
    if (range != on_page.end()) std::tie(s.first_block, s.end_block) = range->second;
    else s.first_block = s.end_block = 0;
    doc.stray_links.push_back(std::move(s));
  }

  doc.footnotes = make_footnotes(notes.definitions, markers.referenced, doc);

  doc.meta = cover.meta;
  if (doc.meta.date.empty()) doc.meta.date = furniture.cover_date;
  std::string formula;
  for (const auto& b : doc.blocks)
    if (b.kind == BlockKind::Formula) formula = model::plain_text(b.content);
  complete_metadata(doc.meta, cover.resolution_number, formula, furniture.symbols);
  if (doc.meta.kind.empty()) doc.meta.kind = kind_named_before_formula(doc.blocks);
  return doc;
}

}  // namespace acta::read
