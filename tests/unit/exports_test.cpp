// The JSON and Akoma Ntoso exports of a hand-built archive: ids, footnotes placed at their reference,
// citations inside and outside the archive, and citations in footnotes; and the cited-by list of a page.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "write/exports.hpp"
#include "write/json.hpp"
#include "write/pages.hpp"

using namespace acta;
using model::BlockKind;
using model::Inline;
using model::InlineKind;

namespace {

Inline citation(const std::string& symbol, const std::string& paragraph, const std::string& href, bool in_archive) {
  Inline c;
  c.kind = InlineKind::Citation;
  c.children.push_back(Inline::make_text("第 " + symbol + " 号决议"));
  c.set_citation({symbol, paragraph, href, in_archive});
  return c;
}

Inline footnote_ref(const std::string& label) {
  Inline f;
  f.kind = InlineKind::FootnoteRef;
  f.text = label;
  return f;
}

model::Block block(BlockKind kind, const std::string& number, model::Inlines content) {
  model::Block b;
  b.kind = kind;
  b.number = number;
  b.content = std::move(content);
  return b;
}

model::Archive archive() {
  model::Archive a;
  model::Document cited;
  cited.meta.symbol = "A/RES/53/24";
  cited.meta.title = "国际山岳年";
  cited.meta.date = "1998-11-10";
  cited.slug = "a-res-53-24";
  cited.blocks.push_back(block(BlockKind::Numbered, "15", {Inline::make_text("宣布。")}));

  model::Document doc;
  doc.meta.symbol = "A/RES/62/196";
  doc.meta.title = "山区 <可持续> 发展";
  doc.meta.kind = "resolution";
  doc.meta.date = "2007-12-19";
  doc.slug = "a-res-62-196";
  doc.blocks.push_back(block(BlockKind::Formula, "", {Inline::make_text("大会，")}));
  doc.blocks.push_back(block(BlockKind::Preamble, "", {Inline::make_text("回顾"), citation("A/RES/53/24", "para_15", "a-res-53-24.html#para_15", true), footnote_ref("1"), Inline::make_text("，")}));
  doc.blocks.push_back(block(BlockKind::Numbered, "1", {Inline::make_text("鼓励：")}));
  doc.blocks.push_back(block(BlockKind::Subparagraph, "a", {Inline::make_text("合作 & 协调"), footnote_ref("1")}));
  doc.blocks.push_back(block(BlockKind::Numbered, "2", {Inline::make_text("又见"), citation("A/RES/77/172", "", "https://undocs.org/zh/A/RES/77/172", false)}));
  model::Footnote fn;
  fn.label = "1";
  fn.paragraphs.push_back({Inline::make_text("见"), citation("A/RES/53/24", "", "a-res-53-24.html", true)});
  doc.footnotes.push_back(fn);
  model::assign_ids(doc);
  model::assign_footnote_ids(doc);
  model::assign_ids(cited);
  a.documents.push_back(std::move(cited));
  a.documents.push_back(std::move(doc));
  a.reindex();
  a.cited_by[0].push_back({1, "preamble__p_1"});
  return a;
}


}  // namespace

TEST(Exports, JsonHoldsParagraphsFootnotesAndCitations) {
  config::Config cfg;
  model::Archive arch = archive();
  write::Templates templates(std::filesystem::path(ACTA_SOURCE_DIR) / "templates");
  write::SiteContext site{cfg, arch, templates};
  auto j = nlohmann::json::parse(write::document_json(site, 1));
  EXPECT_EQ(j["metadata"]["symbol"], "A/RES/62/196");
  EXPECT_EQ(j["metadata"]["title"], "山区 <可持续> 发展");
  EXPECT_EQ(j["page"], "a-res-62-196.html");
  ASSERT_EQ(j["paragraphs"].size(), 5u);
  EXPECT_EQ(j["paragraphs"][1]["id"], "preamble__p_1");
  EXPECT_EQ(j["paragraphs"][3]["id"], "para_1__point_a");
  EXPECT_EQ(j["paragraphs"][3]["text"], "合作 & 协调");
  EXPECT_EQ(j["paragraphs"][3]["footnotes"][0], "fn_1");
  ASSERT_EQ(j["citations"].size(), 3u);
  EXPECT_EQ(j["citations"][0]["place"], "preamble__p_1");
  EXPECT_EQ(j["citations"][0]["paragraph"], "para_15");
  EXPECT_EQ(j["citations"][0]["document"], "a-res-53-24.json");
  EXPECT_EQ(j["citations"][1]["in_archive"], false);
  EXPECT_FALSE(j["citations"][1].contains("document"));
  EXPECT_EQ(j["citations"][2]["place"], "fn_1");
  EXPECT_EQ(j["footnotes"][0]["text"], "见第 A/RES/53/24 号决议");

  auto cited = nlohmann::json::parse(write::document_json(site, 0));
  ASSERT_EQ(cited["cited_by"].size(), 1u);
  EXPECT_EQ(cited["cited_by"][0]["document"], "a-res-62-196.json");
  EXPECT_EQ(cited["cited_by"][0]["place"], "preamble__p_1");
}

