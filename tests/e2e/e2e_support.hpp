// Helpers for end-to-end tests: run the real acta binary on a folder and read what it wrote.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "../common/temp_dir.hpp"

namespace e2e {

using acta_test::TempDir;

struct Run {
  int status = 0;
  std::string out;  // stdout and stderr together
};

// Runs `acta <args>` in `dir`.
Run acta(const std::filesystem::path& dir, const std::string& args);

// A fresh temporary folder holding a copy of the project's templates and the given config text; removed
// when the returned TempDir goes out of scope (kept with ACTA_KEEP_TMP=1).
TempDir make_site(const std::string& name, const std::string& config_yaml);

std::string read(const std::filesystem::path& p);
void write(const std::filesystem::path& p, const std::string& text);

// Every file under `dir`: relative path -> bytes.
std::map<std::string, std::string> snapshot(const std::filesystem::path& dir);

// Number of non-overlapping occurrences of `needle` in `hay`.
std::size_t count(const std::string& hay, const std::string& needle);

}  // namespace e2e
