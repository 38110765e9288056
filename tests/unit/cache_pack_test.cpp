// Packs of cache records: a new store finds every record by its key in the pack of its group, a group that
// did not change keeps its pack file, a changed one is written again (and only that one), what no group uses
// is removed, and a damaged pack is a missing one, never an error.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "analyze/passes.hpp"
#include "cache/pack.hpp"
#include "cache/record.hpp"
#include "cache/store.hpp"
#include "read/content.hpp"
#include "../common/temp_dir.hpp"

using namespace acta;
namespace fs = std::filesystem;

namespace {

struct Analysed {
  model::Archive archive;
  std::vector<analyze::citations::Lookups> lookups;
};

const Analysed& seeds() {
  static const Analysed a = [] {
    config::Config config;
    config.root = ACTA_SOURCE_DIR;
    Analysed a;
    a.archive = read::read_archive(config);
    analyze::run_passes(a.archive, config, nullptr, std::vector<char>(a.archive.documents.size(), 1), &a.lookups);
    return a;
  }();
  return a;
}

// A group of documents as a build saves it: their keys in order, and the records made in this build (an
// empty one: taken from the cache).
struct Group {
  std::vector<cache::Hash> keys;
  std::vector<std::string> records;
  std::vector<std::size_t> docs;  // which seed each member is
};

std::string record_of(std::size_t doc) {
  cache::Hash content;
  return cache::encode(seeds().archive.documents[doc], seeds().lookups[doc], content);
}

// `sizes.size()` groups of the seeds' records (the seeds over and over) under made-up keys.
std::vector<Group> make_groups(const std::vector<std::size_t>& sizes) {
  std::vector<Group> groups;
  std::size_t next = 0;
  for (std::size_t size : sizes) {
    Group g;
    for (std::size_t i = 0; i < size; ++i, ++next) {
      const std::size_t doc = next % seeds().archive.documents.size();
      g.keys.push_back(cache::hash_of("document " + std::to_string(next)));
      g.records.push_back(record_of(doc));
      g.docs.push_back(doc);
    }
    groups.push_back(std::move(g));
  }
  return groups;
}

// What a build does with the store: looks every document up (so that the store knows the packs), then saves
// each group (`made[g]`: the members made again, the others from the cache) and removes the other packs.
std::vector<std::string> build(const fs::path& dir, const std::vector<Group>& groups,
                               const std::map<std::size_t, std::set<std::size_t>>& made, bool all_made = false) {
  cache::Store store(dir);
  for (const auto& g : groups)
    for (const auto& k : g.keys) (void)store.load(k);
  std::vector<std::string> names;
  for (std::size_t gi = 0; gi < groups.size(); ++gi) {
    std::vector<std::string> records(groups[gi].keys.size());
    for (std::size_t i = 0; i < records.size(); ++i)
      if (all_made || (made.count(gi) && made.at(gi).count(i))) records[i] = groups[gi].records[i];
    names.push_back(store.save_pack(groups[gi].keys, records));
  }
  store.keep_packs(names);
  return names;
}

struct FileId {
  ino_t inode = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const FileId&) const = default;
};

