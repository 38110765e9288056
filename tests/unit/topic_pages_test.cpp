// Topic pages: paths of the pages of a long list, how many pages, and which page numbers the navigation
// shows.
#include <gtest/gtest.h>

#include "write/topic_pages.hpp"

using acta::write::kDocumentsPerPage;
using acta::write::pages_to_show;
using acta::write::topic_page_count;
using acta::write::topic_page_path;

TEST(TopicPages, PathsOfThePages) {
  EXPECT_EQ(topic_page_path("water"), "topics/water.html");
  EXPECT_EQ(topic_page_path("water", 1), "topics/water.html");
  EXPECT_EQ(topic_page_path("water", 2), "topics/water-2.html");
  EXPECT_EQ(topic_page_path("water", 12), "topics/water-12.html");
}

TEST(TopicPages, PageCount) {
  EXPECT_EQ(topic_page_count(0), 1u);  // an empty topic still has its page
  EXPECT_EQ(topic_page_count(1), 1u);
  EXPECT_EQ(topic_page_count(kDocumentsPerPage), 1u);
  EXPECT_EQ(topic_page_count(kDocumentsPerPage + 1), 2u);
  EXPECT_EQ(topic_page_count(10 * kDocumentsPerPage), 10u);
}

TEST(TopicPages, NavigationShowsEndsAndNeighbours) {
  using V = std::vector<std::size_t>;
  EXPECT_EQ(pages_to_show(1, 1), V({1}));
  EXPECT_EQ(pages_to_show(1, 2), V({1, 2}));
  EXPECT_EQ(pages_to_show(1, 6), V({1, 2, 3, 0, 6}));
  EXPECT_EQ(pages_to_show(1, 5), V({1, 2, 3, 4, 5}));
  EXPECT_EQ(pages_to_show(1, 4), V({1, 2, 3, 4}));  // a gap of one page shows the page
  EXPECT_EQ(pages_to_show(6, 20), V({1, 0, 4, 5, 6, 7, 8, 0, 20}));
  EXPECT_EQ(pages_to_show(20, 20), V({1, 0, 18, 19, 20}));
  EXPECT_EQ(pages_to_show(4, 7), V({1, 2, 3, 4, 5, 6, 7}));
}
