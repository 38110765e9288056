// YAML front matter ("---" ... "---" at the top of a Markdown file) and sidecar files: the metadata keys
// and editorial annotations a document can carry outside its text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"

namespace acta::read {

struct FrontMatter {
  std::string yaml;       // the YAML text between the fences ("" when there is none)
  std::string_view body;  // the rest of the file
  int yaml_first_line = 0;  // source line of the first YAML line
  int body_first_line = 1;  // source line of the first body line
};

// Splits a file into front matter and body. Throws SourceError when a front matter is opened and never
// closed.
FrontMatter split_front_matter(std::string_view text, const std::string& file);

// Keys a front matter or sidecar may set. Unknown keys and wrong types are errors naming file and line.
// `allow_annotations`: sidecars may also hold `annotations:`.
struct MetadataFile {
  model::Metadata meta;
  std::string slug;  // optional override of the page name
  std::vector<model::Annotation> annotations;
  std::vector<std::string> keys_set;  // which metadata keys were present, so a sidecar only overrides those
};

MetadataFile parse_metadata(const std::string& yaml, const std::string& file, int first_line,
                            bool allow_annotations);

// parse_metadata's fast path, without yaml-cpp: YAML made only of lines `key: value` (and blank and comment
// lines), each value empty, one text ("…", '…' or plain, on its line, with no escapes) or a flow list of
// such texts, every key known and every value valid. Gives what parse_metadata gives for it, or nothing for
// anything else (which parse_metadata then reads with yaml-cpp, and where it reports every error).
std::optional<MetadataFile> parse_simple_metadata(std::string_view yaml);
// parse_metadata through yaml-cpp alone.
MetadataFile parse_yaml_metadata(const std::string& yaml, const std::string& file, int first_line,
                                 bool allow_annotations);

// Copies the metadata keys present in `from` over `into`.
void merge_metadata(model::Metadata& into, const MetadataFile& from);

}  // namespace acta::read
