#include "config/config.hpp"

#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <regex>
#include <set>

#include "util/error.hpp"
#include "util/files.hpp"
#include "util/utf8.hpp"

namespace acta::config {

namespace fs = std::filesystem;

namespace {

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const {
    throw SourceError({file_, node.Mark().line >= 0 ? node.Mark().line + 1 : 0}, message);
  }

  std::string string(const YAML::Node& node, const std::string& key) const {
    if (!node.IsScalar()) fail(node, "'" + key + "' must be a text value");
    return node.Scalar();
  }

  double number(const YAML::Node& node, const std::string& key) const { return scalar<double>(node, key, "a number"); }
  bool boolean(const YAML::Node& node, const std::string& key) const { return scalar<bool>(node, key, "true or false"); }

  // Calls handlers[key] for each key of `map`; an unknown key is an error that lists the known ones.
  void each_key(const YAML::Node& map, const std::string& where,
                const std::map<std::string, std::function<void(const YAML::Node&)>>& handlers) const {
    if (!map.IsMap()) fail(map, where + " must be a mapping of keys to values");
    for (const auto& kv : map) {
      std::string key = kv.first.Scalar();
      auto it = handlers.find(key);
      if (it == handlers.end()) {
        std::string known;
        for (const auto& h : handlers) known += (known.empty() ? "" : ", ") + h.first;
        fail(kv.first, "unknown key '" + key + "' in " + where + " (known keys: " + known + ")");
      }
      it->second(kv.second);
    }
  }

 private:
  // A scalar read as T; `what` says what it must be ("a number").
  template <class T>
  T scalar(const YAML::Node& node, const std::string& key, const std::string& what) const {
    if (!node.IsScalar()) fail(node, "'" + key + "' must be " + what);
    try {
      return node.as<T>();
    } catch (const YAML::Exception&) {
      fail(node, "'" + key + "' must be " + what + ", not '" + node.Scalar() + "'");
    }
  }

  std::string file_;
};

// Compiled when the program starts, on one thread (compiling a std::regex writes caches that every thread
// shares; see read/front_matter.cpp).
const std::regex kTopicId("^[a-z0-9][a-z0-9_-]*$");

bool valid_topic_id(const std::string& id) { return std::regex_match(id, kTopicId); }

Topic read_topic(const Reader& r, const YAML::Node& node) {
  Topic t;
  r.each_key(node, "a topic", {
      {"id", [&](const YAML::Node& n) { t.id = r.string(n, "id"); }},
      {"label_zh", [&](const YAML::Node& n) { t.label_zh = r.string(n, "label_zh"); }},
      {"label_en", [&](const YAML::Node& n) { t.label_en = r.string(n, "label_en"); }},
      {"threshold", [&](const YAML::Node& n) { t.threshold = r.number(n, "threshold"); }},
      {"terms", [&](const YAML::Node& n) {
         // Either a list of terms (weight 1) or a mapping term: weight.
         if (n.IsSequence()) {
           for (const auto& item : n) t.terms.push_back({r.string(item, "terms"), 1.0});
         } else if (n.IsMap()) {
           for (const auto& kv : n) t.terms.push_back({kv.first.Scalar(), r.number(kv.second, "terms." + kv.first.Scalar())});
         } else {
           r.fail(n, "'terms' must be a list of terms or a mapping of term: weight");
         }
       }},
  });
  if (t.id.empty()) r.fail(node, "a topic needs an 'id'");
  if (!valid_topic_id(t.id))
    r.fail(node, "topic id '" + t.id + "' must be lower-case letters, digits, '-' or '_' (it names topics/<id>.html)");
  if (t.label_zh.empty() && t.label_en.empty()) r.fail(node, "topic '" + t.id + "' needs a label_zh or label_en");
  if (t.label_zh.empty()) t.label_zh = t.label_en;
  if (t.label_en.empty()) t.label_en = t.label_zh;
  for (const auto& term : t.terms) {
    if (utf8::trim(term.term).empty()) r.fail(node, "topic '" + t.id + "' has an empty term");
    if (term.weight <= 0) r.fail(node, "topic '" + t.id + "': the weight of '" + term.term + "' must be positive");
  }
  if (t.terms.empty()) r.fail(node, "topic '" + t.id + "' needs at least one term under 'terms'");
  return t;
}

}  // namespace

fs::path Config::resolve(const fs::path& p) const {
  if (p.is_absolute() || root.empty()) return p;
  return root / p;
}

