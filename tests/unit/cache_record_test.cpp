// Cache records: an analysed document comes back from its bytes exactly as it went in, and damaged bytes
// never come back at all.
#include <gtest/gtest.h>

#include "analyze/passes.hpp"
#include "cache/record.hpp"
#include "read/content.hpp"

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
