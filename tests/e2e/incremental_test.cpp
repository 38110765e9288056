// The build cache: after any change, a build that reuses the cache writes exactly the site a build from
// scratch writes, and reuses what did not change.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <map>

#include "e2e_support.hpp"

namespace fs = std::filesystem;

namespace {

using e2e::snapshot;

// Builds with the cache into public/ and from scratch into full/, and compares the two trees. Returns the
// cached build's output.
std::string build_and_compare(const fs::path& site, const std::string& step, const std::string& output = "public") {
  auto cached = e2e::acta(site, "build");
  EXPECT_EQ(cached.status, 0) << step << "\n" << cached.out;
  fs::remove_all(site / "full");
  auto full = e2e::acta(site, "build --no-cache --out full");
  EXPECT_EQ(full.status, 0) << step << "\n" << full.out;
  auto a = snapshot(site / output), b = snapshot(site / "full");
  EXPECT_EQ(a.size(), b.size()) << step;
  for (const auto& [path, bytes] : b) {
    auto it = a.find(path);
    if (it == a.end()) ADD_FAILURE() << step << ": the cached build lacks " << path;
    else EXPECT_TRUE(it->second == bytes) << step << ": " << path << " differs from a build from scratch";
  }
  fs::remove_all(site / "full");
  return cached.out;
}

std::string doc_a(const std::string& symbol, bool with_second_paragraph) {
  return "---\nsymbol: " + symbol + "\ntitle: 山区可持续发展\ndate: 2015-12-10\n---\n\n大会，\n\n"
         "1. 鼓励各国政府保护冰川和淡水资源；\n\n" +
         std::string(with_second_paragraph ? "2. 请秘书长就山区生物多样性提出报告；\n" : "");
}

std::string doc_b(const std::string& title, const std::string& extra) {
  return "---\nsymbol: A/RES/71/9\ntitle: " + title + "\ndate: 2016-12-10\n---\n\n大会，\n\n"
         "回顾其第 70/5 号决议第 2 段和第 62/196 号决议，\n\n1. 重申山区对淡水的重要性；\n\n" + extra;
}

}  // namespace