std::string Config::external_link(const std::string& symbol) const {
  std::string out = external_url;
  auto pos = out.find("{symbol}");
  if (pos != std::string::npos) out.replace(pos, 8, symbol);
  return out;
}

Config parse(const std::string& text, const fs::path& path) {
  Config c;
  c.file = path;
  c.root = path.has_parent_path() ? path.parent_path() : fs::path();
  const std::string name = files::display(path);
  auto bad = utf8::first_invalid(text);
  if (bad != std::string::npos)
    throw SourceError({name, utf8::line_col(text, bad).line}, "the config is not valid UTF-8; save it as UTF-8");

  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw SourceError({name, e.mark.line + 1}, "malformed YAML: " + e.msg);
  }
  if (root.IsNull()) return c;  // an empty config means all defaults
  Reader r(name);
  std::set<std::string> topic_ids;
  r.each_key(root, "the config", {
      {"title", [&](const YAML::Node& n) { c.title = r.string(n, "title"); }},
      {"language", [&](const YAML::Node& n) { c.language = r.string(n, "language"); }},
      {"description", [&](const YAML::Node& n) { c.description = r.string(n, "description"); }},
      {"output", [&](const YAML::Node& n) { c.output = r.string(n, "output"); }},
      {"content", [&](const YAML::Node& n) { c.content = r.string(n, "content"); }},
      {"templates", [&](const YAML::Node& n) { c.templates = r.string(n, "templates"); }},
      {"cache", [&](const YAML::Node& n) { c.cache = r.string(n, "cache"); }},
      {"base_url", [&](const YAML::Node& n) {
         c.base_url = r.string(n, "base_url");
         if (!c.base_url.empty() && c.base_url.rfind("https://", 0) != 0 && c.base_url.rfind("http://", 0) != 0)
           r.fail(n, "'base_url' must be an absolute http(s) URL such as https://example.org/archive/");
         if (!c.base_url.empty() && c.base_url.back() != '/') c.base_url += '/';
       }},
      {"external_url", [&](const YAML::Node& n) {
         c.external_url = r.string(n, "external_url");
         if (c.external_url.find("{symbol}") == std::string::npos)
           r.fail(n, "'external_url' must contain {symbol}, e.g. https://undocs.org/zh/{symbol}");
         if (c.external_url.rfind("https://", 0) != 0 && c.external_url.rfind("http://", 0) != 0)
           r.fail(n, "'external_url' must start with https:// or http://");
       }},
      {"topic_threshold", [&](const YAML::Node& n) { c.topic_threshold = r.number(n, "topic_threshold"); }},
      {"topic_paragraph_threshold", [&](const YAML::Node& n) {
         c.topic_paragraph_threshold = r.number(n, "topic_paragraph_threshold");
         if (c.topic_paragraph_threshold <= 0) r.fail(n, "'topic_paragraph_threshold' must be a positive number");
       }},
      {"topic_title_boost", [&](const YAML::Node& n) {
         c.topic_title_boost = r.number(n, "topic_title_boost");
         if (c.topic_title_boost < 1) r.fail(n, "'topic_title_boost' must be 1 (no boost) or more");
       }},
      {"topic_min_share", [&](const YAML::Node& n) {
         c.topic_min_share = r.number(n, "topic_min_share");
         if (c.topic_min_share < 0 || c.topic_min_share > 1)
           r.fail(n, "'topic_min_share' must be between 0 (off) and 1");
       }},
      {"search_fold_traditional", [&](const YAML::Node& n) {
         c.search_fold_traditional = r.boolean(n, "search_fold_traditional");
       }},
      {"topics", [&](const YAML::Node& n) {
         if (!n.IsSequence()) r.fail(n, "'topics' must be a list of topics");
         for (const auto& item : n) {
           Topic t = read_topic(r, item);
           if (!topic_ids.insert(t.id).second) r.fail(item, "topic id '" + t.id + "' is used twice");
           c.topics.push_back(std::move(t));
         }
       }},
  });
  if (c.language.empty()) r.fail(root, "'language' must not be empty (e.g. zh-Hans)");
  if (c.output.empty()) r.fail(root, "'output' must name a folder");
  return c;
}

Config load(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec))
    throw SourceError({files::display(path), 0},
                      "config file not found; create it or pass --config FILE (see README, 'Configuration')");
  return parse(files::read(path), path);
}

}  // namespace acta::config
