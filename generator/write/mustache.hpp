// Acta's Mustache engine: the data a template shows (Data) and a template parsed once into a flat list of
// nodes (Template), rendered by any number of threads at once straight into the caller's string.
//
// Follows the Mustache spec (github.com/mustache/spec) for variables, sections, inverted sections,
// comments, partials (with standalone indentation), set delimiters, dotted names, the implicit iterator and
// standalone lines; no lambdas. Where the spec leaves a choice, it renders as kainjow/mustache did (Acta's
// engine before this one): a bool, list or object used as a {{variable}} renders nothing, and an empty
// string is true for a section. A template error is a SourceError naming the file and the line.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace acta::write::mustache {

// A value a template shows: an object (named members), a string, a bool or a list. Built once per render
// and cheap to build: an object is a short vector of members searched in order (templates name a handful
// of keys), and values are moved in, not copied.
class Data {
 public:
  using List = std::vector<Data>;

  Data();  // an empty object
  Data(bool value);
  Data(std::string value);
  Data(const char* value);
  Data(List items);
  // A number is no value: format it first (std::to_string), or it would quietly become a bool.
  template <class T>
    requires std::is_arithmetic_v<T> && (!std::is_same_v<T, bool>)
  Data(T) = delete;

  // Sets member `key` (replacing a member of that name). `value` is taken by value and moved in, so
  // set("k", text) copies `text` once and set("k", std::move(text)) not at all. A Data that is not an
  // object becomes an empty one first.
  void set(std::string_view key, Data value);

  // The member named `key`; nullptr when there is none or this is not an object.
  const Data* find(std::string_view key) const;
  Data* find(std::string_view key) { return const_cast<Data*>(std::as_const(*this).find(key)); }
  const std::string* string_value() const { return std::get_if<std::string>(&value_); }
  std::string* string_value() { return std::get_if<std::string>(&value_); }
  const List* list_value() const { return std::get_if<List>(&value_); }
  bool is_object() const { return std::holds_alternative<Members>(value_); }
  // What a section skips: false and the empty list (a missing name is skipped too).
  bool is_falsy() const;

 private:
  struct Member;
  using Members = std::vector<Member>;
  Members& members();

  std::variant<Members, std::string, bool, List> value_;
};

struct Data::Member {
  std::string key;
  Data value;
};

// Defined here, where Member is complete: the variant's vector of members needs it (clang checks).
inline Data::Data() = default;
inline Data::Data(bool value) : value_(value) {}
inline Data::Data(std::string value) : value_(std::move(value)) {}
inline Data::Data(const char* value) : value_(std::string(value)) {}
inline Data::Data(List items) : value_(std::move(items)) {}

using List = Data::List;

class Parser;
class Renderer;

// A template, parsed once from its source. Rendering reads it only, so one Template serves every thread.
class Template {
 public:
  // Finds the template a {{> name}} tag names; nullptr renders nothing there.
  using Partials = std::function<const Template*(std::string_view name)>;

  // Parses `source`. Throws SourceError naming `file` and the line of the problem: an unclosed tag, an
  // unclosed section, a close tag that closes no open section or another one, a tag without a name, a bad
  // delimiter change.
  Template(std::string_view source, std::string file);

  // Renders with `data` on the context stack, appending to `out`. {{name}} values are HTML-escaped.
  // Throws SourceError when partials nest more than kMaxPartialDepth deep (a partial that includes itself).
  void render(const Data& data, std::string& out, const Partials& partials = {}) const;

  struct PartialTag {
    std::string name;
    int line;
  };
  // Every {{> name}} of the template, in order (for a loader to check that each names a template).
  std::vector<PartialTag> partial_tags() const;
  const std::string& file() const { return file_; }

  static constexpr int kMaxPartialDepth = 64;

 private:
  friend class Parser;
  friend class Renderer;

  enum class Kind : std::uint8_t { Text, Escaped, Raw, Section, Inverted, Partial };
  struct Node {
    Kind kind = Kind::Text;
    bool starts_line = false;  // begins a line of the source: where a standalone partial's indentation goes
    bool standalone = false;   // Partial: alone on its line, so every line of it takes the line's indentation
    std::uint32_t end = 0;     // Section, Inverted: the index of the first node after the section
    int line = 0;              // 1-based, for errors
    std::string text;          // Text: the text; Partial: the indentation of a standalone one
    std::string name;          // the name as written ("a.b"); Partial: the template's name
    std::vector<std::string> path;  // the name's parts ("a.b" -> a, b); none for the implicit iterator "."
  };

  std::vector<Node> nodes_;
  std::string file_;
};

}  // namespace acta::write::mustache
