// The citation pass on small archives built in memory: rewriting of inline content, footnotes that give
// the symbol, stray links, resolution by symbol and short form, backlinks, and the writers' views.
#include <gtest/gtest.h>

#include "analyze/citations/flatten.hpp"
#include "analyze/citations/link_pass.hpp"
#include "analyze/citations/outgoing.hpp"
#include "config/config.hpp"
#include "read/markdown.hpp"

using namespace acta;
using namespace acta::analyze::citations;

namespace {

model::Document doc(const std::string& symbol, const std::string& body_md, const std::string& body = "大会") {
  model::Document d;
  d.meta.symbol = symbol;
  d.meta.body = body;
  d.meta.title = symbol;
  d.source_path = symbol + ".md";
  d.slug = model::slug_for_symbol(symbol);
  read::parse_markdown_body(body_md, 1, d);
  model::assign_ids(d);
  model::assign_footnote_ids(d);
  return d;
}

model::Archive archive_of(std::vector<model::Document> docs) {
  model::Archive a;
  a.documents = std::move(docs);
  a.reindex();
  return a;
}

std::vector<OutgoingCitation> linked(model::Archive& a, std::size_t i, Diagnostics* notes = nullptr) {
  config::Config cfg;
  link_citations(a, cfg, notes);
  return outgoing_citations(a.documents[i]);
}

}  // namespace

TEST(CitationPass, TextBecomesCitationInlinesAroundTheNumber) {
  auto a = archive_of({doc("A/RES/80/144", "回顾其第 77/172 号决议，\n")});
  auto out = linked(a, 0);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].symbol, "A/RES/77/172");
  EXPECT_EQ(out[0].href, "https://undocs.org/zh/A/RES/77/172");
  EXPECT_FALSE(out[0].in_archive);
  EXPECT_EQ(out[0].text, "77/172");
  const auto& content = a.documents[0].blocks[0].content;
  ASSERT_EQ(content.size(), 3u);
  EXPECT_EQ(content[0].text, "回顾其第 ");
  EXPECT_EQ(content[1].kind, model::InlineKind::Citation);
  EXPECT_EQ(content[2].text, " 号决议，");
  EXPECT_EQ(model::plain_text(content), "回顾其第 77/172 号决议，");
}

TEST(CitationPass, PlaceholderLinkGivesWayAndEmphasisIsKept) {
  auto a = archive_of({doc("A/RES/80/144", "回顾其第 [77/172](#) 号决议和**大会第 70/1 号决议**。\n")});
  auto out = linked(a, 0);
  ASSERT_EQ(out.size(), 2u);
  const auto& content = a.documents[0].blocks[0].content;
  EXPECT_EQ(content[1].kind, model::InlineKind::Citation);  // no Link left around it
  EXPECT_EQ(model::plain_text(content[1].children), "77/172");
  bool strong_has_citation = false;
  for (const auto& in : content)
    if (in.kind == model::InlineKind::Strong)
      for (const auto& k : in.children) strong_has_citation |= k.kind == model::InlineKind::Citation;
  EXPECT_TRUE(strong_has_citation);
}

TEST(CitationPass, RealLinksAndCodeAreLeftAlone) {
  auto a = archive_of({doc("A/RES/80/144", "见 [A/RES/71/228](https://example.org/x) 和 `A/RES/71/229`。\n")});
  EXPECT_TRUE(linked(a, 0).empty());
}

TEST(CitationPass, FootnoteRightAfterTheCitationGivesTheSymbol) {
  auto a = archive_of({doc("A/RES/80/144",
                           "回顾第 5/11 号决议，[^16]以及第 1/CMA.5 号决定[^9] 第 181 段，\n\n"
                           "[^16]: UNEP/EA.5/Res.11。\n\n[^9]: 见 FCCC/PA/CMA/2023/16/Add.1。\n")});
  Diagnostics notes;
  auto out = linked(a, 0, &notes);
  ASSERT_EQ(out.size(), 4u);  // two in the text, one in each footnote
  EXPECT_EQ(out[0].symbol, "UNEP/EA.5/Res.11");  // not A/RES/5/11: the footnote wins
  EXPECT_EQ(out[1].symbol, "FCCC/PA/CMA/2023/16/Add.1");
  EXPECT_EQ(out[1].paragraph, "para_181");
  EXPECT_EQ(out[1].href, "https://undocs.org/zh/FCCC/PA/CMA/2023/16/Add.1");  // no fragment outside the archive
  EXPECT_EQ(out[2].place, "fn_16");
  EXPECT_TRUE(notes.empty()) << notes[0].str();
}

TEST(CitationPass, StrayLinkSettlesAndConfirmsCitationsOnItsPage) {
  auto d = doc("A/72/152", "1. 大会在其第 71/228 号决议中请秘书处报告。\n\n2. 根据第 15/4 号决议。\n\n3. 其他。\n", "");
  d.stray_links.push_back({"https://undocs.org/ch/A/RES/71/228", 7, 0, 2});
  d.stray_links.push_back({"https://undocs.org/ch/HSP/HA.15/Res.4", 8, 0, 2});  // settles an unresolvable default
  d.stray_links.push_back({"https://undocs.org/ch/A/RES/71/230", 9, 2, 3});     // nothing on its page cites it
  auto a = archive_of({std::move(d)});
  Diagnostics notes;
  auto out = linked(a, 0, &notes);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].symbol, "A/RES/71/228");
  EXPECT_EQ(out[1].symbol, "HSP/HA.15/Res.4");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].message.find("A/RES/71/230 matches no citation"), std::string::npos);
  EXPECT_EQ(notes[0].where.line, 9);
}

