// The build-time pictures on a hand-built archive: the citation graph follows Archive::cited_by, the
// timeline places documents by date; both link every document and escape what they show.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "write/pictures.hpp"

using namespace acta;

namespace {

model::Document doc(const std::string& symbol, const std::string& date, const std::string& title = "标题") {
  model::Document d;
  d.meta.symbol = symbol;
  d.meta.date = date;
  d.meta.title = title;
  d.slug = model::slug_for_symbol(symbol);
  return d;
}

std::size_t count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

// A(2007) is cited by B(2017) twice and by C(2020) once; C also cites B. D cites nothing and is not cited.
model::Archive archive() {
  model::Archive a;
  a.documents = {doc("A/RES/62/196", "2007-12-19", "山区 <可持续> 发展"), doc("A/72/152", "2017-07-21"),
                 doc("A/RES/75/1", "2020-09-21"), doc("A/RES/1/1", "1946-01-24")};
  a.reindex();
  a.cited_by[0] = {{1, "para_1"}, {1, "para_3"}, {2, "preamble__p_2"}};
  a.cited_by[1] = {{2, "para_4"}};
  return a;
}

}  // namespace

TEST(CitationGraph, DrawsOneArcPerCitingPairAndLinksEveryNode) {
  std::string svg = write::citation_graph_svg(archive(), "");
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u) << svg;
  EXPECT_EQ(count(svg, "<g class=\"citation-edge\">"), 3u);
  EXPECT_EQ(count(svg, "<a href=\""), 3u);  // D is in no citation
  EXPECT_NE(svg.find("href=\"doc/a-res-62-196.html\""), std::string::npos);
  EXPECT_EQ(svg.find("a-res-1-1"), std::string::npos);
  EXPECT_NE(svg.find("A/72/152 引用 A/RES/62/196（2 处）"), std::string::npos);
  EXPECT_NE(svg.find("A/RES/75/1 引用 A/72/152（1 处）"), std::string::npos);
  EXPECT_NE(svg.find("山区 &lt;可持续&gt; 发展"), std::string::npos);
  EXPECT_EQ(svg.find("<可持续>"), std::string::npos);
  // Two citing places make a thicker arc than one.
  EXPECT_NE(svg.find("stroke-width=\"1.8\""), std::string::npos);
  EXPECT_NE(svg.find("stroke-width=\"1.0\""), std::string::npos);
  // Nodes in date order: the oldest document is leftmost.
  std::smatch m;
  auto cx = [&](const std::string& slug) {
    std::regex re("href=\"doc/" + slug + "\\.html\" class=\"citation-node\">\\s*<title>[^<]*</title>\\s*<circle cx=\"([0-9.]+)\"");
    EXPECT_TRUE(std::regex_search(svg, m, re)) << slug;
    return std::stod(m[1]);
  };
  EXPECT_LT(cx("a-res-62-196"), cx("a-72-152"));
  EXPECT_LT(cx("a-72-152"), cx("a-res-75-1"));
  EXPECT_EQ(svg, write::citation_graph_svg(archive(), ""));  // deterministic
}

TEST(CitationGraph, NothingToDrawWithoutCitations) {
  model::Archive a = archive();
  a.cited_by.assign(a.documents.size(), {});
  EXPECT_EQ(write::citation_graph_svg(a, ""), "");
  a.cited_by[0] = {{0, "para_1"}};  // a document citing itself is no edge
  EXPECT_EQ(write::citation_graph_svg(a, ""), "");
}

