// Acta's Mustache engine (write/mustache.hpp): every feature with its exact output, in the manner of the
// Mustache spec's cases, and every template error with its line.
#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "util/error.hpp"
#include "util/files.hpp"
#include "write/mustache.hpp"
#include "write/templates.hpp"
#include "../common/temp_dir.hpp"

namespace {

using acta::SourceError;
using acta::write::mustache::Data;
using acta::write::mustache::List;
using acta::write::mustache::Template;

// Templates by name for {{> name}}; render() parses `source` as "main".
struct Folder {
  std::map<std::string, Template, std::less<>> partials;

  Folder& add(const std::string& name, const std::string& source) {
    partials.emplace(name, Template(source, name + ".mustache"));
    return *this;
  }
  std::string render(const std::string& source, const Data& data = Data()) const {
    std::string out;
    Template(source, "main.mustache").render(data, out, [this](std::string_view name) -> const Template* {
      auto it = partials.find(name);
      return it == partials.end() ? nullptr : &it->second;
    });
    return out;
  }
};

std::string render(const std::string& source, const Data& data = Data()) { return Folder().render(source, data); }

Data object(std::initializer_list<std::pair<const char*, Data>> members) {
  Data d;
  for (const auto& [k, v] : members) d.set(k, v);
  return d;
}

// The line a template error names, and that its message holds `text`; -1 when the template parses.
int error_line(const std::string& source, const std::string& text = "") {
  try {
    Template t(source, "t.mustache");
  } catch (const SourceError& e) {
    EXPECT_EQ(e.where().file, "t.mustache");
    EXPECT_NE(e.message().find(text), std::string::npos) << e.what();
    return e.where().line;
  }
  return -1;
}

// ---- Variables ----

TEST(Mustache, TextWithoutTagsIsCopied) { EXPECT_EQ(render("Hello from {Mustache}!\n"), "Hello from {Mustache}!\n"); }

TEST(Mustache, VariablesAreInterpolated) {
  EXPECT_EQ(render("Hello, {{subject}}!", object({{"subject", "world"}})), "Hello, world!");
}

TEST(Mustache, EscapesTheFiveHtmlCharacters) {
  Data d = object({{"x", "& < > \" ' plain"}});
  EXPECT_EQ(render("{{x}}", d), "&amp; &lt; &gt; &quot; &#39; plain");
  EXPECT_EQ(render("{{{x}}}|{{&x}}|{{& x }}", d), "& < > \" ' plain|& < > \" ' plain|& < > \" ' plain");
}

TEST(Mustache, WhitespaceInsideTagsIsIgnored) {
  Data d = object({{"x", "1"}, {"s", true}});
  EXPECT_EQ(render("|{{ x }}|{{{  x  }}}|{{#  s  }}y{{/ s }}|{{^ s }}n{{/s}}|{{! c }}|", d), "|1|1|y|||");
}

TEST(Mustache, MissingNamesRenderAsNothing) {
  EXPECT_EQ(render("[{{missing}}][{{{missing}}}][{{a.b.c}}]"), "[][][]");
}

TEST(Mustache, BoolsListsAndObjectsRenderNothingAsVariables) {  // as kainjow/mustache did
  Data d = object({{"t", true}, {"f", false}, {"l", List{Data("a")}}, {"o", object({{"a", "1"}})}});
  EXPECT_EQ(render("[{{t}}][{{f}}][{{l}}][{{o}}][{{{o}}}]", d), "[][][][][]");
}

TEST(Mustache, ValuesAreNotRenderedAgain) {
  EXPECT_EQ(render("{{x}}", object({{"x", "{{y}}"}, {"y", "no"}})), "{{y}}");
}

TEST(Mustache, VariablesAreNeverStandalone) {
  EXPECT_EQ(render("  {{x}}\n  {{{x}}}\n", object({{"x", ""}})), "  \n  \n");
}

TEST(Mustache, RenderAppendsToOut) {
  std::string out = "kept:";
  Template("{{x}}", "t").render(object({{"x", "y"}}), out);
  EXPECT_EQ(out, "kept:y");
}

// ---- Sections ----

TEST(Mustache, SectionsOverBools) {
  Data d = object({{"t", true}, {"f", false}});
  EXPECT_EQ(render("[{{#t}}yes{{/t}}][{{#f}}no{{/f}}][{{#missing}}no{{/missing}}]", d), "[yes][][]");
}

TEST(Mustache, SectionsOverListsRenderOncePerItem) {
  Data d = object({{"items", List{object({{"name", "a"}}), object({{"name", "b"}}), object({{"name", "c"}})}},
                   {"empty", List{}}});
  EXPECT_EQ(render("{{#items}}<{{name}}>{{/items}}|{{#empty}}no{{/empty}}|", d), "<a><b><c>||");
}

TEST(Mustache, ImplicitIteratorIsTheItem) {
  Data d = object({{"l", List{Data("a"), Data("<b>")}}});
  EXPECT_EQ(render("{{#l}}({{.}}){{/l}}{{#l}}[{{{.}}}]{{/l}}", d), "(a)(&lt;b&gt;)[a][<b>]");
}

TEST(Mustache, SectionsOverObjectsPushThemOnTheStack) {
  Data d = object({{"o", object({{"a", "1"}})}, {"a", "outer"}, {"b", "2"}});
  EXPECT_EQ(render("{{#o}}{{a}}-{{b}}{{/o}}{{a}}", d), "1-2outer");
  EXPECT_EQ(render("{{#e}}empty object is true{{/e}}", object({{"e", Data()}})), "empty object is true");
}

TEST(Mustache, SectionsOverStringsRenderOnceEvenWhenEmpty) {  // kainjow/mustache: an empty string is true
  Data d = object({{"s", "x"}, {"e", ""}});
  EXPECT_EQ(render("[{{#s}}{{.}}!{{/s}}][{{#e}}e{{.}}{{/e}}]", d), "[x!][e]");
}

TEST(Mustache, NestedSectionsAndShadowing) {
  Data d = object({{"outer", List{object({{"name", "o1"}, {"inner", List{object({{"name", "i1"}}), object({})}}})}},
                   {"name", "top"}});
  EXPECT_EQ(render("{{#outer}}{{name}}:{{#inner}}({{name}}){{/inner}}{{/outer}}", d), "o1:(i1)(o1)");
  EXPECT_EQ(render("{{#t}}{{#t}}twice{{/t}}{{/t}}", object({{"t", true}})), "twice");
}

TEST(Mustache, InvertedSections) {
  Data d = object({{"t", true}, {"f", false}, {"l", List{Data("a")}}, {"e", List{}}, {"s", ""}, {"o", Data()}});
  EXPECT_EQ(render("{{^f}}f{{/f}}{{^missing}}m{{/missing}}{{^e}}e{{/e}}", d), "fme");
  EXPECT_EQ(render("[{{^t}}t{{/t}}{{^l}}l{{/l}}{{^s}}s{{/s}}{{^o}}o{{/o}}]", d), "[]");
}

// ---- Dotted names ----

TEST(Mustache, DottedNames) {
  Data d = object({{"a", object({{"b", object({{"c", "deep"}})}})}, {"x", object({{"y", "xy"}})}});
  EXPECT_EQ(render("{{a.b.c}}|{{#a.b}}{{c}}{{/a.b}}|{{^a.b.missing}}none{{/a.b.missing}}", d), "deep|deep|none");
  // The first part is looked up the context stack; the rest only inside what it found.
  EXPECT_EQ(render("{{#a}}{{x.y}}{{/a}}", d), "xy");
  Data broken = object({{"a", object({{"b", Data()}})}, {"b", object({{"c", "no"}})}});
  EXPECT_EQ(render("[{{#a}}{{b.c}}{{/a}}][{{a.b.c}}][{{s.length}}]", broken), "[][][]");
}

// ---- Comments ----

TEST(Mustache, Comments) {
  EXPECT_EQ(render("1{{! comment }}2"), "12");
  EXPECT_EQ(render("1{{!\nmany\nlines\n}}2"), "12");
  EXPECT_EQ(render("a {{! inline }}\n"), "a \n");
}

// ---- Standalone lines ----

TEST(Mustache, StandaloneLinesAreRemoved) {
  Data d = object({{"t", true}, {"f", false}});
  EXPECT_EQ(render("| a\n{{#t}}\n|\n{{/t}}\n| b\n", d), "| a\n|\n| b\n");
  EXPECT_EQ(render("| a\n  {{#t}}\t\n|\n\t{{/t}}  \n| b\n", d), "| a\n|\n| b\n");
  EXPECT_EQ(render("a\n{{#f}}\nb\n{{/f}}\nc\n", d), "a\nc\n");  // a skipped section leaves no blank line
  EXPECT_EQ(render("a\n{{^t}}\nb\n{{/t}}\nc\n", d), "a\nc\n");
  EXPECT_EQ(render("a\n{{! c }}\nb\n  {{!\n  x\n  }}  \nc\n", d), "a\nb\nc\n");
  EXPECT_EQ(render("a\n{{=<% %>=}}\nb<%t%>\n", object({{"t", "1"}})), "a\nb1\n");
}

TEST(Mustache, StandaloneLinesWithCrLf) {
  Data d = object({{"t", true}});
  EXPECT_EQ(render("|\r\n{{#t}}\r\n{{/t}}\r\n|", d), "|\r\n|");
  EXPECT_EQ(render("|\r\n{{! c }}\r\nx\r\n", d), "|\r\nx\r\n");
}

TEST(Mustache, StandaloneOnTheFirstAndLastLines) {
  Data d = object({{"t", true}});
  EXPECT_EQ(render("  {{#t}}\n#{{/t}}", d), "#");
  EXPECT_EQ(render("{{! first }}\nx", d), "x");
  EXPECT_EQ(render("#{{#t}}\n/\n  {{/t}}", d), "#\n/\n");
  EXPECT_EQ(render("x\n{{! last }}", d), "x\n");
}

TEST(Mustache, NotStandaloneWithOtherContentOnTheLine) {
  Data d = object({{"t", true}, {"f", false}});
  EXPECT_EQ(render("{{#t}}{{/t}}\n", d), "\n");
  EXPECT_EQ(render("{{#f}}x{{/f}}\n", d), "\n");
  EXPECT_EQ(render(" a {{#t}}\nb\n{{/t}} c\n", d), " a \nb\n c\n");
  EXPECT_EQ(render("  {{x}} {{! c }}\n", d), "   \n");
}

// ---- Partials ----

TEST(Mustache, PartialsRenderInTheCurrentContext) {
  Folder f;
  f.add("p", "({{x}}{{#l}}{{.}}{{/l}})");
  EXPECT_EQ(f.render("[{{>p}}][{{> p }}]", object({{"x", "1"}, {"l", List{Data("a"), Data("b")}}})), "[(1ab)][(1ab)]");
  EXPECT_EQ(f.render("{{#o}}{{>p}}{{/o}}", object({{"o", object({{"x", "inner"}})}})), "(inner)");
}

TEST(Mustache, PartialWithoutATemplateRendersNothing) {  // Templates rejects one when it loads the folder
  EXPECT_EQ(render("[{{>nowhere}}]"), "[]");
}

TEST(Mustache, StandalonePartialsAreIndentedLineByLine) {
  Folder f;
  f.add("p", "|\n{{{content}}}\n|\n");
  // Each line of the partial's source takes the indentation, not the lines of an interpolated value.
  EXPECT_EQ(f.render("\\\n {{>p}}\n/\n", object({{"content", "<\n->"}})), "\\\n |\n <\n->\n |\n/\n");
  f.add("line", ">");
  EXPECT_EQ(f.render("|\r\n{{>line}}\r\n|"), "|\r\n>|");
  EXPECT_EQ(f.render("  {{>line}}\n>"), "  >>");
  EXPECT_EQ(f.render(">\n  {{>line}}"), ">\n  >");
}

TEST(Mustache, IndentationAddsUpInNestedPartials) {
  Folder f;
  f.add("outer", "A\n  {{>inner}}\n{{#t}}\nT\n{{/t}}\n{{#f}}x{{/f}}\n");
  f.add("inner", "B1\nB2 {{v}}\n");
  EXPECT_EQ(f.render("  {{>outer}}\nend\n", object({{"t", true}, {"f", false}, {"v", "v\nw"}})),
            "  A\n    B1\n    B2 v\nw\n  T\n  \nend\n");
}

TEST(Mustache, PartialsInsideALineAreNotIndented) {
  Folder f;
  f.add("p", "1\n2");
  EXPECT_EQ(f.render("  x {{>p}} y\n"), "  x 1\n2 y\n");
}

TEST(Mustache, RecursivePartials) {
  Folder f;
  f.add("node", "{{name}}{{#kids}}({{>node}}){{/kids}}");
  // A leaf says it has no kids: otherwise {{#kids}} would find its parent's (names are looked up the stack).
  Data c = object({{"name", "c"}, {"kids", List{}}}), d = object({{"name", "d"}, {"kids", false}});
  Data tree = object({{"name", "a"}, {"kids", List{object({{"name", "b"}, {"kids", List{c}}}), d}}});
  EXPECT_EQ(f.render("{{>node}}", tree), "a(b(c))(d)");
}

TEST(Mustache, EndlessPartialRecursionIsAnError) {
  Folder f;
  f.add("loop", "x\n{{>loop}}");
  try {
    f.render("{{>loop}}");
    FAIL() << "no error";
  } catch (const SourceError& e) {
    EXPECT_EQ(e.where().file, "loop.mustache");
    EXPECT_EQ(e.where().line, 2);
    EXPECT_NE(e.message().find("more than 64 deep"), std::string::npos) << e.what();
  }
}

// ---- Set delimiters ----

TEST(Mustache, SetDelimiters) {
  Data d = object({{"text", "Hey!"}, {"t", true}, {"f", false}});
  EXPECT_EQ(render("{{=<% %>=}}(<%text%>)", d), "(Hey!)");
  EXPECT_EQ(render("({{=[ ]=}}[text])", d), "(Hey!)");
  EXPECT_EQ(render("{{= | | =}}|#t|[|text|]|/t||^f|n|/f|{{text}}", d), "[Hey!]n{{text}}");
  EXPECT_EQ(render("{{=<% %>=}}<%& text %><%={{ }}=%>{{text}}", object({{"text", "<&>"}})), "<&>&lt;&amp;&gt;");
}

TEST(Mustache, DelimitersDoNotReachPartials) {
  Folder f;
  f.add("p", "{{x}}<%x%>");
  EXPECT_EQ(f.render("{{=<% %>=}}<%> p%>", object({{"x", "1"}})), "1<%x%>");
}

// ---- Data ----

TEST(MustacheData, SetReplacesAndAdds) {
  Data d;
  d.set("a", "1");
  d.set("a", std::string("2"));
  d.set("l", Data(List{Data("x")}));
  Data o;
  o.set("k", true);
  d.set("o", std::move(o));
  EXPECT_EQ(render("{{a}}{{#l}}{{.}}{{/l}}{{#o.k}}k{{/o.k}}", d), "2xk");
  Data s("a string");
  s.set("k", "v");  // a value that is not an object becomes one
  EXPECT_TRUE(s.is_object());
  EXPECT_EQ(*s.find("k")->string_value(), "v");
}

TEST(MustacheData, ValuesAreMovedInNotCopied) {
  std::string text(100, 'x');
  const char* bytes = text.data();
  Data d;
  d.set("k", std::move(text));
  EXPECT_EQ(d.find("k")->string_value()->data(), bytes);
  List items(3, Data("item"));
  const Data* first = items.data();
  d.set("l", std::move(items));
  EXPECT_EQ(d.find("l")->list_value()->data(), first);
  static_assert(sizeof(Data) <= 48, "Data should stay small");
  static_assert(!std::is_constructible_v<Data, int> && !std::is_constructible_v<Data, std::size_t>,
                "a number would become a bool");
}

TEST(MustacheData, RendersFromManyThreadsAtOnce) {
  Template t("{{#l}}<{{.}}>{{/l}}", "t");
  List l;
  for (int i = 0; i < 1000; ++i) l.push_back(Data(std::to_string(i)));
  Data d = object({{"l", std::move(l)}});
  std::string expected;
  t.render(d, expected);
  std::vector<std::string> outs(4);
  std::vector<std::thread> threads;
  for (auto& out : outs)
    threads.emplace_back([&] {
      for (int k = 0; k < 50; ++k) {
        out.clear();
        t.render(d, out);
      }
    });
  for (auto& th : threads) th.join();
  for (const auto& out : outs) EXPECT_EQ(out, expected);
}

// ---- Errors, with the line ----

TEST(MustacheErrors, UnclosedTag) {
  EXPECT_EQ(error_line("a\nb {{x", "unclosed tag"), 2);
  EXPECT_EQ(error_line("{{{x}}", "unclosed tag"), 1);
  EXPECT_EQ(error_line("{{=<% %>=}}\n\n<%x}}", "unclosed tag: '<%'"), 3);
}

TEST(MustacheErrors, UnclosedSectionNamesTheOpeningLine) {
  EXPECT_EQ(error_line("a\n{{#s}}\nb\n", "section {{#s}} is never closed"), 2);
  EXPECT_EQ(error_line("{{#a}}\n{{^b}}{{/b}}\n", "{{#a}}"), 1);
}

TEST(MustacheErrors, CloseTagThatDoesNotMatch) {
  EXPECT_EQ(error_line("{{#a}}\n{{#b}}\n{{/a}}", "{{/a}} does not match the open section {{#b}} of line 2"), 3);
}

TEST(MustacheErrors, StrayCloseTag) { EXPECT_EQ(error_line("x\n\n{{/a}}", "without an open section"), 3); }

TEST(MustacheErrors, EmptyTagName) {
  for (const char* source : {"{{}}", "{{ }}", "{{#}}{{/}}", "{{^ }}", "{{{ }}}", "{{&}}", "{{>}}", "x\n{{/}}"})
    EXPECT_EQ(error_line(source, "tag without a name"), source[0] == 'x' ? 2 : 1) << source;
  EXPECT_EQ(error_line("{{!}}"), -1);  // an empty comment is fine
  EXPECT_EQ(error_line("\n{{a..b}}", "empty part"), 2);
}

TEST(MustacheErrors, BadDelimiterChange) {
  for (const char* source : {"{{=<%=}}", "{{=<% %> x=}}", "{{=< =>=}}", "{{= =}}", "{{=<% %>}}"})
    EXPECT_EQ(error_line(std::string("\n") + source, "bad delimiter change"), 2) << source;
}

TEST(MustacheErrors, MessageNamesFileAndLine) {
  try {
    Template("ok\n{{#x}}", "templates/index.mustache");
    FAIL() << "no error";
  } catch (const SourceError& e) {
    EXPECT_EQ(std::string(e.what()), "templates/index.mustache:2: error: section {{#x}} is never closed: end it with {{/x}}");
  }
}

// ---- The templates folder ----

// A templates folder: the required layout and document, `index` and `item`.
void write_folder(const std::filesystem::path& dir, const std::string& index, const std::string& item) {
  acta::files::write(dir / "layout.mustache", "<{{{content}}}>");
  acta::files::write(dir / "document.mustache", "");
  acta::files::write(dir / "index.mustache", index);
  acta::files::write(dir / "item.mustache", item);
}

TEST(MustacheTemplates, PartialsAreTheFoldersTemplates) {
  acta_test::TempDir dir("acta-mustache-folder");
  write_folder(dir, "{{#items}}\n  {{> item}}\n{{/items}}\n", "- {{.}}\n");
  acta::write::Templates templates(dir.path());
  EXPECT_EQ(templates.page("index", object({{"items", List{Data("a"), Data("b")}}})), "<  - a\n  - b\n>");
}

TEST(MustacheTemplates, PartialNamingNoTemplateIsAnError) {
  acta_test::TempDir dir("acta-mustache-missing");
  write_folder(dir, "a\n{{> itme}}\n", "");
  try {
    acta::write::Templates templates(dir.path());
    FAIL() << "no error";
  } catch (const SourceError& e) {
    EXPECT_EQ(e.where().file, acta::files::display(dir / "index.mustache"));
    EXPECT_EQ(e.where().line, 2);
    EXPECT_NE(e.message().find("{{> itme}} names no template: there is no itme.mustache"), std::string::npos) << e.what();
  }
}

}  // namespace
