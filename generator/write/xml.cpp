#include "write/xml.hpp"

#include "write/escape.hpp"

namespace acta::write {

XmlWriter::XmlWriter(bool declaration) : declaration_(declaration) {
  if (declaration) out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
}

XmlWriter& XmlWriter::open(std::string_view name, const XmlAttrs& attrs, bool mixed) {
  start_tag(name, attrs, false);
  stack_.push_back(Open{std::string(name), mixed || in_mixed()});
  return *this;
}

XmlWriter& XmlWriter::close() {
  if (stack_.empty()) return *this;
  Open top = std::move(stack_.back());
  stack_.pop_back();
  if (!top.mixed && top.has_children) newline_indent(stack_.size());
  out_ += "</";
  out_ += top.name;
  out_ += '>';
  return *this;
}

XmlWriter& XmlWriter::text(std::string_view text) {
  if (text.empty()) return *this;
  if (!stack_.empty()) stack_.back().mixed = true;
  escape_xml_into(out_, text);
  return *this;
}

XmlWriter& XmlWriter::empty(std::string_view name, const XmlAttrs& attrs) {
  start_tag(name, attrs, true);
  return *this;
}

XmlWriter& XmlWriter::leaf(std::string_view name, std::string_view content, const XmlAttrs& attrs) {
  open(name, attrs, true);
  text(content);
  return close();
}

std::string XmlWriter::finish() {
  while (!stack_.empty()) close();
  if (declaration_) out_ += '\n';
  return std::move(out_);
}

void XmlWriter::start_tag(std::string_view name, const XmlAttrs& attrs, bool self_close) {
  if (!stack_.empty()) stack_.back().has_children = true;
  if (!in_mixed() && (declaration_ || !stack_.empty())) newline_indent(stack_.size());
  out_ += '<';
  out_ += name;
  for (const auto& [key, value] : attrs) {
    out_ += ' ';
    out_ += key;
    out_ += "=\"";
    escape_xml_into(out_, value);
    out_ += '"';
  }
  out_ += self_close ? "/>" : ">";
}

void XmlWriter::newline_indent(std::size_t depth) {
  out_ += '\n';
  out_.append(depth * 2, ' ');
}

bool XmlWriter::in_mixed() const { return !stack_.empty() && stack_.back().mixed; }

}  // namespace acta::write
