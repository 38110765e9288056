// The five real documents of content/ (raw PDF text, unedited) built with the real binary: every footnote
// of each source linked and shown, every numbered paragraph with its contract id, sentences that crossed
// line and page breaks rejoined, and no page furniture left in the pages.
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "e2e_support.hpp"

namespace fs = std::filesystem;

namespace {

struct Seed {
  const char* page;       // under doc/
  int footnotes;          // counted by reading the source
  int numbered;           // numbered paragraphs 1..N
  int preamble;           // preambular paragraphs
  std::vector<std::string> rejoined;  // text that crossed a line or page break in the source
};

const std::vector<Seed>& seeds() {
  static const std::vector<Seed> s = {
      {"a-res-80-144.html", 21, 41, 39, {"生计、消除饥饿", "同时确保新增指标", "冰冻圈科学行动十年", "《保护阿尔卑斯山脉公约》"}},
      {"a-res-62-196.html", 10, 39, 7, {"是山区可持续发展的总体政策框架", "脆弱社会的社会、经济和环境", "通过其关于空间规划", "第 57/245 号、2003 年"}},
      {"draft-79-sdg-centre-central-asia.html", 2, 11, 14, {"采用统筹兼顾的方式，从经济", "在此方面作出努力", "十年行动纲领》"}},
      {"a-72-152.html", 5, 66, 1, {"各项目标方面有更大作为", "干旱以及减缓和适应气候变化", "本报告就是应此请求编写的。", "马拉喀什联合国气候变化问题会议的报告"}},
      {"hsp-ha.2-res.4.html", 7, 11, 18, {"该报告整合了与气候", "感到鼓舞"}},
  };
  return s;
}

class SeedsSite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new e2e::TempDir(e2e::make_site("seeds", "title: 种子档案\nlanguage: zh-Hans\noutput: public\ncontent: " +
                                                        (fs::path(ACTA_SOURCE_DIR) / "content").string() + "\n"));
    auto run = e2e::acta(*dir_, "build");
    ASSERT_EQ(run.status, 0) << run.out;
    out_ = new std::string(run.out);
  }
  // Runs after the suite's tests, also when SetUpTestSuite or a test failed: the site folder goes with dir_.
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
    delete out_;
    out_ = nullptr;
  }
  static std::string page(const std::string& name) { return e2e::read(*dir_ / "public" / "doc" / name); }
  static e2e::TempDir* dir_;
  static std::string* out_;
};
e2e::TempDir* SeedsSite::dir_ = nullptr;
std::string* SeedsSite::out_ = nullptr;

// The page's body text without tags, footnote references and footnotes.
std::string body_text(const std::string& html) {
  std::size_t start = html.find("<div class=\"doc-body\">");
  std::size_t end = html.find("</div>\n", start);
  std::string body = html.substr(start, end - start);
  body = std::regex_replace(body, std::regex("<a class=\"fnref\"[^>]*>[^<]*</a>"), "");
  return std::regex_replace(body, std::regex("<[^>]+>"), "");
}

}  // namespace

TEST_F(SeedsSite, EveryFootnoteIsLinkedAndShown) {
  for (const auto& s : seeds()) {
    SCOPED_TRACE(s.page);
    std::string html = page(s.page);
    EXPECT_EQ(e2e::count(html, "role=\"doc-footnote\""), static_cast<std::size_t>(s.footnotes));
    std::regex note("<div id=\"(fn_[a-z0-9_]+)\" class=\"footnote\" role=\"doc-footnote\"><span class=\"fn-label\">([^<]+)</span> <span class=\"fn-text\">(.*?)</span>");
    int seen = 0;
    for (std::sregex_iterator it(html.begin(), html.end(), note), e; it != e; ++it, ++seen) {
      std::string id = (*it)[1];
      EXPECT_NE(html.find("href=\"#" + id + "\" id=\"fnref_"), std::string::npos) << "no reference to " << id;
      EXPECT_GT(std::regex_replace((*it)[3].str(), std::regex("<[^>]+>"), "").size(), 3u) << id << " has no text";
    }
    EXPECT_EQ(seen, s.footnotes);
  }
}

