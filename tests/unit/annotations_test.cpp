// Sidecar annotations: read with the document, attached to the paragraph they name, and an anchor that
// does not exist stops the build with the sidecar's file and line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "read/content.hpp"
#include "util/error.hpp"

using namespace acta;
namespace fs = std::filesystem;

namespace {

const char* kDoc = R"X(---
symbol: A/RES/1/1
title: 测试
---

大会，

回顾其决议，

1. 注意到报告；

2. 鼓励各国：

(a) 制订战略；
)X";

struct Folder {
  fs::path dir;
  explicit Folder(const std::string& name) {
    dir = fs::temp_directory_path() / ("acta-unit-annotations-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Folder() { fs::remove_all(dir); }
  void write(const std::string& name, const std::string& text) const { std::ofstream(dir / name, std::ios::binary) << text; }
};

}  // namespace

TEST(Annotations, AttachToTheirParagraphWithMarkdownAuthorAndDate) {
  Folder f("ok");
  f.write("doc.md", kDoc);
  f.write("doc.yaml", "annotations:\n  - anchor: para_2__point_a\n    note: 见 **第 1 段**。\n    author: 编辑部\n    date: 2026-01-10\n"
                      "  - anchor: preamble__p_1\n    note: 序言注\n");
  auto doc = read::read_document(f.dir / "doc.md", f.dir);
  ASSERT_EQ(doc.annotations.size(), 2u);
  EXPECT_EQ(doc.annotations[0].anchor, "para_2__point_a");
  EXPECT_EQ(doc.annotations[0].author, "编辑部");
  EXPECT_EQ(doc.annotations[0].date, "2026-01-10");
  EXPECT_EQ(model::plain_text(doc.annotations[0].content), "见 第 1 段。");
  EXPECT_EQ(doc.annotations[1].anchor, "preamble__p_1");
  EXPECT_NE(doc.find_block("para_2__point_a"), nullptr);
}

TEST(Annotations, MissingAnchorIsAnErrorNamingSidecarFileAndLine) {
  Folder f("missing");
  f.write("doc.md", kDoc);
  f.write("doc.yaml", "title: 测试\nannotations:\n  - author: 编辑部\n    anchor: para_15\n    note: 此段已删除。\n");
  try {
    read::read_document(f.dir / "doc.md", f.dir);
    FAIL() << "expected a SourceError";
  } catch (const SourceError& e) {
    EXPECT_NE(e.where().file.find("doc.yaml"), std::string::npos) << e.what();
    EXPECT_EQ(e.where().line, 4) << e.what();  // the line of "anchor: para_15"
    EXPECT_NE(e.message().find("para_15"), std::string::npos) << e.what();
    EXPECT_NE(e.message().find("does not exist"), std::string::npos) << e.what();
  }
}

TEST(Annotations, MissingAnchorSuggestsTheNearestId) {
  Folder f("hint");
  f.write("doc.md", kDoc);
  f.write("doc.yaml", "annotations:\n  - anchor: para_2__point\n    note: x\n");
  try {
    read::read_document(f.dir / "doc.md", f.dir);
    FAIL() << "expected a SourceError";
  } catch (const SourceError& e) {
    EXPECT_EQ(e.where().line, 2);
    EXPECT_NE(e.message().find("did you mean 'para_2__point_a'"), std::string::npos) << e.what();
  }
}
