#include "write/markdown_export.hpp"

#include <yaml-cpp/yaml.h>

#include <cctype>

namespace acta::write {

namespace {

using model::BlockKind;
using model::InlineKind;

// Escapes what Markdown (and GFM's extensions) would read as markup.
std::string escape_text(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '~': case '|':
      case '&':
        out += '\\';
        out += c;
        break;
      case '!':
        out += (i + 1 < s.size() && s[i + 1] == '[') ? "\\!" : "!";
        break;
      case '\n': out += ' '; break;
      default:
        // GFM autolinks "www." and "http://" in text: break them so text stays text.
        if ((c == '.' && i >= 3 && s.compare(i - 3, 3, "www") == 0) ||
            (c == ':' && i + 2 < s.size() && s.compare(i + 1, 2, "//") == 0)) {
          out += '\\';
        }
        out += c;
    }
  }
  return out;
}

// Escapes what would open a block at the start of a paragraph: "#", "-", "+", "=", "12." and "12)".
std::string escape_block_start(std::string s) {
  if (s.empty()) return s;
  if (s[0] == '#' || s[0] == '-' || s[0] == '+' || s[0] == '=') return "\\" + s;
  std::size_t d = 0;
  while (d < s.size() && std::isdigit(static_cast<unsigned char>(s[d]))) ++d;
  if (d > 0 && d < 10 && d < s.size() && (s[d] == '.' || s[d] == ')')) s.insert(d, "\\");
  return s;
}

std::string link_target(const std::string& url) {
  bool plain = url.find_first_of(" ()<>") == std::string::npos;
  return plain ? url : "<" + url + ">";
}

void render(const model::Inlines& inlines, std::string& out) {
  for (const auto& in : inlines) {
    switch (in.kind) {
      case InlineKind::Text: out += escape_text(in.text); break;
      case InlineKind::Code: out += "`" + in.text + "`"; break;
      case InlineKind::Emphasis:
        out += "*";
        render(in.children, out);
        out += "*";
        break;
      case InlineKind::Strong:
        out += "**";
        render(in.children, out);
        out += "**";
        break;
      case InlineKind::Link:
        out += "[";
        render(in.children, out);
        out += "](" + link_target(in.target()) + ")";
        break;
      case InlineKind::FootnoteRef: out += "[^" + in.text + "]"; break;
      case InlineKind::Citation: render(in.children, out); break;
      case InlineKind::LineBreak: out += "\\\n"; break;
    }
  }
}

std::string front_matter(const model::Document& doc) {
  const auto& m = doc.meta;
  YAML::Emitter y;
  y.SetOutputCharset(YAML::EmitNonAscii);
  y << YAML::BeginMap;
  auto key = [&](const char* k, const std::string& v) {
    if (!v.empty()) y << YAML::Key << k << YAML::Value << v;
  };
  key("symbol", m.symbol);
  key("title", m.title);
  key("body", m.body);
  key("date", m.date);
  key("session", m.session);
  key("agenda_item", m.agenda_item);
  key("kind", m.kind);
  key("meeting", m.meeting);
  if (!m.topics.empty()) y << YAML::Key << "topics" << YAML::Value << YAML::Flow << m.topics;
  // The page keeps its name when it does not come from the symbol.
  if (!doc.slug.empty() && doc.slug != model::slug_for_symbol(m.symbol)) key("slug", doc.slug);
  y << YAML::EndMap;
  return std::string("---\n") + y.c_str() + "\n---\n";
}

}  // namespace

std::string inlines_markdown(const model::Inlines& inlines) {
  std::string out;
  render(inlines, out);
  return out;
}

std::string export_markdown(const model::Document& doc) {
  doc.need_body();
  std::string out = front_matter(doc);
  for (const auto& b : doc.blocks) {
    out += "\n";
    std::string text = inlines_markdown(b.content);
    switch (b.kind) {
      case BlockKind::Heading: out += std::string(std::max(1, std::min(6, b.level)), '#') + " " + text; break;
      case BlockKind::Numbered: out += b.number + "\\. " + text; break;
      case BlockKind::Subparagraph: out += "(" + b.number + ") " + text; break;
      case BlockKind::Bullet: out += "- " + text; break;
      case BlockKind::Rule: out += "***"; break;
      case BlockKind::Table:
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
          out += "|";
          for (const auto& cell : b.rows[r]) out += " " + inlines_markdown(cell) + " |";
          out += "\n";
          if (r == 0) {
            out += "|";
            for (std::size_t c = 0; c < b.rows[r].size(); ++c) out += " --- |";
            out += "\n";
          }
        }
        if (!out.empty() && out.back() == '\n') out.pop_back();
        break;
      default: out += escape_block_start(text); break;
    }
    out += "\n";
  }
  if (!doc.footnotes.empty()) out += "\n";
  for (const auto& f : doc.footnotes) {
    out += "[^" + f.label + "]:";
    for (std::size_t i = 0; i < f.paragraphs.size(); ++i) {
      if (i) out += "\n\n   ";
      out += " " + inlines_markdown(f.paragraphs[i]);
    }
    out += "\n";
  }
  return out;
}

}  // namespace acta::write
