// Two Markdown documents that cite each other (with paragraph references) and documents outside the
// archive: the links on both pages, the cited-by sections, citations.html and `acta check`.
#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace fs = std::filesystem;

namespace {

const char* kConfig = "title: 引用测试\nlanguage: zh-Hans\noutput: public\n";

const char* kOld = R"X(---
symbol: A/RES/62/196
title: 山区可持续发展
body: 大会
date: 2007-12-19
---

大会，

回顾其 1998 年 11 月 10 日第 53/24 号决议，

1. 注意到秘书长的报告[^1]；

2. 鼓励各国政府；

3. 又鼓励各国；

4. 请秘书长报告；

5. 决定在第六十四届会议继续审议，并期待第 80/144 号决议第 2 段所述行动。

[^1]: A/62/292。
)X";

const char* kNew = R"X(---
symbol: A/RES/80/144
title: 山区可持续发展
body: 大会
date: 2025-12-15
---

大会，

回顾其 1998 年 11 月 10 日第 53/24 号和 2007 年 12 月 19 日第 [62/196](#) 号决议，

鼓励会员国根据联合国环境大会 2022 年 3 月 2 日第 5/11 号决议，[^16]推进创新途径，

1. 表示注意到秘书长的报告(A/80/255)；

2. 鼓励会员国采取长远眼光，特别是第 62/196 号决议第 5 段所述的行动；

3. 宣告 2025-2034 年为冰冻圈科学行动十年，见第 181 段和具体目标 15.3；

4. 回顾理事会关于土地的第 23/17 号决议。

[^16]: UNEP/EA.5/Res.11。
)X";

struct Site {
  explicit Site(e2e::TempDir d) : dir(std::move(d)) {}
  e2e::TempDir dir;  // removed with the Site
  std::string old_page, new_page, citations, index;
};

Site build_site(const std::string& name) {
  Site s(e2e::make_site(name, kConfig));
  e2e::write(s.dir / "content" / "old.md", kOld);
  e2e::write(s.dir / "content" / "new.md", kNew);
  auto run = e2e::acta(s.dir, "build");
  EXPECT_EQ(run.status, 0) << run.out;
  s.old_page = e2e::read(s.dir / "public" / "doc" / "a-res-62-196.html");
  s.new_page = e2e::read(s.dir / "public" / "doc" / "a-res-80-144.html");
  s.citations = e2e::read(s.dir / "public" / "citations.html");
  s.index = e2e::read(s.dir / "public" / "index.html");
  return s;
}

}  // namespace

TEST(CitationSite, ArchiveCitationsLinkToThePageAndParagraph) {
  Site s = build_site("cite-links");
  // The enumeration's placeholder link and the paragraph reference both go to the archive page.
  EXPECT_NE(s.new_page.find("<a class=\"cite cite-archive\" href=\"../doc/a-res-62-196.html\" data-cite=\"A/RES/62/196\">62/196</a>"),
            std::string::npos)
      << s.new_page;
  EXPECT_NE(s.new_page.find("href=\"../doc/a-res-62-196.html#para_5\" data-cite=\"A/RES/62/196\">62/196</a>"), std::string::npos);
  EXPECT_NE(s.old_page.find("href=\"../doc/a-res-80-144.html#para_2\" data-cite=\"A/RES/80/144\">80/144</a>"), std::string::npos);
  // The placeholder link is gone, not nested.
  EXPECT_EQ(s.new_page.find("href=\"#\""), std::string::npos);
}

TEST(CitationSite, ExternalCitationsCarryTheFullSymbol) {
  Site s = build_site("cite-external");
  EXPECT_NE(s.new_page.find("href=\"https://undocs.org/zh/A/RES/53/24\" data-cite=\"A/RES/53/24\" rel=\"external noopener noreferrer\">53/24</a>"),
            std::string::npos);
  EXPECT_NE(s.new_page.find(">A/80/255</a>"), std::string::npos);
  // UNEA by context; the footnote right after gives the same symbol, and is itself a link.
  EXPECT_EQ(e2e::count(s.new_page, "href=\"https://undocs.org/zh/UNEP/EA.5/Res.11\""), 2u);
  EXPECT_NE(s.old_page.find("href=\"https://undocs.org/zh/A/62/292\""), std::string::npos);
  // Not citations: a range of years, a paragraph of this text, a target number; unresolvable: no link.
  EXPECT_NE(s.new_page.find("宣告 2025-2034 年为冰冻圈科学行动十年，见第 181 段和具体目标 15.3；"), std::string::npos);
  EXPECT_NE(s.new_page.find("回顾理事会关于土地的第 23/17 号决议。"), std::string::npos);
  // Every link on the page that is a citation is one of these (nothing else became a link).
  EXPECT_EQ(e2e::count(s.new_page, "class=\"cite "), 6u) << s.new_page;
}

