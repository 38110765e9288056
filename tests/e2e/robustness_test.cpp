// Deterministic, atomic output and inert hostile content.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <map>
#include <regex>

#include "e2e_support.hpp"

namespace fs = std::filesystem;

namespace {

using e2e::snapshot;

// An archive big enough that a build takes a noticeable time.
void write_archive(const fs::path& site, int documents, const std::string& variant) {
  for (int i = 0; i < documents; ++i) {
    std::string body = "---\nsymbol: A/RES/70/" + std::to_string(i + 1) + "\ntitle: 文件" + std::to_string(i) + variant +
                       "\ndate: 2015-12-" + std::to_string(10 + i % 18) + "\n---\n\n大会，\n\n";
    for (int p = 0; p < 12; ++p) body += "回顾其关于山区可持续发展的决议，重申淡水资源和生物多样性的重要性[^" + std::to_string(p + 1) + "]，\n\n";
    for (int p = 0; p < 30; ++p) body += std::to_string(p + 1) + ". 鼓励各国政府酌情与科学界、山地社区和政府间组织协作" + variant + "；\n\n";
    for (int p = 0; p < 12; ++p) body += "[^" + std::to_string(p + 1) + "]: 第 62/196 号决议，附件。\n";
    e2e::write(site / "content" / ("d" + std::to_string(i) + ".md"), body);
  }
}

}  // namespace

TEST(Robustness, TwoBuildsAreByteIdenticalWhateverTheThreads) {
  auto site = e2e::make_site("determinism", "title: 测试\n");
  write_archive(site, 40, "");
  ASSERT_EQ(e2e::acta(site, "build --no-cache --out one").status, 0);  // the others read the cache it did not write
  ASSERT_EQ(e2e::acta(site, "build --out two").status, 0);  // writes the cache
  auto single = e2e::acta(site, "build --out three");
  ASSERT_EQ(single.status, 0);
  setenv("ACTA_THREADS", "1", 1);
  ASSERT_EQ(e2e::acta(site, "build --out single").status, 0);
  unsetenv("ACTA_THREADS");
  auto one = snapshot(site / "one");
  EXPECT_GT(one.size(), 40u);
  EXPECT_EQ(one, snapshot(site / "two"));
  EXPECT_EQ(one, snapshot(site / "single"));
}

TEST(Robustness, KilledBuildLeavesPreviousSiteWhole) {
  auto site = e2e::make_site("kill", "title: 测试\n");
  write_archive(site, 400, "旧");
  ASSERT_EQ(e2e::acta(site, "build -q").status, 0);
  auto old_site = snapshot(site / "public");
  write_archive(site, 400, "新");
  // Kill builds at different moments; after each, public/ must be the whole old site or the whole new one.
  int saw_old = 0;
  for (int delay_ms : {1, 5, 15, 30, 60, 100, 150, 250}) {
    pid_t pid = fork();
    if (pid == 0) {
      if (chdir(site.path().c_str()) != 0) _exit(127);
      int devnull = open("/dev/null", O_WRONLY);
      dup2(devnull, 1);
      dup2(devnull, 2);
      execl(ACTA_BINARY, ACTA_BINARY, "build", static_cast<char*>(nullptr));
      _exit(127);
    }
    usleep(delay_ms * 1000);
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    auto now = snapshot(site / "public");
    if (now == old_site) {
      ++saw_old;
      continue;
    }
    // The build finished before the kill: then it is the complete new site.
    ASSERT_EQ(now.size(), old_site.size()) << "after kill at " << delay_ms << " ms public/ is neither site";
    ASSERT_NE(now["index.html"].find("新"), std::string::npos);
    for (const auto& [path, text] : now)
      if (path.rfind("doc/", 0) == 0) {
        ASSERT_EQ(text.find("旧"), std::string::npos) << path;
      }
    old_site = now;  // the next kill must leave this one intact
  }
  EXPECT_GT(saw_old, 0) << "no kill landed during a build; the test proves nothing";
  // The next build cleans what killed builds left behind.
  ASSERT_EQ(e2e::acta(site, "build -q").status, 0);
  for (const auto& e : fs::directory_iterator(site))
    EXPECT_NE(e.path().filename().string().rfind(".public.acta-", 0), 0u) << e.path();
}

TEST(Robustness, HostileContentIsInert) {
  auto site = e2e::make_site("hostile",
                             "title: \"<script>alert('config')</script>\"\n"
                             "description: \"\\\" onload=\\\"alert(1)\"\n");
  e2e::write(site / "content" / "evil.md", R"X(---
symbol: "A/RES/1/<script>"
title: "<img src=x onerror=alert('title')>"
date: 2020-01-01
session: "<b onmouseover=alert(1)>届会</b>"
---

大会，

<script>alert('body')</script>

回顾[点我](javascript:alert('link'))和[另一个](JaVaScRiPt&#58;alert(2))与[数据](data:text/html;base64,PHNjcmlwdD4=)，

<div onclick="alert('div')">文本</div> 与 <img src=x onerror="alert('img')"> 和 <a href="javascript:alert(3)">链接</a>

1. 决定[^1]；

[^1]: <script>alert('note')</script> ![图](https://evil.example/x.png)
)X");
  e2e::write(site / "content" / "evil.yaml",
             "annotations:\n  - anchor: para_1\n    note: \"<script>alert('annotation')</script> [x](javascript:alert(4))\"\n"
             "    author: \"<svg onload=alert(5)>\"\n");
  auto run = e2e::acta(site, "build");
  ASSERT_EQ(run.status, 0) << run.out;
  for (const auto& [path, text] : snapshot(site / "public")) {
    if (fs::path(path).extension() != ".html") continue;
    // The only script elements are the site's own files.
    std::regex script(R"X(<script(?![^>]*\bsrc="[^"]*assets/)[^>]*>)X", std::regex::icase);
    EXPECT_FALSE(std::regex_search(text, script)) << path;
    // Event-handler attributes: look at tags with their quoted values blanked out (a value may hold the text).
    std::string tags = std::regex_replace(text, std::regex(R"X("[^"]*")X"), "\"\"");
    EXPECT_FALSE(std::regex_search(tags, std::regex(R"X(<[a-z][^>]*\son[a-z]+\s*=)X", std::regex::icase))) << path;
    EXPECT_FALSE(std::regex_search(text, std::regex(R"X(href\s*=\s*"\s*(javascript|data|vbscript):)X", std::regex::icase))) << path;
    EXPECT_FALSE(std::regex_search(text, std::regex(R"X(<(img|iframe|object|embed|b)\b)X", std::regex::icase))) << path;
    EXPECT_EQ(text.find("evil.example/x.png\"><"), std::string::npos);  // never an <img> from another host
  }
  if (HasFailure()) return;  // the site is removed all the same; ACTA_KEEP_TMP=1 keeps it for a look
  std::string page = e2e::read(site / "public" / "doc" / "a-res-1-script.html");
  EXPECT_NE(page.find("&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;"), std::string::npos);  // shown as text
}
