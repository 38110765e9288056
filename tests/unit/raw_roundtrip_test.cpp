// `acta import` round trip: every raw document of content/, written as Markdown and read back with the
// Markdown reader, gives the same model (blocks, kinds, numbers, ids, text, footnotes).
#include <gtest/gtest.h>

#include <filesystem>

#include "model/document.hpp"
#include "read/content.hpp"
#include "read/markdown.hpp"
#include "write/markdown_export.hpp"

using namespace acta;
namespace fs = std::filesystem;

namespace {

std::string describe(const model::Inlines& inlines) {
  std::string out;
  for (const auto& in : inlines) {
    out += "<" + std::to_string(static_cast<int>(in.kind)) + ":" + in.text + "|" + in.target() + "|" +
           describe(in.children) + ">";
  }
  return out;
}

std::vector<fs::path> raw_sources() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(ACTA_SOURCE_DIR) / "content"))
    if (e.path().extension() == ".txt") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST(RawRoundTrip, EverySeedReadsBackTheSame) {
  auto sources = raw_sources();
  ASSERT_GE(sources.size(), 5u);  // the five seeds, and any raw document added since
  for (const auto& path : sources) {
    SCOPED_TRACE(path.filename().string());
    model::Document raw = read::read_document(path, path.parent_path());
    std::string md = write::export_markdown(raw);
    model::Document back = read::read_markdown(md, "import.md");
    model::assign_ids(back);
    model::assign_footnote_ids(back);

    EXPECT_EQ(back.meta.symbol, raw.meta.symbol);
    EXPECT_EQ(back.meta.title, raw.meta.title);
    EXPECT_EQ(back.meta.date, raw.meta.date);
    EXPECT_EQ(back.meta.session, raw.meta.session);
    EXPECT_EQ(back.meta.agenda_item, raw.meta.agenda_item);
    EXPECT_EQ(back.meta.kind, raw.meta.kind);
    EXPECT_EQ(back.meta.meeting, raw.meta.meeting);
    ASSERT_EQ(back.blocks.size(), raw.blocks.size());
    for (std::size_t i = 0; i < raw.blocks.size(); ++i) {
      SCOPED_TRACE("block " + std::to_string(i) + " " + raw.blocks[i].id);
      EXPECT_EQ(back.blocks[i].kind, raw.blocks[i].kind);
      EXPECT_EQ(back.blocks[i].number, raw.blocks[i].number);
      EXPECT_EQ(back.blocks[i].level, raw.blocks[i].level);
      EXPECT_EQ(back.blocks[i].id, raw.blocks[i].id);
      EXPECT_EQ(describe(back.blocks[i].content), describe(raw.blocks[i].content));
    }
    ASSERT_EQ(back.footnotes.size(), raw.footnotes.size());
    for (std::size_t i = 0; i < raw.footnotes.size(); ++i) {
      EXPECT_EQ(back.footnotes[i].label, raw.footnotes[i].label);
      EXPECT_EQ(back.footnotes[i].id, raw.footnotes[i].id);
      ASSERT_EQ(back.footnotes[i].paragraphs.size(), raw.footnotes[i].paragraphs.size());
      for (std::size_t p = 0; p < raw.footnotes[i].paragraphs.size(); ++p)
        EXPECT_EQ(describe(back.footnotes[i].paragraphs[p]), describe(raw.footnotes[i].paragraphs[p]));
    }
    for (const auto& d : back.diagnostics) ADD_FAILURE() << "the exported Markdown reads with a warning: " << d.str();
  }
}

// The report's stray link lines name the resolution its page cites: each link's block range must hold the
// paragraph that cites it.
TEST(RawSeeds, StrayLinksCoverThePageThatCitesThem) {
  fs::path path = fs::path(ACTA_SOURCE_DIR) / "content" / "a-72-152.txt";
  model::Document d = read::read_document(path, path.parent_path());
  ASSERT_EQ(d.stray_links.size(), 5u);
  auto covers = [&](const model::StrayLink& s, const std::string& id) {
    for (std::size_t i = s.first_block; i < s.end_block; ++i)
      if (d.blocks[i].id == id) return true;
    return false;
  };
  const std::pair<const char*, const char*> expected[] = {
      {"https://undocs.org/ch/A/RES/71/228", "para_1"}, {"https://undocs.org/ch/A/RES/71/229", "para_22"},
      {"https://undocs.org/ch/A/RES/71/229", "para_22"}, {"https://undocs.org/ch/A/RES/71/229", "para_45"},
      {"https://undocs.org/ch/A/RES/71/230", "para_48"}};
  for (std::size_t i = 0; i < 5; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(d.stray_links[i].url, expected[i].first);
    EXPECT_TRUE(covers(d.stray_links[i], expected[i].second));
    EXPECT_LT(d.stray_links[i].end_block - d.stray_links[i].first_block, 30u);  // one page, not the document
  }
}
