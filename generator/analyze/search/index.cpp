#include "analyze/search/index.hpp"

#include <algorithm>
#include <queue>
#include <unordered_map>

#include "analyze/search/codec.hpp"
#include "analyze/search/text.hpp"
#include "util/parallel.hpp"

namespace acta::analyze::search {

static_assert(kDigits.size() == kFinal + kMore);

namespace {

using model::BlockKind;

// Documents per work item. Fixed (not per thread) so the index is the same whatever the thread count.
constexpr std::size_t kGroup = 128;

std::string block_label(const model::Block& b) {
  const std::string& id = b.id;
  switch (b.kind) {
    case BlockKind::Numbered: return "第 " + b.number + " 段";
    case BlockKind::Subparagraph: {
      auto p = id.find("__point_");
      std::string parent = id.rfind("para_", 0) == 0 && p != std::string::npos ? id.substr(5, p - 5) : "";
      return parent.empty() ? "(" + b.number + ")" : "第 " + parent + " 段 (" + b.number + ")";
    }
    case BlockKind::Preamble: return "序言第 " + id.substr(id.rfind('_') + 1) + " 段";
    case BlockKind::Heading: return "章节标题";
    default: return "";
  }
}

std::string table_text(const model::Block& b) {
  std::string out;
  for (const auto& row : b.rows)
    for (const auto& cell : row) out += model::plain_text(cell) + "\n";
  return out;
}

std::string footnote_text(const model::Footnote& f) {
  std::string out;
  for (const auto& p : f.paragraphs) out += (out.empty() ? "" : "\n") + model::plain_text(p);
  return out;
}

int year_of(const std::string& date) {
  if (date.size() < 4 || !std::all_of(date.begin(), date.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
    return 0;
  return std::stoi(date.substr(0, 4));
}

std::vector<int> topics_of(const model::Document& doc, const config::Config& config) {
  std::vector<int> out;
  for (std::size_t i = 0; i < config.topics.size(); ++i) {
    const auto& id = config.topics[i].id;
    auto has = [&](const std::vector<std::string>& v) { return std::find(v.begin(), v.end(), id) != v.end(); };
    if (has(doc.topic_ids) || has(doc.meta.topics)) out.push_back(static_cast<int>(i));
  }
  return out;
}

// A key's postings from one group of documents; the gap of its first document is added when merging.
struct Fragment {
  std::uint32_t first_doc = 0, last_doc = 0;
  std::string data;
};

struct Occurrence {
  std::uint32_t key;  // index into the document's key table
  std::uint32_t field;
  std::uint32_t pos;
  std::uint8_t flags;
  FieldKind kind;
};

struct GroupResult {
  std::vector<std::pair<std::string, Fragment>> keys;  // sorted by key
  std::vector<DocInfo> docs;
};

// Appends one document's postings to the group's fragments.
void add_document(std::uint32_t doc_index, const model::Document& doc, const config::Config& config,
                  std::unordered_map<std::string, Fragment>& group, DocInfo& info) {
  std::vector<std::string> keys;
  std::unordered_map<std::string, std::uint32_t> key_ids;
  std::vector<Occurrence> occ;
  auto fs = fields(doc);
  for (std::uint32_t f = 0; f < fs.size(); ++f) {
    std::uint32_t len = 0;
    for (auto& e : entries(fs[f].text, &len)) {
      auto [it, fresh] = key_ids.try_emplace(e.key, static_cast<std::uint32_t>(keys.size()));
      if (fresh) keys.push_back(std::move(e.key));
      occ.push_back({it->second, f, e.pos, e.flags, fs[f].kind});
    }
    info.length += len;
  }
  info.year = year_of(doc.meta.date);
  info.topics = topics_of(doc, config);

  // Occurrences are already in (field, position) order; a stable sort by key keeps that within each key.
  std::stable_sort(occ.begin(), occ.end(), [](const Occurrence& a, const Occurrence& b) { return a.key < b.key; });
  for (std::size_t i = 0; i < occ.size();) {
    std::size_t end = i;
    while (end < occ.size() && occ[end].key == occ[i].key) ++end;
    auto [it, fresh] = group.try_emplace(keys[occ[i].key]);
    Fragment& frag = it->second;
    if (fresh) frag.first_doc = doc_index;
    else put(frag.data, doc_index - frag.last_doc - 1);
    frag.last_doc = doc_index;
    std::uint32_t nfields = 0;
    for (std::size_t j = i; j < end; ++j) nfields += (j == i || occ[j].field != occ[j - 1].field);
    put(frag.data, nfields);
    std::int64_t prev_field = -1;
    for (std::size_t j = i; j < end;) {
      std::size_t fend = j;
      while (fend < end && occ[fend].field == occ[j].field) ++fend;
      put(frag.data, (static_cast<std::uint64_t>(occ[j].field - prev_field - 1) << 2) | static_cast<std::uint64_t>(occ[j].kind));
      put(frag.data, fend - j);
      std::int64_t prev_pos = -1;
      for (std::size_t k = j; k < fend; ++k) {
        put(frag.data, (static_cast<std::uint64_t>(occ[k].pos - prev_pos - 1) << 2) | occ[k].flags);
        prev_pos = occ[k].pos;
      }
      prev_field = occ[j].field;
      j = fend;
    }
    i = end;
  }
}

GroupResult index_group(const model::Archive& archive, const config::Config& config, std::size_t begin, std::size_t end) {
  std::unordered_map<std::string, Fragment> group;
  GroupResult r;
  r.docs.resize(end - begin);
  for (std::size_t d = begin; d < end; ++d)
    add_document(static_cast<std::uint32_t>(d), archive.documents[d], config, group, r.docs[d - begin]);
  r.keys.reserve(group.size());
  for (auto& kv : group) r.keys.emplace_back(kv.first, std::move(kv.second));
  std::sort(r.keys.begin(), r.keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return r;
}

}  // namespace

std::uint64_t get(std::string_view in, std::size_t& i) {
  std::uint64_t value = 0, scale = 1;
  while (i < in.size()) {
    auto d = static_cast<std::uint64_t>(kDigits.find(in[i++]));
    if (d < kFinal) return value + d * scale;
    value += (d - kFinal) * scale;
    scale *= kMore;
  }
  return value;
}

std::vector<Field> fields(const model::Document& doc) {
  std::vector<Field> out;
  auto add = [&](FieldKind k, std::string anchor, std::string label, std::string text) {
    if (!text.empty()) out.push_back({k, std::move(anchor), std::move(label), std::move(text)});
  };
  add(FieldKind::Title, "", "标题", doc.meta.title);
  add(FieldKind::Title, "", "文号", doc.meta.symbol);
  for (const auto& b : doc.blocks) {
    if (b.kind == BlockKind::Rule) continue;
    std::string text = b.kind == BlockKind::Table ? table_text(b) : model::plain_text(b.content);
    add(b.kind == BlockKind::Heading ? FieldKind::Heading : FieldKind::Body, b.id, block_label(b), std::move(text));
  }
  for (const auto& f : doc.footnotes) add(FieldKind::Note, f.id, "脚注 " + f.label, footnote_text(f));
  for (const auto& a : doc.annotations) add(FieldKind::Note, a.anchor, "编者注", model::plain_text(a.content));
  return out;
}

Index build_index(const model::Archive& archive, const config::Config& config) {
  const std::size_t n = archive.documents.size();
  const std::size_t groups = (n + kGroup - 1) / kGroup;
  auto parts = parallel_map<GroupResult>(groups, [&](std::size_t g) {
    return index_group(archive, config, g * kGroup, std::min(n, (g + 1) * kGroup));
  });

  Index index;
  for (auto& p : parts) {
    for (auto& d : p.docs) index.docs.push_back(std::move(d));
    p.docs.clear();
  }
  // Merge the groups' sorted key lists; equal keys join in group (= document) order.
  using Cursor = std::pair<std::size_t, std::size_t>;  // group, position
  auto later = [&](const Cursor& a, const Cursor& b) {
    const auto& ka = parts[a.first].keys[a.second].first;
    const auto& kb = parts[b.first].keys[b.second].first;
    return ka != kb ? ka > kb : a.first > b.first;
  };
  std::priority_queue<Cursor, std::vector<Cursor>, decltype(later)> heap(later);
  for (std::size_t g = 0; g < parts.size(); ++g)
    if (!parts[g].keys.empty()) heap.push({g, 0});
  std::int64_t prev_doc = -1;
  while (!heap.empty()) {
    auto [g, i] = heap.top();
    heap.pop();
    auto& [key, frag] = parts[g].keys[i];
    if (index.postings.empty() || index.postings.back().key != key) {
      index.postings.push_back({key, {}});
      prev_doc = -1;
    }
    std::string& data = index.postings.back().data;
    put(data, static_cast<std::uint64_t>(frag.first_doc - prev_doc - 1));
    data += frag.data;
    prev_doc = frag.last_doc;
    std::string().swap(frag.data);  // free as we go: the merged index replaces the fragments
    if (i + 1 < parts[g].keys.size()) heap.push({g, i + 1});
  }
  return index;
}

}  // namespace acta::analyze::search
