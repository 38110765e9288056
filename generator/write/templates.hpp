// Mustache templates from the templates folder. Templates own the markup: C++ gives them data.
#pragma once

#include <filesystem>
#include <kainjow/mustache.hpp>
#include <cstdint>
#include <map>
#include <string>

namespace acta::write {

using Data = kainjow::mustache::data;
using List = kainjow::mustache::list;

class Templates {
 public:
  // Loads every *.mustache file of `dir`; a template with a syntax error is a SourceError naming it.
  explicit Templates(const std::filesystem::path& dir);

  // Renders `name` (file name without .mustache) with `data`; values are HTML-escaped unless the
  // template uses {{{triple}}} braces. Throws SourceError naming the template on a render error.
  std::string render(const std::string& name, const Data& data) const;
  // The same, appended to `out` (a long list rendered item by item into one string).
  void render_into(const std::string& name, const Data& data, std::string& out) const;

  // Renders a page: the named body template inside layout.mustache.
  std::string page(const std::string& name, Data data) const;

  bool has(const std::string& name) const { return sources_.count(name) != 0; }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  using Parsed = kainjow::mustache::mustache;
  const Parsed& parsed(const std::string& name) const;

  std::filesystem::path dir_;
  std::map<std::string, std::string> sources_;
  std::map<std::string, Parsed> parsed_;  // parsed once; each thread renders its own copy (rendering mutates it)
  std::uint64_t generation_;               // tells this set of templates from an earlier one at the same address
};

}  // namespace acta::write