TEST(Timeline, PlacesDatedDocumentsInOrderWithRelativeLinks) {
  model::Archive a = archive();
  a.documents.push_back(doc("A/RES/9/9", ""));  // undated: not on the timeline
  a.reindex();
  std::string svg = write::timeline_svg(a, "../");
  EXPECT_EQ(count(svg, "class=\"timeline-item\""), 4u);
  EXPECT_NE(svg.find("href=\"../doc/a-res-1-1.html\""), std::string::npos);
  EXPECT_EQ(svg.find("a-res-9-9"), std::string::npos);
  EXPECT_NE(svg.find(">1940</text>"), std::string::npos) << svg;  // ticks on round years
  EXPECT_NE(svg.find("（2007年12月19日）"), std::string::npos);
  std::regex dot("class=\"timeline-item\">\\s*<title>([^ ]+)[^<]*</title>\\s*<line[^>]*/>\\s*<circle cx=\"([0-9.]+)\"");
  std::vector<std::pair<std::string, double>> found;
  for (std::sregex_iterator it(svg.begin(), svg.end(), dot), end; it != end; ++it) found.push_back({(*it)[1], std::stod((*it)[2])});
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].first, "A/RES/1/1");
  for (std::size_t i = 1; i < found.size(); ++i) EXPECT_LT(found[i - 1].second, found[i].second);
}

TEST(Timeline, CloseDocumentsGoOnSeparateLanes) {
  model::Archive a;
  a.documents = {doc("A/RES/80/1", "2025-12-15"), doc("A/RES/80/2", "2025-12-15"), doc("A/RES/80/3", "2025-12-16")};
  a.reindex();
  std::string svg = write::timeline_svg(a, "");
  std::regex cy("<circle cx=\"[0-9.]+\" cy=\"([0-9.]+)\"");
  std::set<std::string> lanes;
  for (std::sregex_iterator it(svg.begin(), svg.end(), cy), end; it != end; ++it) lanes.insert((*it)[1]);
  EXPECT_EQ(lanes.size(), 3u);
  EXPECT_EQ(write::timeline_svg(model::Archive{}, ""), "");
}

namespace {

// n documents a year apart from 1950, each citing the one before; document 0 is cited by every other.
model::Archive big_archive(std::size_t n) {
  model::Archive a;
  for (std::size_t i = 0; i < n; ++i)
    a.documents.push_back(doc("A/RES/" + std::to_string(i + 1) + "/1", std::to_string(1950 + i % 70) + "-06-01"));
  a.reindex();
  for (std::size_t i = 1; i < n; ++i) {
    a.cited_by[i - 1].push_back({i, "para_1"});
    if (i > 1) a.cited_by[0].push_back({i, "para_2"});
  }
  return a;
}

}  // namespace

TEST(CitationGraph, LargeArchivesShowTheMostConnectedDocuments) {
  std::string svg = write::citation_graph_svg(big_archive(500), "");
  EXPECT_EQ(count(svg, "class=\"citation-node\""), 40u);
  EXPECT_NE(svg.find("引用最多的 40 份文件（共 500 份有引用关系）"), std::string::npos);
  EXPECT_NE(svg.find("href=\"doc/a-res-1-1.html\""), std::string::npos);  // the most cited is kept
  EXPECT_LT(svg.size(), 40000u);
  // Every arc joins two drawn documents.
  EXPECT_LE(count(svg, "class=\"citation-edge\""), 40u * 39u);
  EXPECT_EQ(svg.find("引用最多"), write::citation_graph_svg(big_archive(500), "").find("引用最多"));
  // A small archive is drawn whole.
  EXPECT_EQ(count(write::citation_graph_svg(big_archive(20), ""), "class=\"citation-node\""), 20u);
}

TEST(Timeline, LargeArchivesGetOneBarPerYear) {
  std::string svg = write::timeline_svg(big_archive(700), "");
  EXPECT_EQ(count(svg, "class=\"timeline-item\""), 0u);
  EXPECT_EQ(count(svg, "class=\"timeline-year\""), 70u);
  EXPECT_NE(svg.find("<title>1950 年：10 份文件</title>"), std::string::npos) << svg.substr(0, 2000);
  EXPECT_NE(svg.find("700 份文件，1950—2019 年，每年一栏"), std::string::npos) << svg.substr(0, 600);
  EXPECT_LT(svg.size(), 30000u);
  EXPECT_EQ(count(write::timeline_svg(big_archive(60), ""), "class=\"timeline-item\""), 60u);
}
