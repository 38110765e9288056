#include "util/files.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "util/error.hpp"

namespace acta::files {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SourceError({display(path), 0}, std::string("cannot read file: ") + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw SourceError({display(path), 0}, "cannot read file");
  return std::move(ss).str();
}

void write(const fs::path& path, std::string_view content) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw SourceError({display(path), 0}, std::string("cannot write file: ") + std::strerror(errno));
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.flush();
  if (!out) throw SourceError({display(path), 0}, "cannot write file (disk full?)");
}

std::string display(const fs::path& path) {
  std::error_code ec;
  auto cwd = fs::current_path(ec);
  if (!ec && path.is_absolute()) {
    auto rel = path.lexically_relative(cwd);
    if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
  }
  return path.generic_string();
}

}  // namespace acta::files
