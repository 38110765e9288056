#include "read/front_matter.hpp"

#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <regex>

#include "util/error.hpp"

namespace acta::read {

namespace {

bool is_fence(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

// The patterns, compiled when the program starts, on one thread: compiling a std::regex writes caches of
// the locale that every thread shares (libstdc++'s ctype<char>::narrow), and documents are read on several
// threads at once: two readers compiling their first patterns together raced (ThreadSanitizer). Matching
// only reads them.
const std::regex kIsoDate("^\\d{4}-\\d{2}-\\d{2}$");
const std::regex kSlug("^[a-z0-9][a-z0-9._-]*$");

struct Ctx {
  std::string file;
  int first_line;
  [[noreturn]] void fail(const YAML::Node& n, const std::string& msg) const {
    int line = n.Mark().line >= 0 ? first_line + n.Mark().line : first_line;
    throw SourceError({file, line}, msg);
  }
  int line_of(const YAML::Node& n) const { return n.Mark().line >= 0 ? first_line + n.Mark().line : first_line; }
  std::string text(const YAML::Node& n, const std::string& key) const {
    if (!n.IsScalar()) fail(n, "'" + key + "' must be a text value");
    return n.Scalar();
  }
  std::string date(const YAML::Node& n, const std::string& key) const {
    std::string s = text(n, key);
    if (!std::regex_match(s, kIsoDate)) fail(n, "'" + key + "' must be a date written YYYY-MM-DD, not '" + s + "'");
    int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
    if (month < 1 || month > 12 || day < 1 || day > 31) fail(n, "'" + key + "' is not a real date: '" + s + "'");
    return s;
  }
};

model::Annotation read_annotation(const Ctx& c, const YAML::Node& node) {
  model::Annotation a;
  a.where = {c.file, c.line_of(node)};
  if (!node.IsMap()) c.fail(node, "an annotation must be a mapping with anchor, note, author and date");
  static const char* known = "anchor, note, author, date";
  for (const auto& kv : node) {
    std::string key = kv.first.Scalar();
    if (key == "anchor") {
      a.anchor = c.text(kv.second, key);
      a.where.line = c.line_of(kv.second);  // a missing anchor is reported where it is written
    }
    else if (key == "note") a.markdown = c.text(kv.second, key);
    else if (key == "author") a.author = c.text(kv.second, key);
    else if (key == "date") a.date = c.date(kv.second, key);
    else c.fail(kv.first, "unknown key '" + key + "' in an annotation (known keys: " + known + ")");
  }
  if (a.anchor.empty()) c.fail(node, "an annotation needs an 'anchor' (the id of a paragraph, e.g. para_15)");
  if (a.markdown.empty()) c.fail(node, "the annotation on '" + a.anchor + "' has no 'note'");
  return a;
}

}  // namespace

FrontMatter split_front_matter(std::string_view text, const std::string& file) {
  FrontMatter fm;
  fm.body = text;
  std::size_t eol = text.find('\n');
  std::string_view first = text.substr(0, eol);
  if (!is_fence(first, false)) return fm;
  if (eol == std::string_view::npos) throw SourceError({file, 1}, "front matter opened with '---' is never closed; add a line '---' after it");
  std::size_t pos = eol + 1;
  int line = 2;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    std::string_view l = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    if (is_fence(l, true)) {
      fm.yaml = std::string(text.substr(eol + 1, pos - eol - 1));
      fm.yaml_first_line = 2;
      fm.body = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
      fm.body_first_line = line + 1;
      return fm;
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
    ++line;
  }
  throw SourceError({file, 1}, "front matter opened with '---' on line 1 is never closed; add a line '---' after it");
}

MetadataFile parse_metadata(const std::string& yaml, const std::string& file, int first_line,
                            bool allow_annotations) {
  MetadataFile out;
  Ctx c{file, first_line};
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::ParserException& e) {
    throw SourceError({file, first_line + (e.mark.line >= 0 ? e.mark.line : 0)}, "malformed YAML: " + e.msg);
  }
  if (root.IsNull()) return out;
  if (!root.IsMap()) c.fail(root, "expected keys such as 'symbol:' and 'title:', not a " + std::string(root.IsSequence() ? "list" : "single value"));
  auto& m = out.meta;
  std::map<std::string, std::function<void(const YAML::Node&)>> handlers = {
      {"symbol", [&](const YAML::Node& n) { m.symbol = c.text(n, "symbol"); }},
      {"title", [&](const YAML::Node& n) { m.title = c.text(n, "title"); }},
      {"body", [&](const YAML::Node& n) { m.body = c.text(n, "body"); }},
      {"date", [&](const YAML::Node& n) { m.date = c.date(n, "date"); }},
      {"session", [&](const YAML::Node& n) { m.session = c.text(n, "session"); }},
      {"agenda_item", [&](const YAML::Node& n) { m.agenda_item = c.text(n, "agenda_item"); }},
      {"kind", [&](const YAML::Node& n) { m.kind = c.text(n, "kind"); }},
      {"meeting", [&](const YAML::Node& n) { m.meeting = c.text(n, "meeting"); }},
      {"slug", [&](const YAML::Node& n) {
         out.slug = c.text(n, "slug");
         if (!std::regex_match(out.slug, kSlug) || out.slug.find("..") != std::string::npos)
           c.fail(n, "'slug' must be lower-case letters, digits, '.', '-' or '_' (it names the page file)");
       }},
      {"topics", [&](const YAML::Node& n) {
         if (n.IsScalar()) m.topics.push_back(n.Scalar());
         else if (n.IsSequence()) for (const auto& t : n) m.topics.push_back(c.text(t, "topics"));
         else c.fail(n, "'topics' must be a list of topic ids");
       }},
  };
  if (allow_annotations)
    handlers["annotations"] = [&](const YAML::Node& n) {
      if (n.IsNull()) return;
      if (!n.IsSequence()) c.fail(n, "'annotations' must be a list of notes (anchor, note, author, date)");
      for (const auto& item : n) out.annotations.push_back(read_annotation(c, item));
    };
  for (const auto& kv : root) {
    std::string key = kv.first.Scalar();
    auto it = handlers.find(key);
    if (it == handlers.end()) {
      std::string known;
      for (const auto& h : handlers) known += (known.empty() ? "" : ", ") + h.first;
      c.fail(kv.first, "unknown key '" + key + "' (known keys: " + known + ")");
    }
    if (key != "annotations" && key != "topics" && kv.second.IsNull()) continue;  // "date:" left blank
    it->second(kv.second);
    out.keys_set.push_back(key);
  }
  return out;
}

void merge_metadata(model::Metadata& into, const MetadataFile& from) {
  const auto& f = from.meta;
  for (const auto& key : from.keys_set) {
    if (key == "symbol") into.symbol = f.symbol;
    else if (key == "title") into.title = f.title;
    else if (key == "body") into.body = f.body;
    else if (key == "date") into.date = f.date;
    else if (key == "session") into.session = f.session;
    else if (key == "agenda_item") into.agenda_item = f.agenda_item;
    else if (key == "kind") into.kind = f.kind;
    else if (key == "meeting") into.meeting = f.meeting;
    else if (key == "topics") into.topics = f.topics;
  }
}

}  // namespace acta::read