TEST_F(SeedsSite, FootnoteLabelsAndPlacesAreTheSources) {
  std::string draft = page("draft-79-sdg-centre-central-asia.html");
  EXPECT_NE(draft.find("id=\"fn_star\""), std::string::npos);
  EXPECT_NE(draft.find("<span class=\"fn-label\">*</span>"), std::string::npos);
  std::string report = page("a-72-152.html");
  // Glued to Chinese text in the source: "补充议定书》1的批准书", "大国联盟3成员国", "会议。5执行秘书".
  EXPECT_NE(report.find("补充议定书》<a class=\"fnref\" href=\"#fn_1\""), std::string::npos);
  EXPECT_NE(report.find("大国联盟<a class=\"fnref\" href=\"#fn_3\""), std::string::npos);
  EXPECT_NE(report.find("会议。<a class=\"fnref\" href=\"#fn_5\""), std::string::npos);
  // Numbers of the text stay text: "1 个观察员国", "196 个国家", "15.3".
  std::string text = body_text(report);
  for (std::string n : {"1 个观察员国的代表", "如下：196 个国家", "具体目标 15.3", "1 位副总理"}) EXPECT_NE(text.find(n), std::string::npos) << n;
  // 62/196 refers twice to footnotes 1 and 2: both references link back.
  std::string r62 = page("a-res-62-196.html");
  EXPECT_NE(r62.find("id=\"fnref_1_2\""), std::string::npos);
  EXPECT_NE(r62.find("id=\"fnref_2_2\""), std::string::npos);
}

TEST_F(SeedsSite, NumberedParagraphsAndSubparagraphsHaveContractIds) {
  for (const auto& s : seeds()) {
    SCOPED_TRACE(s.page);
    std::string html = page(s.page);
    for (int n = 1; n <= s.numbered; ++n) EXPECT_NE(html.find("id=\"para_" + std::to_string(n) + "\""), std::string::npos) << n;
    EXPECT_EQ(html.find("id=\"para_" + std::to_string(s.numbered + 1) + "\""), std::string::npos);
    for (int k = 1; k <= s.preamble; ++k) EXPECT_NE(html.find("id=\"preamble__p_" + std::to_string(k) + "\""), std::string::npos) << k;
    EXPECT_EQ(html.find("id=\"preamble__p_" + std::to_string(s.preamble + 1) + "\""), std::string::npos);
  }
  std::string report = page("a-72-152.html");
  for (char c = 'a'; c <= 'y'; ++c) EXPECT_NE(report.find(std::string("id=\"para_18__point_") + c + "\""), std::string::npos) << c;
  EXPECT_NE(report.find("id=\"para_2__point_e\""), std::string::npos);
  EXPECT_NE(report.find("id=\"para_66__point_i\""), std::string::npos);
  EXPECT_EQ(e2e::count(report, "class=\"para subparagraph\""), 89u);
  // Section headings, not paragraphs: "一. …", "A. 导言", "1. 概要".
  EXPECT_NE(report.find(">一. 联合国气候变化框架公约执行秘书关于 2015 年摩洛哥马拉喀什联合国气候变化问题会议的报告</h"), std::string::npos);
  EXPECT_NE(report.find(">1. 概要</h"), std::string::npos);
  EXPECT_NE(report.find(">B. 缔约方会议及其附属机构第十三届会议的筹备情况</h"), std::string::npos);
  std::string habitat = page("hsp-ha.2-res.4.html");
  EXPECT_NE(habitat.find("id=\"para_2__point_d\""), std::string::npos);
  EXPECT_NE(habitat.find("id=\"formula\""), std::string::npos);
}

