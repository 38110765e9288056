// Cache records: an analysed document comes back from its bytes exactly as it went in, and damaged bytes
// never come back at all.
#include <fcntl.h>
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
// when a stage asks for it, from the pack the head came from: another build replacing the pack meanwhile
// changes nothing for this one, and a pack written into in place (by another program) is said.
TEST(CacheRecord, TheBodyIsReadWhenNeededFromThePackItsHeadCameFrom) {
  auto archive = seeds();
  config::Config config;
  std::vector<analyze::citations::Lookups> lookups;
  analyze::run_passes(archive, config, nullptr, std::vector<char>(archive.documents.size(), 1), &lookups);
  namespace fs = std::filesystem;
  acta_test::TempDir dir("acta-unit-store", /*create=*/false);  // removed at the end, pass or fail
  std::vector<cache::Hash> keys;
  std::vector<std::string> records;
  for (std::size_t i = 0; i < archive.documents.size(); ++i) {
    cache::Hash content;
    keys.push_back(cache::hash_of(archive.documents[i].source_path));
    records.push_back(cache::encode(archive.documents[i], lookups[i], content));
  }
  const std::string name = cache::Store(dir).save_pack(keys, records);
  cache::Store store(dir);
  std::vector<cache::Record> loaded;
  std::size_t with_citations = 0;
  for (std::size_t i = 0; i < archive.documents.size(); ++i) {
    const auto& doc = archive.documents[i];
    auto back = store.load(keys[i]);
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
    EXPECT_TRUE(back->lookups.empty());  // kept encoded until a build asks
    loaded.push_back(std::move(*back));
  }
  EXPECT_GT(with_citations, 0u);

  // Another build on the same cache writes the pack again (the same members, other records) after this one
  // read the heads: the bodies still come from the pack as it was.
  std::vector<std::string> others(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) others[i] = records[(i + 1) % records.size()];
  EXPECT_EQ(cache::Store(dir).save_pack(keys, others), name);
  for (std::size_t i = 0; i < archive.documents.size(); ++i) {
    const auto& doc = archive.documents[i];
    const model::Document& lazy = loaded[i].doc;
    lazy.need_body();
    ASSERT_EQ(lazy.blocks.size(), doc.blocks.size()) << doc.source_path;
    EXPECT_EQ(lazy.footnotes.size(), doc.footnotes.size());
    auto looked = cache::decode_lookups(loaded[i].lookup_bytes);
    ASSERT_TRUE(looked);
    EXPECT_EQ(looked->size(), lookups[i].size());
    cache::Hash again;
    EXPECT_EQ(cache::encode(lazy, *looked, again), records[i]) << doc.source_path;
  }

  // The pack's bytes changed in place after a head was read (no build of Acta does that).
  cache::Store reading(dir);
  auto back = reading.load(keys[0]);
  ASSERT_TRUE(back);
  const fs::path pack = dir / "docs" / name;
  int fd = ::open(pack.c_str(), O_WRONLY);
  ASSERT_GE(fd, 0);
  std::size_t records_size = 0;
  for (const auto& r : others) records_size += r.size();
  const auto first = fs::file_size(pack) - records_size;  // where keys[0]'s record starts
  ASSERT_EQ(::pwrite(fd, "XXXX", 4, static_cast<off_t>(first + others[0].size() / 2)), 4);
  ::close(fd);
  try {
    back->doc.need_body();
    ADD_FAILURE() << "a changed record was read as the body";
  } catch (const SourceError& e) {
    EXPECT_NE(std::string(e.what()).find("changed in place while this build was reading it"), std::string::npos) << e.what();
  }
}