TEST(Incremental, EveryChangeGivesTheSiteABuildFromScratchGives) {
  // The project's own config: its topics make topic pages that depend on the documents.
  const std::string config = e2e::read(fs::path(ACTA_SOURCE_DIR) / "site-config.yaml");
  auto site = e2e::make_site("incremental", config);
  fs::path content = site / "content";
  for (const auto& e : fs::directory_iterator(fs::path(ACTA_SOURCE_DIR) / "content")) fs::copy(e.path(), content / e.path().filename());
  e2e::write(content / "a.md", doc_a("A/RES/70/5", true));
  e2e::write(content / "b.md", doc_b("山区决议", ""));

  auto out = build_and_compare(site, "first build");
  EXPECT_EQ(out.find("incremental:"), std::string::npos) << out;
  EXPECT_TRUE(fs::exists(site / ".acta-cache" / "CACHEDIR.TAG"));

  out = build_and_compare(site, "nothing changed");
  EXPECT_NE(out.find("incremental: 7 of 7 documents unchanged"), std::string::npos) << out;

  // A generated page edited in place (same file, so a hard link would carry the edit on) is made again.
  for (const auto& e : fs::directory_iterator(site / "public" / "doc"))
    if (e.path().extension() == ".html") {
      std::ofstream(e.path(), std::ios::app) << "<!-- edited by hand -->";
      break;
    }
  build_and_compare(site, "a generated page edited in place");

  e2e::write(content / "b.md", doc_b("山区决议", "2. 新增的一段关于荒漠化的案文。\n"));
  out = build_and_compare(site, "a paragraph added to b");
  EXPECT_NE(out.find("incremental: 6 of 7 documents unchanged"), std::string::npos) << out;

  e2e::write(content / "b.md", doc_b("山区与淡水决议", "2. 新增的一段关于荒漠化的案文。\n"));
  build_and_compare(site, "the title of b, which a lists as citing it, changed");

  std::string water;
  for (int i = 3; i < 12; ++i) water += std::to_string(i) + ". 保护淡水、冰川、水资源和流域，改善饮用水和卫生设施。\n\n";
  e2e::write(content / "b.md", doc_b("山区与淡水决议", water));
  out = build_and_compare(site, "b now belongs to the water topic");
  EXPECT_NE(e2e::read(site / "public" / "topics" / "water.html").find("山区与淡水决议"), std::string::npos);

  e2e::write(content / "a.md", doc_a("A/RES/70/5", false));
  out = build_and_compare(site, "the paragraph b cites is gone from a");
  EXPECT_NE(out.find("incremental: 5 of 7 documents unchanged"), std::string::npos) << out;  // a read, b relinked

  e2e::write(content / "a.md", doc_a("A/RES/70/6", true));
  build_and_compare(site, "the symbol b cites is gone");

  e2e::write(site / "templates" / "block.mustache", e2e::read(site / "templates" / "block.mustache") + "{{! changed }}\n");
  build_and_compare(site, "a template changed");

  std::string retitled = config;
  retitled.replace(retitled.find("\ntitle: ") + 8, 0, "新");
  e2e::write(site / "site-config.yaml", retitled);
  build_and_compare(site, "the config changed");

  // What cannot change the site leaves the cache valid: a comment, another output folder (the cache knows
  // the site it reuses files from by that folder's identity, so the move alone reuses nothing).
  retitled = "# a comment\n" + retitled;
  e2e::write(site / "site-config.yaml", retitled);
  out = build_and_compare(site, "a comment added to the config");
  EXPECT_NE(out.find("incremental: 7 of 7 documents unchanged"), std::string::npos) << out;
  std::string moved = retitled;
  moved.replace(moved.find("\noutput: public"), 15, "\noutput: public2");
  e2e::write(site / "site-config.yaml", moved);
  out = build_and_compare(site, "the output folder moved", "public2");
  EXPECT_NE(out.find("incremental: 7 of 7 documents unchanged"), std::string::npos) << out;
  e2e::write(site / "site-config.yaml", retitled);
  fs::remove_all(site / "public2");

  std::string reweighted = retitled;
  reweighted.replace(reweighted.find("淡水: 3"), 9, "淡水: 1");
  e2e::write(site / "site-config.yaml", reweighted);
  out = build_and_compare(site, "a topic term's weight changed");
  EXPECT_EQ(out.find("7 of 7 documents unchanged"), std::string::npos) << out;  // topics are assigned again

  fs::remove(content / "b.md");
  build_and_compare(site, "a document removed");

  for (const auto& e : fs::recursive_directory_iterator(site / ".acta-cache"))
    if (e.is_regular_file()) e2e::write(e.path(), e2e::read(e.path()).substr(0, e2e::read(e.path()).size() / 2));
  build_and_compare(site, "every cache file cut in half");

  fs::remove_all(site / "public");
  build_and_compare(site, "the output folder removed");

  fs::remove_all(site / ".acta-cache");
  build_and_compare(site, "the cache folder removed");
}

// The spare site is the cache folder's spare-site/; a config whose output folder is that folder builds and
// rebuilds as any other (StagedOutput never takes it as the spare: SpareSite.ASpareInTheTargetsPlaceIsNeverUsed),
// even after the output folder was tampered with.
TEST(Incremental, AnOutputFolderWhereTheSpareWouldBeIsLeftAlone) {
  auto site = e2e::make_site("spare-place", "title: 测试\ncache: .cache\noutput: .cache/spare-site\n");
  const fs::path out = site / ".cache" / "spare-site";
  e2e::write(site / "content" / "a.md", doc_a("A/RES/70/5", true));
  for (int i = 0; i < 3; ++i) {
    if (i == 1) {  // the output folder tampered with: a folder where a page goes
      fs::remove(out / "index.html");
      e2e::write(out / "index.html" / "x", "a folder where a page goes");
    }
    if (i == 2) e2e::write(site / "content" / "a.md", doc_a("A/RES/70/5", false));
    auto run = e2e::acta(site, "build");
    ASSERT_EQ(run.status, 0) << "build " << i << "\n" << run.out;
    EXPECT_TRUE(fs::is_regular_file(out / "index.html")) << "build " << i;
    EXPECT_TRUE(fs::exists(out / "doc" / "a-res-70-5.html")) << "build " << i;
  }
  EXPECT_EQ(e2e::read(out / "doc" / "a-res-70-5.html").find("请秘书长"), std::string::npos);
}

