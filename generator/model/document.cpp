#include "model/document.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace acta::model {

namespace {
// Appends the plain text of `inlines` to `out`.
void append_plain(const Inlines& inlines, std::string& out) {
  for (const auto& in : inlines) {
    switch (in.kind) {
      case InlineKind::Text:
      case InlineKind::Code: out += in.text; break;
      case InlineKind::FootnoteRef: break;
      case InlineKind::LineBreak: out += '\n'; break;
      default: append_plain(in.children, out); break;
    }
  }
}

// Ids given so far, and for each id given more than once the last suffix it got: a document with
// thousands of paragraphs numbered 1 (a concatenation) would otherwise try every suffix again each time.
struct UsedIds {
  std::set<std::string> ids;
  std::map<std::string, int> last_suffix;
};

// `id`, or the first of id_2, id_3 … not given yet.
std::string unique(UsedIds& used, const std::string& id) {
  if (used.ids.insert(id).second) return id;
  int& k = used.last_suffix[id];  // every suffix up to k is taken (the set only grows)
  for (k = std::max(k, 1) + 1;; ++k) {
    std::string candidate = id + "_" + std::to_string(k);
    if (used.ids.insert(candidate).second) return candidate;
  }
}

std::string id_safe(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if (c == '-' || c == '_' || c == '.') out += '_';
  }
  return out;
}
}  // namespace

const Inline::Extra& Inline::empty_extra() {
  static const Extra none;
  return none;
}

void append_plain_text(const Inlines& inlines, std::string& out) { append_plain(inlines, out); }

std::string plain_text(const Inlines& inlines) {
  std::string out;
  append_plain_text(inlines, out);
  return out;
}

std::string block_plain_text(const Block& block) {
  std::string out;
  block_plain_text(block, out);
  return out;
}

void block_plain_text(const Block& block, std::string& out) {
  out.clear();
  if (block.kind != BlockKind::Table) return append_plain_text(block.content, out);
  for (const auto& row : block.rows)
    for (const auto& cell : row) {
      if (!out.empty()) out += ' ';
      append_plain_text(cell, out);
    }
}

void Document::need_body() const {
  if (!pending) return;
  std::lock_guard<std::mutex> lock(pending->mutex);
  if (body_read_) return;
  // The document is never const itself (archives are built, then read): the body is filled in place.
  pending->read(const_cast<Document&>(*this));
  body_read_ = true;
}

namespace {
void collect_citations(const Inlines& content, const std::string& place, std::vector<CitationRef>& out) {
  for (const auto& in : content) {
    if (in.kind == InlineKind::Citation) out.push_back({place, in.citation().symbol, in.citation().in_archive});
    collect_citations(in.children, place, out);
  }
}
}  // namespace

std::vector<CitationRef> find_citations(const Document& doc) {
  std::vector<CitationRef> out;
  for_each_text(doc, [&](const Inlines& text, const std::string& place) { collect_citations(text, place, out); });
  return out;
}

const Block* Document::find_block(const std::string& id) const {
  need_body();
  for (const auto& b : blocks)
    if (b.id == id) return &b;
  return nullptr;
}

const Footnote* Document::find_footnote(const std::string& label) const {
  need_body();
  for (const auto& f : footnotes)
    if (f.label == label) return &f;
  return nullptr;
}

void assign_ids(Document& doc) {
  UsedIds used;
  int preamble = 0, plain = 0, heading = 0;
  std::string last_para;  // id of the numbered (or preambular) paragraph that owns subparagraphs
  for (auto& b : doc.blocks) {
    switch (b.kind) {
      case BlockKind::Heading: b.id = unique(used, "sec_" + std::to_string(++heading)); break;
      case BlockKind::Formula: b.id = unique(used, "formula"); break;
      case BlockKind::Preamble:
        b.id = unique(used, "preamble__p_" + std::to_string(++preamble));
        last_para = b.id;
        break;
      case BlockKind::Numbered:
        b.id = unique(used, "para_" + id_safe(b.number));
        last_para = b.id;
        break;
      case BlockKind::Subparagraph:
        b.id = unique(used, (last_para.empty() ? std::string("p") : last_para) + "__point_" + id_safe(b.number));
        break;
      case BlockKind::Plain:
      case BlockKind::Bullet:
      case BlockKind::Table: b.id = unique(used, "p_" + std::to_string(++plain)); break;
      case BlockKind::Rule: b.id.clear(); break;
    }
  }
}

void assign_footnote_ids(Document& doc) {
  UsedIds used;
  for (auto& f : doc.footnotes) {
    std::string base = id_safe(f.label);
    if (f.label == "*") base = "star";
    else if (f.label == "**") base = "star2";
    if (base.empty()) base = "n";
    f.id = unique(used, "fn_" + base);
  }
}

std::string slug_for_symbol(const std::string& symbol) {
  std::string out;
  for (unsigned char c : symbol) {
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if (c == '.') out += '.';
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
  return out;
}

}  // namespace acta::model
