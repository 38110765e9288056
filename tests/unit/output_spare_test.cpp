// Double buffering (StagedOutput::start_from, keep_replaced_as): a build starts from the site before the
// current one, keeps its files made from the right key, replaces the others without touching the current
// site, and removes what it did not make.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "util/files.hpp"
#include "write/output.hpp"

namespace fs = std::filesystem;
using acta::cache::Hash;
using acta::cache::OutputEntry;
using acta::cache::OutputKeys;
using acta::write::StagedOutput;

namespace {

struct TempRoot {
  fs::path path;
  explicit TempRoot(const std::string& name)
      : path(fs::temp_directory_path() / ("acta-spare-test-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempRoot() { fs::remove_all(path); }
};

Hash key(std::uint64_t n) { return Hash{n, 1}; }

// What a build records for the file at `p` made from `k`.
OutputEntry entry(const fs::path& p, const Hash& k) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return {k, static_cast<std::uint64_t>(st.st_size),
          static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

ino_t inode(const fs::path& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 ? st.st_ino : 0;
}

}  // namespace

TEST(SpareSite, KeepsWhatMatchesReplacesTheRestAndRemovesWhatIsNotMade) {
  TempRoot root("keep");
  const fs::path site = root.path / "public", spare = root.path / "spare";
  acta::files::write(site / "live.html", "live");
  acta::files::write(spare / "same.html", "same");
  acta::files::write(spare / "changed.html", "old");
  acta::files::write(spare / "gone" / "removed.html", "removed");
  acta::files::write(spare / "stray.txt", "not recorded");
  OutputKeys spare_keys{{"same.html", entry(spare / "same.html", key(1))},
                        {"changed.html", entry(spare / "changed.html", key(2))},
                        {"gone/removed.html", entry(spare / "gone" / "removed.html", key(3))}};
  OutputKeys live_keys{{"live.html", entry(site / "live.html", key(4))}};
  const ino_t same = inode(spare / "same.html");
  {
    StagedOutput out(site);
    out.set_previous(live_keys);
    out.start_from(spare, spare_keys);
    out.keep_replaced_as(spare);
    EXPECT_FALSE(fs::exists(spare));  // taken as the staging folder
    EXPECT_TRUE(out.reuse("same.html", key(1)));
    EXPECT_FALSE(out.reuse("changed.html", key(20)));  // another key: made again
    out.write("changed.html", "new");
    EXPECT_TRUE(out.reuse("live.html", key(4)));  // from the current site
    out.write("fresh/added.html", "added");
    EXPECT_EQ(out.files_reused(), 2u);
    out.commit();
  }
  EXPECT_EQ(inode(site / "same.html"), same);  // kept, not copied
  EXPECT_EQ(acta::files::read(site / "changed.html"), "new");
  EXPECT_EQ(inode(site / "live.html"), inode(spare / "live.html"));  // linked from the replaced site
  EXPECT_EQ(acta::files::read(site / "fresh" / "added.html"), "added");
  EXPECT_FALSE(fs::exists(site / "stray.txt"));
  EXPECT_FALSE(fs::exists(site / "gone"));  // its only file is gone, so is the folder
  EXPECT_TRUE(fs::exists(spare / "live.html"));  // the replaced site is the next spare
  int entries = 0;
  for (auto& e : fs::directory_iterator(root.path)) {
    (void)e;
    ++entries;
  }
  EXPECT_EQ(entries, 2);  // public and spare: no staging or old folders
}

TEST(SpareSite, AFileLinkedToTheCurrentSiteIsReplacedNotWrittenThrough) {
  TempRoot root("linked");
  const fs::path site = root.path / "public", spare = root.path / "spare";
  acta::files::write(site / "index.html", "current");
  fs::create_directories(spare);
  fs::create_hard_link(site / "index.html", spare / "index.html");  // unchanged between the two sites
  OutputKeys keys{{"index.html", entry(spare / "index.html", key(1))}};
  StagedOutput out(site);
  out.set_previous(keys);
  out.start_from(spare, keys);
  out.write("index.html", "next");
  EXPECT_EQ(acta::files::read(site / "index.html"), "current");  // the live site is untouched until commit
  out.commit();
  EXPECT_EQ(acta::files::read(site / "index.html"), "next");
}

TEST(SpareSite, AFileEditedInPlaceIsNotKept) {
  TempRoot root("edited");
  const fs::path site = root.path / "public", spare = root.path / "spare";
  acta::files::write(spare / "page.html", "made");
  OutputKeys keys{{"page.html", entry(spare / "page.html", key(1))}};
  acta::files::write(spare / "page.html", "edited by hand");
  StagedOutput out(site);
  out.start_from(spare, keys);
  EXPECT_FALSE(out.reuse("page.html", key(1)));
}

TEST(SpareSite, WithoutKeysTheSpareIsRemovedAndTheBuildStartsEmpty) {
  TempRoot root("nokeys");
  const fs::path site = root.path / "public", spare = root.path / "spare";
  acta::files::write(spare / "old.html", "old");
  {
    StagedOutput out(site);
    out.start_from(spare, {});
    EXPECT_FALSE(fs::exists(spare));
    out.write("index.html", "new");
    out.commit();
  }
  EXPECT_FALSE(fs::exists(site / "old.html"));
  EXPECT_TRUE(fs::exists(site / "index.html"));
}

TEST(SpareSite, AFailedBuildLeavesTheCurrentSiteAndDropsTheSpare) {
  TempRoot root("fail");
  const fs::path site = root.path / "public", spare = root.path / "spare";
  acta::files::write(site / "index.html", "current");
  acta::files::write(spare / "index.html", "older");
  OutputKeys keys{{"index.html", entry(spare / "index.html", key(1))}};
  try {
    StagedOutput out(site);
    out.start_from(spare, keys);
    out.keep_replaced_as(spare);
    out.write("index.html", "half");
    throw std::runtime_error("a build step failed");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(acta::files::read(site / "index.html"), "current");
  int entries = 0;
  for (auto& e : fs::directory_iterator(root.path)) {
    (void)e;
    ++entries;
  }
  EXPECT_EQ(entries, 1);  // the staging folder, which was the spare, is removed
}

TEST(SpareSite, WhatIsInTheWayInTheSpareIsCleared) {
  TempRoot root("in-the-way");
  const fs::path site = root.path / "public", spare = root.path / "spare";
  acta::files::write(spare / "index.html" / "x", "a folder where a page goes");
  acta::files::write(spare / "doc", "a file where a folder goes");
  acta::files::write(spare / "kept.html", "kept");
  OutputKeys keys{{"kept.html", entry(spare / "kept.html", key(1))}};
  {
    StagedOutput out(site);
    out.start_from(spare, keys);
    out.write("index.html", "home");
    out.write("doc/a.html", "page");
    out.commit();
  }
  EXPECT_EQ(acta::files::read(site / "index.html"), "home");
  EXPECT_EQ(acta::files::read(site / "doc" / "a.html"), "page");
  EXPECT_FALSE(fs::exists(site / "kept.html"));  // not made by this build
}

TEST(SpareSite, ALinkInTheSpareNeverTakesAWriteOutside) {
  TempRoot root("link");
  const fs::path site = root.path / "public", spare = root.path / "spare", outside = root.path / "outside";
  fs::create_directories(outside);
  fs::create_directories(spare);
  fs::create_directory_symlink(outside, spare / "doc");
  acta::files::write(spare / "kept.html", "kept");
  fs::create_symlink(outside / "file.html", spare / "linked.html");
  OutputKeys keys{{"kept.html", entry(spare / "kept.html", key(1))}};
  {
    StagedOutput out(site);
    out.start_from(spare, keys);
    EXPECT_TRUE(out.reuse("kept.html", key(1)));
    out.write("doc/a.html", "page");
    out.write("linked.html", "linked");
    out.commit();
  }
  EXPECT_TRUE(fs::is_empty(outside));  // nothing written through the links
  EXPECT_FALSE(fs::is_symlink(site / "doc"));
  EXPECT_EQ(acta::files::read(site / "doc" / "a.html"), "page");
  EXPECT_EQ(acta::files::read(site / "kept.html"), "kept");
}

TEST(SpareSite, ASpareInTheTargetsPlaceIsNeverUsed) {
  TempRoot root("target");
  const fs::path site = root.path / "public";
  acta::files::write(site / "index.html", "live");
  acta::files::write(site / "inner" / "page.html", "live page");
  OutputKeys keys{{"index.html", entry(site / "index.html", key(1))}};
  try {
    StagedOutput out(site);
    for (const fs::path& spare : {site, site / "inner", root.path}) {  // the target, in it, holding it
      out.start_from(spare, keys);
      out.keep_replaced_as(spare);
      EXPECT_EQ(acta::files::read(site / "index.html"), "live") << spare;
    }
    out.write("index.html", "half");
    throw std::runtime_error("a build step failed");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(acta::files::read(site / "index.html"), "live");  // the failed build took nothing of it
  EXPECT_EQ(acta::files::read(site / "inner" / "page.html"), "live page");
}

// reuse_moved: a file whose content does not depend on its path (a search text named by its document's
// place, which moves when a document before it is added) is linked from where the current site has it.
TEST(SpareSite, AMovedFileIsLinkedFromItsOldPathOnlyWhereAskedAndWhenUnchanged) {
  TempRoot root("moved");
  const fs::path site = root.path / "public", spare = root.path / "spare";
  acta::files::write(site / "t" / "0.js", "text of A");
  acta::files::write(site / "t" / "1.js", "text of B");
  acta::files::write(site / "t" / "2.js", "text of C, edited by hand since");
  acta::files::write(site / "page.html", "page of A");
  OutputKeys live_keys{{"t/0.js", entry(site / "t" / "0.js", key(10))},
                       {"t/1.js", entry(site / "t" / "1.js", key(11))},
                       {"t/2.js", {key(12), 3, 0}},  // not as the build left it
                       {"page.html", entry(site / "page.html", key(13))}};
  acta::files::write(spare / "t" / "1.js", "text of A");  // the spare: another site, with A at 1 already
  OutputKeys spare_keys{{"t/1.js", entry(spare / "t" / "1.js", key(10))}};
  const ino_t b = inode(site / "t" / "1.js");
  {
    StagedOutput out(site);
    out.set_previous(live_keys);
    out.start_from(spare, spare_keys);
    out.keep_replaced_as(spare);
    // A new document before A: A's text is now t/1, B's t/2, C's t/3.
    EXPECT_TRUE(out.reuse_moved("t/1.js", key(10)));   // the spare's file at the same path
    EXPECT_TRUE(out.reuse_moved("t/2.js", key(11)));   // the current site's t/1.js, linked
    EXPECT_FALSE(out.reuse_moved("t/3.js", key(12)));  // its old file was changed since: made again
    out.write("t/3.js", "text of C");
    EXPECT_FALSE(out.reuse("other.html", key(13)));  // reuse() never looks elsewhere
    EXPECT_FALSE(out.reuse_moved("t/0.js", key(99)));  // a key the site does not have
    out.write("t/0.js", "text of the new one");
    out.write("other.html", "other");
    out.commit();
  }
  EXPECT_EQ(acta::files::read(site / "t" / "1.js"), "text of A");
  EXPECT_EQ(acta::files::read(site / "t" / "2.js"), "text of B");
  EXPECT_EQ(inode(site / "t" / "2.js"), b);  // a link, not a copy
  EXPECT_EQ(acta::files::read(site / "t" / "3.js"), "text of C");
  EXPECT_EQ(acta::files::read(site / "t" / "0.js"), "text of the new one");
  // The replaced site is the spare now, as it was: its files were never written to.
  EXPECT_EQ(acta::files::read(spare / "t" / "1.js"), "text of B");
  EXPECT_EQ(acta::files::read(spare / "t" / "2.js"), "text of C, edited by hand since");
}
