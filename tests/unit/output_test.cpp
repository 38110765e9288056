#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cache/hash.hpp"

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

// Large pages go around the page cache (files::write_direct: padded to whole blocks, then cut to size),
// small ones through it; either way each file holds its bytes and no more, and its size is what the
// incremental build records.
TEST(StagedOutput, FilesOfEverySizeHoldTheirBytesWrittenEitherWay) {
  const std::vector<std::size_t> sizes = {0, 1, 4095, 4096, 4097, 262143, 262144, 262145, 266240, 1048699};
  for (bool direct : {true, false}) {
    acta::files::set_direct_writes(direct);
    auto root = temp_dir(direct ? "direct" : "buffered");
    std::vector<std::string> contents;
    {
      StagedOutput out(root / "public");
      for (std::size_t i = 0; i < sizes.size(); ++i) {
        std::string c(sizes[i], '\0');
        for (std::size_t k = 0; k < c.size(); ++k) c[k] = static_cast<char>('a' + (k * 7 + i) % 26);
        out.write("topics/page-" + std::to_string(i) + ".html", c, acta::cache::hash_of(c));
        contents.push_back(std::move(c));
      }
      auto keys = out.keys();
      for (std::size_t i = 0; i < sizes.size(); ++i)
        EXPECT_EQ(keys.at("topics/page-" + std::to_string(i) + ".html").size, sizes[i]);
      out.commit();
    }
    for (std::size_t i = 0; i < sizes.size(); ++i) {
      const fs::path file = root / "public" / "topics" / ("page-" + std::to_string(i) + ".html");
      EXPECT_EQ(fs::file_size(file), sizes[i]) << (direct ? "direct" : "buffered");
      EXPECT_TRUE(acta::files::read(file) == contents[i]) << sizes[i] << (direct ? " direct" : " buffered");
    }
  }
  acta::files::set_direct_writes(true);
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
