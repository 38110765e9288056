// Reads the content folder into an Archive: finds the source files, checks them, dispatches each to the
// reader for its format, merges its sidecar, and gives every block and footnote its id.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "config/config.hpp"
#include "model/archive.hpp"
#include "util/error.hpp"

namespace acta::read {

// A reader turns one file's text (valid UTF-8, LF line ends, no BOM) into a Document.
using Reader = std::function<model::Document(std::string_view text, const std::string& file)>;

// The reader for a file extension (".md", ".txt"), or nullptr.
const Reader* reader_for(const std::string& extension);
void register_reader(const std::string& extension, Reader reader);

// Checks raw bytes and returns them as clean text: rejects invalid UTF-8 and binary data (SourceError with
// line), drops a BOM, turns CRLF and CR into LF.
std::string clean_source_text(std::string bytes, const std::string& file);

// A document's source file and its sidecar (same name, .yaml; empty path when there is none).
struct Source {
  std::filesystem::path path;
  std::filesystem::path sidecar;
  // Whether each may be a link leading outside the content folder, so must be checked. list_sources sets
  // them from the directory listing (only a link can lead out: linked folders are not entered).
  bool check_path = true;
  bool check_sidecar = true;
};

// The sources under the config's content folder, sorted by path, and warnings about files that are not
// read (no reader for them, a sidecar without a document). Throws SourceError when the folder is missing.
struct SourceList {
  std::vector<Source> sources;
  Diagnostics diagnostics;
};
SourceList list_sources(const config::Config& config);

// The bytes of a source and of its sidecar, as they are on disk. Refuses links that lead outside the
// content folder.
struct SourceBytes {
  std::string text;
  std::optional<std::string> sidecar;
};
SourceBytes load_source(const Source& source, const std::filesystem::path& content_root);
// The same into `bytes`, reusing its memory (a build from the cache reads every source only to hash it).
void load_source_into(const Source& source, const std::filesystem::path& content_root, SourceBytes& bytes);

// Reads one document from its bytes. Throws SourceError on bad input.
model::Document read_document(const Source& source, SourceBytes bytes);

// Reads one source file and its sidecar (same name, .yaml). Throws SourceError on bad input.
model::Document read_document(const std::filesystem::path& path, const std::filesystem::path& content_root);

// Two documents with one symbol or one page name are errors naming both files; then rebuilds the
// archive's lookup tables.
void check_unique(model::Archive& archive);

// Reads every document under the config's content folder, in parallel, in a stable order (by path).
// Throws SourceError for the first bad file; duplicate symbols or slugs are errors naming both files.
// `on_read`, when given, is called (from worker threads) after each document with the count read so far.
using ReadProgress = std::function<void(std::size_t done, std::size_t total)>;
model::Archive read_archive(const config::Config& config, const ReadProgress& on_read = {});

}  // namespace acta::read
