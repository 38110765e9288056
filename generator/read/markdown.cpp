#include "read/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "read/front_matter.hpp"
#include "read/paragraphs.hpp"
#include "util/utf8.hpp"

namespace acta::read {

namespace {

using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;
using model::Inlines;

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

std::unique_ptr<cmark_node, NodeDeleter> parse_gfm(std::string_view text) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_FOOTNOTES));
  for (const char* name : {"table", "autolink", "strikethrough", "tagfilter"})
    if (auto* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser.get(), ext);
  cmark_parser_feed(parser.get(), text.data(), text.size());
  return std::unique_ptr<cmark_node, NodeDeleter>(cmark_parser_finish(parser.get()));
}

std::string type_name(cmark_node* n) {
  const char* s = cmark_node_get_type_string(n);
  return s ? s : "";
}

// Appends text to inline content, merging with a preceding text node. A pending soft break (a wrapped
// line) becomes nothing between two CJK characters and a space otherwise (CSS Text segment-break rule).
class InlineBuilder {
 public:
  explicit InlineBuilder(Inlines& out) : out_(out) {}

  void soft_break() { pending_break_ = true; }

  void text(std::string_view t) {
    if (t.empty()) return;
    if (pending_break_) {
      pending_break_ = false;
      if (needs_space(t)) append_raw(" ");
    }
    append_raw(t);
  }

  void node(Inline in) {
    if (pending_break_) {
      pending_break_ = false;
      append_raw(" ");
    }
    out_.push_back(std::move(in));
  }

 private:
  bool needs_space(std::string_view next) const {
    if (out_.empty() || out_.back().kind != InlineKind::Text || out_.back().text.empty()) return true;
    const std::string& prev = out_.back().text;
    std::size_t end = prev.size();
    char32_t a = utf8::prev(prev, end);
    std::size_t i = 0;
    char32_t b = utf8::next(next, i);
    if (a == ' ' || b == ' ') return false;
    return !(utf8::is_cjk(a) && utf8::is_cjk(b)) && !(utf8::is_cjk_punct(a) || utf8::is_cjk_punct(b));
  }
  void append_raw(std::string_view t) {
    if (!out_.empty() && out_.back().kind == InlineKind::Text) out_.back().text += t;
    else out_.push_back(Inline::make_text(std::string(t)));
  }

  Inlines& out_;
  bool pending_break_ = false;
};

bool ends_with_comma(std::string_view text) {
  auto t = utf8::trim(text);
  return (t.size() >= 3 && t.substr(t.size() - 3) == "，") || (!t.empty() && t.back() == ',');
}

class Converter {
 public:
  Converter(model::Document& doc, int first_line, std::map<std::string, std::string> labels_by_index)
      : doc_(doc), first_line_(first_line), labels_by_index_(std::move(labels_by_index)) {}

  int line(cmark_node* n) const { return first_line_ + cmark_node_get_start_line(n) - 1; }

