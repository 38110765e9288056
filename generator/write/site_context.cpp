#include "write/site_context.hpp"

#include <algorithm>

namespace acta::write {

std::string root_prefix(const std::string& path) {
  std::string prefix;
  for (char c : path)
    if (c == '/') prefix += "../";
  return prefix;
}

std::string display_date(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return iso;
  try {
    return iso.substr(0, 4) + "年" + std::to_string(std::stoi(iso.substr(5, 2))) + "月" +
           std::to_string(std::stoi(iso.substr(8, 2))) + "日";
  } catch (...) {
    return iso;
  }
}

void set_optional(Data& data, const std::string& key, const std::string& value) {
  if (value.empty()) data.set(key, Data(false));
  else data.set(key, value);
}

Data page_data(const SiteContext& site, const std::string& path, const std::string& title) {
  Data d;
  d.set("lang", site.config.language);
  d.set("site_title", site.config.title);
  set_optional(d, "page_title", title);
  d.set("root", root_prefix(path));
  d.set("path", path);
  set_optional(d, "description", site.config.description);
  set_optional(d, "canonical", site.config.base_url.empty() ? "" : site.config.base_url + path);
  return d;
}

}  // namespace acta::write
