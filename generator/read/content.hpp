// Reads the content folder into an Archive: finds the source files, checks them, dispatches each to the
// reader for its format, merges its sidecar, and gives every block and footnote its id.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "config/config.hpp"
#include "model/archive.hpp"

namespace acta::read {

// A reader turns one file's text (valid UTF-8, LF line ends, no BOM) into a Document.
using Reader = std::function<model::Document(std::string_view text, const std::string& file)>;

// The reader for a file extension (".md", ".txt"), or nullptr.
const Reader* reader_for(const std::string& extension);
void register_reader(const std::string& extension, Reader reader);

// Checks raw bytes and returns them as clean text: rejects invalid UTF-8 and binary data (SourceError with
// line), drops a BOM, turns CRLF and CR into LF.
std::string clean_source_text(std::string bytes, const std::string& file);

// Reads one source file and its sidecar (same name, .yaml). Throws SourceError on bad input.
model::Document read_document(const std::filesystem::path& path, const std::filesystem::path& content_root);

// Reads every document under the config's content folder, in parallel, in a stable order (by path).
// Throws SourceError for the first bad file; duplicate symbols or slugs are errors naming both files.
// `on_read`, when given, is called (from worker threads) after each document with the count read so far.
using ReadProgress = std::function<void(std::size_t done, std::size_t total)>;
model::Archive read_archive(const config::Config& config, const ReadProgress& on_read = {});

}  // namespace acta::read
