// The walk over a document's searchable fields, in index order, shared by the index's counting
// (group.cpp) and the public for_each_labelled_field (index.hpp; defined in fields.cpp). A template in this
// header, so that the counting, the index's hot loop, takes each field's text without a call through a
// std::function. Internal to the search index (namespace detail).
#pragma once

#include <string>
#include <string_view>

#include "analyze/search/index.hpp"
#include "model/archive.hpp"

namespace acta::analyze::search::detail {

using model::BlockKind;

// Inline, as for_each_field, which takes them for every table and footnote.
inline void append_table_text(const model::Block& b, std::string& out) {
  for (const auto& row : b.rows)
    for (const auto& cell : row) {
      model::append_plain_text(cell, out);
      out += '\n';
    }
}

inline void append_footnote_text(const model::Footnote& f, std::string& out) {
  for (std::size_t i = 0; i < f.paragraphs.size(); ++i) {
    if (i) out += '\n';
    model::append_plain_text(f.paragraphs[i], out);
  }
}

// The one walk over a document's searchable fields, in index order (see for_each_labelled_field): sink(kind, what, text)
// for each field whose text is not empty, `what` saying which part it is (for its anchor and label), `text`
// valid during the call (one buffer, reused).
struct FieldOf {
  const model::Block* block = nullptr;
  const model::Footnote* footnote = nullptr;
  const model::Annotation* annotation = nullptr;
  bool symbol = false;  // of a title field: the symbol, else the title
};
template <class Sink>
void for_each_field(const model::Document& doc, Sink&& sink) {
  doc.need_body();
  thread_local std::string text;
  auto emit = [&](FieldKind kind, const FieldOf& what) {
    if (!text.empty()) sink(kind, what, std::string_view(text));
  };
  text = doc.meta.title;
  emit(FieldKind::Title, {});
  text = doc.meta.symbol;
  emit(FieldKind::Title, {.symbol = true});
  for (const auto& b : doc.blocks)
    if (b.kind == BlockKind::Heading) {
      text.clear();
      model::append_plain_text(b.content, text);
      emit(FieldKind::Heading, {.block = &b});
    }
  for (const auto& b : doc.blocks) {
    if (b.kind == BlockKind::Rule || b.kind == BlockKind::Heading) continue;
    text.clear();
    if (b.kind == BlockKind::Table) append_table_text(b, text);
    else model::append_plain_text(b.content, text);
    emit(FieldKind::Body, {.block = &b});
  }
  for (const auto& f : doc.footnotes) {
    text.clear();
    append_footnote_text(f, text);
    emit(FieldKind::Note, {.footnote = &f});
  }
  for (const auto& a : doc.annotations) {
    text.clear();
    model::append_plain_text(a.content, text);
    emit(FieldKind::Note, {.annotation = &a});
  }
}

}  // namespace acta::analyze::search::detail
