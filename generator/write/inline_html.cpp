#include "write/inline_html.hpp"

#include "write/escape.hpp"

namespace acta::write {

using model::InlineKind;

std::string InlineRenderer::render(const model::Inlines& inlines) {
  std::string out;
  render_into(out, inlines);
  return out;
}

const std::vector<std::string>& InlineRenderer::refs_to(const std::string& footnote_id) const {
  static const std::vector<std::string> none;
  auto it = refs_.find(footnote_id);
  return it == refs_.end() ? none : it->second;
}

void InlineRenderer::render_into(std::string& out, const model::Inlines& inlines) {
  for (const auto& in : inlines) {
    switch (in.kind) {
      case InlineKind::Text: escape_html_into(out, in.text); break;
      case InlineKind::Code:
        out += "<code>";
        escape_html_into(out, in.text);
        out += "</code>";
        break;
      case InlineKind::Emphasis:
        out += "<em>";
        render_into(out, in.children);
        out += "</em>";
        break;
      case InlineKind::Strong:
        out += "<strong>";
        render_into(out, in.children);
        out += "</strong>";
        break;
      case InlineKind::LineBreak: out += "<br>"; break;
      case InlineKind::Link: {
        std::string href = safe_href(in.target());
        if (href.empty() || href == "#") {  // unsafe or empty targets keep their text only
          render_into(out, in.children);
          break;
        }
        bool external = href.rfind("http", 0) == 0;
        out += "<a href=\"";
        escape_html_into(out, href);
        out += external ? "\" rel=\"external noopener noreferrer\">" : "\">";
        render_into(out, in.children);
        out += "</a>";
        break;
      }
      case InlineKind::Citation: {
        const auto& c = in.citation();
        std::string href = safe_href(c.href);
        if (href.empty()) {
          render_into(out, in.children);
          break;
        }
        out += c.in_archive ? "<a class=\"cite cite-archive\" href=\"" : "<a class=\"cite cite-external\" href=\"";
        escape_html_into(out, href);
        out += "\" data-cite=\"";
        escape_html_into(out, c.symbol);
        out += c.in_archive ? "\">" : "\" rel=\"external noopener noreferrer\">";
        render_into(out, in.children);
        out += "</a>";
        break;
      }
      case InlineKind::FootnoteRef: {
        const model::Footnote* fn = doc_ ? doc_->find_footnote(in.text) : nullptr;
        if (!fn || plain_refs) {
          out += "<sup class=\"fnmark\">";
          escape_html_into(out, in.text);
          out += "</sup>";
          break;
        }
        auto& list = refs_[fn->id];
        std::string ref_id = "fnref_" + fn->id.substr(3) + (list.empty() ? "" : "_" + std::to_string(list.size() + 1));
        list.push_back(ref_id);
        out += "<a class=\"fnref\" href=\"#";
        out += fn->id;
        out += "\" id=\"";
        out += ref_id;
        out += "\" data-footnote-ref role=\"doc-noteref\">";
        escape_html_into(out, fn->label);
        out += "</a>";
        break;
      }
    }
  }
}

}  // namespace acta::write
