// The pieces of `acta serve` that need no network: which file a request names (never one outside the
// output folder), the reload script added to HTML, and the inotify watcher.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "serve/live_reload.hpp"
#include "serve/server.hpp"
#include "serve/watcher.hpp"
#include "../common/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace acta::serve;

namespace {
// Removed when the returned folder goes out of scope, also when the test fails (kept with ACTA_KEEP_TMP=1).
acta_test::TempDir temp_dir(const std::string& name) { return acta_test::TempDir("acta-unit-" + name); }
void touch(const fs::path& p, const std::string& text = "x") {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}
}  // namespace

TEST(ServeResolve, FilesInsideOnly) {
  auto base = temp_dir("resolve");
  fs::path site = base / "public";
  touch(site / "index.html");
  touch(site / "doc" / "a.html");
  touch(site / "doc" / "sub" / "index.html");
  touch(base / "secret.txt");
  fs::create_symlink(base / "secret.txt", site / "link.txt");
  fs::create_directory_symlink(base, site / "up");

  auto real = fs::canonical(site);
  EXPECT_EQ(resolve_request(site, "/"), real / "index.html");
  EXPECT_EQ(resolve_request(site, "/doc/a.html"), real / "doc" / "a.html");
  EXPECT_EQ(resolve_request(site, "/doc/sub/"), real / "doc" / "sub" / "index.html");
  EXPECT_EQ(resolve_request(site, "/doc/sub"), real / "doc" / "sub" / "index.html");
  EXPECT_EQ(resolve_request(site, "/doc/./a.html"), real / "doc" / "a.html");
  for (const char* bad : {"/../secret.txt", "/doc/../../secret.txt", "/link.txt", "/up/secret.txt", "/missing.html",
                          "", "secret.txt", "/doc/a.html\\..\\..\\secret.txt", "/doc"})
    EXPECT_FALSE(resolve_request(site, bad).has_value()) << bad;
  EXPECT_FALSE(resolve_request(site, std::string("/index.html\0x", 13)).has_value());
}

TEST(ServeResolve, ContentTypes) {
  EXPECT_EQ(content_type("a.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type("a.svg"), "image/svg+xml");
  EXPECT_EQ(content_type("a.json"), "application/json");
  EXPECT_EQ(content_type("a.bin"), "application/octet-stream");
}

TEST(LiveReload, ScriptGoesBeforeTheLastBodyEnd) {
  EXPECT_EQ(with_reload_script("<p>&lt;/body&gt;</p></body></html>", 7),
            "<p>&lt;/body&gt;</p><script src=\"/__acta/reload.js?g=7\" defer></script></body></html>");
  EXPECT_EQ(with_reload_script("<p>no body end", 0), "<p>no body end<script src=\"/__acta/reload.js?g=0\" defer></script>");
}

TEST(LiveReload, StatusWaitsForTheNextBuild) {
  LiveState state;
  state.publish("");
  auto now = state.current();
  EXPECT_EQ(now.generation, 1);
  // A client that has seen an older build is answered at once.
  EXPECT_EQ(state.wait_for_change(0, std::chrono::hours(1)).generation, 1);
  state.publish("content/a.md:3: error: bad \"quote\"\n");
  auto failed = state.wait_for_change(1, std::chrono::hours(1));
  EXPECT_EQ(failed.generation, 2);
  EXPECT_EQ(status_json(failed), R"({"generation":2,"error":"content/a.md:3: error: bad \"quote\"\n"})");
  state.shut_down();
  EXPECT_EQ(state.wait_for_change(2, std::chrono::hours(1)).generation, 2);  // returns: stopping
}

TEST(Watcher, ScratchNames) {
  for (const char* n : {".a.md.swp", "a.md~", "#a.md#", "4913", ".public.acta-staging-12", "a.md.swp"})
    EXPECT_TRUE(is_scratch_name(n)) << n;
  for (const char* n : {"a.md", "layout.mustache", "site-config.yaml"}) EXPECT_FALSE(is_scratch_name(n)) << n;
}

TEST(Watcher, SeesChangesInTreesAndWatchedFilesOnly) {
  auto base = temp_dir("watch");
  touch(base / "content" / "a.md");
  touch(base / "site-config.yaml");
  touch(base / "other.txt");
  fs::create_directories(base / "public");
  Watcher w({base / "content"}, {base / "site-config.yaml"}, base / "public");
  EXPECT_TRUE(w.wait(std::chrono::milliseconds(0)).empty());

  touch(base / "content" / "a.md", "changed");
  auto changed = w.wait(std::chrono::seconds(30));
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(changed[0].filename(), "a.md");

  // A new sub-folder is watched from then on.
  fs::create_directories(base / "content" / "2026");
  w.wait(std::chrono::seconds(30));
  touch(base / "content" / "2026" / "b.md");
  changed = w.wait(std::chrono::seconds(30));
  ASSERT_FALSE(changed.empty());
  EXPECT_EQ(changed.back().filename(), "b.md");

  // Files beside the config, the output folder and editor scratch files do not count; the config does.
  touch(base / "other.txt", "changed");
  touch(base / "public" / "index.html");
  touch(base / "content" / ".a.md.swp");
  touch(base / "site-config.yaml", "title: x\n");
  changed = w.wait(std::chrono::seconds(30));
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(changed[0].filename(), "site-config.yaml");
}
