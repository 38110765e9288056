// site-config.yaml: the site's settings. Loading is strict: an unknown key or a value of the wrong type is
// an error naming the key and its line, so a typo never silently falls back to a default.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace acta::config {

struct TopicTerm {
  std::string term;
  double weight = 1.0;
};

struct Topic {
  std::string id;        // file-name-safe: topics/<id>.html
  std::string label_zh;  // "山区"
  std::string label_en;  // "Mountains"
  std::vector<TopicTerm> terms;
  double threshold = -1;  // document threshold for this topic; < 0: use Config::topic_threshold
};

struct Config {
  std::filesystem::path file;  // where it was loaded from ("" for defaults)
  std::filesystem::path root;  // folder of the config file; relative paths below resolve against it

  std::string title = "Acta";
  std::string language = "zh-Hans";
  std::filesystem::path output = "public";
  std::filesystem::path content = "content";
  std::filesystem::path templates = "templates";
  std::filesystem::path cache = ".acta-cache";  // the build cache (never published; safe to delete)
  std::string base_url;  // absolute URL of the published site, for sitemap and canonical links only
  std::string external_url = "https://undocs.org/zh/{symbol}";
  std::string description;
  double topic_threshold = 8.0;  // a document is under a topic when its evidence scores at least this
  double topic_paragraph_threshold = 2.0;  // a paragraph is evidence for a topic when it scores at least this
  double topic_title_boost = 2.0;          // a hit of a term that is also in the document title counts this many times
  double topic_min_share = 0.3;            // and the topic scores at least this share of the document's best topic
  std::vector<Topic> topics;
  bool search_fold_traditional = true;  // search: traditional characters find their simplified forms

  std::filesystem::path output_dir() const { return resolve(output); }
  std::filesystem::path content_dir() const { return resolve(content); }
  std::filesystem::path templates_dir() const { return resolve(templates); }
  std::filesystem::path cache_dir() const { return resolve(cache); }
  std::filesystem::path resolve(const std::filesystem::path& p) const;

  // The external URL for a symbol: the template with {symbol} replaced.
  std::string external_link(const std::string& symbol) const;
};

// Loads and validates a config file; throws SourceError naming the file, line and key.
Config load(const std::filesystem::path& path);

// Parses config text (path used only in messages and to resolve relative folders).
Config parse(const std::string& text, const std::filesystem::path& path);

}  // namespace acta::config
