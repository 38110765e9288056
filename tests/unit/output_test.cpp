#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "util/error.hpp"
#include "util/files.hpp"
#include "write/output.hpp"
#include "../common/temp_dir.hpp"

namespace fs = std::filesystem;
using acta::write::StagedOutput;

namespace {
// Removed when the returned folder goes out of scope, also when the test fails (kept with ACTA_KEEP_TMP=1).
acta_test::TempDir temp_dir(const std::string& name) { return acta_test::TempDir("acta-output-test-" + name); }
}  // namespace

TEST(StagedOutput, CommitReplacesWholeFolder) {
  auto root = temp_dir("commit");
  auto site = root / "public";
  acta::files::write(site / "old.html", "old");
  {
    StagedOutput out(site);
    out.write("index.html", "new");
    EXPECT_TRUE(fs::exists(site / "old.html"));  // nothing changes before commit
    out.commit();
  }
  EXPECT_TRUE(fs::exists(site / "index.html"));
  EXPECT_FALSE(fs::exists(site / "old.html"));
  int entries = 0;
  for (auto& e : fs::directory_iterator(root)) { (void)e; ++entries; }
  EXPECT_EQ(entries, 1);  // no staging or old folders left behind
}

TEST(StagedOutput, FailedBuildLeavesPreviousSite) {
  auto root = temp_dir("fail");
  auto site = root / "public";
  acta::files::write(site / "index.html", "previous");
  try {
    StagedOutput out(site);
    out.write("index.html", "half");
    throw std::runtime_error("a build step failed");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(acta::files::read(site / "index.html"), "previous");
  int entries = 0;
  for (auto& e : fs::directory_iterator(root)) { (void)e; ++entries; }
  EXPECT_EQ(entries, 1);  // the staging folder was removed
}

TEST(StagedOutput, StaleStagingFromKilledBuildIsCleaned) {
  auto root = temp_dir("stale");
  fs::create_directories(root / ".public.acta-staging-99999");
  acta::files::write(root / "public" / "index.html", "live");
  StagedOutput out(root / "public");
  EXPECT_FALSE(fs::exists(root / ".public.acta-staging-99999"));
  EXPECT_EQ(acta::files::read(root / "public" / "index.html"), "live");
}

TEST(StagedOutput, RefusesToEscape) {
  auto root = temp_dir("escape");
  StagedOutput out(root / "public");
  EXPECT_THROW(out.write("../evil.html", "x"), acta::SourceError);
  EXPECT_THROW(out.write("/etc/evil.html", "x"), acta::SourceError);
  EXPECT_THROW(out.write("a/../../evil.html", "x"), acta::SourceError);
  EXPECT_NO_THROW(out.write("a/../fine.html", "x"));
}

TEST(StagedOutput, RefusesDangerousTargets) {
  EXPECT_THROW(StagedOutput("/"), acta::SourceError);
  EXPECT_THROW(StagedOutput(fs::current_path()), acta::SourceError);
}

TEST(RemoveTree, RemovesEverythingUnderItButNotWhatLinksPointTo) {
  auto root = temp_dir("remove-tree");
  auto outside = root / "outside";
  acta::files::write(outside / "keep.txt", "keep");
  auto tree = root / "tree";
  for (int i = 0; i < 300; ++i) acta::files::write(tree / "a" / ("f" + std::to_string(i) + ".html"), "x");
  acta::files::write(tree / "a" / "b" / "c" / "deep.js", "y");
  acta::files::write(tree / "top.txt", "z");
  fs::create_directory_symlink(outside, tree / "a" / "link-to-folder");
  fs::create_symlink(outside / "keep.txt", tree / "link-to-file");
  acta::files::remove_tree(tree);
  EXPECT_FALSE(fs::exists(fs::symlink_status(tree)));
  EXPECT_TRUE(fs::exists(outside / "keep.txt"));  // links are removed, never followed
  acta::files::remove_tree(root / "missing");  // nothing there: quietly nothing
  fs::create_directory_symlink(outside, root / "link-as-tree");
  acta::files::remove_tree(root / "link-as-tree");
  EXPECT_FALSE(fs::exists(fs::symlink_status(root / "link-as-tree")));
  EXPECT_TRUE(fs::exists(outside / "keep.txt"));
}
