// File I/O at the edges of the pipeline: reading sources (with their name kept for messages) and writing
// output files, creating folders as needed.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace acta::files {

// Reads a whole file; throws SourceError naming the file when it cannot be read.
std::string read(const std::filesystem::path& path);
// The same into `out`, whose memory is reused (a buffer kept for many files spares fresh pages).
void read_into(const std::filesystem::path& path, std::string& out);

// Writes `content` to `path`, creating parent folders; throws SourceError on failure.
void write(const std::filesystem::path& path, std::string_view content);

// Removes a folder and everything under it, quietly (what cannot be removed stays). Walks by folder handles
// (openat/unlinkat), not whole paths: removing a site of 50,000 files is mostly path lookups otherwise.
void remove_tree(const std::filesystem::path& path);

// Removes what is under the folder open as `fd` (which it closes), depth first, except the regular files
// `keep` says yes to (given their path under that folder, '/'-separated); folders left empty go too. Links
// and other special files are removed, never followed. Without `keep`, everything.
void remove_all_but(int fd, const std::function<bool(const std::string&)>& keep = {});

// A path shown to the user: relative to the current folder when it is inside it.
std::string display(const std::filesystem::path& path);

}  // namespace acta::files
