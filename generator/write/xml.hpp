// A small streaming XML writer for the machine-readable files (sitemap, feed, Akoma Ntoso) and the SVG
// pictures. Every name and value it is given goes through write/escape.hpp, so no caller builds markup by
// hand. Elements that hold only elements are indented; once an element holds text (mixed content, as in a
// paragraph with a footnote inside) nothing more is added inside it, so whitespace never changes meaning.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace acta::write {

using XmlAttrs = std::vector<std::pair<std::string, std::string>>;

class XmlWriter {
 public:
  // `declaration`: start with <?xml version="1.0" encoding="UTF-8"?> (not for SVG inside HTML).
  explicit XmlWriter(bool declaration = true);
  // Room for a document of about `bytes` (a string grown a piece at a time reallocates often).
  void reserve(std::size_t bytes) { out_.reserve(bytes); }

  // `mixed`: the element holds text and inline elements (a paragraph), so nothing is indented inside it.
  // Elements inside a mixed one are mixed too.
  XmlWriter& open(std::string_view name, const XmlAttrs& attrs = {}, bool mixed = false);
  XmlWriter& close();  // the innermost open element
  XmlWriter& text(std::string_view text);
  XmlWriter& empty(std::string_view name, const XmlAttrs& attrs = {});
  // <name attrs>text</name>
  XmlWriter& leaf(std::string_view name, std::string_view text, const XmlAttrs& attrs = {});

  // Closes what is still open and returns the document (ending with a newline when it has a declaration).
  std::string finish();

 private:
  struct Open {
    std::string name;
    bool mixed = false;  // holds text: no indentation inside
    bool has_children = false;
  };
  void start_tag(std::string_view name, const XmlAttrs& attrs, bool self_close);
  void newline_indent(std::size_t depth);
  bool in_mixed() const;

  std::string out_;
  std::vector<Open> stack_;
  bool declaration_;
};

}  // namespace acta::write
