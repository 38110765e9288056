// Mustache templates from the templates folder. Templates own the markup: C++ gives them data.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>

#include "write/mustache.hpp"

namespace acta::write {

using Data = mustache::Data;
using List = mustache::List;

class Templates {
 public:
  // Loads every *.mustache file of `dir`. A template with a syntax error, or with a {{> partial}} that
  // names no template of the folder, is a SourceError naming the file and the line.
  explicit Templates(const std::filesystem::path& dir);

  // Renders `name` (file name without .mustache) with `data`; values are HTML-escaped unless the
  // template uses {{{triple}}} braces. Partials are the folder's other templates, by name.
  std::string render(const std::string& name, const Data& data) const;
  // The same, appended to `out` (a long list rendered item by item into one string).
  void render_into(const std::string& name, const Data& data, std::string& out) const;

  // Renders a page: the named body template inside layout.mustache.
  std::string page(const std::string& name, Data data) const;

  bool has(const std::string& name) const { return parsed_.count(name) != 0; }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  const mustache::Template* find(std::string_view name) const;  // nullptr when the folder has none of that name
  const mustache::Template& parsed(const std::string& name) const;

  std::filesystem::path dir_;
  std::map<std::string, mustache::Template, std::less<>> parsed_;  // parsed once, rendered by every thread
};

}  // namespace acta::write
