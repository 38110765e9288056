#include "write/mustache.hpp"

#include <cctype>

#include "util/error.hpp"
#include "util/utf8.hpp"
#include "write/escape.hpp"

namespace acta::write::mustache {

// ---- Data ----

void Data::set(std::string_view key, Data value) {
  Members& m = members();
  for (Member& member : m)
    if (member.key == key) {
      member.value = std::move(value);
      return;
    }
  m.push_back(Member{std::string(key), std::move(value)});
}

const Data* Data::find(std::string_view key) const {
  if (const auto* m = std::get_if<Members>(&value_))
    for (const Member& member : *m)
      if (member.key == key) return &member.value;
  return nullptr;
}

bool Data::is_falsy() const {
  if (const bool* b = std::get_if<bool>(&value_)) return !*b;
  if (const List* l = std::get_if<List>(&value_)) return l->empty();
  return false;
}

Data::Members& Data::members() {
  if (!is_object()) value_ = Members();
  auto& m = std::get<Members>(value_);
  if (m.capacity() == 0) m.reserve(8);  // most objects have a few members: one allocation, not four
  return m;
}

// ---- Parsing ----

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

using utf8::trim;

}  // namespace

// Three passes over the source: scan it into text and tags (following delimiter changes), find the
// standalone lines and cut them out of the text around them, then build the nodes and match the sections.
class Parser {
 public:
  Parser(std::string_view source, const std::string& file) : src_(source), file_(file) {}

  std::vector<Template::Node> parse() {
    scan();
    mark_standalone();
    return build();
  }

 private:
  using Node = Template::Node;
  using Kind = Template::Kind;

  struct Token {
    bool is_tag = false;
    std::size_t begin = 0, end = 0;  // a text's bytes; a tag's bytes, delimiters included
    char sigil = 0;                  // # ^ / ! > & = { for a tag; 0 for a variable
    std::string_view name;
    int line = 0;
    bool standalone = false;
    std::string_view indent;  // a standalone tag's indentation
  };

  [[noreturn]] void fail(int line, const std::string& message) const { throw SourceError({file_, line}, message); }

  std::string written(const Token& t) const {
    std::string_view w = src_.substr(t.begin, t.end - t.begin);
    return std::string(w.size() > 60 ? w.substr(0, 57) : w) + (w.size() > 60 ? "..." : "");
  }

  int line_at(std::size_t pos) {  // positions asked for only grow
    for (; counted_ < pos; ++counted_)
      if (src_[counted_] == '\n') ++line_;
    return line_;
  }

  bool at_line_start(std::size_t pos) const { return pos == 0 || src_[pos - 1] == '\n'; }

  void scan() {
    std::string open = "{{", close = "}}";
    std::size_t pos = 0;
    while (pos < src_.size()) {
      std::size_t at = src_.find(open, pos);
      if (at == std::string_view::npos) at = src_.size();
      if (at > pos) {
        Token text;
        text.begin = pos;
        text.end = at;
        tokens_.push_back(text);
      }
      if (at == src_.size()) break;
      Token tag;
      tag.is_tag = true;
      tag.begin = at;
      tag.line = line_at(at);
      std::size_t inner = at + open.size();
      const bool triple = inner < src_.size() && src_[inner] == '{';
      const std::string end_delim = triple ? "}" + close : close;
      std::size_t stop = src_.find(end_delim, inner);
      if (stop == std::string_view::npos)
        fail(tag.line, "unclosed tag: '" + open + "' without a '" + end_delim + "' after it");
      tag.end = stop + end_delim.size();
      std::string_view content = trim(src_.substr(inner + triple, stop - inner - triple));
      if (triple) tag.sigil = '{';
      else if (!content.empty() && std::string_view("#^/!>&=").find(content[0]) != std::string_view::npos)
        tag.sigil = content[0];
      tag.name = trim(tag.sigil && !triple ? content.substr(1) : content);
      if (tag.sigil == '=') set_delimiters(tag, content, open, close);
      else if (tag.name.empty() && tag.sigil != '!') fail(tag.line, "tag without a name: " + written(tag));
      tokens_.push_back(tag);
      pos = tag.end;
    }
  }

  // {{=<% %>=}}: two new delimiters, separated by whitespace, neither holding whitespace or '='.
  void set_delimiters(const Token& tag, std::string_view content, std::string& open, std::string& close) const {
    std::string_view body = content.size() >= 2 && content.back() == '=' ? trim(content.substr(1, content.size() - 2)) : "";
    std::size_t gap = 0;
    while (gap < body.size() && !std::isspace(static_cast<unsigned char>(body[gap]))) ++gap;
    std::string_view first = body.substr(0, gap), second = trim(body.substr(gap));
    auto bad = [](std::string_view d) {
      if (d.empty()) return true;
      for (char c : d)
        if (c == '=' || std::isspace(static_cast<unsigned char>(c))) return true;
      return false;
    };
    if (bad(first) || bad(second))
      fail(tag.line, "bad delimiter change " + written(tag) +
                         ": write two delimiters with a space between, e.g. {{=<% %>=}}, neither holding spaces or '='");
    open = first;
    close = second;
  }

