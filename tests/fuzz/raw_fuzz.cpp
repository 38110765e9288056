// Fuzzes the raw-text reader (every pass of read/raw/) through id assignment, HTML rendering and the
// Markdown export of `acta import`, read back by the Markdown reader.
#include <cstddef>
#include <cstdint>
#include <string>

#include "read/content.hpp"
#include "read/markdown.hpp"
#include "read/raw/raw.hpp"
#include "util/error.hpp"
#include "write/inline_html.hpp"
#include "write/markdown_export.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    std::string text = acta::read::clean_source_text(bytes, "fuzz.txt");
    auto doc = acta::read::read_raw_text(text, "fuzz.txt");
    acta::model::assign_ids(doc);
    acta::model::assign_footnote_ids(doc);
    acta::write::InlineRenderer r(&doc);
    for (const auto& b : doc.blocks) r.render(b.content);
    for (const auto& f : doc.footnotes)
      for (const auto& p : f.paragraphs) r.render(p);
    for (const auto& s : doc.stray_links)
      if (s.first_block > s.end_block || s.end_block > doc.blocks.size()) __builtin_trap();
    std::string md = acta::write::export_markdown(doc);
    acta::read::read_markdown(md, "fuzz.md");
  } catch (const acta::SourceError&) {
  }
  return 0;
}
