// Cache records: an analysed document comes back from its bytes exactly as it went in, and damaged bytes
// never come back at all.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "analyze/passes.hpp"
#include "cache/record.hpp"
#include "cache/store.hpp"
#include "read/content.hpp"
#include "../common/temp_dir.hpp"

using namespace acta;

namespace {

model::Archive seeds() {
  config::Config config;
  config.root = ACTA_SOURCE_DIR;
  return read::read_archive(config);
}

}  // namespace

TEST(CacheRecord, EverySeedComesBackAsItWent) {
  auto archive = seeds();
  config::Config config;
  std::vector<analyze::citations::Lookups> lookups;
  analyze::run_passes(archive, config, nullptr, std::vector<char>(archive.documents.size(), 1), &lookups);
  ASSERT_GE(archive.documents.size(), 5u);
  std::size_t with_lookups = 0;
  for (std::size_t i = 0; i < archive.documents.size(); ++i) {
    cache::Hash content;
    std::string bytes = cache::encode(archive.documents[i], lookups[i], content);
    auto back = cache::decode(bytes);
    ASSERT_TRUE(back) << archive.documents[i].source_path;
    EXPECT_EQ(back->content, content);
    EXPECT_EQ(back->lookups.size(), lookups[i].size());
    with_lookups += !lookups[i].empty();
    cache::Hash again;
    EXPECT_EQ(cache::encode(back->doc, back->lookups, again), bytes) << archive.documents[i].source_path;
    EXPECT_EQ(again, content);
  }
  EXPECT_GT(with_lookups, 0u);
}

TEST(CacheRecord, DamagedBytesAreNotARecord) {
  auto archive = seeds();
  cache::Hash content;
  std::string bytes = cache::encode(archive.documents[0], {}, content);
  EXPECT_FALSE(cache::decode(bytes.substr(0, bytes.size() - 1)));
  EXPECT_FALSE(cache::decode(bytes.substr(0, 20)));
  EXPECT_FALSE(cache::decode(""));
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x20;
  EXPECT_FALSE(cache::decode(flipped));
  EXPECT_FALSE(cache::decode(bytes + "x"));
}

// A build from the cache reads each record's head (metadata, citations, block ids, topics) and its body only
// when a stage asks for it; a record that changed in between (another build on the same cache) is said.
TEST(CacheRecord, TheBodyIsReadWhenNeededAndAChangedRecordIsSaid) {
  auto archive = seeds();
  config::Config config;
  std::vector<analyze::citations::Lookups> lookups;
  analyze::run_passes(archive, config, nullptr, std::vector<char>(archive.documents.size(), 1), &lookups);
  namespace fs = std::filesystem;
  acta_test::TempDir dir("acta-unit-store", /*create=*/false);  // removed at the end, pass or fail
  cache::Store store(dir);
  std::size_t with_citations = 0;
  for (std::size_t i = 0; i < archive.documents.size(); ++i) {
    const auto& doc = archive.documents[i];
    cache::Hash content, key = cache::hash_of(doc.source_path);
    std::string bytes = cache::encode(doc, lookups[i], content);
    store.put("docs", key, bytes);
    auto back = store.load(key);
    ASSERT_TRUE(back) << doc.source_path;
    const model::Document& lazy = back->doc;
    ASSERT_TRUE(lazy.pending);
    EXPECT_TRUE(lazy.blocks.empty());
    EXPECT_EQ(lazy.meta.symbol, doc.meta.symbol);
    EXPECT_EQ(lazy.topic_ids, doc.topic_ids);
    EXPECT_EQ(lazy.citations.size(), doc.citations.size());
    with_citations += !doc.citations.empty();
    std::vector<std::string> ids, expected;
    lazy.for_each_block_id([&](const std::string& id) { ids.push_back(id); });
    for (const auto& b : doc.blocks) expected.push_back(b.id);
    EXPECT_EQ(ids, expected);
    lazy.need_body();
    ASSERT_EQ(lazy.blocks.size(), doc.blocks.size());
    EXPECT_EQ(lazy.footnotes.size(), doc.footnotes.size());
    EXPECT_TRUE(back->lookups.empty());  // kept encoded until a build asks
    auto looked = cache::decode_lookups(back->lookup_bytes);
    ASSERT_TRUE(looked);
    EXPECT_EQ(looked->size(), lookups[i].size());
    cache::Hash again;
    EXPECT_EQ(cache::encode(lazy, *looked, again), bytes) << doc.source_path;
  }
  EXPECT_GT(with_citations, 0u);

  // The record is rewritten (here: cut short) after its head was read.
  cache::Hash content, key = cache::hash_of("changed");
  store.put("docs", key, cache::encode(archive.documents[0], lookups[0], content));
  auto back = store.load(key);
  ASSERT_TRUE(back);
  for (const auto& e : fs::recursive_directory_iterator(dir / "docs"))
    if (e.is_regular_file() && e.path().filename() == key.hex()) fs::resize_file(e.path(), 10);
  try {
    back->doc.need_body();
    ADD_FAILURE() << "a changed record was read as the body";
  } catch (const SourceError& e) {
    EXPECT_NE(std::string(e.what()).find("changed while this build was reading it"), std::string::npos) << e.what();
  }
}
