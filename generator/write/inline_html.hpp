// Inline content of the model as HTML. Block-level markup belongs to the templates; this renders the text
// inside a block (emphasis, links, citations, footnote references), escaping everything it is given.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace acta::write {

// Per-page state: footnote references are numbered so each gets its own id and its footnote can link
// back to every place that cites it.
class InlineRenderer {
 public:
  explicit InlineRenderer(const model::Document* doc) : doc_(doc) {}

  std::string render(const model::Inlines& inlines);
  void render_into(std::string& out, const model::Inlines& inlines);

  // The ids of the references to footnote `id`, in page order ("fnref_1", "fnref_1_2").
  const std::vector<std::string>& refs_to(const std::string& footnote_id) const;

  // Renders with no footnote reference links (for excerpts, previews and the footnote bodies themselves).
  bool plain_refs = false;

 private:
  const model::Document* doc_;
  std::map<std::string, std::vector<std::string>> refs_;
};

}  // namespace acta::write
