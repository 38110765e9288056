// File I/O at the edges of the pipeline: reading sources (with their name kept for messages) and writing
// output files, creating folders as needed.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace acta::files {

// Reads a whole file; throws SourceError naming the file when it cannot be read.
std::string read(const std::filesystem::path& path);
// The same into `out`, whose memory is reused (a buffer kept for many files spares fresh pages).
void read_into(const std::filesystem::path& path, std::string& out);

// Writes `content` to `path`, creating parent folders; throws SourceError on failure.
void write(const std::filesystem::path& path, std::string_view content);

// Writes `parts`, one after the other, to `fd`, a new empty file opened with O_DIRECT (around the page
// cache): copied into a buffer aligned to 4 KiB (kept per thread), padded to whole blocks, written, and the
// file cut to their size. False when the file system refuses any of it (the caller then writes the file
// the usual way). Worth it for files of hundreds of KiB and more that this process does not read again:
// their bytes then take no fresh memory of the page cache (README, "Figures").
bool write_direct(int fd, const std::vector<std::string_view>& parts);
// Files from this size on are worth writing with write_direct.
constexpr std::size_t kDirectFrom = std::size_t{256} << 10;
// Whether the writers use write_direct for such files (the build cache's, the site's). On by default; off,
// every file goes through the page cache (tests compare the two).
bool direct_writes();
void set_direct_writes(bool on);

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