TEST(CitationSite, CitedBySectionLinksToTheCitingParagraphs) {
  Site s = build_site("cite-backlinks");
  auto section = s.old_page.substr(s.old_page.find("class=\"cited-by\""));
  EXPECT_NE(section.find("href=\"../doc/a-res-80-144.html\">A/RES/80/144 山区可持续发展</a>"), std::string::npos) << section;
  EXPECT_NE(section.find("href=\"../doc/a-res-80-144.html#preamble__p_1\">序言第 1 段</a>"), std::string::npos) << section;
  EXPECT_NE(section.find("href=\"../doc/a-res-80-144.html#para_2\">第 2 段</a>"), std::string::npos) << section;
  auto other = s.new_page.substr(s.new_page.find("class=\"cited-by\""));
  EXPECT_NE(other.find("href=\"../doc/a-res-62-196.html#para_5\">第 5 段</a>"), std::string::npos) << other;
}

TEST(CitationSite, CitationsPageCountsCitingDocuments) {
  Site s = build_site("cite-page");
  EXPECT_NE(s.index.find("href=\"citations.html\""), std::string::npos);
  EXPECT_NE(s.old_page.find("href=\"../citations.html\""), std::string::npos);
  // In the archive: both documents, each cited by the other.
  EXPECT_NE(s.citations.find("<a href=\"doc/a-res-62-196.html\">A/RES/62/196</a></td><td>山区可持续发展</td><td class=\"count\">1</td>"),
            std::string::npos)
      << s.citations;
  // Outside: 53/24 is cited by both documents and comes first; the others by one.
  auto first = s.citations.find("data-cite=\"A/RES/53/24\">A/RES/53/24</a></td><td class=\"count\">2</td>");
  auto later = s.citations.find("data-cite=\"UNEP/EA.5/Res.11\">UNEP/EA.5/Res.11</a></td><td class=\"count\">1</td>");
  ASSERT_NE(first, std::string::npos) << s.citations;
  ASSERT_NE(later, std::string::npos) << s.citations;
  EXPECT_LT(first, later);
  EXPECT_NE(s.citations.find("href=\"https://undocs.org/zh/A/80/255\""), std::string::npos);
  EXPECT_NE(s.citations.find("共引用其他文件 9 次"), std::string::npos);  // 6 + 3; the unresolved 23/17 is no link
}

TEST(CitationSite, CheckReportsUnresolvedCitationsWithFileAndLine) {
  auto dir = e2e::make_site("cite-check", kConfig);
  e2e::write(dir / "content" / "old.md", kOld);
  e2e::write(dir / "content" / "new.md", kNew);
  auto run = e2e::acta(dir, "check");
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_NE(run.out.find("content/new.md:20: warning: could not resolve the citation 23/17 to a symbol"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("acta check: 2 documents"), std::string::npos) << run.out;
  EXPECT_EQ(e2e::count(run.out, "warning:"), 1u) << run.out;
  EXPECT_EQ(e2e::acta(dir, "check --strict").status, 2);
  EXPECT_FALSE(fs::exists(dir / "public"));  // check writes nothing

  // Errors: a duplicate symbol and broken front matter stop with status 1, naming the file.
  e2e::write(dir / "content" / "copy.md", kOld);
  run = e2e::acta(dir, "check");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("symbol A/RES/62/196 is also the symbol of"), std::string::npos) << run.out;
  e2e::write(dir / "content" / "copy.md", "---\nsymbol: [unclosed\n---\n\n正文。\n");
  run = e2e::acta(dir, "check");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("copy.md"), std::string::npos) << run.out;
}

TEST(CitationSite, CitationsPageNamesTwentyCitingDocumentsAndCountsTheRest) {
  auto site = e2e::make_site("cite-many", "title: 测试\n");
  e2e::write(site / "content" / "cited.md", "---\nsymbol: A/RES/62/196\ntitle: 山区\n---\n\n1. 鼓励各国。\n");
  for (int i = 1; i <= 25; ++i)
    e2e::write(site / "content" / ("c" + std::to_string(i) + ".md"),
               "---\nsymbol: A/RES/70/" + std::to_string(i) + "\ntitle: 文件\n---\n\n大会，\n\n回顾其第 62/196 号和第 60/5 号决议，\n");
  auto run = e2e::acta(site, "build");
  ASSERT_EQ(run.status, 0) << run.out;
  std::string page = e2e::read(site / "public" / "citations.html");
  auto row = [&](const std::string& start) {
    auto b = page.find(start);
    return b == std::string::npos ? std::string() : page.substr(b, page.find("</tr>", b) - b);
  };
  std::string inside = row("<a href=\"doc/a-res-62-196.html\">A/RES/62/196</a>");
  EXPECT_EQ(e2e::count(inside, "title=\"文件\""), 20u) << inside;
  EXPECT_NE(inside.find("<a class=\"citing-all\" href=\"doc/a-res-62-196.html#cited-by-title\">等，共 25 份</a>"), std::string::npos) << inside;
  std::string outside = row("data-cite=\"A/RES/60/5\"");
  EXPECT_EQ(e2e::count(outside, "title=\"文件\""), 20u) << outside;
  EXPECT_NE(outside.find("等，共 25 份"), std::string::npos) << outside;
  // The cited document's own page still links every citing document.
  std::string cited = e2e::read(site / "public" / "doc" / "a-res-62-196.html");
  for (int i = 1; i <= 25; ++i) EXPECT_NE(cited.find("a-res-70-" + std::to_string(i) + ".html"), std::string::npos) << i;
}