  void inlines(cmark_node* parent, Inlines& out) {
    InlineBuilder b(out);
    if (depth_ >= kMaxNesting) {  // pathological nesting: keep the text, drop the structure
      b.text(plain(parent));
      return;
    }
    Nested guard(depth_);
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT: b.text(cmark_node_get_literal(n)); break;
        case CMARK_NODE_HTML_INLINE: b.text(cmark_node_get_literal(n)); break;  // shown as text, never markup
        case CMARK_NODE_SOFTBREAK: b.soft_break(); break;
        case CMARK_NODE_LINEBREAK: b.node(Inline(InlineKind::LineBreak)); break;
        case CMARK_NODE_CODE: b.node(Inline(InlineKind::Code, cmark_node_get_literal(n))); break;
        case CMARK_NODE_EMPH: b.node(container(InlineKind::Emphasis, n)); break;
        case CMARK_NODE_STRONG: b.node(container(InlineKind::Strong, n)); break;
        case CMARK_NODE_LINK: {
          Inline link = container(InlineKind::Link, n);
          link.set_target(cmark_node_get_url(n) ? cmark_node_get_url(n) : "");
          b.node(std::move(link));
          break;
        }
        case CMARK_NODE_IMAGE: {
          // An image could load from another host; it is kept as a link to the image instead.
          Inline link = container(InlineKind::Link, n);
          link.set_target(cmark_node_get_url(n) ? cmark_node_get_url(n) : "");
          b.node(std::move(link));
          break;
        }
        case CMARK_NODE_FOOTNOTE_REFERENCE: {
          std::string ix = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
          auto it = labels_by_index_.find(ix);
          b.node(Inline(InlineKind::FootnoteRef, it == labels_by_index_.end() ? ix : it->second));
          break;
        }
        default: {
          // Extension inlines (strikethrough) keep their text.
          Inlines kids;
          inlines(n, kids);
          for (auto& k : kids) {
            if (k.kind == InlineKind::Text) b.text(k.text);
            else b.node(std::move(k));
          }
          break;
        }
      }
    }
  }

  void blocks(cmark_node* parent) {
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) block(n);
  }

 private:
  Inline container(InlineKind kind, cmark_node* n) {
    Inline in(kind);
    inlines(n, in.children);
    return in;
  }

  void paragraph(cmark_node* n) {
    Block b;
    b.line = line(n);
    inlines(n, b.content);
    std::string text = b.content.empty() || b.content.front().kind != InlineKind::Text ? "" : b.content.front().text;
    Lead lead = classify_lead(text);
    if (lead.kind == BlockKind::Subparagraph) {
      b.kind = BlockKind::Subparagraph;
      b.number = lead.number;
      b.content.front().text.erase(0, lead.length);
    } else if (lead.kind == BlockKind::Numbered) {
      // "58. …" inside a paragraph (no list): cmark only starts lists at 1 after text.
      b.kind = BlockKind::Numbered;
      b.number = lead.number;
      b.content.front().text.erase(0, lead.length);
      seen_numbered_ = true;
    } else if (!seen_formula_ && is_formula(model::plain_text(b.content)) &&
               (!seen_body_ || (only_cover_notes_ && ends_with_comma(model::plain_text(b.content))))) {
      b.kind = BlockKind::Formula;
      seen_formula_ = true;
      // Paragraphs before the formula were cover notes, not preambular paragraphs.
      for (auto& prev : doc_.blocks)
        if (prev.kind == BlockKind::Preamble) prev.kind = BlockKind::Plain;
    } else {
      b.kind = unnumbered_kind(seen_numbered_);
    }
    if (b.kind != BlockKind::Formula && !(b.kind == BlockKind::Preamble && is_cover_note(model::plain_text(b.content))))
      only_cover_notes_ = false;
    seen_body_ = true;
    doc_.blocks.push_back(std::move(b));
  }

  void list(cmark_node* n) {
    bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
    int number = cmark_node_get_list_start(n);
    for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item), ++number) {
      bool first = true;
      for (cmark_node* c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
        if (first && cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) {
          Block b;
          b.line = line(c);
          inlines(c, b.content);
          if (ordered) {
            b.kind = BlockKind::Numbered;
            b.number = std::to_string(number);
            seen_numbered_ = true;
          } else {
            b.kind = BlockKind::Bullet;
          }
          seen_body_ = true;
          only_cover_notes_ = false;
          doc_.blocks.push_back(std::move(b));
        } else {
          block(c);
        }
        first = false;
      }
    }
  }

  void table(cmark_node* n) {
    Block b;
    b.kind = BlockKind::Table;
    b.line = line(n);
    for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
      std::vector<Inlines> cells;
      for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
        cells.emplace_back();
        inlines(cell, cells.back());
      }
      b.rows.push_back(std::move(cells));
    }
    seen_body_ = true;
    doc_.blocks.push_back(std::move(b));
  }

  void literal_block(cmark_node* n, bool code) {
    Block b;
    b.kind = unnumbered_kind(seen_numbered_);
    b.line = line(n);
    std::string text = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
    while (!text.empty() && text.back() == '\n') text.pop_back();
    b.content.push_back(Inline(code ? InlineKind::Code : InlineKind::Text, text));
    seen_body_ = true;
    doc_.blocks.push_back(std::move(b));
  }

  void footnote(cmark_node* n) {
    model::Footnote f;
    f.line = line(n);
    f.label = labels_by_index_[std::to_string(doc_.footnotes.size() + 1)];
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
      f.paragraphs.emplace_back();
      if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) inlines(c, f.paragraphs.back());
      else f.paragraphs.back().push_back(Inline::make_text(plain(c)));
    }
    doc_.footnotes.push_back(std::move(f));
  }

  static std::string plain(cmark_node* n) {
    std::unique_ptr<char, decltype(&free)> s(cmark_render_plaintext(n, 0, 0), &free);
    return s ? std::string(utf8::trim(s.get())) : std::string();
  }

  void block(cmark_node* n) {
    if (depth_ >= kMaxNesting) {  // e.g. 500 nested block quotes: one plain paragraph, no recursion
      Block b;
      b.kind = unnumbered_kind(seen_numbered_);
      b.line = line(n);
      b.content.push_back(Inline::make_text(plain(n)));
      doc_.blocks.push_back(std::move(b));
      return;
    }
    Nested guard(depth_);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH: paragraph(n); break;
      case CMARK_NODE_HEADING: {
        Block b;
        b.kind = BlockKind::Heading;
        b.level = cmark_node_get_heading_level(n);
        b.line = line(n);
        inlines(n, b.content);
        b.number = heading_number(model::plain_text(b.content));
        doc_.blocks.push_back(std::move(b));
        break;
      }
      case CMARK_NODE_LIST: list(n); break;
      case CMARK_NODE_BLOCK_QUOTE: blocks(n); break;
      case CMARK_NODE_CODE_BLOCK: literal_block(n, true); break;
      case CMARK_NODE_HTML_BLOCK: literal_block(n, false); break;  // inert text
      case CMARK_NODE_THEMATIC_BREAK: {
        Block b;
        b.kind = BlockKind::Rule;
        b.line = line(n);
        doc_.blocks.push_back(std::move(b));
        break;
      }
      case CMARK_NODE_FOOTNOTE_DEFINITION: footnote(n); break;
      default:
        if (type_name(n) == "table") table(n);
        else blocks(n);
        break;
    }
  }

  // Containers nest without limit in Markdown ("> > > …"); the conversion recurses, so it stops at a depth
  // no real document reaches and keeps the deeper text flat.
  static constexpr int kMaxNesting = 48;
  struct Nested {
    explicit Nested(int& d) : depth(d) { ++depth; }
    ~Nested() { --depth; }
    int& depth;
  };
  int depth_ = 0;

  model::Document& doc_;
  int first_line_;
  std::map<std::string, std::string> labels_by_index_;
  bool seen_numbered_ = false;
  bool seen_body_ = false;
  bool seen_formula_ = false;
  bool only_cover_notes_ = true;  // every paragraph so far may be a cover note before the formula
};

