#include "write/templates.hpp"

#include <atomic>

#include "util/error.hpp"
#include "util/files.hpp"
#include "write/escape.hpp"

namespace acta::write {

namespace fs = std::filesystem;

namespace {
std::atomic<std::uint64_t> next_generation{1};
}

Templates::Templates(const fs::path& dir) : dir_(dir), generation_(next_generation++) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw SourceError({files::display(dir), 0}, "templates folder not found; set 'templates:' in the config or run 'acta init' to get the default templates");
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".mustache") continue;
    std::string text = files::read(entry.path());
    kainjow::mustache::mustache tmpl(text);
    if (!tmpl.is_valid()) throw SourceError({files::display(entry.path()), 0}, "template error: " + tmpl.error_message());
    tmpl.set_custom_escape([](const std::string& s) { return escape_html(s); });
    parsed_.emplace(entry.path().stem().string(), std::move(tmpl));
    sources_[entry.path().stem().string()] = std::move(text);
  }
  for (const char* required : {"layout", "document", "index"})
    if (!sources_.count(required))
      throw SourceError({files::display(dir / (std::string(required) + ".mustache")), 0}, "required template is missing");
}

const Templates::Parsed& Templates::parsed(const std::string& name) const {
  auto it = parsed_.find(name);
  if (it == parsed_.end())
    throw SourceError({files::display(dir_ / (name + ".mustache")), 0}, "template not found");
  return it->second;
}

void Templates::render_into(const std::string& name, const Data& data, std::string& out) const {
  // A copy per thread, made once: rendering records errors in the template object.
  thread_local std::map<std::pair<std::uint64_t, std::string>, Parsed> copies;
  auto key = std::pair{generation_, name};
  auto it = copies.find(key);
  if (it == copies.end()) it = copies.emplace(key, parsed(name)).first;
  Parsed& tmpl = it->second;
  tmpl.render(data, [&out](const std::string& piece) { out += piece; });
  if (!tmpl.is_valid())
    throw SourceError({files::display(dir_ / (name + ".mustache")), 0}, "template error: " + tmpl.error_message());
}

std::string Templates::render(const std::string& name, const Data& data) const {
  // Rendered into a buffer kept per thread, then copied once at its size: a page grown piece by piece
  // reallocated a dozen times, each a large allocation that makes the allocator sweep its free lists.
  thread_local std::string buffer;
  buffer.clear();
  render_into(name, data, buffer);
  return buffer;
}

std::string Templates::page(const std::string& name, Data data) const {
  std::string content = render(name, data);
  data.set("content", content);
  return render("layout", data);
}

}  // namespace acta::write