TEST(CitationPass, ResolvesBySymbolAndByShortFormAndFillsBacklinks) {
  auto a = archive_of({
      doc("A/RES/62/196", "1. 决定。\n\n2. 又决定。\n"),
      doc("A/RES/80/144", "回顾第 62/196 号决议第 2 段和第 62/196 号决议第 9 段。\n\n1. 见第 2/4 号决议。\n"),
      doc("HSP/HA.2/Res.4", "1. 见联大第 80/144 号决议。\n", "联合国人居大会"),
  });
  Diagnostics notes;
  auto out = linked(a, 1, &notes);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_TRUE(out[0].in_archive);
  EXPECT_EQ(out[0].href, "../doc/a-res-62-196.html#para_2");
  EXPECT_EQ(out[1].href, "../doc/a-res-62-196.html");  // paragraph 9 does not exist: the page, and a note
  // 2/4 is no General Assembly resolution, but exactly one archive document answers to it.
  EXPECT_EQ(out[2].symbol, "HSP/HA.2/Res.4");
  EXPECT_EQ(out[2].href, "../doc/hsp-ha.2-res.4.html");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].message.find("paragraph 9"), std::string::npos);

  ASSERT_EQ(a.cited_by[0].size(), 1u);  // one block of 80/144 cites 62/196 (twice)
  EXPECT_EQ(a.cited_by[0][0].doc, 1u);
  EXPECT_EQ(a.cited_by[0][0].block_id, "preamble__p_1");
  ASSERT_EQ(a.cited_by[1].size(), 1u);
  EXPECT_EQ(a.cited_by[1][0].doc, 2u);
  EXPECT_EQ(a.cited_by[1][0].block_id, "para_1");

  auto stats = citation_stats(a);
  ASSERT_EQ(stats.in_archive.size(), 3u);
  EXPECT_EQ(stats.outside.size(), 0u);
  EXPECT_EQ(stats.citations, 4u);
}

// The citations page's counts: each citing document once (however often it cites), in archive order; the
// most cited first, ties by symbol; a document citing itself is not counted as citing it.
TEST(CitationPass, StatsListEachCitingDocumentOnceMostCitedFirst) {
  auto a = archive_of({
      doc("A/RES/70/1", "回顾第 70/1 号决议和第 70/2 号决议。\n"),
      doc("A/RES/70/2", "回顾第 70/1 号决议、第 70/1 号决议第 1 段和第 60/9 号决议。\n"),
      doc("A/RES/70/3", "回顾第 70/2 号决议、第 70/1 号决议、第 60/9 号决议、第 60/9 号决议和第 50/5 号决议。\n"),
      doc("A/RES/70/4", "回顾第 50/5 号决议和第 60/9 号决议。\n"),
  });
  config::Config cfg;
  link_citations(a, cfg);
  auto stats = citation_stats(a);
  EXPECT_EQ(stats.citations, 12u);
  ASSERT_EQ(stats.in_archive.size(), 4u);
  EXPECT_EQ(stats.in_archive[0].symbol, "A/RES/70/1");  // cited by 70/2 (twice) and 70/3; its own citation not counted
  EXPECT_EQ(stats.in_archive[0].citing, (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(stats.in_archive[1].symbol, "A/RES/70/2");  // by 70/1 and 70/3
  EXPECT_EQ(stats.in_archive[1].citing, (std::vector<std::size_t>{0, 2}));
  EXPECT_EQ(stats.in_archive[2].symbol, "A/RES/70/3");  // by none: ties by symbol
  EXPECT_TRUE(stats.in_archive[2].citing.empty());
  EXPECT_EQ(stats.in_archive[3].symbol, "A/RES/70/4");
  ASSERT_EQ(stats.outside.size(), 2u);
  EXPECT_EQ(stats.outside[0].symbol, "A/RES/60/9");  // by three documents, 70/3 twice
  EXPECT_EQ(stats.outside[0].citing, (std::vector<std::size_t>{1, 2, 3}));
  EXPECT_FALSE(stats.outside[0].doc.has_value());
  EXPECT_EQ(stats.outside[1].symbol, "A/RES/50/5");
  EXPECT_EQ(stats.outside[1].citing, (std::vector<std::size_t>{2, 3}));
}

TEST(CitationPass, OwnBodyIsTheDefaultForItsCitations) {
  auto a = archive_of({doc("E/RES/2004/1", "回顾其第 2003/61 号决议和理事会第 2001/10 号决议。\n", "经济及社会理事会")});
  auto out = linked(a, 0);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].symbol, "E/RES/2003/61");
  EXPECT_EQ(out[1].symbol, "E/RES/2001/10");
}

TEST(CitationPass, RunningTwiceChangesNothing) {
  auto a = archive_of({doc("A/RES/80/144", "回顾其第 77/172 号决议和 A/80/255。\n")});
  linked(a, 0);
  auto once = outgoing_citations(a.documents[0]);
  config::Config cfg;
  link_citations(a, cfg);
  auto twice = outgoing_citations(a.documents[0]);
  ASSERT_EQ(once.size(), twice.size());
  EXPECT_EQ(once.size(), 2u);
}
