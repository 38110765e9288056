// A very large content file (issue 9): one Markdown document of many megabytes builds, and the build's peak
// memory grows in proportion to the file: doubling the file does not much more than double it. Quadratic
// passes show here as a build that takes far longer (CTest's timeout), a quadratic memory use as a peak
// that grows fourfold. No wall-time assertions: the machine may be busy.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "e2e_support.hpp"

namespace fs = std::filesystem;

namespace {

// A resolution-like Markdown document of at least `bytes` bytes: preambular paragraphs citing resolutions,
// numbered paragraphs with footnotes (every label different), and one paragraph of 300 kB with no line
// break.
std::string large_document(std::size_t bytes) {
  std::string out = "---\nsymbol: A/RES/79/999\ntitle: 山区可持续发展（大文件）\ndate: 2024-12-19\nbody: 大会\n---\n\n大会，\n\n";
  std::string notes;
  std::string long_paragraph;
  while (long_paragraph.size() < 300'000)
    long_paragraph += "又回顾其 2000 年 12 月 20 日第 55/189 号、2002 年 12 月 20 日第 57/245 号和第 60/198 号决议，重申淡水资源、冰川和生物多样性的重要性，";
  out += long_paragraph + "\n\n";
  for (int n = 1; out.size() + notes.size() < bytes; ++n) {
    std::string label = std::to_string(n);
    out += "回顾其关于山区可持续发展的第 " + std::to_string(53 + n % 27) + "/" + std::to_string(100 + n % 150) +
           " 号决议和联合国环境大会第 5/11 号决议，确认山区生态系统和山区社区面临气候变化的挑战[^" + label + "]，\n\n";
    out += std::to_string(n) + ". 鼓励各国政府酌情与科学界、山地社区和政府间组织协作，见 A/80/" + std::to_string(n % 900 + 100) +
           "，第 " + std::to_string(n % 30 + 1) + " 段；\n\n";
    notes += "[^" + label + "]: 第 " + std::to_string(60 + n % 20) + "/" + std::to_string(n % 200 + 1) + " 号决议，附件。\n";
  }
  return out + "\n" + notes;
}

struct Measured {
  int status = -1;
  long peak_kb = 0;  // the build's peak resident set size
};

// Runs `acta build -q` in `dir` as a child of its own, so that its peak memory is the child's alone.
Measured build_measured(const fs::path& dir) {
  pid_t pid = ::fork();
  if (pid == 0) {
    if (::chdir(dir.c_str()) != 0) ::_exit(127);
    ::execl(ACTA_BINARY, "acta", "build", "-q", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  Measured m;
  int status = 0;
  struct rusage usage {};
  if (pid < 0 || ::wait4(pid, &status, 0, &usage) != pid) return m;
  m.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  m.peak_kb = usage.ru_maxrss;
  return m;
}

}  // namespace

TEST(LargeFile, PeakMemoryGrowsInProportionToTheFile) {
  constexpr std::size_t kMiB = 1024 * 1024;
  constexpr std::size_t kSmall = 4 * kMiB;
  auto site = e2e::make_site("large-file", "title: 测试\n");
  e2e::write(site / "content" / "large.md", large_document(kSmall));
  Measured small = build_measured(site);
  ASSERT_EQ(small.status, 0);
  EXPECT_TRUE(fs::exists(site / "public" / "index.html"));

  e2e::write(site / "content" / "large.md", large_document(2 * kSmall));
  Measured large = build_measured(site);
  ASSERT_EQ(large.status, 0);

  const long large_input_kb = static_cast<long>(2 * kSmall / 1024);
  std::cout << "peak RSS: " << small.peak_kb / 1024 << " MB for 4 MB, " << large.peak_kb / 1024 << " MB for 8 MB\n";
  // Bounded by a multiple of the input. Measured: about 70 times for this document of many short
  // paragraphs, each with a footnote and citations (the write stage's page data and the search index's
  // postings are most of it); about 35 times for ordinary resolution text. README, "Very large files".
  EXPECT_LT(large.peak_kb, 90 * large_input_kb + 100 * 1024);
  // … and linear: twice the input, not much more than twice the memory.
  EXPECT_LT(large.peak_kb, small.peak_kb * 5 / 2);
}