TEST_F(SeedsSite, SentencesAcrossBreaksAreRejoined) {
  for (const auto& s : seeds()) {
    SCOPED_TRACE(s.page);
    std::string text = body_text(page(s.page));
    for (const auto& r : s.rejoined) EXPECT_NE(text.find(r), std::string::npos) << r;
  }
  // The converter's doubled escape "IPCC\\_AR6" is undone in the footnote's link.
  std::string habitat = page("hsp-ha.2-res.4.html");
  EXPECT_NE(habitat.find(">https://report.ipcc.ch/ar6/wg2/IPCC_AR6_WGII_FullReport.pdf</a>"), std::string::npos);
  EXPECT_EQ(habitat.find("IPCC\\_"), std::string::npos);
}

TEST_F(SeedsSite, NoPageFurnitureInThePages) {
  for (const auto& s : seeds()) {
    SCOPED_TRACE(s.page);
    std::string html = page(s.page);
    std::string text = body_text(html);
    for (std::string f : {"Distr.", "18 December 2025", "17/17", "17-11978", "undocs.org/ch", "____", "---", "**",
                          "<sup>", "](#)", "A/72/152"})
      EXPECT_EQ(text.find(f), std::string::npos) << f;
    for (std::string f : {"\x1F", "\x1E", "\x1D", "\x1C", "\x1B"}) EXPECT_EQ(html.find(f), std::string::npos);
  }
  // The report's symbol was read from its running header: it shows once, as the document's symbol.
  EXPECT_NE(page("a-72-152.html").find("<p class=\"doc-symbol\">A/72/152</p>"), std::string::npos);
}

TEST_F(SeedsSite, MetadataFromTheText) {
  std::string r80 = page("a-res-80-144.html");
  EXPECT_NE(r80.find("<p class=\"doc-symbol\">A/RES/80/144</p>"), std::string::npos);
  EXPECT_NE(r80.find("datetime=\"2025-12-15\""), std::string::npos);
  EXPECT_NE(r80.find("第八十届会议"), std::string::npos);
  EXPECT_NE(r80.find("18 (j)"), std::string::npos);
  EXPECT_NE(page("a-res-62-196.html").find("datetime=\"2007-12-19\""), std::string::npos);
  EXPECT_NE(page("hsp-ha.2-res.4.html").find("<p class=\"doc-symbol\">HSP/HA.2/Res.4</p>"), std::string::npos);  // sidecar
  // Kinds: the draft says so only at the end of its sponsors' paragraph, before the formula.
  EXPECT_NE(r80.find("<dt>类别</dt><dd>决议</dd>"), std::string::npos);
  EXPECT_NE(page("draft-79-sdg-centre-central-asia.html").find("<dt>类别</dt><dd>决议草案</dd>"), std::string::npos);
  // The only warning about the seeds is the report's "*" marker, which has no footnote in the source.
  std::size_t seed_warnings = 0;
  for (const auto& s : {"a-res-80-144.txt", "a-res-62-196.txt", "draft-79-sdg-centre-central-asia.txt", "a-72-152.txt", "hsp-ha-2-res-4.txt"})
    seed_warnings += e2e::count(*out_, std::string(s) + ":");
  EXPECT_EQ(seed_warnings, 1u) << *out_;
  EXPECT_NE(out_->find("a-72-152.txt:3: warning"), std::string::npos) << *out_;
}

TEST(ImportCommand, PrintsCanonicalMarkdown) {
  auto run = e2e::acta(ACTA_SOURCE_DIR, "import content/a-res-80-144.txt");
  ASSERT_EQ(run.status, 0) << run.out;
  EXPECT_EQ(run.out.rfind("---\nsymbol: A/RES/80/144\n", 0), 0u) << run.out.substr(0, 200);
  EXPECT_NE(run.out.find("\n19\\. 鼓励会员国按照相关标准"), std::string::npos);
  EXPECT_NE(run.out.find("《亚的斯亚贝巴行动议程》[^1]的基础上"), std::string::npos);
  EXPECT_NE(run.out.find("\n[^21]: 联合国，《条约汇编》，第 1917 卷，第 32724 号。"), std::string::npos);

  auto missing = e2e::acta(ACTA_SOURCE_DIR, "import content/no-such-file.txt");
  EXPECT_NE(missing.status, 0);
  EXPECT_NE(missing.out.find("no-such-file.txt"), std::string::npos) << missing.out;
}
