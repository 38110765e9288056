// The XML writer escapes every value, drops characters XML forbids, and never indents inside text; link
// targets are kept only for safe schemes.
#include <gtest/gtest.h>

#include "write/escape.hpp"
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

// Link targets: http(s), mailto, relative paths and fragments kept (whole when they hold no white space or
// control character); any other scheme refused, however its letters are cased or broken up by white space
// and control characters, which browsers ignore there.
TEST(SafeHref, KeepsWebLinksAndRefusesOtherSchemes) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"https://undocs.org/zh/A/RES/77/172", "https://undocs.org/zh/A/RES/77/172"},
      {"HTTP://example.org/a?b=c#d", "HTTP://example.org/a?b=c#d"},
      {"MailTo:archive@example.org", "MailTo:archive@example.org"},
      {"a-res-62-196.html#para_5", "a-res-62-196.html#para_5"},
      {"#fn_1", "#fn_1"},
      {"../doc/x.html?topic=a:b", "../doc/x.html?topic=a:b"},  // a colon after '/' or '?': relative
      {"doc/a b.html", "doc/ab.html"},                         // white space dropped
      {"javascript:alert(1)", ""},
      {"JavaScript:alert(1)", ""},
      {"java\tscript:alert(1)", ""},
      {" java\nscr\x01ipt:alert(1)", ""},
      {"data:text/html,<b>", ""},
      {"vbscript:x", ""},
      {"httpx:y", ""},
      {"http\x7f:y", "http:y"},
      {"", ""},
  };
  for (const auto& [url, kept] : cases) EXPECT_EQ(safe_href(url), kept) << url;
}