FileId id_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return {st.st_ino, static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

std::set<std::string> entries_of(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

// Every record of `groups` is found by a new store and reads back whole: head, body, the same bytes again.
void expect_found(const fs::path& dir, const std::vector<Group>& groups) {
  cache::Store store(dir);
  for (const auto& g : groups)
    for (std::size_t i = 0; i < g.keys.size(); ++i) {
      const auto& doc = seeds().archive.documents[g.docs[i]];
      auto back = store.load(g.keys[i]);
      ASSERT_TRUE(back) << doc.source_path;
      EXPECT_EQ(back->doc.meta.symbol, doc.meta.symbol);
      EXPECT_TRUE(back->doc.blocks.empty());  // the body is read when asked
      back->doc.need_body();
      EXPECT_EQ(back->doc.blocks.size(), doc.blocks.size());
      auto lookups = cache::decode_lookups(back->lookup_bytes);
      ASSERT_TRUE(lookups);
      cache::Hash content;
      EXPECT_EQ(cache::encode(back->doc, *lookups, content), g.records[i]) << doc.source_path;
    }
}

}  // namespace

TEST(CachePack, FormatReadsBackAndRejectsDamage) {
  const std::vector<std::string> records = {"first record", "", "third, a little longer than the others"};
  std::vector<cache::PackEntry> entries;
  for (std::size_t i = 0; i < records.size(); ++i) entries.push_back({cache::hash_of(std::to_string(i)), records[i]});
  std::string pack = cache::pack_head(entries);
  for (const auto& r : records) pack += r;

  auto back = cache::read_pack(pack);
  ASSERT_TRUE(back);
  ASSERT_EQ(back->size(), records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ((*back)[i].key, entries[i].key);
    EXPECT_EQ((*back)[i].bytes, records[i]);
  }
  auto empty = cache::read_pack(cache::pack_head({}));
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());

  for (std::size_t cut = 0; cut < pack.size(); ++cut) EXPECT_FALSE(cache::read_pack(pack.substr(0, cut))) << "cut at " << cut;
  EXPECT_FALSE(cache::read_pack(pack + "x"));
  EXPECT_FALSE(cache::read_pack("garbage"));
  const std::string head = cache::pack_head(entries);
  for (std::size_t at = 0; at < head.size(); ++at) {  // every byte of the magic line and the directory
    std::string flipped = pack;
    flipped[at] ^= 0x01;
    EXPECT_FALSE(cache::read_pack(flipped)) << "flipped at " << at;
  }
  std::string other = pack;
  other.replace(other.find("acta-pack-"), 11, "acta-pack-0");  // another version
  EXPECT_FALSE(cache::read_pack(other));

  const std::vector<cache::Hash> keys = {entries[0].key, entries[1].key};
  EXPECT_EQ(cache::pack_name(keys), cache::pack_name(keys));
  EXPECT_NE(cache::pack_name(keys), cache::pack_name({entries[1].key, entries[0].key}));
  EXPECT_TRUE(cache::is_pack_name(cache::pack_name(keys)));
  EXPECT_FALSE(cache::is_pack_name(cache::pack_name(keys) + ".tmp-12-34"));
  EXPECT_FALSE(cache::is_pack_name(entries[0].key.hex()));
}

TEST(CachePack, ANewStoreFindsEveryRecordByItsKey) {
  acta_test::TempDir dir("acta-unit-packs", /*create=*/false);
  auto groups = make_groups({5, 5, 3});
  auto names = build(dir, groups, {}, /*all_made=*/true);
  EXPECT_EQ(entries_of(dir / "docs"), std::set<std::string>(names.begin(), names.end()));
  EXPECT_EQ(names.size(), 3u);
  expect_found(dir, groups);
  cache::Store store(dir);
  EXPECT_FALSE(store.load(cache::hash_of("never saved")));
}

