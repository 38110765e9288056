// The five real seed documents (content/, raw PDF text and sidecars): every citation a careful reader
// would mark is a link, and nothing else is; 80/144 links to 62/196 and 62/196 shows 80/144 as citing
// it; `acta check` reports only what cannot be resolved.
#include <gtest/gtest.h>

#include <regex>
#include <vector>

#include "e2e_support.hpp"

namespace fs = std::filesystem;

namespace {

// The citations of each seed in reading order (text, then footnotes), as a careful reader marks them:
// the symbol each must link to, "@" for a link to the archive page.
const char* kMountains2025 =
    "A/80/555 A/RES/53/24 A/RES/55/189 A/RES/57/245 A/RES/58/216 A/RES/59/238 A/RES/60/198 @A/RES/62/196 A/RES/64/205 "
    "A/RES/66/205 A/RES/68/217 A/RES/71/234 A/RES/74/227 A/RES/77/172 A/RES/70/1 A/RES/79/323 A/RES/79/1 "
    "FCCC/PA/CMA/2023/16/Add.1 A/RES/77/172 A/RES/78/278 A/RES/79/143 A/RES/77/158 A/RES/77/326 A/RES/78/321 "
    "A/RES/76/253 UNEP/EA.5/Res.11 A/RES/57/245 A/RES/77/172 UNEP/EA.5/Res.5 "
    // footnotes 1-20
    "A/RES/69/313 A/RES/66/288 FCCC/CP/2015/10/Add.1 1/CP.21 FCCC/PA/CMA/2023/16/Add.1 A/RES/73/284 CBD/COP/15/17 "
    "CBD/COP/DEC/15/4 CBD/COP/15/17 CBD/COP/DEC/15/4 A/RES/71/285 A/RES/69/283 UNEP/EA.5/Res.11 A/80/255 A/RES/70/1 "
    "A/RES/69/283 UNEP/EA.5/Res.5";
const char* kMountains2007 =
    "A/RES/53/24 A/RES/55/189 A/RES/57/245 A/RES/58/216 A/RES/60/198 E/RES/2003/61 A/C.2/57/7 A/62/292 "
    "UNEP/CBD/COP/7/21 UNEP/CBD/COP/DEC/VII/27";
const char* kConventions =
    "A/RES/71/228 1/CP.22 2/CP.22 3/CP.22 4/CP.22 5/CP.22 6/CP.22 7/CP.22 8/CP.22 9/CP.22 10/CP.22 11/CP.22 12/CP.22 "
    "13/CP.22 14/CP.22 15/CP.22 16/CP.22 17/CP.22 18/CP.22 19/CP.22 20/CP.22 21/CP.22 22/CP.22 23/CP.22 24/CP.22 "
    "25/CP.22 1/CMP.12 2/CMP.12 3/CMP.12 4/CMP.12 5/CMP.12 6/CMP.12 7/CMP.12 8/CMP.12 1/CMA.1 2/CMA.1 A/RES/71/229 "
    "A/RES/71/229 34/COP.12 3/COP.12 22/COP.11 23/COP.11 A/RES/71/229 A/RES/71/230";
const char* kCentralAsia =
    "A/RES/70/1 A/RES/69/313 A/RES/72/283 A/RES/74/214 A/RES/77/10 A/RES/77/273 A/RES/78/9 A/RES/78/147 A/RES/78/284 "
    "A/RES/79/5 A/RES/72/279 A/RES/79/226 A/RES/79/233";
// 第 23/17 号决议 of the UN-Habitat Governing Council ("理事会") has no symbol: a citation, but no link.
const char* kHabitat = "UNEP/EA.5/Res.5 A/RES/77/167 UNEP/EA.5/Res.5 A/RES/76/300 A/RES/70/1 A/RES/71/256 A/76/639";

std::string cited(const std::string& page) {
  static const std::regex cite(R"X(<a class="cite (cite-archive|cite-external)" href="([^"]*)" data-cite="([^"]*)")X");
  std::string out;
  for (std::sregex_iterator it(page.begin(), page.end(), cite), end; it != end; ++it) {
    if (!out.empty()) out += ' ';
    out += ((*it)[1] == "cite-archive" ? "@" : "") + (*it)[3].str();
  }
  return out;
}

std::string page_with(const fs::path& docs, const std::string& phrase) {
  for (const auto& e : fs::directory_iterator(docs)) {
    if (e.path().extension() != ".html") continue;  // doc/ also holds the JSON and XML exports
    std::string page = e2e::read(e.path());
    if (page.find(phrase) != std::string::npos) return page;
  }
  ADD_FAILURE() << "no page holds " << phrase;
  return "";
}

}  // namespace

