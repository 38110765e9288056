#include "write/templates.hpp"

#include "util/error.hpp"
#include "util/files.hpp"

namespace acta::write {

namespace fs = std::filesystem;

Templates::Templates(const fs::path& dir) : dir_(dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw SourceError({files::display(dir), 0}, "templates folder not found; set 'templates:' in the config or run 'acta init' to get the default templates");
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".mustache") continue;
    parsed_.emplace(entry.path().stem().string(), mustache::Template(files::read(entry.path()), files::display(entry.path())));
  }
  for (const char* required : {"layout", "document", "index"})
    if (!parsed_.count(required))
      throw SourceError({files::display(dir / (std::string(required) + ".mustache")), 0}, "required template is missing");
  // A partial naming no template would render nothing (the Mustache spec's rule): a typo would go unseen.
  for (const auto& [name, tmpl] : parsed_)
    for (const auto& tag : tmpl.partial_tags())
      if (!parsed_.count(tag.name))
        throw SourceError({tmpl.file(), tag.line}, "partial {{> " + tag.name + "}} names no template: there is no " +
                                                       tag.name + ".mustache in " + files::display(dir));
}

const mustache::Template* Templates::find(std::string_view name) const {
  auto it = parsed_.find(name);
  return it == parsed_.end() ? nullptr : &it->second;
}

const mustache::Template& Templates::parsed(const std::string& name) const {
  const mustache::Template* t = find(name);
  if (!t) throw SourceError({files::display(dir_ / (name + ".mustache")), 0}, "template not found");
  return *t;
}

void Templates::render_into(const std::string& name, const Data& data, std::string& out) const {
  parsed(name).render(data, out, [this](std::string_view partial) { return find(partial); });
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
  // The body is rendered into a buffer kept per thread, lent to the layout's data and taken back; the
  // layout straight into the page, made at once a quarter larger than the last page of this thread (a copy
  // of each out of render()'s buffer was a sixth of the pages' copying).
  thread_local std::string body;
  thread_local std::size_t expected = 0;
  body.clear();
  render_into(name, data, body);
  data.set("content", std::move(body));
  std::string page;
  page.reserve(expected);
  render_into("layout", data, page);
  expected = page.size() + page.size() / 4;
  if (std::string* lent = data.find("content")->string_value()) body = std::move(*lent);
  return page;
}

}  // namespace acta::write