TEST(Exports, JsonStringsSurviveEveryCharacterThatNeedsEscaping) {
  config::Config cfg;
  model::Archive arch = archive();
  std::string tricky = "引号\"反斜杠\\ 换行\n回车\r制表\t退格\b换页\f 控制\x01\x1f 删除\x7f </script> \u2028 斜杠/";
  arch.documents[1].meta.title = tricky;
  arch.documents[1].blocks[2].content = {Inline::make_text(tricky)};
  arch.documents[1].meta.session = std::string("坏\xff字节");  // never from the reader: made valid, not passed on
  write::Templates templates(std::filesystem::path(ACTA_SOURCE_DIR) / "templates");
  write::SiteContext site{cfg, arch, templates};
  std::string text = write::document_json(site, 1);
  auto j = nlohmann::json::parse(text);  // throws on a string the writer left unescaped or invalid
  EXPECT_EQ(j["metadata"]["title"], tricky);
  EXPECT_EQ(j["paragraphs"][2]["text"], tricky);
  EXPECT_EQ(j["metadata"]["session"], "坏\xEF\xBF\xBD字节");
  EXPECT_EQ(text.find('\n'), text.size() - 1);  // one line, ended
  // A data file escapes what JSON needs only: no \u003c, no \u2028 (those are for scripts), \b and \f short.
  EXPECT_NE(text.find(std::string(R"(退格\b换页\f 控制\u0001\u001f 删除)") + "\x7f </script> \u2028"), std::string::npos);
}

// The one escaper, for a script and for a data file: the same but for what a script needs besides.
TEST(Exports, JsonStringForDataAndForScripts) {
  using write::JsonIn;
  const std::string s = "a\"b\\c\n\r\t\b\f\x01<\xE2\x80\xA8\xE2\x80\xA9\xE2\x80\x9C山区";
  EXPECT_EQ(write::json_string(s, JsonIn::Data),
            "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001<\xE2\x80\xA8\xE2\x80\xA9\xE2\x80\x9C山区\"");
  EXPECT_EQ(write::json_string(s, JsonIn::Script), "\"a\\\"b\\\\c\\n\\r\\t\\u0008\\u000c\\u0001\\u003c\\u2028\\u2029\xE2\x80\x9C山区\"");
  EXPECT_EQ(write::json_string(s), write::json_string(s, JsonIn::Script));
  for (auto in : {JsonIn::Data, JsonIn::Script})
    EXPECT_EQ(nlohmann::json::parse(write::json_string(s, in)).get<std::string>(), s);
}

TEST(Exports, AkomaNtosoShapesResolution) {
  config::Config cfg;
  model::Archive arch = archive();
  write::Templates templates(std::filesystem::path(ACTA_SOURCE_DIR) / "templates");
  write::SiteContext site{cfg, arch, templates};
  std::string x = write::document_akn(site, 1);
  auto has = [&](const std::string& s) { return x.find(s) != std::string::npos; };
  EXPECT_TRUE(has("<statement name=\"resolution\""));
  EXPECT_TRUE(has("<docTitle>山区 &lt;可持续&gt; 发展</docTitle>"));
  EXPECT_TRUE(has("<formula name=\"enactingFormula\" eId=\"formula\">"));
  EXPECT_LT(x.find("<preamble>"), x.find("eId=\"preamble__p_1\""));
  EXPECT_LT(x.find("eId=\"preamble__p_1\""), x.find("</preamble>"));
  EXPECT_TRUE(has("<paragraph eId=\"para_1\">\n"));
  EXPECT_TRUE(has("<num>1.</num>"));
  EXPECT_TRUE(has("<intro>"));
  EXPECT_TRUE(has("<point eId=\"para_1__point_a\">"));
  EXPECT_TRUE(has("<num>(a)</num>"));
  // Footnotes sit where they are first referred to; the second reference points to the note.
  EXPECT_TRUE(has("<ref href=\"a-res-53-24.akn.xml#para_15\">第 A/RES/53/24 号决议</ref><authorialNote marker=\"1\" placement=\"bottom\" eId=\"fn_1\"><p>见<ref href=\"a-res-53-24.akn.xml\">"));
  EXPECT_TRUE(has("合作 &amp; 协调<noteRef marker=\"1\" href=\"#fn_1\" eId=\"fn_1__ref_2\"/>"));
  EXPECT_EQ(x.find("eId=\"fn_1\"", x.find("eId=\"fn_1\"") + 1), std::string::npos);  // written once
  EXPECT_TRUE(has("<ref href=\"https://undocs.org/zh/A/RES/77/172\">"));
  EXPECT_EQ(x.find("<sup>"), std::string::npos);
}

