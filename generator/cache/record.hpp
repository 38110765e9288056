// A document's cache record: the document as read and analysed, the lookups its citations made (to tell
// whether the analysis still holds), in a compact binary form. Only the cache reads these bytes; a record
// that does not parse (another version, a torn file) is treated as missing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "analyze/citations/link_pass.hpp"
#include "cache/hash.hpp"
#include "model/document.hpp"

namespace acta::cache {

struct Record {
  model::Document doc;
  analyze::citations::Lookups lookups;
  Hash content;              // hash of the analysed document's bytes: what its pages are made from
  std::string lookup_bytes;  // decode_head: the lookups still encoded (decode_lookups), `lookups` empty
};

// The bytes of a record of `doc` and its lookups; sets `content` to the record's content hash.
std::string encode(const model::Document& doc, const analyze::citations::Lookups& lookups, Hash& content);

// The record in `bytes`, or nothing when they are not a record of this version (or damaged).
std::optional<Record> decode(std::string_view bytes);

// The record without the document's body: metadata, citations, block ids, topics, warnings and the lookups
// still encoded, with doc.pending set (its block ids filled, its `read` left to the caller). Checks the
// whole record as decode does.
std::optional<Record> decode_head(std::string_view bytes);

// Fills the body of `doc` (blocks, footnotes, annotations, stray links) from the record in `bytes`, which
// must be whole and have the content hash `content`; false when not.
bool decode_body(std::string_view bytes, const Hash& content, model::Document& doc);

// Lookups encoded by encode() (Record::lookup_bytes), or nothing when they do not read.
std::optional<analyze::citations::Lookups> decode_lookups(std::string_view bytes);

}  // namespace acta::cache
