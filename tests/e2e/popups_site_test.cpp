// The real binary on a small archive: annotations from a sidecar land at their paragraph, a sidecar whose
// anchor does not exist stops the build naming the sidecar and line (and leaves the previous site alone),
// and every document gets its preview data (its slug in a bucket of search/p/) and the popup scripts, loaded as files.
#include <gtest/gtest.h>

#include <regex>

#include "e2e_support.hpp"
#include "write/search_files.hpp"

namespace fs = std::filesystem;

namespace {
const char* kConfig = "title: 测试档案\nlanguage: zh-Hans\noutput: public\n";

const char* kCited = R"X(---
symbol: A/RES/62/196
title: 山区可持续发展
date: 2007-12-19
---

大会，

1. 注意到秘书长的报告；

2. 鼓励各国政府制订战略[^1]；

[^1]: 见第 53/24 号决议。
)X";

const char* kCiting = R"X(---
symbol: A/RES/80/1
title: 后续行动
date: 2025-12-15
---

大会，

1. 重申[第 62/196 号决议第 2 段](../doc/a-res-62-196.html#para_2)；
)X";

const char* kSidecar = "annotations:\n  - anchor: para_2\n    note: 本段首次提出**战略**。\n    author: 编辑部\n    date: 2026-01-10\n";
}  // namespace

TEST(PopupsSite, AnnotationsPreviewDataAndScripts) {
  auto site = e2e::make_site("popups", kConfig);
  e2e::write(site / "content" / "cited.md", kCited);
  e2e::write(site / "content" / "cited.yaml", kSidecar);
  e2e::write(site / "content" / "citing.md", kCiting);
  auto run = e2e::acta(site, "build");
  ASSERT_EQ(run.status, 0) << run.out;

  std::string page = e2e::read(site / "public" / "doc" / "a-res-62-196.html");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page, m, std::regex("<p id=\"para_2\"[^]*?</p>\\s*<aside class=\"annotations\"[^]*?</aside>")))
      << page;
  EXPECT_NE(m.str().find("<strong>战略</strong>"), std::string::npos) << m.str();
  EXPECT_NE(m.str().find("编辑部"), std::string::npos);
  EXPECT_NE(m.str().find("2026年1月10日"), std::string::npos);

  // Scripts as files with relative paths; no inline script anywhere.
  for (const char* js : {"popup.js", "footnotes.js", "search-files.js", "previews.js"}) {
    EXPECT_NE(page.find(std::string("<script src=\"../assets/") + js + "\" defer></script>"), std::string::npos) << js;
    EXPECT_TRUE(fs::exists(site / "public" / "assets" / js)) << js;
  }
  EXPECT_EQ(e2e::count(page, "<script"), e2e::count(page, "<script src=\"../assets/"));
  EXPECT_FALSE(std::regex_search(page, std::regex(" on[a-z]+=\"")));

  // Preview data: each document's slug in its bucket of search/p/, pointing at its search text; no file
  // of its own.
  EXPECT_FALSE(fs::exists(site / "public" / "previews"));
  auto bucket_of = [&](const std::string& slug) {
    return site / "public" / "search" / "p" / (std::to_string(acta::write::slug_bucket(slug)) + ".js");
  };
  std::regex entry("\"a-res-62-196\":([0-9]+)[,}]");
  std::string bucket = e2e::read(bucket_of("a-res-62-196"));
  ASSERT_TRUE(std::regex_search(bucket, m, entry)) << bucket;
  EXPECT_EQ(bucket.rfind("ActaSearch.register(\"p/" + std::to_string(acta::write::slug_bucket("a-res-62-196")) + "\",{", 0), 0u) << bucket;
  EXPECT_TRUE(fs::exists(site / "public" / "search" / "t" / (m.str(1) + ".js")));
  EXPECT_NE(e2e::read(bucket_of("a-res-80-1")).find("\"a-res-80-1\":"), std::string::npos);

  // Output is the same on a second run.
  std::string before = bucket;
  ASSERT_EQ(e2e::acta(site, "build").status, 0);
  EXPECT_EQ(e2e::read(bucket_of("a-res-62-196")), before);
}

TEST(PopupsSite, AnnotationOnAMissingAnchorNamesSidecarAndLine) {
  auto site = e2e::make_site("popups-missing", kConfig);
  e2e::write(site / "content" / "cited.md", kCited);
  ASSERT_EQ(e2e::acta(site, "build").status, 0);
  ASSERT_TRUE(fs::exists(site / "public" / "doc" / "a-res-62-196.html"));

  e2e::write(site / "content" / "cited.yaml",
             "title: 山区可持续发展\nannotations:\n  - anchor: para_2\n    note: 有效。\n  - anchor: para_9\n    note: 此段不存在。\n");
  auto run = e2e::acta(site, "build");
  EXPECT_NE(run.status, 0) << run.out;
  EXPECT_NE(run.out.find("cited.yaml:5:"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("para_9"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("does not exist"), std::string::npos) << run.out;
  // The previous site is left as it was.
  EXPECT_TRUE(fs::exists(site / "public" / "doc" / "a-res-62-196.html"));
  EXPECT_EQ(e2e::read(site / "public" / "doc" / "a-res-62-196.html").find("class=\"annotations\""), std::string::npos);
}
