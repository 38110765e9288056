// The closing summary's figures: citations counted wherever they sit, and the size of a folder.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "site/summary.hpp"
#include "../common/temp_dir.hpp"

using namespace acta;
using model::Inline;
using model::InlineKind;

namespace {
Inline cite(bool in_archive) {
  Inline c;
  c.kind = InlineKind::Citation;
  c.set_citation({"A/RES/1/1", "", "", in_archive});
  c.children.push_back(Inline::make_text("x"));
  return c;
}
}  // namespace

TEST(Summary, CountsCitationsInBlocksCellsFootnotesAndNestedInlines) {
  model::Archive a;
  model::Document d;
  model::Block b;
  Inline em;
  em.kind = InlineKind::Emphasis;
  em.children.push_back(cite(true));
  b.content = {Inline::make_text("a"), cite(true), cite(false), em};
  d.blocks.push_back(b);
  model::Block table;
  table.kind = model::BlockKind::Table;
  table.rows = {{{cite(false)}, {Inline::make_text("y")}}};
  d.blocks.push_back(table);
  model::Footnote f;
  f.paragraphs.push_back({cite(false)});
  d.footnotes.push_back(f);
  d.citations = model::find_citations(d);  // what the citation pass leaves: the text's citations, nested ones too
  a.documents.push_back(d);
  a.documents.push_back(d);
  auto c = site::count_citations(a);
  EXPECT_EQ(c.resolved, 4u);
  EXPECT_EQ(c.unresolved, 6u);
  EXPECT_EQ(site::count_citations(model::Archive{}).resolved, 0u);
}

TEST(Summary, FolderSize) {
  namespace fs = std::filesystem;
  acta_test::TempDir d("acta-unit-size", /*create=*/false);  // missing at first; removed at the end, pass or fail
  EXPECT_EQ(site::folder_size(d).files, 0u);
  fs::create_directories(d / "shards");
  std::ofstream(d / "index.json") << "12345";
  std::ofstream(d / "shards" / "a.json") << "123";
  auto s = site::folder_size(d);
  EXPECT_EQ(s.bytes, 8u);
  EXPECT_EQ(s.files, 2u);
}
