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
  Hash content;  // hash of the analysed document's bytes: what its pages are made from
};

// The bytes of a record of `doc` and its lookups; sets `content` to the record's content hash.
std::string encode(const model::Document& doc, const analyze::citations::Lookups& lookups, Hash& content);

// The record in `bytes`, or nothing when they are not a record of this version.
std::optional<Record> decode(std::string_view bytes);

}  // namespace acta::cache
