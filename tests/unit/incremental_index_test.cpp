// Incremental search index: groups of documents kept from an earlier build give the index a build from
// scratch gives, even when the archive-wide average length (and so every impact) has changed.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "analyze/search/index.hpp"
#include "read/markdown.hpp"

using namespace acta;
using namespace acta::analyze::search;

namespace {

model::Document doc_of(const std::string& markdown, std::size_t i) {
  auto d = read::read_markdown(markdown, "doc" + std::to_string(i) + ".md");
  d.slug = "doc" + std::to_string(i);
  model::assign_ids(d);
  model::assign_footnote_ids(d);
  return d;
}

std::string text(std::size_t i) {
  return "# 文件" + std::to_string(i) + "\n\n" + std::to_string(i % 7 + 1) + ". 鼓励各国保护冰川和淡水，第 62/" +
         std::to_string(i) + " 号决议。\n";
}

void expect_same(const Index& a, const Index& b) {
  ASSERT_EQ(a.postings.size(), b.postings.size());
  for (std::size_t k = 0; k < a.postings.size(); ++k) {
    EXPECT_EQ(a.postings[k].key, b.postings[k].key);
    EXPECT_EQ(a.postings[k].data, b.postings[k].data) << a.postings[k].key;
  }
  ASSERT_EQ(a.docs.size(), b.docs.size());
  for (std::size_t d = 0; d < a.docs.size(); ++d) EXPECT_EQ(a.docs[d].length, b.docs[d].length);
}

}  // namespace

TEST(IncrementalIndex, KeptGroupsGiveTheIndexABuildFromScratchGives) {
  const std::size_t n = 2 * kGroupSize + 40;  // three groups, the last one short
  model::Archive archive;
  for (std::size_t i = 0; i < n; ++i) archive.documents.push_back(doc_of(text(i), i));
  archive.reindex();
  config::Config config;

  std::map<std::size_t, std::string> saved;
  GroupStore store;
  store.save = [&](std::size_t g, std::string bytes) { saved[g] = std::move(bytes); };
  expect_same(build_index(archive, config, &store), build_index(archive, config));
  ASSERT_EQ(saved.size(), 3u);

  // One document of the middle group changes and grows a lot: the average length moves, so impacts in the
  // kept groups must be recomputed, not kept.
  const std::size_t changed = kGroupSize + 5;
  std::string longer = text(changed);
  for (int i = 0; i < 200; ++i) longer += "\n" + std::to_string(i + 10) + ". 荒漠化和生物多样性的新段落。\n";
  archive.documents[changed] = doc_of(longer, changed);
  archive.reindex();

  std::set<std::size_t> loaded;
  store.load = [&](std::size_t g) -> std::optional<GroupBytes> {
    if (g == changed / kGroupSize) return std::nullopt;  // its documents changed: the caller's key differs
    loaded.insert(g);
    return GroupBytes::owning(saved.at(g));
  };
  expect_same(build_index(archive, config, &store), build_index(archive, config));
  EXPECT_EQ(loaded, (std::set<std::size_t>{0, 2}));

  // A small edit leaves the rounded average length as it was: the kept groups are used as they are (only the
  // changed group is indexed and saved), and the index is still the one a build from scratch gives.
  for (std::size_t g = 0; g < 3; ++g) saved[g] = "";
  build_index(archive, config, &store);  // saves every group with the current average
  const auto before = saved;
  std::string edited = longer;
  edited.replace(edited.find("冰川"), std::string("冰川").size(), "湖泊");
  archive.documents[changed] = doc_of(edited, changed);
  archive.reindex();
  std::set<std::size_t> rewritten;
  store.load = [&](std::size_t g) -> std::optional<GroupBytes> {
    if (g == changed / kGroupSize) return std::nullopt;
    return GroupBytes::owning(before.at(g));
  };
  store.save = [&](std::size_t g, std::string bytes) {
    rewritten.insert(g);
    saved[g] = std::move(bytes);
  };
  expect_same(build_index(archive, config, &store), build_index(archive, config));
  EXPECT_EQ(rewritten, (std::set<std::size_t>{changed / kGroupSize}));

  // Damaged bytes are not used: the group is indexed again.
  store.load = [&](std::size_t g) -> std::optional<GroupBytes> { return GroupBytes::owning(saved.at(g).substr(0, saved.at(g).size() / 2)); };
  expect_same(build_index(archive, config, &store), build_index(archive, config));
}