  // The spec's standalone lines: a line holding only whitespace and one section, inverted, close, comment,
  // partial or delimiter tag renders as nothing at all, its newline included.
  void mark_standalone() {
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      Token& t = tokens_[i];
      if (!t.is_tag || !t.sigil || std::string_view("#^/!>=").find(t.sigil) == std::string_view::npos) continue;
      std::size_t b = t.begin;
      while (b > 0 && is_blank(src_[b - 1])) --b;
      if (!at_line_start(b)) continue;
      std::size_t e = t.end;
      while (e < src_.size() && is_blank(src_[e])) ++e;
      if (e + 1 < src_.size() && src_[e] == '\r' && src_[e + 1] == '\n') ++e;
      if (e < src_.size() && src_[e] != '\n') continue;
      if (e < src_.size()) ++e;
      t.standalone = true;
      t.indent = src_.substr(b, t.begin - b);
      // The whitespace around the tag belongs to the texts before and after it (a tag never holds any).
      if (i > 0 && !tokens_[i - 1].is_tag) tokens_[i - 1].end = b;
      if (i + 1 < tokens_.size() && !tokens_[i + 1].is_tag) tokens_[i + 1].begin = e;
    }
  }

  std::vector<std::string> path_of(const Token& t) const {
    std::vector<std::string> parts;
    if (t.name == ".") return parts;
    for (std::size_t from = 0;;) {
      std::size_t dot = t.name.find('.', from);
      std::string_view part = t.name.substr(from, dot == std::string_view::npos ? std::string_view::npos : dot - from);
      if (part.empty()) fail(t.line, "name with an empty part: " + written(t) + " (write a.b.c)");
      parts.emplace_back(part);
      if (dot == std::string_view::npos) return parts;
      from = dot + 1;
    }
  }

  std::vector<Node> build() {
    std::vector<Node> nodes;
    std::vector<std::pair<std::size_t, const Token*>> open;  // the sections open here: node index, tag
    for (const Token& t : tokens_) {
      Node n;
      n.line = t.line;
      n.starts_line = !t.standalone && at_line_start(t.begin);
      if (!t.is_tag) {
        if (t.begin >= t.end) continue;  // all of it was a standalone line's whitespace
        n.text = src_.substr(t.begin, t.end - t.begin);
        nodes.push_back(std::move(n));
        continue;
      }
      switch (t.sigil) {
        case '!':
        case '=':
          // Renders nothing, but where it begins a line, an indented partial's indentation still goes.
          if (n.starts_line) nodes.push_back(std::move(n));
          continue;
        case '/':
          close_section(t, open, nodes);
          continue;
        case '>':
          n.kind = Kind::Partial;
          n.standalone = t.standalone;
          n.text = t.indent;
          n.name = t.name;
          nodes.push_back(std::move(n));
          continue;
        case '#': n.kind = Kind::Section; break;
        case '^': n.kind = Kind::Inverted; break;
        case '&':
        case '{': n.kind = Kind::Raw; break;
        default: n.kind = Kind::Escaped; break;
      }
      n.name = t.name;
      n.path = path_of(t);
      if (n.kind == Kind::Section || n.kind == Kind::Inverted) open.emplace_back(nodes.size(), &t);
      nodes.push_back(std::move(n));
    }
    if (!open.empty()) {
      const Token& t = *open.back().second;
      fail(t.line, "section " + written(t) + " is never closed: end it with {{/" + std::string(t.name) + "}}");
    }
    return nodes;
  }

  void close_section(const Token& t, std::vector<std::pair<std::size_t, const Token*>>& open, std::vector<Node>& nodes) const {
    if (open.empty()) fail(t.line, "close tag " + written(t) + " without an open section: remove it or add its {{#" + std::string(t.name) + "}}");
    const Token& opener = *open.back().second;
    if (opener.name != t.name)
      fail(t.line, "close tag " + written(t) + " does not match the open section " + written(opener) + " of line " +
                       std::to_string(opener.line) + ": close that one first");
    nodes[open.back().first].end = static_cast<std::uint32_t>(nodes.size());
    open.pop_back();
  }

  std::string_view src_;
  const std::string& file_;
  std::vector<Token> tokens_;
  std::size_t counted_ = 0;  // line_at: the bytes counted so far, and the line they end on
  int line_ = 1;
};

