// Build-time word segmentation for ranking: ICU's word boundaries inside runs of Han characters mark the
// pairs that straddle two words, and such a pair counts half in its key's impact.
#include <gtest/gtest.h>

#include <string>

#include "analyze/search/codec.hpp"
#include "analyze/search/index.hpp"
#include "analyze/search/text.hpp"
#include "analyze/search/words.hpp"
#include "read/markdown.hpp"

using namespace acta;
using namespace acta::analyze::search;

namespace {
std::string starts_of(const std::u16string& run) {
  std::vector<bool> starts;
  word_starts(run.data(), static_cast<std::int32_t>(run.size()), starts);
  std::string out;
  for (bool b : starts) out += b ? '|' : '.';
  return out;
}
// The pairs of a text with their split flag: "和服/" when the pair straddles two words.
std::vector<std::string> pairs(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& e : entries(text))
    if (e.code && (e.code & 0x1FFFFF)) out.push_back(key_text(e) + (e.split ? "/" : ""));
  return out;
}
}  // namespace

TEST(SearchWords, IcuWordStartsInARun) {
  EXPECT_EQ(starts_of(u"我们和服务"), "|.||.");  // 我们|和|服务
  EXPECT_EQ(starts_of(u"日本和服"), "|.|.");     // 日本|和服
  EXPECT_EQ(starts_of(u"发展中国家"), "|.||.");  // 发展|中|国家
  // The per-thread cache answers a repeated run the same way.
  EXPECT_EQ(starts_of(u"我们和服务"), "|.||.");
  // A run too long for the cache's bit mask is segmented directly.
  std::u16string long_run;
  for (int i = 0; i < 20; ++i) long_run += u"日本和服";
  std::string want;
  for (int i = 0; i < 20; ++i) want += "|.|.";
  EXPECT_EQ(starts_of(long_run), want);
}

TEST(SearchWords, PairsAcrossAWordBoundaryAreMarked) {
  EXPECT_EQ(pairs("我们和服务"), (std::vector<std::string>{"我们", "们和/", "和服/", "服务"}));
  EXPECT_EQ(pairs("日本和服"), (std::vector<std::string>{"日本", "本和/", "和服"}));
  // Only runs of Han characters side by side: punctuation and spaces end a run; a run of two is one word.
  EXPECT_EQ(pairs("和服，和服"), (std::vector<std::string>{"和服", "服,", ",和", "和服"}));
  EXPECT_EQ(pairs("a和服"), (std::vector<std::string>{"和服"}));
}

TEST(SearchWords, APairInsideAWordRanksAboveOneAcrossWords) {
  // Same length, same number of 和服; only how ICU cuts the text differs. Document 0 comes first in order,
  // so only the word weighting can put document 1 above it. Ten more documents keep the postings sparse.
  model::Archive a;
  std::vector<std::string> texts = {"---\ntitle: 甲\n---\n我们和服务人员。\n", "---\ntitle: 乙\n---\n人们都穿着和服。\n"};
  for (int i = 0; i < 10; ++i) texts.push_back("---\ntitle: 丙\n---\n冰川融化的速度。\n");
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto d = read::read_markdown(texts[i], "doc" + std::to_string(i) + ".md");
    d.slug = "doc" + std::to_string(i);
    model::assign_ids(d);
    a.documents.push_back(std::move(d));
  }
  a.reindex();
  auto idx = build_index(a, config::Config{});
  const Posting* p = nullptr;
  for (const auto& q : idx.postings)
    if (q.key == "和服") p = &q;
  ASSERT_NE(p, nullptr);
  std::size_t i = 0;
  auto gap0 = get(p->data, i), imp0 = get(p->data, i), gap1 = get(p->data, i), imp1 = get(p->data, i);
  EXPECT_EQ(gap0, 0u);
  EXPECT_EQ(gap1, 0u);
  EXPECT_GT(imp1, imp0);
  ASSERT_EQ(idx.docs[0].length, idx.docs[1].length);
  const double len = idx.docs[0].length;
  EXPECT_EQ(impact(0.5, len, len), imp0);  // half an occurrence
  EXPECT_EQ(impact(1, len, len), imp1);
}
