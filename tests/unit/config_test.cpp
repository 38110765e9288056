#include <gtest/gtest.h>

#include <filesystem>

#include "config/config.hpp"
#include "util/error.hpp"
#include "util/files.hpp"

using acta::SourceError;
using acta::config::parse;

namespace {
std::string error_of(const std::string& yaml) {
  try {
    parse(yaml, "site-config.yaml");
  } catch (const SourceError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(Config, ValidConfigIsRead) {
  auto c = parse(R"X(title: 决议档案
language: zh-Hans
output: site
base_url: https://example.org/a
external_url: https://documents.example/{symbol}
topic_threshold: 3.5
topics:
  - id: mountains
    label_zh: 山区
    label_en: Mountains
    terms: {山区: 3, 冰川: 1.5}
  - id: water
    label_en: Water
    terms: [水资源, 淡水]
)X",
                 "cfg/site-config.yaml");
  EXPECT_EQ(c.title, "决议档案");
  EXPECT_EQ(c.output, "site");
  EXPECT_EQ(c.output_dir(), std::filesystem::path("cfg/site"));
  EXPECT_EQ(c.base_url, "https://example.org/a/");
  EXPECT_EQ(c.external_link("A/RES/77/172"), "https://documents.example/A/RES/77/172");
  EXPECT_DOUBLE_EQ(c.topic_threshold, 3.5);
  ASSERT_EQ(c.topics.size(), 2u);
  EXPECT_EQ(c.topics[0].terms.size(), 2u);
  EXPECT_DOUBLE_EQ(c.topics[0].terms[0].weight, 3.0);
  EXPECT_EQ(c.topics[1].label_zh, "Water");  // falls back to the other label
  EXPECT_DOUBLE_EQ(c.topics[1].terms[1].weight, 1.0);
}

TEST(Config, DefaultsWhenEmpty) {
  auto c = parse("", "site-config.yaml");
  EXPECT_EQ(c.language, "zh-Hans");
  EXPECT_EQ(c.external_url, "https://undocs.org/zh/{symbol}");
  EXPECT_EQ(c.output, "public");
}

TEST(Config, UnknownKeyNamesKeyAndLine) {
  auto e = error_of("title: x\nouput: public\n");
  EXPECT_NE(e.find("site-config.yaml:2"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown key 'ouput'"), std::string::npos) << e;
  EXPECT_NE(e.find("output"), std::string::npos) << e;  // lists the known keys
}

TEST(Config, UnknownKeyInTopic) {
  auto e = error_of("topics:\n  - id: a\n    label_zh: 甲\n    term: [x]\n");
  EXPECT_NE(e.find("site-config.yaml:4"), std::string::npos) << e;
  EXPECT_NE(e.find("'term'"), std::string::npos) << e;
}

TEST(Config, WrongTypeNamesKeyAndLine) {
  auto e = error_of("title: x\ntopic_threshold: many\n");
  EXPECT_NE(e.find("site-config.yaml:2"), std::string::npos) << e;
  EXPECT_NE(e.find("topic_threshold"), std::string::npos) << e;
  e = error_of("title:\n  - a\n  - b\n");
  EXPECT_NE(e.find("'title' must be a text value"), std::string::npos) << e;
  e = error_of("topics: mountains\n");
  EXPECT_NE(e.find("'topics' must be a list"), std::string::npos) << e;
}

TEST(Config, BadValues) {
  EXPECT_NE(error_of("external_url: https://x.org/\n").find("{symbol}"), std::string::npos);
  EXPECT_NE(error_of("base_url: example.org\n").find("absolute"), std::string::npos);
  EXPECT_NE(error_of("topics:\n  - id: Bad Id\n    label_zh: x\n    terms: [a]\n").find("lower-case"), std::string::npos);
  EXPECT_NE(error_of("topics:\n  - id: a\n    label_zh: x\n    terms: [a]\n  - id: a\n    label_zh: y\n    terms: [b]\n").find("used twice"),
            std::string::npos);
}

TEST(Config, MalformedYamlHasLine) {
  auto e = error_of("title: x\ntopics: [a, b\nlanguage: zh\n");
  EXPECT_NE(e.find("malformed YAML"), std::string::npos) << e;
  EXPECT_NE(e.find("site-config.yaml:"), std::string::npos) << e;
}

TEST(Config, MissingFile) {
  try {
    acta::config::load("/nonexistent/site-config.yaml");
    FAIL() << "expected an error";
  } catch (const SourceError& e) {
    EXPECT_NE(std::string(e.what()).find("config file not found"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("/nonexistent/site-config.yaml"), std::string::npos);
  }
}

TEST(Config, TopicScoringKeys) {
  auto c = parse("topic_paragraph_threshold: 1.5\ntopic_title_boost: 3\ntopic_min_share: 0.25\n", "site-config.yaml");
  EXPECT_DOUBLE_EQ(c.topic_paragraph_threshold, 1.5);
  EXPECT_DOUBLE_EQ(c.topic_title_boost, 3);
  EXPECT_DOUBLE_EQ(c.topic_min_share, 0.25);
  auto d = parse("", "site-config.yaml");
  EXPECT_DOUBLE_EQ(d.topic_threshold, 8);
  EXPECT_DOUBLE_EQ(d.topic_min_share, 0.3);
  EXPECT_NE(error_of("topic_min_share: 2\n").find("between 0"), std::string::npos);
  EXPECT_NE(error_of("topic_title_boost: 0.5\n").find("topic_title_boost"), std::string::npos);
  EXPECT_NE(error_of("\n\ntopic_paragraph_treshold: 2\n").find("site-config.yaml:3"), std::string::npos);
  EXPECT_NE(error_of("topics:\n  - id: x\n    label_zh: x\n    terms: [a]\n    weight: 2\n").find("unknown key 'weight'"),
            std::string::npos);
}

TEST(Config, SearchFoldTraditional) {
  EXPECT_TRUE(parse("", "site-config.yaml").search_fold_traditional);  // on by default
  EXPECT_FALSE(parse("search_fold_traditional: false\n", "site-config.yaml").search_fold_traditional);
  EXPECT_TRUE(parse("search_fold_traditional: true\n", "site-config.yaml").search_fold_traditional);
  auto e = error_of("title: x\nsearch_fold_traditional: maybe\n");
  EXPECT_NE(e.find("site-config.yaml:2"), std::string::npos) << e;
  EXPECT_NE(e.find("true or false"), std::string::npos) << e;
}
