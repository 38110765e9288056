#include "analyze/citations/flatten.hpp"

#include <algorithm>

#include "analyze/citations/grammar.hpp"

namespace acta::analyze::citations {

using model::Inline;
using model::InlineKind;
using model::Inlines;

namespace {

void add(FlatText& flat, const Inlines& content) {
  for (const auto& in : content) {
    switch (in.kind) {
      case InlineKind::Text:
        flat.pieces.push_back({&in, flat.text.size()});
        flat.text += in.text;
        break;
      case InlineKind::Emphasis:
      case InlineKind::Strong: add(flat, in.children); break;
      case InlineKind::Link:
        if (is_placeholder_link(in)) add(flat, in.children);
        else flat.text += kBarrier;  // a real link keeps its own target; no citation inside it
        break;
      case InlineKind::FootnoteRef:
        flat.footnote_labels[flat.text.size()] = in.text;
        flat.text += kFootnoteMark;
        break;
      case InlineKind::LineBreak: flat.text += '\n'; break;
      case InlineKind::Code:
      case InlineKind::Citation: flat.text += kBarrier; break;
    }
  }
}

struct LocalEdit {
  std::size_t begin, end;
  const model::CitationTarget* target;
};

using EditMap = std::map<const Inline*, std::vector<LocalEdit>>;

bool has_citation(const Inlines& content) {
  for (const auto& in : content)
    if (in.kind == InlineKind::Citation || has_citation(in.children)) return true;
  return false;
}

// A text inline cut around its citations. The longest piece of plain text keeps the inline's own string
// (cut down in place) and only the others are copied out: the whole text copied and the old one freed
// was most of the memory the citation pass added (200 MB at 10,000 documents).
void split_text(Inline& in, const std::vector<LocalEdit>& edits, Inlines& out) {
  struct Piece {
    std::size_t begin, end;
    const model::CitationTarget* target;  // null for plain text
  };
  std::vector<Piece> pieces;
  pieces.reserve(2 * edits.size() + 1);
  std::size_t pos = 0, longest = std::string::npos;
  auto plain = [&](std::size_t begin, std::size_t end) {
    if (end <= begin) return;
    if (longest == std::string::npos || end - begin > pieces[longest].end - pieces[longest].begin) longest = pieces.size();
    pieces.push_back({begin, end, nullptr});
  };
  for (const auto& e : edits) {
    plain(pos, e.begin);
    pieces.push_back({e.begin, e.end, e.target});
    pos = e.end;
  }
  plain(pos, in.text.size());
  const std::size_t first = out.size();
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const Piece& p = pieces[k];
    if (!p.target) {
      out.push_back(k == longest ? Inline(InlineKind::Text) : Inline::make_text(in.text.substr(p.begin, p.end - p.begin)));
      continue;
    }
    Inline c(InlineKind::Citation);
    c.set_citation(*p.target);
    c.children.push_back(Inline::make_text(in.text.substr(p.begin, p.end - p.begin)));
    out.push_back(std::move(c));
  }
  if (longest != std::string::npos) {
    std::string& text = in.text;
    text.erase(pieces[longest].end);
    text.erase(0, pieces[longest].begin);
    out[first + longest].text = std::move(text);
  }
}

Inlines rebuild(Inlines& content, const EditMap& edits) {
  Inlines out;
  out.reserve(content.size() + 2 * edits.size());  // each edited text gains at least a citation and a piece
  for (auto& in : content) {
    auto it = edits.find(&in);
    if (in.kind == InlineKind::Text && it != edits.end()) {
      split_text(in, it->second, out);
      continue;
    }
    if (in.kind == InlineKind::Emphasis || in.kind == InlineKind::Strong) {
      in.children = rebuild(in.children, edits);
    } else if (in.kind == InlineKind::Link && is_placeholder_link(in)) {
      Inlines kids = rebuild(in.children, edits);
      if (has_citation(kids)) {  // the placeholder only marked this citation: the citation replaces it
        for (auto& k : kids) out.push_back(std::move(k));
        continue;
      }
      in.children = std::move(kids);
    }
    out.push_back(std::move(in));
  }
  return out;
}

}  // namespace

bool is_placeholder_link(const Inline& in) {
  return in.kind == InlineKind::Link && (in.target().empty() || in.target() == "#");
}

FlatText flatten(const Inlines& content) {
  FlatText flat;
  add(flat, content);
  return flat;
}

std::size_t apply_citations(Inlines& content, const FlatText& flat, const std::vector<CitationEdit>& edits) {
  EditMap map;
  std::size_t missed = 0;
  for (const auto& e : edits) {
    // Pieces are in text order and do not overlap: only the last one starting at or before the edit can
    // hold it.
    auto after = std::upper_bound(flat.pieces.begin(), flat.pieces.end(), e.begin,
                                  [](std::size_t pos, const FlatText::Piece& p) { return pos < p.begin; });
    const FlatText::Piece* piece = nullptr;
    if (after != flat.pieces.begin()) {
      const FlatText::Piece& p = *std::prev(after);
      if (e.end <= p.begin + p.in->text.size()) piece = &p;
    }
    if (!piece) {
      ++missed;
      continue;
    }
    map[piece->in].push_back({e.begin - piece->begin, e.end - piece->begin, &e.target});
  }
  for (auto& [in, list] : map)
    std::sort(list.begin(), list.end(), [](const LocalEdit& a, const LocalEdit& b) { return a.begin < b.begin; });
  if (!map.empty()) content = rebuild(content, map);
  return missed;
}

}  // namespace acta::analyze::citations