Template::Template(std::string_view source, std::string file) : file_(std::move(file)) {
  nodes_ = Parser(source, file_).parse();
}

std::vector<Template::PartialTag> Template::partial_tags() const {
  std::vector<PartialTag> tags;
  for (const Node& n : nodes_)
    if (n.kind == Kind::Partial) tags.push_back({n.name, n.line});
  return tags;
}

// ---- Rendering ----

// One render: the context stack is a chain of frames on the C++ stack, so rendering allocates nothing of
// its own (only `out` grows).
class Renderer {
 public:
  struct Frame {
    const Data* value;
    const Frame* parent;
  };

  Renderer(std::string& out, const Template::Partials& partials) : out_(out), partials_(partials) {}

  void render(const Template& t, std::size_t begin, std::size_t end, const Frame& context, std::string_view indent,
              int depth) {
    using Kind = Template::Kind;
    for (std::size_t i = begin; i < end; ++i) {
      const Template::Node& n = t.nodes_[i];
      if (n.starts_line && !indent.empty() && n.kind != Kind::Text) out_ += indent;
      switch (n.kind) {
        case Kind::Text:
          text(n, indent);
          break;
        case Kind::Escaped:
          if (const std::string* s = string_at(n, context)) escape_html_into(out_, *s);
          break;
        case Kind::Raw:
          if (const std::string* s = string_at(n, context)) out_ += *s;
          break;
        case Kind::Section:
          if (const Data* v = lookup(n.path, context); v && !v->is_falsy()) {
            if (const List* items = v->list_value())
              for (const Data& item : *items) render(t, i + 1, n.end, Frame{&item, &context}, indent, depth);
            else
              render(t, i + 1, n.end, Frame{v, &context}, indent, depth);
          }
          i = n.end - 1;
          break;
        case Kind::Inverted:
          if (const Data* v = lookup(n.path, context); !v || v->is_falsy()) render(t, i + 1, n.end, context, indent, depth);
          i = n.end - 1;
          break;
        case Kind::Partial:
          partial(t, n, context, indent, depth);
          break;
      }
    }
  }

 private:
  // A name: its first part is looked up from the top of the context stack down, the others inside what
  // that found. "." is the top of the stack.
  static const Data* lookup(const std::vector<std::string>& path, const Frame& context) {
    if (path.empty()) return context.value;
    for (const Frame* f = &context; f; f = f->parent) {
      const Data* v = f->value->find(path[0]);
      if (!v) continue;
      for (std::size_t k = 1; k < path.size() && v; ++k) v = v->find(path[k]);
      return v;
    }
    return nullptr;
  }

  // What {{name}} shows: a string; a bool, list or object shows nothing (as kainjow/mustache did).
  static const std::string* string_at(const Template::Node& n, const Frame& context) {
    const Data* v = lookup(n.path, context);
    return v ? v->string_value() : nullptr;
  }

  void text(const Template::Node& n, std::string_view indent) {
    if (indent.empty()) {
      out_ += n.text;
      return;
    }
    // Inside an indented partial: the indentation before every line of the partial's source.
    if (n.starts_line) out_ += indent;
    std::size_t from = 0;
    for (std::size_t nl; (nl = n.text.find('\n', from)) != std::string::npos && nl + 1 < n.text.size(); from = nl + 1) {
      out_.append(n.text, from, nl + 1 - from);
      out_ += indent;
    }
    out_.append(n.text, from, std::string::npos);
  }

  void partial(const Template& t, const Template::Node& n, const Frame& context, std::string_view indent, int depth) {
    const Template* p = partials_ ? partials_(n.name) : nullptr;
    if (!p) return;
    if (depth >= Template::kMaxPartialDepth)
      throw SourceError({t.file_, n.line}, "partials nested more than " + std::to_string(Template::kMaxPartialDepth) +
                                               " deep at {{> " + n.name + "}}: a partial that includes itself needs a "
                                               "section around the tag that ends the recursion");
    // A partial alone on its line takes the line's indentation (added to any it is already under); one
    // inside a line takes none.
    if (!n.standalone || n.text.empty()) {
      render(*p, 0, p->nodes_.size(), context, n.standalone ? indent : std::string_view(), depth + 1);
      return;
    }
    std::string deeper(indent);
    deeper += n.text;
    render(*p, 0, p->nodes_.size(), context, deeper, depth + 1);
  }

  std::string& out_;
  const Template::Partials& partials_;
};

void Template::render(const Data& data, std::string& out, const Partials& partials) const {
  Renderer(out, partials).render(*this, 0, nodes_.size(), Renderer::Frame{&data, nullptr}, {}, 0);
}

}  // namespace acta::write::mustache
