#include "write/site_context.hpp"

#include <algorithm>

#include "write/public_files.hpp"
#include "write/url.hpp"

namespace acta::write {

cache::Hash SiteContext::file_key(std::size_t index, std::string_view kind, bool uses_templates) const {
  if (index >= keys.documents.size()) return {};
  cache::Hasher h;
  h.add(keys.documents[index]).add(kind);
  if (uses_templates) h.add(keys.templates);
  return h.digest();
}

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

void set_optional(Data& data, std::string_view key, std::string value) {
  if (value.empty()) data.set(key, Data(false));
  else data.set(key, std::move(value));
}

namespace {

// Open Graph wants a locale as language_TERRITORY: "zh-Hans" -> "zh_CN", "en" -> "en".
std::string og_locale(const std::string& lang) {
  if (lang == "zh-Hans" || lang == "zh" || lang == "zh-CN") return "zh_CN";
  if (lang == "zh-Hant" || lang == "zh-TW") return "zh_TW";
  std::string out = lang;
  std::replace(out.begin(), out.end(), '-', '_');
  return out;
}

}  // namespace

Data page_data(const SiteContext& site, const std::string& path, const std::string& title) {
  Data d;
  d.set("lang", site.config.language);
  d.set("site_title", site.config.title);
  set_optional(d, "page_title", title);
  d.set("root", root_prefix(path));
  d.set("path", path);
  set_optional(d, "description", site.config.description);
  // Absolute URLs only for what leaves the site (canonical link, Open Graph); links between pages stay relative.
  set_optional(d, "canonical", absolute_url(site.config.base_url, path));
  d.set("og_type", "website");
  d.set("og_locale", og_locale(site.config.language));
  std::string feed = feed_path(site.config);
  set_optional(d, "feed_href", feed.empty() ? "" : root_prefix(path) + feed);
  return d;
}

}  // namespace acta::write
