// Fuzzes Acta's Mustache engine with a template from the input: parsing may reject it with a SourceError,
// rendering (against nested data, with the template itself as the only partial, so recursion is tried) may
// stop at the partial depth limit with one; nothing else.
#include <cstddef>
#include <cstdint>
#include <string>

#include "util/error.hpp"
#include "write/mustache.hpp"

using acta::write::mustache::Data;
using acta::write::mustache::List;
using acta::write::mustache::Template;

namespace {

Data sample_data() {
  Data item;
  item.set("name", "山区 <b>&</b>");
  item.set("flag", Data(true));
  Data inner;
  inner.set("c", "深");
  item.set("b", inner);
  List items = {item, Data("text"), Data(false), Data(List{})};
  Data d;
  d.set("list", Data(items));
  d.set("a", item);
  d.set("empty", "");
  d.set("no", Data(false));
  d.set("yes", Data(true));
  return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Data values = sample_data();
  std::string source(reinterpret_cast<const char*>(data), size);
  try {
    Template t(source, "fuzz.mustache");
    (void)t.partial_tags();
    std::string out;
    t.render(values, out, [&](std::string_view) { return &t; });
  } catch (const acta::SourceError&) {
  }
  return 0;
}