TEST(CachePack, OnlyAChangedGroupsPackIsWritten) {
  acta_test::TempDir dir("acta-unit-packs-kept", /*create=*/false);
  auto groups = make_groups({4, 4, 4});
  auto names = build(dir, groups, {}, /*all_made=*/true);
  auto ids = [&] {
    std::vector<FileId> out;
    for (const auto& n : names) out.push_back(id_of(dir / "docs" / n));
    return out;
  };
  const auto first = ids();

  // Nothing changed: every pack stays as it was.
  EXPECT_EQ(build(dir, groups, {}), names);
  EXPECT_EQ(ids(), first);
  EXPECT_EQ(entries_of(dir / "docs").size(), 3u);
  expect_found(dir, groups);

  // One document of the middle group analysed again (a citation's answer changed: same key, a new record).
  groups[1].records[2] = record_of((groups[1].docs[2] + 1) % seeds().archive.documents.size());
  groups[1].docs[2] = (groups[1].docs[2] + 1) % seeds().archive.documents.size();
  EXPECT_EQ(build(dir, groups, {{1, {2}}}), names);  // the same members: the same name
  auto now = ids();
  EXPECT_EQ(now[0], first[0]);
  EXPECT_NE(now[1], first[1]);
  EXPECT_EQ(now[2], first[2]);
  expect_found(dir, groups);

  // One document of the first group edited: a new key, so its group's pack has a new name; the old one goes.
  groups[0].keys[1] = cache::hash_of("document 1, edited");
  auto edited = build(dir, groups, {{0, {1}}});
  EXPECT_NE(edited[0], names[0]);
  EXPECT_EQ(edited[1], names[1]);
  EXPECT_EQ(edited[2], names[2]);
  EXPECT_EQ(entries_of(dir / "docs"), std::set<std::string>(edited.begin(), edited.end()));
  EXPECT_EQ(id_of(dir / "docs" / names[1]), now[1]);
  EXPECT_EQ(id_of(dir / "docs" / names[2]), first[2]);
  expect_found(dir, groups);

  // The last document removed: the last group is written again without it, from the records in the cache.
  const cache::Hash removed = groups[2].keys.back();
  groups[2].keys.pop_back();
  groups[2].records.pop_back();
  groups[2].docs.pop_back();
  auto shorter = build(dir, groups, {});
  EXPECT_EQ(shorter[0], edited[0]);
  EXPECT_EQ(shorter[1], edited[1]);
  EXPECT_NE(shorter[2], edited[2]);
  EXPECT_EQ(entries_of(dir / "docs"), std::set<std::string>(shorter.begin(), shorter.end()));
  EXPECT_EQ(id_of(dir / "docs" / names[1]), now[1]);
  expect_found(dir, groups);
  EXPECT_FALSE(cache::Store(dir).load(removed));

  // A group emptied: no pack at all.
  shorter.pop_back();
  groups.pop_back();
  cache::Store(dir).keep_packs(shorter);
  EXPECT_EQ(entries_of(dir / "docs"), std::set<std::string>(shorter.begin(), shorter.end()));

  // What the layout before packs left (one file per document in docs/xx/), and a killed build's temporary
  // file, are removed by the next build.
  const std::string old_key = cache::hash_of("old").hex();
  fs::create_directories(dir / "docs" / old_key.substr(0, 2));
  std::ofstream(dir / "docs" / old_key.substr(0, 2) / old_key) << "an old record";
  fs::create_directories(dir / "docs" / "ff");
  std::ofstream(dir / "docs" / (shorter[0] + ".tmp-1-2")) << "half a pack";
  EXPECT_EQ(build(dir, groups, {}), shorter);
  EXPECT_EQ(entries_of(dir / "docs"), std::set<std::string>(shorter.begin(), shorter.end()));
  expect_found(dir, groups);
}

TEST(CachePack, ADamagedPackIsAMissingOne) {
  acta_test::TempDir dir("acta-unit-packs-damaged", /*create=*/false);
  auto groups = make_groups({3, 3, 3, 3, 3, 3});
  auto names = build(dir, groups, {}, /*all_made=*/true);
  const fs::path docs = dir / "docs";
  fs::resize_file(docs / names[0], fs::file_size(docs / names[0]) / 2);  // truncated
  std::ofstream(docs / names[1], std::ios::trunc) << "garbage";
  fs::resize_file(docs / names[2], 0);  // empty (cannot be mapped)
  {  // another version
    std::string bytes = [&] {
      std::ifstream in(docs / names[3], std::ios::binary);
      return std::string(std::istreambuf_iterator<char>(in), {});
    }();
    bytes.replace(0, 11, "acta-pack-0");
    std::ofstream(docs / names[3], std::ios::binary | std::ios::trunc) << bytes;
  }
  {  // one record of a sound pack damaged: that record is missing, the others are found
    int fd = ::open((docs / names[4]).c_str(), O_WRONLY);
    ASSERT_GE(fd, 0);
    const auto size = fs::file_size(docs / names[4]);
    ASSERT_EQ(::pwrite(fd, "XXXX", 4, static_cast<off_t>(size - groups[4].records.back().size() / 2)), 4);
    ::close(fd);
  }

  cache::Store store(dir);
  for (std::size_t g = 0; g < 4; ++g)
    for (const auto& k : groups[g].keys) EXPECT_NO_THROW(EXPECT_FALSE(store.load(k))) << "group " << g;
  EXPECT_TRUE(store.load(groups[4].keys[0]));
  EXPECT_TRUE(store.load(groups[4].keys[1]));
  EXPECT_FALSE(store.load(groups[4].keys[2]));
  EXPECT_TRUE(store.load(groups[5].keys[0]));

  // The next build reads those documents again and writes their groups whole.
  std::map<std::size_t, std::set<std::size_t>> made = {{0, {0, 1, 2}}, {1, {0, 1, 2}}, {2, {0, 1, 2}}, {3, {0, 1, 2}}, {4, {2}}};
  EXPECT_EQ(build(dir, groups, made), names);
  expect_found(dir, groups);
}