TEST(Exports, ReportIsADocWithSections) {
  config::Config cfg;
  model::Archive arch = archive();
  auto& doc = arch.documents[0];
  doc.meta.kind = "report";
  doc.blocks.insert(doc.blocks.begin(), block(BlockKind::Heading, "", {Inline::make_text("导言")}));
  doc.blocks.front().level = 1;
  model::assign_ids(doc);
  write::Templates templates(std::filesystem::path(ACTA_SOURCE_DIR) / "templates");
  write::SiteContext site{cfg, arch, templates};
  std::string x = write::document_akn(site, 0);
  EXPECT_NE(x.find("<doc name=\"report\""), std::string::npos);
  EXPECT_EQ(x.find("<preamble>"), std::string::npos);
  EXPECT_NE(x.find("<heading>导言</heading>"), std::string::npos);
  EXPECT_LT(x.find("<heading>导言</heading>"), x.find("<paragraph eId=\"para_15\">"));
}

TEST(Exports, UnresolvedCitationHasNoSymbolOrLink) {
  config::Config cfg;
  model::Archive arch = archive();
  arch.documents[1].blocks[2].content.push_back(citation("", "", "", false));
  write::Templates templates(std::filesystem::path(ACTA_SOURCE_DIR) / "templates");
  write::SiteContext site{cfg, arch, templates};
  auto j = nlohmann::json::parse(write::document_json(site, 1));
  const auto& c = j["citations"][1];
  EXPECT_EQ(c["place"], "para_1");
  EXPECT_FALSE(c.contains("symbol"));
  EXPECT_FALSE(c.contains("href"));
  EXPECT_EQ(c["in_archive"], false);
  std::string x = write::document_akn(site, 1);
  EXPECT_EQ(x.find("<ref href=\"\""), std::string::npos);
}

TEST(Exports, LinksBetweenFilesAreRelative) {
  EXPECT_EQ(write::link_between("doc/a.json", "doc/b.html"), "b.html");
  EXPECT_EQ(write::link_between("doc/a.json", "doc/a.akn.xml"), "a.akn.xml");
  EXPECT_EQ(write::link_between("index.html", "doc/x.html"), "doc/x.html");
  EXPECT_EQ(write::link_between("doc/a.json", "topics/water.html"), "../topics/water.html");
  EXPECT_EQ(write::link_between("doc/a.json", "index.html"), "../index.html");
  EXPECT_EQ(write::link_between("a.json", "b.json"), "b.json");
}

// The page's "cited by" list (write/pages.cpp): each citing document once, in archive order, with each of
// its places in order, as the backlink pass lists them (document order, so a document's places are one
// run); the JSON export lists every place.
TEST(Exports, CitedByListsEachCitingDocumentOnceWithItsPlaces) {
  config::Config cfg;
  model::Archive arch = archive();
  model::Document third;
  third.meta.symbol = "A/RES/80/144";
  third.meta.title = "山区可持续发展";
  third.slug = "a-res-80-144";
  arch.documents.push_back(std::move(third));
  arch.reindex();
  arch.cited_by[0] = {{1, "preamble__p_1"}, {1, "para_1"}, {1, "fn_1"}, {2, "para_3"}, {2, "para_4__point_b"}};
  write::Templates templates(std::filesystem::path(ACTA_SOURCE_DIR) / "templates");
  write::SiteContext site{cfg, arch, templates};
  const write::Data data = write::document_data(site, 0);
  const auto* list = data.find("cited_by")->list_value();
  ASSERT_NE(list, nullptr);
  ASSERT_EQ(list->size(), 2u);
  auto text = [](const write::Data& d, const char* key) { return *d.find(key)->string_value(); };
  EXPECT_EQ(text((*list)[0], "href"), "../doc/a-res-62-196.html");
  EXPECT_EQ(text((*list)[1], "symbol"), "A/RES/80/144");
  std::vector<std::string> places;
  for (const auto& c : *list)
    for (const auto& p : *c.find("places")->list_value()) places.push_back(text(p, "href"));
  EXPECT_EQ(places, (std::vector<std::string>{"../doc/a-res-62-196.html#preamble__p_1", "../doc/a-res-62-196.html#para_1",
                                              "../doc/a-res-62-196.html#fn_1", "../doc/a-res-80-144.html#para_3",
                                              "../doc/a-res-80-144.html#para_4__point_b"}));
  EXPECT_FALSE(data.find("has_cited_by")->is_falsy());
  auto j = nlohmann::json::parse(write::document_json(site, 0));
  EXPECT_EQ(j["cited_by"].size(), 5u);
}
