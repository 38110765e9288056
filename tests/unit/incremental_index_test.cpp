// Incremental search index: groups of documents kept from an earlier build give the index a build from
// scratch gives, even when the archive-wide average length (and so every impact) has changed.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <mutex>
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
  const std::size_t n = 2 * kMaxGroup + 40;  // three groups or more, as no group holds more than kMaxGroup
  model::Archive archive;
  for (std::size_t i = 0; i < n; ++i) archive.documents.push_back(doc_of(text(i), i));
  archive.reindex();
  config::Config config;
  const auto starts = group_starts(archive);
  const std::size_t groups = starts.size() - 1;
  ASSERT_GE(groups, 3u);
  auto group_of = [&](std::size_t d) { return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), d) - starts.begin()) - 1; };

  // build_index calls load and save from its threads, for several groups at once: every callback locks.
  std::mutex m;
  std::map<std::size_t, std::string> saved;
  GroupStore store;
  store.save = [&](std::size_t g, std::string bytes) {
    std::lock_guard lock(m);
    saved[g] = std::move(bytes);
  };
  expect_same(build_index(archive, config, &store), build_index(archive, config));
  ASSERT_EQ(saved.size(), groups);

  // One document of the second group changes and grows a lot: the average length moves, so impacts in the
  // kept groups must be recomputed, not kept.
  const std::size_t changed = starts[1] + 5, changed_group = group_of(changed);
  ASSERT_EQ(changed_group, 1u);
  std::string longer = text(changed);
  for (int i = 0; i < 200; ++i) longer += "\n" + std::to_string(i + 10) + ". 荒漠化和生物多样性的新段落。\n";
  archive.documents[changed] = doc_of(longer, changed);
  archive.reindex();

  std::set<std::size_t> loaded;
  store.load = [&](std::size_t g) -> std::optional<GroupBytes> {
    if (g == changed_group) return std::nullopt;  // its documents changed: the caller's key differs
    std::lock_guard lock(m);
    loaded.insert(g);
    return GroupBytes::owning(saved.at(g));
  };
  expect_same(build_index(archive, config, &store), build_index(archive, config));
  EXPECT_EQ(loaded.size(), groups - 1);
  EXPECT_FALSE(loaded.count(changed_group));

  // A small edit leaves the rounded average length as it was: the kept groups are used as they are (only the
  // changed group is indexed and saved), and the index is still the one a build from scratch gives.
  for (std::size_t g = 0; g < groups; ++g) saved[g] = "";
  build_index(archive, config, &store);  // saves every group with the current average
  const auto before = saved;
  std::string edited = longer;
  edited.replace(edited.find("冰川"), std::string("冰川").size(), "湖泊");
  archive.documents[changed] = doc_of(edited, changed);
  archive.reindex();
  std::set<std::size_t> rewritten;
  store.load = [&](std::size_t g) -> std::optional<GroupBytes> {
    if (g == changed_group) return std::nullopt;
    return GroupBytes::owning(before.at(g));  // read only
  };
  store.save = [&](std::size_t g, std::string bytes) {
    std::lock_guard lock(m);
    rewritten.insert(g);
    saved[g] = std::move(bytes);
  };
  expect_same(build_index(archive, config, &store), build_index(archive, config));
  EXPECT_EQ(rewritten, (std::set<std::size_t>{changed_group}));

  // Damaged bytes are not used: the group is indexed again.
  store.load = [&](std::size_t g) -> std::optional<GroupBytes> {
    std::lock_guard lock(m);
    return GroupBytes::owning(saved.at(g).substr(0, saved.at(g).size() / 2));
  };
  expect_same(build_index(archive, config, &store), build_index(archive, config));
}

// A store that finds a group by what is in it (its documents' slugs and texts), as the build cache does.
// Called from build_index's threads: it locks.
struct ContentStore {
  const model::Archive* archive = nullptr;
  std::mutex m;
  std::map<std::string, std::string> saved;
  std::size_t loaded = 0, indexed = 0;
  GroupStore store() {
    auto key = [this](std::size_t g) {
      const auto starts = group_starts(*archive);
      std::string k;
      for (std::size_t d = starts[g]; d < starts[g + 1]; ++d) k += archive->documents[d].slug + "|" + archive->documents[d].meta.title + "\n";
      return k;
    };
    GroupStore s;
    s.load = [this, key](std::size_t g) -> std::optional<GroupBytes> {
      std::lock_guard lock(m);
      auto it = saved.find(key(g));
      if (it == saved.end()) return std::nullopt;
      ++loaded;
      return GroupBytes::owning(it->second);
    };
    s.save = [this, key](std::size_t g, std::string bytes) {
      std::lock_guard lock(m);
      ++indexed;
      saved[key(g)] = std::move(bytes);
    };
    return s;
  }
};

