// The one escaping helper: every piece of text that reaches HTML (or XML) goes through it.
#pragma once

#include <string>
#include <string_view>

namespace acta::write {

// Escapes & < > " ' so text is inert in element content and in quoted attribute values.
std::string escape_html(std::string_view text);
void escape_html_into(std::string& out, std::string_view text);

// escape_html for XML files (sitemap, feed, Akoma Ntoso, SVG): also drops the control characters XML 1.0
// forbids (anything below U+0020 but tab, LF and CR), so a stray form feed from a PDF cannot break a file.
std::string escape_xml(std::string_view text);
void escape_xml_into(std::string& out, std::string_view text);

// A link target that is safe to put in href: http(s), mailto, relative paths and fragments. Anything
// else (javascript:, data:, vbscript:, …) gives "".
std::string safe_href(std::string_view url);

}  // namespace acta::write
