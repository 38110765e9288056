// `acta init DIR` writes an archive that builds as it is, and never writes into a folder that has files.
#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace fs = std::filesystem;

TEST(Init, NewArchiveBuilds) {
  e2e::TempDir base("acta-e2e-init");
  auto run = e2e::acta(base, "init my-archive");
  ASSERT_EQ(run.status, 0) << run.out;
  fs::path dir = base / "my-archive";
  EXPECT_TRUE(fs::exists(dir / "site-config.yaml"));
  EXPECT_TRUE(fs::exists(dir / "templates" / "layout.mustache"));
  EXPECT_TRUE(fs::exists(dir / "templates" / "assets" / "style.css"));
  // The copied templates are the project's own.
  EXPECT_EQ(e2e::read(dir / "templates" / "document.mustache"), e2e::read(fs::path(ACTA_SOURCE_DIR) / "templates" / "document.mustache"));
  int docs = 0;
  for (const auto& e : fs::directory_iterator(dir / "content")) docs += e.path().extension() == ".md";
  EXPECT_EQ(docs, 1);

  auto build = e2e::acta(dir, "build");
  ASSERT_EQ(build.status, 0) << build.out;
  EXPECT_NE(build.out.find("1 documents"), std::string::npos) << build.out;
  EXPECT_NE(build.out.find(" 0 warnings"), std::string::npos) << build.out;
  std::string index = e2e::read(dir / "public" / "index.html");
  EXPECT_NE(index.find("href=\"doc/example.html\""), std::string::npos) << index;
  std::string page = e2e::read(dir / "public" / "doc" / "example.html");
  EXPECT_NE(page.find("id=\"para_2__point_b\""), std::string::npos);
  EXPECT_NE(page.find("data-footnote-ref"), std::string::npos);
}

TEST(Init, RefusesAFolderWithFiles) {
  e2e::TempDir base("acta-e2e-init-full");
  e2e::write(base / "mine" / "notes.txt", "keep me");
  auto run = e2e::acta(base, "init mine");
  EXPECT_NE(run.status, 0);
  EXPECT_NE(run.out.find("not empty"), std::string::npos) << run.out;
  EXPECT_EQ(e2e::read(base / "mine" / "notes.txt"), "keep me");
  EXPECT_FALSE(fs::exists(base / "mine" / "site-config.yaml"));
  auto missing = e2e::acta(base, "init");
  EXPECT_NE(missing.status, 0);
}
