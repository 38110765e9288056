// The search index of an archive: a pure function of the model, written to shard files by
// write/search_files. Every paragraph, heading, footnote, annotation, title and symbol of every document is
// a "field"; the index maps each key of search/text.hpp to the positions where it occurs, so any phrase of
// one or more characters is found by chaining keys at consecutive positions, with no misses and no false hits.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "model/archive.hpp"

namespace acta::analyze::search {

// How a field counts in ranking (2 bits in the postings).
enum class FieldKind : std::uint8_t { Body = 0, Heading = 1, Title = 2, Note = 3 };

struct Field {
  FieldKind kind = FieldKind::Body;
  std::string anchor;  // id of the element on the document page ("para_15", "fn_3"); "" for title, symbol
  std::string label;   // what a result shows: "第 15 段", "脚注 3", "标题"
  std::string text;    // the text as written (line-joined by the reader)
};

// The searchable fields of a document, in index order: title and symbol, headings, the other blocks,
// footnotes, annotations. Grouped by kind so that three positions per document tell the kind of any hit.
std::vector<Field> fields(const model::Document& doc);

// One key's postings, encoded with codec.hpp as a sequence of documents:
//   doc gap (document index minus previous minus 1; previous starts at -1), number of positions, and the
//   position gaps (counted the same way).
// Positions run through the document's fields in order (fields() order); each field starts one position
// after the previous one ended, so consecutive positions never straddle two fields.
struct Posting {
  std::string key;
  std::string data;
};

struct DocInfo {
  std::uint32_t length = 0;    // units in all fields (BM25's document length)
  int year = 0;                // from the date; 0 when unknown
  std::vector<int> topics;     // indexes into Config::topics, ascending
  std::vector<std::uint32_t> starts;  // first position of each field (fields() order)
  // Where the headings, the body and the notes start: positions before heading_start are in the title or
  // symbol, and so on. Each is the end of the document when it has no such fields.
  std::uint32_t heading_start = 0, body_start = 0, note_start = 0;
};

struct Index {
  std::vector<Posting> postings;  // sorted by key in code point order
  std::vector<DocInfo> docs;      // parallel to Archive::documents
};

// Builds the index in parallel over fixed groups of documents; the result does not depend on thread count.
Index build_index(const model::Archive& archive, const config::Config& config);

}  // namespace acta::analyze::search
