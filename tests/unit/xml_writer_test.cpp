// The XML writer escapes every value, drops characters XML forbids, and never indents inside text.
#include <gtest/gtest.h>

#include "write/public_files.hpp"
#include "write/url.hpp"
#include "write/xml.hpp"

using namespace acta::write;

TEST(XmlWriter, EscapesNamesValuesAndDropsForbiddenControls) {
  XmlWriter x;
  x.open("a", {{"href", "x?a=1&b=\"2\""}}).text("<b> & \f 'c'").close();
  EXPECT_EQ(x.finish(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a href=\"x?a=1&amp;b=&quot;2&quot;\">&lt;b&gt; &amp;  &#39;c&#39;</a>\n");
}

TEST(XmlWriter, IndentsElementContentButNotMixedContent) {
  XmlWriter x(false);
  x.open("list").open("p", {}, true).open("i").text("斜").close().text("文").empty("eol").close().close();
  EXPECT_EQ(x.finish(), "<list>\n  <p><i>斜</i>文<eol/></p>\n</list>");
}

TEST(XmlWriter, FinishClosesOpenElements) {
  XmlWriter x(false);
  x.open("a").open("b");
  EXPECT_EQ(x.finish(), "<a>\n  <b></b>\n</a>");
}

TEST(Url, AbsoluteUrlsArePercentEncoded) {
  EXPECT_EQ(absolute_url("https://x.org/a/", "doc/山 区.html"), "https://x.org/a/doc/%E5%B1%B1%20%E5%8C%BA.html");
  EXPECT_EQ(absolute_url("", "doc/a.html"), "");
  EXPECT_EQ(encode_url_path("a-b_c.d~/e\"f"), "a-b_c.d~/e%22f");
}

TEST(Feed, AtomDatesOnlyFromIsoDates) {
  EXPECT_EQ(atom_date("2025-12-15"), "2025-12-15T00:00:00Z");
  EXPECT_EQ(atom_date("2025-1-15"), "");
  EXPECT_EQ(atom_date("abcd-ef-gh"), "");
  EXPECT_EQ(atom_date(""), "");
}