TEST(IncrementalIndex, ADocumentAddedOrRemovedLeavesTheOtherGroupsAsTheyWere) {
  // Documents numbered in steps of 10, so that new ones fit between them; the text names the number.
  model::Archive archive;
  for (std::size_t i = 0; i < 1200; ++i) archive.documents.push_back(doc_of(text(10 * i + 5), 10 * i + 5));
  archive.reindex();
  config::Config config;
  ContentStore cs;
  cs.archive = &archive;
  GroupStore store = cs.store();
  build_index(archive, config, &store);
  const std::size_t groups = group_starts(archive).size() - 1;
  ASSERT_GE(groups, 6u);
  ASSERT_EQ(cs.indexed, groups);

  // Before every other document, in the middle, after the last; then one removed. Each time at most two
  // groups are indexed again (the one that changed, and the next when the change moved where it ends), and
  // the index is the one a build from scratch gives.
  auto insert_at = [&](std::size_t at, std::size_t number) {
    archive.documents.insert(archive.documents.begin() + static_cast<std::ptrdiff_t>(at), doc_of(text(number), number));
  };
  for (auto [at, number] : {std::pair<std::size_t, std::size_t>{0, 1}, {600, 6001}, {1202, 12001}}) {
    insert_at(at, number);
    archive.reindex();
    cs.loaded = cs.indexed = 0;
    expect_same(build_index(archive, config, &store), build_index(archive, config));
    const std::size_t now = group_starts(archive).size() - 1;
    EXPECT_LE(cs.indexed, 2u) << "added at " << at;
    EXPECT_GE(cs.loaded, now - 2) << "added at " << at;
  }
  archive.documents.erase(archive.documents.begin() + 300);
  archive.reindex();
  cs.loaded = cs.indexed = 0;
  expect_same(build_index(archive, config, &store), build_index(archive, config));
  EXPECT_LE(cs.indexed, 2u);
  EXPECT_GE(cs.loaded, group_starts(archive).size() - 1 - 2);
}

TEST(IncrementalIndex, GroupsAreMadeByTheSlugsWithinTheirBounds) {
  model::Archive archive;
  for (std::size_t i = 0; i < 20000; ++i) {
    model::Document d;
    d.slug = "a-res-" + std::to_string(60 + i % 21) + "-" + std::to_string(i);
    archive.documents.push_back(std::move(d));
  }
  const auto starts = group_starts(archive);
  ASSERT_EQ(starts.front(), 0u);
  ASSERT_EQ(starts.back(), archive.documents.size());
  std::size_t ended_by_slug = 0;
  for (std::size_t g = 0; g + 1 < starts.size(); ++g) {
    const std::size_t size = starts[g + 1] - starts[g];
    EXPECT_LE(size, kMaxGroup);
    if (g + 2 < starts.size()) {
      EXPECT_GE(size, kMinGroup);  // the last group may be shorter
    }
    ended_by_slug += size < kMaxGroup;
  }
  // About kMinGroup + kGroupOdds documents a group on average, most of them ended by their slugs.
  const double average = static_cast<double>(archive.documents.size()) / static_cast<double>(starts.size() - 1);
  EXPECT_GT(average, 0.75 * (kMinGroup + kGroupOdds));
  EXPECT_LT(average, 1.25 * (kMinGroup + kGroupOdds));
  EXPECT_GT(ended_by_slug, (starts.size() - 1) * 9 / 10);
  // The same slugs give the same groups; one more slug at the front shifts them but ends them at the same
  // documents, except for the first group or two.
  EXPECT_EQ(group_starts(archive), starts);
  model::Document first;
  first.slug = "a-res-59-1";
  archive.documents.insert(archive.documents.begin(), std::move(first));
  const auto after = group_starts(archive);
  std::set<std::size_t> ends_before, ends_after;
  for (std::size_t g = 1; g < starts.size(); ++g) ends_before.insert(starts[g] - 1 + 1);  // the same document, moved by one
  for (std::size_t g = 1; g < after.size(); ++g) ends_after.insert(after[g] - 1);
  std::size_t differ = 0;
  for (auto e : ends_after) differ += !ends_before.count(e);
  EXPECT_LE(differ, 2u);
  EXPECT_LE(std::max(after.size(), starts.size()) - std::min(after.size(), starts.size()), 1u);
}
