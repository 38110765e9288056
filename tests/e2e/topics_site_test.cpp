// The topic index built by the real binary: the five seeds with the project's own config (who is under
// which topic, with evidence), a config with a fifth topic (its page appears with no code change), and the
// markup contract of topic pages, the overview and document pages.
#include <gtest/gtest.h>

#include <regex>

#include "e2e_support.hpp"

namespace fs = std::filesystem;

namespace {

// The project's site-config.yaml pointed at the project's content, plus `extra` lines.
std::string project_config(const std::string& extra = "") {
  std::string cfg = e2e::read(fs::path(ACTA_SOURCE_DIR) / "site-config.yaml");
  cfg = std::regex_replace(cfg, std::regex("(^|\n)content:[^\n]*"), "$1content: " + (fs::path(ACTA_SOURCE_DIR) / "content").string());
  return cfg + "\n" + extra;
}

// Document slugs linked (as a whole document) from a topic page.
std::vector<std::string> listed(const std::string& page) {
  std::vector<std::string> out;
  std::regex doc(R"X(<h2><a href="\.\./doc/([^"#]+)\.html">)X");
  for (std::sregex_iterator it(page.begin(), page.end(), doc), end; it != end; ++it) out.push_back((*it)[1]);
  return out;
}

}  // namespace

TEST(TopicsSite, SeedsAreUnderTheRightTopicsWithEvidence) {
  auto site = e2e::make_site("topics-seeds", project_config());
  auto run = e2e::acta(site, "build");
  ASSERT_EQ(run.status, 0) << run.out;
  fs::path pub = site / "public";
  auto mountains = listed(e2e::read(pub / "topics" / "mountains.html"));
  std::sort(mountains.begin(), mountains.end());
  EXPECT_EQ(mountains, (std::vector<std::string>{"a-res-62-196", "a-res-80-144"}));
  std::string all;
  for (const char* t : {"biodiversity", "water", "climate"}) {
    std::string page = e2e::read(pub / "topics" / (std::string(t) + ".html"));
    for (const auto& slug : listed(page)) {
      EXPECT_NE(slug, "a-res-62-196") << t;
      EXPECT_NE(slug, "a-res-80-144") << t;
    }
    all += page;
  }
  // The draft on the Central Asia centre is under no topic.
  for (const char* t : {"mountains", "biodiversity", "water", "climate"}) {
    std::string page = e2e::read(pub / "topics" / (std::string(t) + ".html"));
    EXPECT_EQ(page.find("central-asia"), std::string::npos) << t;
  }
  // The environmental conventions report treats climate and biodiversity; the UN-Habitat resolution
  // biodiversity. Each is listed with excerpts linking to its paragraphs, terms highlighted.
  std::string climate = e2e::read(pub / "topics" / "climate.html");
  std::string bio = e2e::read(pub / "topics" / "biodiversity.html");
  EXPECT_EQ(listed(climate), std::vector<std::string>{"a-72-152"});
  auto bio_docs = listed(bio);
  std::sort(bio_docs.begin(), bio_docs.end());
  EXPECT_EQ(bio_docs, (std::vector<std::string>{"a-72-152", "hsp-ha.2-res.4"}));
  EXPECT_NE(climate.find("href=\"../doc/a-72-152.html#para_"), std::string::npos);
  EXPECT_NE(climate.find("<mark>巴黎协定</mark>"), std::string::npos);
  EXPECT_NE(bio.find("<mark>生物多样性</mark>"), std::string::npos);
  EXPECT_NE(bio.find("href=\"../doc/hsp-ha.2-res.4.html#para_"), std::string::npos);

  // Document page: topics linked, evidence paragraphs marked for the filter, the script loaded from assets.
  std::string doc = e2e::read(pub / "doc" / "a-res-80-144.html");
  EXPECT_NE(doc.find("href=\"../topics/mountains.html\""), std::string::npos);
  EXPECT_EQ(doc.find("href=\"../topics/climate.html\""), std::string::npos);
  EXPECT_NE(doc.find("data-topics=\"mountains\""), std::string::npos);
  EXPECT_NE(doc.find("<script src=\"../assets/topic-filter.js\" defer></script>"), std::string::npos);
  EXPECT_TRUE(fs::exists(pub / "assets" / "topic-filter.js"));
  std::string draft;
  for (auto& e : fs::directory_iterator(pub / "doc"))
    if (e.path().filename().string().find("central-asia") != std::string::npos) draft = e2e::read(e.path());
  ASSERT_FALSE(draft.empty());
  EXPECT_EQ(draft.find("../topics/"), draft.find("../topics/index.html"));  // only the nav link
  EXPECT_EQ(draft.find("topic-filter.js"), std::string::npos);

  // Overview: every topic with its numbers, an SVG heat map with title and description, linked from the nav.
  std::string overview = e2e::read(pub / "topics" / "index.html");
  EXPECT_NE(overview.find("<svg"), std::string::npos);
  EXPECT_NE(overview.find("<title id=\"topic-heatmap-title\">"), std::string::npos);
  EXPECT_NE(overview.find("<desc id=\"topic-heatmap-desc\">"), std::string::npos);
  for (const char* t : {"mountains", "biodiversity", "water", "climate"})
    EXPECT_NE(overview.find(std::string("href=\"") + t + ".html\""), std::string::npos) << t;
  EXPECT_NE(overview.find("href=\"../doc/a-res-80-144.html\""), std::string::npos);
  EXPECT_NE(e2e::read(pub / "index.html").find("href=\"topics/index.html\""), std::string::npos);
  EXPECT_FALSE(std::regex_search(overview, std::regex("<script(?![^>]*\\ssrc=)"))) << "inline script";
}

TEST(TopicsSite, AFifthTopicInTheConfigGetsItsPage) {
  // A new topic, written only in the config: desertification, which the environmental conventions report
  // treats in its second part.
  std::string cfg = project_config();
  cfg = std::regex_replace(cfg, std::regex("\ntopics:\n"), R"X(
topics:
  - id: desertification
    label_zh: 荒漠化
    label_en: Desertification
    threshold: 6
    terms: {荒漠化: 3, 土地退化: 3, 干旱: 2, 沙尘暴: 2}
)X");
  auto site = e2e::make_site("topics-fifth", cfg);
  auto run = e2e::acta(site, "build");
  ASSERT_EQ(run.status, 0) << run.out;
  fs::path pub = site / "public";
  ASSERT_TRUE(fs::exists(pub / "topics" / "desertification.html"));
  std::string page = e2e::read(pub / "topics" / "desertification.html");
  EXPECT_NE(page.find("荒漠化"), std::string::npos);
  EXPECT_EQ(listed(page), std::vector<std::string>{"a-72-152"});
  EXPECT_NE(page.find("<mark>土地退化</mark>"), std::string::npos);
  std::string overview = e2e::read(pub / "topics" / "index.html");
  EXPECT_NE(overview.find("href=\"desertification.html\""), std::string::npos);
  for (const char* t : {"mountains", "biodiversity", "water", "climate"})
    EXPECT_TRUE(fs::exists(pub / "topics" / (std::string(t) + ".html"))) << t;
  EXPECT_NE(e2e::read(pub / "doc" / "a-72-152.html").find("href=\"../topics/desertification.html\""), std::string::npos);
}

TEST(TopicsSite, FrontMatterTopicsAndHostileTerms) {
  auto site = e2e::make_site("topics-md", R"X(title: 测试
topic_threshold: 4
topics:
  - id: water
    label_zh: 水<script>
    label_en: Water
    terms: {"水": 1, "淡水": 3, "<b>": 1}
  - id: mountains
    label_zh: 山区
    label_en: Mountains
    terms: [山区]
)X");
  e2e::write(site / "content" / "a.md", R"X(---
symbol: A/RES/1/1
title: 淡水资源
topics: [mountains, water]
---

1. 确保人人享有水和卫生设施，养护淡水，提高水平。

2. 注意到山区。

3. 再次强调淡水的重要性 <b>。
)X");
  e2e::write(site / "content" / "b.md", "---\nsymbol: A/RES/1/2\ntitle: 其他\ntopics: [water]\n---\n\n1. 提高生活水平。\n");
  auto run = e2e::acta(site, "build");
  ASSERT_EQ(run.status, 0) << run.out;
  // b asserts water but only says 水平: not listed, and the build warns naming the file.
  EXPECT_NE(run.out.find("content/b.md: warning: front matter asserts topic 'water'"), std::string::npos) << run.out;
  std::string water = e2e::read(site / "public" / "topics" / "water.html");
  EXPECT_EQ(listed(water), std::vector<std::string>{"a-res-1-1"});
  EXPECT_EQ(water.find("<script>"), std::string::npos);
  EXPECT_NE(water.find("水&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(water.find("<b>"), std::string::npos);
  EXPECT_NE(water.find("<mark>&lt;b&gt;</mark>"), std::string::npos);
  EXPECT_NE(water.find("编者标注"), std::string::npos);
  // mountains: asserted, one passing mention: listed because the editor said so and the text has evidence.
  EXPECT_EQ(listed(e2e::read(site / "public" / "topics" / "mountains.html")), std::vector<std::string>{"a-res-1-1"});
}

TEST(TopicsSite, LongListsLinkEveryDocumentAndParagraphOnOnePage) {
  std::string cfg = R"X(title: 测试
topic_threshold: 1
topics:
  - id: water
    label_zh: 水
    label_en: Water
    terms: {淡水: 3}
)X";
  auto site = e2e::make_site("topics-long", cfg);
  // 60 documents under water, each with three evidence paragraphs.
  for (int i = 1; i <= 60; ++i)
    e2e::write(site / "content" / ("d" + std::to_string(i) + ".md"),
               "---\nsymbol: A/RES/1/" + std::to_string(i) + "\ntitle: 文件 " + std::to_string(i) +
                   "\n---\n\n1. 养护淡水资源。\n\n2. 其他事项。\n\n3. 淡水生态系统。\n\n4. 淡水与卫生。\n");
  auto run = e2e::acta(site, "build");
  ASSERT_EQ(run.status, 0) << run.out;
  std::string page = e2e::read(site / "public" / "topics" / "water.html");
  EXPECT_EQ(listed(page).size(), 60u);  // every document, on the topic's one page
  for (int i = 1; i <= 60; ++i)
    for (const char* para : {"para_1", "para_3", "para_4"})
      EXPECT_NE(page.find("../doc/a-res-1-" + std::to_string(i) + ".html#" + para + "\""), std::string::npos) << i << para;
  EXPECT_EQ(page.find("#para_2\""), std::string::npos);  // not evidence
  // The 50 most relevant show excerpts (two each); the others list their paragraphs' links only.
  EXPECT_EQ(e2e::count(page, "class=\"excerpt-link\""), 100u);
  EXPECT_NE(page.find("前 50 份文件附有最相关段落的摘录"), std::string::npos);
  EXPECT_FALSE(fs::exists(site / "public" / "topics" / "water-2.html"));
}