// Document records are kept in packs of 128 documents (archive order): an edit rewrites its group's pack
// only, and the per-document record files of the cache's former layout are removed.
TEST(Incremental, AnEditOrAnAddedDocumentRewritesOnlyItsGroupsPack) {
  auto site = e2e::make_site("packs", "title: 测试\n");
  auto doc = [](const std::string& symbol, int i, const std::string& extra) {
    return "---\nsymbol: " + symbol + "\ntitle: 决议" + std::to_string(i) +
           "\ndate: 2015-12-10\n---\n\n大会，\n\n1. 鼓励各国政府保护冰川和淡水资源" + extra + "；\n";
  };
  auto symbol = [](int i) {
    char s[32];
    std::snprintf(s, sizeof s, "A/RES/70/%03d", i + 1);
    return std::string(s);
  };
  auto name = [](int i) {
    char n[32];
    std::snprintf(n, sizeof n, "d%03d.md", i);
    return std::string(n);
  };
  for (int i = 0; i < 600; ++i) e2e::write(site / "content" / name(i), doc(symbol(i), i, ""));
  build_and_compare(site, "first build");
  const fs::path docs = site / ".acta-cache" / "docs";
  auto inode = [](const fs::path& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 ? st.st_ino : ino_t{0};
  };
  auto packs = [&] {
    std::map<std::string, ino_t> out;  // file name -> inode
    for (const auto& e : fs::directory_iterator(docs)) {
      EXPECT_TRUE(e.is_regular_file()) << e.path();
      out[e.path().filename().string()] = inode(e.path());
    }
    return out;
  };
  auto kept = [](const std::map<std::string, ino_t>& before, const std::map<std::string, ino_t>& after) {
    std::size_t n = 0;
    for (const auto& [file, ino] : after) n += before.count(file) && before.at(file) == ino;
    return n;
  };
  const auto before = packs();
  ASSERT_GE(before.size(), 3u);  // groups of 32 to 512 documents, where the slugs end them

  e2e::write(site / "content" / name(300), doc(symbol(300), 300, "和生物多样性"));
  e2e::write(docs / "ab" / "ab0123456789abcdef0123456789abcd", "a record of the former layout");
  auto out = build_and_compare(site, "one document edited");
  EXPECT_NE(out.find("599 of 600 documents unchanged"), std::string::npos) << out;
  const auto edited = packs();
  EXPECT_EQ(edited.size(), before.size());
  EXPECT_EQ(kept(before, edited), before.size() - 1);
  EXPECT_FALSE(fs::exists(docs / "ab"));

  // A document added before all the others: every document after it has a new number, but the groups are
  // made by the documents' slugs, so all but the first (and at most the next) keep their packs; and the
  // search texts, named by the numbers, are linked from their old names, not made again.
  const ino_t first_text = inode(site / "public" / "search" / "t" / "0.js");
  e2e::write(site / "content" / "a.md", doc("A/RES/69/1", 999, ""));
  out = build_and_compare(site, "one document added first");
  EXPECT_NE(out.find("600 of 601 documents unchanged"), std::string::npos) << out;
  const auto added = packs();
  EXPECT_GE(kept(edited, added), edited.size() - 2);
  EXPECT_EQ(inode(site / "public" / "search" / "t" / "1.js"), first_text);
}

TEST(Incremental, NoCacheLeavesNoCacheFolder) {
  auto site = e2e::make_site("no-cache", "title: 测试\n");
  e2e::write(site / "content" / "a.md", doc_a("A/RES/70/5", true));
  ASSERT_EQ(e2e::acta(site, "build --no-cache").status, 0);
  EXPECT_FALSE(fs::exists(site / ".acta-cache"));
}

TEST(Incremental, CacheInsideTheOutputOrContentFolderIsRefused) {
  auto site = e2e::make_site("cache-place", "title: 测试\ncache: public/.cache\n");
  e2e::write(site / "content" / "a.md", doc_a("A/RES/70/5", true));
  auto run = e2e::acta(site, "build");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("would contain the build cache"), std::string::npos) << run.out;
  e2e::write(site / "site-config.yaml", "title: 测试\ncache: content/cache\n");
  run = e2e::acta(site, "build");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("is inside the content folder"), std::string::npos) << run.out;
  // A hidden folder inside the content folder is skipped by the reader: allowed.
  e2e::write(site / "site-config.yaml", "title: 测试\ncache: content/.cache\n");
  run = e2e::acta(site, "build");
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_TRUE(fs::exists(site / "content" / ".cache" / "CACHEDIR.TAG"));
  EXPECT_EQ(e2e::acta(site, "build").out.find("skipped"), std::string::npos);
}
