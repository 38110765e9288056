// The public-website files: sitemap, feed, robots.txt, 404.html, canonical and Open Graph tags come from
// base_url, and without base_url whatever needs an absolute URL is left out.
#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace fs = std::filesystem;

namespace {
const char* kDoc = "---\nsymbol: A/RES/70/1\ntitle: 变革我们的世界\nbody: 大会\ndate: 2015-09-25\n---\n\n大会，\n\n1. 通过本议程。\n";
const char* kOlder = "---\nsymbol: A/RES/53/24\ntitle: 国际山岳年\ndate: 1998-11-10\n---\n\n1. 宣布 2002 年为国际山岳年。\n";
const char* kUndated = "---\ntitle: 说明 <草稿>\n---\n\n正文。\n";
}  // namespace

TEST(PublicFiles, WithBaseUrl) {
  auto site = e2e::make_site("public", "title: 档案 & 注释\nbase_url: https://example.org/un\noutput: public\n");
  e2e::write(site / "content" / "a.md", kDoc);
  e2e::write(site / "content" / "b.md", kOlder);
  e2e::write(site / "content" / "c.md", kUndated);
  auto run = e2e::acta(site, "build");
  ASSERT_EQ(run.status, 0) << run.out;
  fs::path pub = site / "public";

  std::string sitemap = e2e::read(pub / "sitemap.xml");
  EXPECT_NE(sitemap.find("<loc>https://example.org/un/doc/a-res-70-1.html</loc>"), std::string::npos) << sitemap;
  EXPECT_NE(sitemap.find("<loc>https://example.org/un/index.html</loc>"), std::string::npos);
  EXPECT_EQ(sitemap.find("404.html"), std::string::npos);
  std::size_t pages = 0;  // every page but 404.html is in the sitemap
  for (const auto& e : fs::recursive_directory_iterator(pub))
    if (e.path().extension() == ".html" && e.path().filename() != "404.html") ++pages;
  EXPECT_EQ(e2e::count(sitemap, "<loc>"), pages);

  std::string feed = e2e::read(pub / "feed.xml");
  EXPECT_NE(feed.find("<title>档案 &amp; 注释</title>"), std::string::npos) << feed;
  EXPECT_NE(feed.find("<updated>2015-09-25T00:00:00Z</updated>"), std::string::npos);
  EXPECT_LT(feed.find("A/RES/70/1"), feed.find("A/RES/53/24"));  // newest first
  EXPECT_EQ(feed.find("草稿"), std::string::npos);                 // undated documents are not in the feed
  EXPECT_EQ(e2e::count(feed, "<entry>"), 2u);

  EXPECT_NE(e2e::read(pub / "robots.txt").find("Sitemap: https://example.org/un/sitemap.xml"), std::string::npos);
  std::string page = e2e::read(pub / "doc" / "a-res-70-1.html");
  EXPECT_NE(page.find("<link rel=\"canonical\" href=\"https://example.org/un/doc/a-res-70-1.html\">"), std::string::npos);
  EXPECT_NE(page.find("<meta property=\"og:type\" content=\"article\">"), std::string::npos);
  EXPECT_NE(page.find("href=\"../feed.xml\""), std::string::npos);
  // Links between pages stay relative.
  EXPECT_EQ(page.find("href=\"https://example.org/un/index.html\""), std::string::npos);
  std::string missing = e2e::read(pub / "404.html");
  EXPECT_NE(missing.find("href=\"index.html\""), std::string::npos);
  EXPECT_NE(missing.find("noindex"), std::string::npos);
}

TEST(PublicFiles, WithoutBaseUrl) {
  auto site = e2e::make_site("public-nobase", "title: 档案\noutput: public\n");
  e2e::write(site / "content" / "a.md", kDoc);
  auto run = e2e::acta(site, "build");
  ASSERT_EQ(run.status, 0) << run.out;
  fs::path pub = site / "public";
  EXPECT_FALSE(fs::exists(pub / "sitemap.xml"));
  EXPECT_FALSE(fs::exists(pub / "feed.xml"));
  EXPECT_TRUE(fs::exists(pub / "404.html"));
  std::string robots = e2e::read(pub / "robots.txt");
  EXPECT_EQ(robots.find("Sitemap"), std::string::npos);
  std::string page = e2e::read(pub / "doc" / "a-res-70-1.html");
  EXPECT_EQ(page.find("canonical"), std::string::npos);
  EXPECT_EQ(page.find("og:url"), std::string::npos);
  EXPECT_EQ(page.find("feed.xml"), std::string::npos);
  EXPECT_NE(page.find("og:title"), std::string::npos);
}

TEST(BuildReport, ProgressAndSummaryUnlessQuiet) {
  auto site = e2e::make_site("summary", "title: 档案\noutput: public\n");
  e2e::write(site / "content" / "a.md", kDoc);
  e2e::write(site / "content" / "b.md", kOlder);
  auto run = e2e::acta(site, "build");
  ASSERT_EQ(run.status, 0) << run.out;
  // Not a terminal: one plain line per stage, no carriage returns.
  EXPECT_NE(run.out.find("acta: reading content\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("acta: writing the site\n"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find('\r'), std::string::npos);
  EXPECT_NE(run.out.find("built 2 documents into public: "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("citations: 0 resolved in the archive, 0 unresolved"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("search index: "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("note: no 'base_url'"), std::string::npos) << run.out;

  e2e::write(site / "public-extra" / "x", "");
  e2e::write(site / "content" / "c.md", "---\ntitle: 坏\nunknown_key: 1\n---\n正文\n");
  auto bad = e2e::acta(site, "build -q");
  EXPECT_NE(bad.status, 0);
  EXPECT_EQ(bad.out.find("reading content"), std::string::npos) << bad.out;
  fs::remove(site / "content" / "c.md");
  auto quiet = e2e::acta(site, "build --quiet");
  ASSERT_EQ(quiet.status, 0) << quiet.out;
  EXPECT_EQ(quiet.out, "");
}