TEST(SeedCitations, EveryCitationIsALinkAndNothingElse) {
  auto site = e2e::make_site("seed-cites", "title: 种子\nlanguage: zh-Hans\noutput: public\n");
  fs::remove_all(site / "content");
  fs::copy(fs::path(ACTA_SOURCE_DIR) / "content", site / "content", fs::copy_options::recursive);
  auto run = e2e::acta(site, "build");
  ASSERT_EQ(run.status, 0) << run.out;
  fs::path docs = site / "public" / "doc";
  std::string m2025 = e2e::read(docs / "a-res-80-144.html");
  std::string m2007 = e2e::read(docs / "a-res-62-196.html");
  EXPECT_EQ(cited(m2025), kMountains2025);
  EXPECT_EQ(cited(m2007), kMountains2007);
  EXPECT_EQ(cited(e2e::read(docs / "a-72-152.html")), kConventions);
  EXPECT_EQ(cited(page_with(docs, "联合国促进中亚和阿富汗可持续发展目标区域中心")), kCentralAsia);
  std::string habitat = page_with(docs, "生物多样性和韧性城市");
  EXPECT_EQ(cited(habitat), kHabitat);
  EXPECT_NE(habitat.find("第 23/17 号决议"), std::string::npos);

  // 80/144 links to 62/196 at its place in the list of earlier resolutions (the first preambular paragraph)…
  auto first = m2025.find("id=\"preamble__p_1\"");
  auto link = m2025.find("href=\"../doc/a-res-62-196.html\" data-cite=\"A/RES/62/196\">62/196</a>");
  ASSERT_NE(link, std::string::npos);
  EXPECT_LT(first, link);
  EXPECT_LT(link, m2025.find("id=\"preamble__p_2\""));
  // … and the 62/196 page shows 80/144 as citing it, linking to that paragraph.
  auto cited_by = m2007.substr(m2007.find("class=\"cited-by\""));
  EXPECT_NE(cited_by.find("href=\"../doc/a-res-80-144.html\">A/RES/80/144"), std::string::npos) << cited_by;
  EXPECT_NE(cited_by.find("href=\"../doc/a-res-80-144.html#preamble__p_1\""), std::string::npos) << cited_by;

  std::string citations = e2e::read(site / "public" / "citations.html");
  EXPECT_NE(citations.find("data-cite=\"A/RES/70/1\">A/RES/70/1</a></td><td class=\"count\">3</td>"), std::string::npos)
      << citations;
}

TEST(SeedCitations, CheckReportsOnlyWhatCannotBeResolved) {
  auto site = e2e::make_site("seed-check", "output: public\n");
  fs::remove_all(site / "content");
  fs::copy(fs::path(ACTA_SOURCE_DIR) / "content", site / "content", fs::copy_options::recursive);
  auto run = e2e::acta(site, "check");
  EXPECT_EQ(run.status, 0) << run.out;
  // The one citation without a symbol, and one list number the source prints without 号.
  EXPECT_EQ(e2e::count(run.out, "could not resolve"), 1u) << run.out;
  EXPECT_NE(run.out.find("could not resolve the citation 23/17"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("citation 58/216: unusual"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("matches no citation"), std::string::npos) << run.out;  // every stray link confirmed
  EXPECT_NE(run.out.find("acta check: 5 documents, 121 citations (1 to archive documents, 119 outside, 1 unresolved)"),
            std::string::npos)
      << run.out;
}
