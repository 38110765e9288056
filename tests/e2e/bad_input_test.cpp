// The bad-input suite: every folder of tests/bad-input is a case. The runner builds a good site first, then
// puts the case's files in place (content/, and site-config.yaml or templates/ when the case has them) and
// builds again, checking the exit status, the messages named in the case's `expect` file and, when the build
// fails, that the previous public/ is unchanged.
//
// `expect` lines: "status: N", "stderr: TEXT" (must appear in the output), "file: PATH" (must exist in
// public/), "contains: PATH: TEXT" and "lacks: PATH: TEXT" (about a file in public/).
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "e2e_support.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kCases = fs::path(ACTA_SOURCE_DIR) / "tests" / "bad-input";

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(kCases))
    if (e.is_directory()) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

using e2e::snapshot;

std::string unescape(std::string s) {
  for (std::size_t p; (p = s.find("\\r")) != std::string::npos;) s.replace(p, 2, "\r");
  return s;
}

class BadInput : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(BadInput, ClearMessageAndPreviousSiteKept) {
  const fs::path case_dir = kCases / GetParam();
  auto site = e2e::make_site("bad-" + GetParam(), "title: 测试档案\nlanguage: zh-Hans\n");
  e2e::write(site / "content" / "base.md", "---\ntitle: 基线\nsymbol: A/RES/100/100\n---\n\n大会，\n\n1. 决定。\n");
  auto first = e2e::acta(site, "build");
  ASSERT_EQ(first.status, 0) << first.out;
  auto before = snapshot(site / "public");

  if (fs::exists(case_dir / "content")) {
    fs::remove_all(site / "content");
    fs::copy(case_dir / "content", site / "content", fs::copy_options::recursive | fs::copy_options::copy_symlinks);
  }
  for (const auto& e : fs::directory_iterator(case_dir)) {
    auto name = e.path().filename();
    if (name == "content" || name == "expect") continue;
    fs::copy(e.path(), site / name,
             fs::copy_options::recursive | fs::copy_options::overwrite_existing | fs::copy_options::copy_symlinks);
  }
  auto run = e2e::acta(site, "build");

  std::istringstream expect(e2e::read(case_dir / "expect"));
  int status = 0;
  for (std::string line; std::getline(expect, line);) {
    auto colon = line.find(": ");
    if (colon == std::string::npos) continue;
    std::string key = line.substr(0, colon), value = line.substr(colon + 2);
    if (key == "status") {
      status = std::stoi(value);
      EXPECT_EQ(run.status, status) << run.out;
    } else if (key == "stderr") {
      EXPECT_NE(run.out.find(value), std::string::npos) << "expected message: " << value << "\ngot:\n" << run.out;
    } else if (key == "file") {
      EXPECT_TRUE(fs::exists(site / "public" / value)) << value;
    } else if (key == "contains" || key == "lacks") {
      auto sep = value.find(": ");
      std::string text = e2e::read(site / "public" / value.substr(0, sep));
      bool found = text.find(unescape(value.substr(sep + 2))) != std::string::npos;
      EXPECT_EQ(found, key == "contains") << line;
    } else {
      ADD_FAILURE() << "unknown expect line: " << line;
    }
  }
  if (status != 0) {
    EXPECT_EQ(snapshot(site / "public"), before) << "a failed build changed public/";
    EXPECT_EQ(run.out.find("Segmentation"), std::string::npos);
  }
  for (const auto& e : fs::directory_iterator(site))
    EXPECT_NE(e.path().filename().string().rfind(".public.acta-", 0), 0u) << "left behind: " << e.path();
}

INSTANTIATE_TEST_SUITE_P(Cases, BadInput, ::testing::ValuesIn(case_names()),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (auto& c : n)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

TEST(BadInputSuite, HasAtLeastThirtyCases) { EXPECT_GE(case_names().size(), 30u); }
