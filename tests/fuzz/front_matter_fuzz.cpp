// Fuzzes the front matter and sidecar reader: any input may be rejected with a SourceError, nothing else.
#include <cstddef>
#include <cstdint>
#include <string>

#include "read/content.hpp"
#include "read/front_matter.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    std::string text = acta::read::clean_source_text(bytes, "fuzz.md");
    auto fm = acta::read::split_front_matter(text, "fuzz.md");
    acta::read::parse_metadata(fm.yaml, "fuzz.md", fm.yaml_first_line, false);
    acta::read::parse_metadata(text, "fuzz.yaml", 1, true);
  } catch (const acta::SourceError&) {
  }
  return 0;
}
