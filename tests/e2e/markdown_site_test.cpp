// Builds a small Markdown archive with the real binary and checks the contract's paths, ids and footnote
// links in the HTML it wrote.
#include <gtest/gtest.h>

#include <regex>

#include "e2e_support.hpp"

namespace fs = std::filesystem;

namespace {
const char* kConfig = "title: 测试档案\nlanguage: zh-Hans\noutput: public\n";

const char* kResolution = R"X(---
symbol: A/RES/62/196
title: 山区可持续发展
body: 大会
date: 2007-12-19
session: 第六十二届会议
---

大会，

回顾其 1998 年 11 月 10 日第 53/24 号决议[^1]，

又回顾其决议，

1. 注意到秘书长的报告[^2]；

2. 鼓励各国政府：

(a) 制订战略；

(b) 加强合作[^1]；

3. 决定继续审议。

[^1]: 第 53/24 号决议。
[^2]: A/62/292。
)X";

const char* kReport = R"X(---
symbol: A/72/152
title: 联合国各项环境公约的执行情况
date: 2017-07-21
---

秘书长谨转递报告。

1. 大会在其决议中请秘书处报告。

2. 会议通过了决定。
)X";
}  // namespace

TEST(MarkdownSite, BuildsContractPagesIdsAndFootnotes) {
  auto site = e2e::make_site("md", kConfig);
  e2e::write(site / "content" / "res.md", kResolution);
  e2e::write(site / "content" / "report.md", kReport);
  auto run = e2e::acta(site, "build");
  ASSERT_EQ(run.status, 0) << run.out;
  EXPECT_NE(run.out.find("built 2 documents"), std::string::npos) << run.out;

  std::string index = e2e::read(site / "public" / "index.html");
  EXPECT_NE(index.find("<html lang=\"zh-Hans\">"), std::string::npos);
  // Newest first, relative links only.
  auto report_pos = index.find("href=\"doc/a-72-152.html\"");
  auto res_pos = index.find("href=\"doc/a-res-62-196.html\"");
  ASSERT_NE(report_pos, std::string::npos) << index;
  ASSERT_NE(res_pos, std::string::npos) << index;
  EXPECT_LT(report_pos, res_pos);
  EXPECT_EQ(index.find("href=\"/"), std::string::npos);

  std::string page = e2e::read(site / "public" / "doc" / "a-res-62-196.html");
  EXPECT_NE(page.find("<html lang=\"zh-Hans\">"), std::string::npos);
  for (const char* id : {"preamble__p_1", "preamble__p_2", "para_1", "para_2", "para_2__point_a", "para_2__point_b", "para_3"})
    EXPECT_EQ(e2e::count(page, std::string("id=\"") + id + "\""), 1u) << id;
  EXPECT_EQ(page.find("id=\"para_4\""), std::string::npos);
  // Every footnote reference is an <a data-footnote-ref href="#ID"> and the element with that id holds the
  // footnote's text and links back.
  std::regex ref(R"X(<a [^>]*href="#(fn_[^"]+)"[^>]*data-footnote-ref)X");
  int refs = 0;
  for (std::sregex_iterator it(page.begin(), page.end(), ref), end; it != end; ++it, ++refs) {
    std::string id = (*it)[1];
    auto def = page.find("id=\"" + id + "\"");
    ASSERT_NE(def, std::string::npos) << id;
    auto li_end = page.find("</div>", def);
    std::string note = page.substr(def, li_end - def);
    EXPECT_NE(note.find("role=\"doc-backlink\""), std::string::npos) << note;
  }
  EXPECT_EQ(refs, 3);
  // The footnote's citation is a link now (the citation pass), its text kept around it.
  EXPECT_NE(page.find("第 <a class=\"cite cite-external\" href=\"https://undocs.org/zh/A/RES/53/24\""), std::string::npos);
  EXPECT_NE(page.find(">53/24</a> 号决议。</span>"), std::string::npos);
  EXPECT_NE(page.find("href=\"#fnref_1_2\""), std::string::npos);  // second reference to note 1
  EXPECT_NE(page.find("href=\"../assets/style.css\""), std::string::npos);
  EXPECT_NE(page.find("2007年12月19日"), std::string::npos);
}

TEST(MarkdownSite, FailedBuildKeepsPreviousSite) {
  auto site = e2e::make_site("fail", kConfig);
  e2e::write(site / "content" / "res.md", kResolution);
  ASSERT_EQ(e2e::acta(site, "build").status, 0);
  std::string before = e2e::read(site / "public" / "doc" / "a-res-62-196.html");

  e2e::write(site / "content" / "broken.md", "---\ntitle: [unclosed\n---\n正文\n");
  auto run = e2e::acta(site, "build");
  EXPECT_NE(run.status, 0);
  EXPECT_TRUE(std::regex_search(run.out, std::regex("content/broken.md:[23]: error: malformed YAML"))) << run.out;
  EXPECT_EQ(e2e::read(site / "public" / "doc" / "a-res-62-196.html"), before);
  EXPECT_FALSE(fs::exists(site / "public" / "doc" / "broken.html"));
  int entries = 0;
  for (auto& e : fs::directory_iterator(site)) entries += e.path().filename().string().rfind(".public", 0) == 0;
  EXPECT_EQ(entries, 0);  // no staging folder left behind
}

TEST(MarkdownSite, CommandLine) {
  auto site = e2e::make_site("cli", kConfig);
  auto v = e2e::acta(site, "--version");
  EXPECT_EQ(v.status, 0);
  EXPECT_NE(v.out.find("acta "), std::string::npos);
  auto h = e2e::acta(site, "--help");
  EXPECT_EQ(h.status, 0);
  EXPECT_NE(h.out.find("build"), std::string::npos);
  e2e::write(site / "content" / "res.md", kResolution);
  auto out = e2e::acta(site, "build --out elsewhere");
  EXPECT_EQ(out.status, 0) << out.out;
  EXPECT_TRUE(fs::exists(site / "elsewhere" / "index.html"));
  auto missing = e2e::acta(site, "build --config nope.yaml");
  EXPECT_NE(missing.status, 0);
  EXPECT_NE(missing.out.find("nope.yaml"), std::string::npos) << missing.out;
}