// Calls fn(line_number, line) for each line of `text` (1-based).
template <typename Fn>
void each_line(std::string_view text, Fn&& fn) {
  int line = 1;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    fn(line, text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
    if (end == std::string_view::npos) break;
    pos = end + 1;
    ++line;
  }
}

// The label of a footnote mark "[^label]" starting at `pos`, or "" (labels hold no space or bracket).
std::string_view mark_label(std::string_view l, std::size_t pos) {
  if (l.compare(pos, 2, "[^") != 0) return {};
  std::size_t close = l.find(']', pos + 2);
  if (close == std::string_view::npos || close == pos + 2) return {};
  std::string_view label = l.substr(pos + 2, close - pos - 2);
  if (label.find_first_of(" \t[^") != std::string_view::npos) return {};
  return label;
}

// Footnote definitions as written ("[^label]:" after at most three spaces), by body line. Hand-written
// scanning: this runs over every line of every document.
std::map<int, std::string> definition_lines(std::string_view body) {
  std::map<int, std::string> out;
  bool fenced = false;
  each_line(body, [&](int line, std::string_view l) {
    if (l.substr(0, 3) == "```" || l.substr(0, 3) == "~~~") fenced = !fenced;
    std::size_t indent = 0;
    while (indent < l.size() && indent < 3 && l[indent] == ' ') ++indent;
    auto label = mark_label(l, indent);
    if (!fenced && !label.empty() && l.size() > indent + label.size() + 3 && l[indent + label.size() + 3] == ':')
      out[line] = std::string(label);
  });
  return out;
}

