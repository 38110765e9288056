// Fuzzes the citation grammar: every scan must return well-formed ranges inside the text, in order.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "analyze/citations/grammar.hpp"
#include "util/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  if (acta::utf8::first_invalid(text) != std::string::npos) return 0;  // readers reject invalid UTF-8
  namespace c = acta::analyze::citations;
  std::size_t last_end = 0;
  for (const auto& f : c::scan(text)) {
    if (f.begin > f.end || f.end > text.size() || f.begin < last_end) std::abort();
    last_end = f.end;
  }
  for (const auto& f : c::find_written_symbols(text))
    if (f.begin > f.end || f.end > text.size()) std::abort();
  c::symbol_opening(text);
  c::symbol_in_url(text);
  return 0;
}
