#include "analyze/search/fields.hpp"

#include <string>

namespace acta::analyze::search {

using detail::FieldOf;
using detail::for_each_field;

namespace {

using model::BlockKind;

std::string block_label(const model::Block& b) {
  const std::string& id = b.id;
  switch (b.kind) {
    case BlockKind::Numbered: return "第 " + b.number + " 段";
    case BlockKind::Subparagraph: {
      auto p = id.find("__point_");
      std::string parent = id.rfind("para_", 0) == 0 && p != std::string::npos ? id.substr(5, p - 5) : "";
      return parent.empty() ? "(" + b.number + ")" : "第 " + parent + " 段 (" + b.number + ")";
    }
    case BlockKind::Preamble: return "序言第 " + id.substr(id.rfind('_') + 1) + " 段";
    case BlockKind::Heading: return "章节标题";
    default: return "";
  }
}

}  // namespace

void for_each_labelled_field(const model::Document& doc, const FieldSink& sink) {
  std::string label;
  for_each_field(doc, [&](FieldKind kind, const FieldOf& what, std::string_view text) {
    if (what.block) {
      label = block_label(*what.block);
      sink(kind, what.block->id, label, text);
    } else if (what.footnote) {
      label = "脚注 " + what.footnote->label;
      sink(kind, what.footnote->id, label, text);
    } else if (what.annotation) {
      sink(kind, what.annotation->anchor, "编者注", text);
    } else {
      sink(kind, "", what.symbol ? "文号" : "标题", text);
    }
  });
}

}  // namespace acta::analyze::search