void warn_unmatched_references(model::Document& doc, std::string_view body, int first_line) {
  std::set<std::string, std::less<>> defined;
  for (const auto& f : doc.footnotes) defined.insert(f.label);
  each_line(body, [&](int line, std::string_view l) {
    for (std::size_t pos = l.find("[^"); pos != std::string_view::npos; pos = l.find("[^", pos + 2)) {
      auto label = mark_label(l, pos);
      if (label.empty()) continue;
      std::size_t after = pos + label.size() + 3;
      if (after < l.size() && l[after] == ':') continue;  // a definition
      if (defined.count(label)) continue;
      std::string lab(label);
      doc.diagnostics.push_back({Severity::Warning, {doc.source_path, first_line + line - 1},
                                 "footnote reference [^" + lab + "] has no definition; add a line '[^" + lab +
                                     "]: …' or remove the reference"});
    }
  });
}

}  // namespace

void parse_markdown_body(std::string_view body, int first_line, model::Document& doc) {
  auto root = parse_gfm(body);
  // cmark numbers footnotes by first reference and lists the definitions in that order; map its numbers back
  // to the labels written in the source.
  auto defs_by_line = definition_lines(body);
  std::map<std::string, std::string> labels_by_index;
  int ix = 0;
  std::set<int> used_lines;
  for (cmark_node* n = cmark_node_first_child(root.get()); n; n = cmark_node_next(n)) {
    if (cmark_node_get_type(n) != CMARK_NODE_FOOTNOTE_DEFINITION) continue;
    int l = cmark_node_get_start_line(n);
    used_lines.insert(l);
    auto it = defs_by_line.find(l);
    std::string index = std::to_string(++ix);
    labels_by_index[index] = it == defs_by_line.end() ? index : it->second;
  }
  Converter conv(doc, first_line, labels_by_index);
  conv.blocks(root.get());
  for (const auto& [l, label] : defs_by_line)
    if (!used_lines.count(l))
      doc.diagnostics.push_back({Severity::Warning, {doc.source_path, first_line + l - 1},
                                 "footnote [^" + label + "] is defined but never referenced"});
  warn_unmatched_references(doc, body, first_line);
}

model::Inlines parse_markdown_inlines(std::string_view markdown) {
  model::Document scratch;
  parse_markdown_body(markdown, 1, scratch);
  Inlines out;
  for (auto& b : scratch.blocks) {
    if (b.content.empty()) continue;
    if (!out.empty()) out.push_back(Inline(InlineKind::LineBreak));
    if (b.kind == BlockKind::Numbered) out.push_back(Inline::make_text(b.number + ". "));
    if (b.kind == BlockKind::Subparagraph) out.push_back(Inline::make_text("(" + b.number + ") "));
    for (auto& in : b.content) out.push_back(std::move(in));
  }
  return out;
}

model::Document read_markdown(std::string_view text, const std::string& file) {
  model::Document doc;
  doc.source_path = file;
  FrontMatter fm = split_front_matter(text, file);
  if (!fm.yaml.empty()) {
    MetadataFile mf = parse_metadata(fm.yaml, file, fm.yaml_first_line, false);
    doc.meta = mf.meta;
    doc.slug = mf.slug;
  }
  parse_markdown_body(fm.body, fm.body_first_line, doc);
  return doc;
}

}  // namespace acta::read
