#include "read/front_matter.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>
#include <map>

#include "util/error.hpp"

namespace acta::read {

namespace {

bool is_fence(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

// The checks of a date and a slug, for both paths (yaml-cpp's and the fast one).
// YYYY-MM-DD, digits only.
bool iso_date_form(std::string_view s) {
  auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  return s.size() == 10 && s[4] == '-' && s[7] == '-' && digits(0, 4) && digits(5, 2) && digits(8, 2);
}
// A month 1..12 and a day 1..31, of a date of that form.
bool real_date(std::string_view s) {
  const int month = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}
// Lower-case letters, digits, '.', '-' and '_', starting with a letter or digit, no "..": it names the file.
bool valid_slug(std::string_view s) {
  auto ok = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (s.empty() || !ok(s[0]) || s.find("..") != std::string_view::npos) return false;
  return std::all_of(s.begin(), s.end(), [&](char c) { return ok(c) || c == '.' || c == '-' || c == '_'; });
}

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
    if (!iso_date_form(s)) fail(n, "'" + key + "' must be a date written YYYY-MM-DD, not '" + s + "'");
    if (!real_date(s)) fail(n, "'" + key + "' is not a real date: '" + s + "'");
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

// A value of the simple form: null (nothing), one text, or a flow list of texts.
struct SimpleValue {
  enum Kind { Null, Text, List } kind = Null;
  std::vector<std::string> texts;  // one for Text
};

// Bytes a simple value may hold: no control character or tab, and none of the characters that YAML (or an
// older YAML) may take for a line break, NEL (C2 85), U+2028 and U+2029 (E2 80 A8/A9), nor a byte order mark.
bool plain_bytes(std::string_view v) {
  auto at = [&](std::size_t i) { return i < v.size() ? static_cast<unsigned char>(v[i]) : 0u; };
  for (std::size_t i = 0; i < v.size(); ++i) {
    const unsigned c = at(i);
    if (c < 0x20 || c == 0x7F) return false;
    if (c == 0xC2 && at(i + 1) == 0x85) return false;
    if (c == 0xE2 && at(i + 1) == 0x80 && (at(i + 2) == 0xA8 || at(i + 2) == 0xA9)) return false;
    if (c == 0xEF && at(i + 1) == 0xBB && at(i + 2) == 0xBF) return false;
  }
  return true;
}

// One scalar written in one of the simplest ways: "text" with no '"' or '\' in it, 'text' with no quote in
// it, or a plain text that starts with no indicator and holds neither ": " nor " #" (in a flow list none of
// ",[]{}:#" at all). False for anything else, and for the plain forms of null.
bool simple_scalar(std::string_view v, bool in_list, std::string& out) {
  if (v.empty()) return false;
  if (v.front() == '"' || v.front() == '\'') {
    const char q = v.front();
    if (v.size() < 2 || v.back() != q) return false;
    v = v.substr(1, v.size() - 2);
    if (v.find(q) != std::string_view::npos || (q == '"' && v.find('\\') != std::string_view::npos)) return false;
    if (in_list && v.find(',') != std::string_view::npos) return false;  // the list was cut at its commas
    out.assign(v);
    return true;
  }
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(v.front()) != std::string_view::npos) return false;
  if (v.back() == ':' || v.find(": ") != std::string_view::npos || v.find(" #") != std::string_view::npos) return false;
  if (in_list && v.find_first_of(",[]{}:#") != std::string_view::npos) return false;
  if (v == "~" || v == "null" || v == "Null" || v == "NULL") return false;
  out.assign(v);
  return true;
}

std::string_view trim_spaces(std::string_view v) {
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  return v;
}

bool simple_value(std::string_view v, SimpleValue& out) {
  v = trim_spaces(v);
  if (!plain_bytes(v)) return false;
  if (v.empty()) {
    out.kind = SimpleValue::Null;
    return true;
  }
  if (v.front() != '[') {
    out.kind = SimpleValue::Text;
    out.texts.resize(1);
    return simple_scalar(v, false, out.texts[0]);
  }
  if (v.back() != ']') return false;
  out.kind = SimpleValue::List;
  v = trim_spaces(v.substr(1, v.size() - 2));
  if (v.empty()) return true;
  for (;;) {
    const std::size_t comma = v.find(',');
    std::string item;
    if (!simple_scalar(trim_spaces(v.substr(0, comma)), true, item)) return false;
    out.texts.push_back(std::move(item));
    if (comma == std::string_view::npos) return true;
    v = v.substr(comma + 1);
  }
}

}  // namespace

std::optional<MetadataFile> parse_simple_metadata(std::string_view yaml) {
  MetadataFile out;
  auto& m = out.meta;
  std::vector<std::string_view> seen;
  std::size_t pos = 0;
  while (pos < yaml.size()) {
    std::size_t end = yaml.find('\n', pos);
    if (end == std::string_view::npos) end = yaml.size();
    std::string_view line = yaml.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string_view rest = trim_spaces(line);
    if (rest.empty() || rest.front() == '#') continue;  // a blank line or a comment
    std::size_t k = 0;
    while (k < line.size() && ((line[k] >= 'a' && line[k] <= 'z') || line[k] == '_')) ++k;
    if (k == 0 || k >= line.size() || line[k] != ':' || (k + 1 < line.size() && line[k + 1] != ' ')) return std::nullopt;
    const std::string_view key = line.substr(0, k);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) return std::nullopt;
    seen.push_back(key);
    SimpleValue v;
    if (!simple_value(line.substr(k + 1), v)) return std::nullopt;
    if (key == "topics" && v.kind != SimpleValue::Null) {
      m.topics.insert(m.topics.end(), v.texts.begin(), v.texts.end());
      out.keys_set.emplace_back(key);
      continue;
    }
    static constexpr std::string_view kTexts[] = {"symbol", "title", "body", "date", "session", "agenda_item", "kind", "meeting", "slug"};
    if (std::find(std::begin(kTexts), std::end(kTexts), key) == std::end(kTexts)) return std::nullopt;  // unknown, or annotations
    if (v.kind == SimpleValue::Null) continue;  // "date:" left blank
    if (v.kind != SimpleValue::Text) return std::nullopt;
    std::string& text = v.texts[0];
    if (key == "symbol") m.symbol = std::move(text);
    else if (key == "title") m.title = std::move(text);
    else if (key == "body") m.body = std::move(text);
    else if (key == "date" && iso_date_form(text) && real_date(text)) m.date = std::move(text);
    else if (key == "session") m.session = std::move(text);
    else if (key == "agenda_item") m.agenda_item = std::move(text);
    else if (key == "kind") m.kind = std::move(text);
    else if (key == "meeting") m.meeting = std::move(text);
    else if (key == "slug" && valid_slug(text)) out.slug = std::move(text);
    else return std::nullopt;  // a bad date or slug: yaml-cpp's path says what and where
    out.keys_set.emplace_back(key);
  }
  return out;
}

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
  // Most front matter is a few keys with a text or a list of texts each: read without yaml-cpp, whose
  // parser took a fifth of the reading of a document. Anything else, and every error, goes through yaml-cpp.
  if (auto simple = parse_simple_metadata(yaml)) return std::move(*simple);
  return parse_yaml_metadata(yaml, file, first_line, allow_annotations);
}

MetadataFile parse_yaml_metadata(const std::string& yaml, const std::string& file, int first_line,
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
         if (!valid_slug(out.slug))
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
