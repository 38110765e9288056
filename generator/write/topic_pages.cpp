#include "write/topic_pages.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <unordered_map>

#include "util/binary.hpp"
#include "util/collation.hpp"
#include "util/error.hpp"
#include "util/files.hpp"
#include "util/parallel.hpp"
#include "write/heatmap.hpp"
#include "write/highlight.hpp"
#include "write/place_label.hpp"

namespace acta::write {

namespace {

// What a topic page carries, so that it stays small whatever the archive's size while linking every document
// and every evidence paragraph (the contract): per document its link, score and a link to each evidence
// paragraph; the kDetailedDocuments most relevant also show their strongest evidence as short excerpts.
constexpr std::size_t kDetailedDocuments = 50;
constexpr std::size_t kShownExcerpts = 2;
constexpr std::size_t kExcerptChars = 80;
constexpr std::size_t kExcerptBefore = 20;
// The overview's heat map draws at most this many documents (those with the highest scores), so that the
// overview too stays small; the topic pages list them all.
constexpr std::size_t kHeatmapRows = 100;

std::string one_decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

const model::TopicScore* score_of(const model::Document& doc, const std::string& topic) {
  for (const auto& s : doc.topic_scores)
    if (s.topic == topic) return &s;
  return nullptr;
}

bool under(const model::Document& doc, const std::string& topic) {
  return std::find(doc.topic_ids.begin(), doc.topic_ids.end(), topic) != doc.topic_ids.end();
}

std::string doc_label(const model::Document& d) {
  return d.meta.symbol.empty() ? d.meta.title : d.meta.symbol + " " + d.meta.title;
}

// Most relevant first; equal scores newest first, then by title in pinyin order.
bool more_relevant(const model::Document& a, const model::Document& b, const std::string& topic) {
  double sa = score_of(a, topic)->score, sb = score_of(b, topic)->score;
  if (sa != sb) return sa > sb;
  if (a.meta.date != b.meta.date) return a.meta.date > b.meta.date;
  if (a.meta.title != b.meta.title) return collation::less_zh(a.meta.title, b.meta.title);
  return a.slug < b.slug;
}

Data excerpt_data(const model::Document& doc, const model::Block& block, const model::TopicEvidence& ev) {
  Data e;
  e.set("href", "../" + model::page_path(doc) + "#" + block.id);
  e.set("label", place_label(block.id));
  ExcerptOptions options;
  options.max_chars = kExcerptChars;
  options.before = kExcerptBefore;
  e.set("html", highlighted_excerpt(model::block_plain_text(block), ev.hits, options));
  e.set("score", one_decimal(ev.score));
  return e;
}

Data topic_document_data(const model::Document& doc, const std::string& topic, bool detailed) {
  doc.need_body();
  const auto* s = score_of(doc, topic);
  Data d;
  d.set("href", "../" + model::page_path(doc));
  set_optional(d, "symbol", doc.meta.symbol);
  d.set("title", doc.meta.title);
  set_optional(d, "date", display_date(doc.meta.date));
  d.set("date_iso", doc.meta.date);
  d.set("score", one_decimal(s->score));
  d.set("paragraphs", std::to_string(s->paragraphs));
  d.set("asserted", Data(s->asserted));

  // The strongest paragraphs (by what they add to the score; in document order among equals), shown in
  // document order.
  std::vector<std::pair<const model::Block*, const model::TopicEvidence*>> evidence;
  for (const auto& b : doc.blocks)
    for (const auto& ev : b.topic_evidence)
      if (ev.topic == topic) evidence.emplace_back(&b, &ev);
  std::vector<std::size_t> order(evidence.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return evidence[a].second->contribution > evidence[b].second->contribution; });
  order.resize(std::min(order.size(), detailed ? kShownExcerpts : 0));
  std::sort(order.begin(), order.end());
  List shown;
  for (std::size_t i : order) shown.push_back(excerpt_data(doc, *evidence[i].first, *evidence[i].second));
  d.set("excerpts", std::move(shown));
  d.set("has_excerpts", Data(!order.empty()));
  // Every other evidence paragraph, linked by its label, in document order.
  List others;
  for (std::size_t i = 0, k = 0; i < evidence.size(); ++i) {
    if (k < order.size() && order[k] == i) {
      ++k;
      continue;
    }
    Data o;
    o.set("href", "../" + model::page_path(doc) + "#" + evidence[i].first->id);
    o.set("label", place_label(evidence[i].first->id));
    others.push_back(std::move(o));
  }
  const std::size_t more = evidence.size() - order.size();
  d.set("others", std::move(others));
  d.set("has_more", Data(more > 0));
  d.set("more_label", order.empty() ? "段落：" : "其他段落：");
  // The document's page with the topic filter on: every evidence paragraph, one link away.
  d.set("evidence_href", "../" + model::page_path(doc) + "?topic=" + topic);
  return d;
}

List terms_data(const config::Topic& topic) {
  List terms;
  for (const auto& t : topic.terms) {
    Data term;
    term.set("term", t.term);
    term.set("weight", one_decimal(t.weight));
    terms.push_back(std::move(term));
  }
  return terms;
}

// Incremental builds: a topic page's rendered items, kept in the cache by the key of what each was made from
// (the document's file key, the templates, the topic, whether it is detailed), so that an edit to one
// document renders one item again instead of a page of thousands. The items are appended to the page's list
// as they come; the cache's bytes are kept whole and items taken from them by view.
class ItemCache {
 public:
  ItemCache(const SiteContext& site, const std::string& topic) : store_(site.keys.templates.empty() ? nullptr : site.store) {
    if (!store_) return;
    name_ = topic_items_key(topic);
    auto mapped = store_->map("topic-items", name_);  // in place: megabytes at 10,000 documents
    if (!mapped || mapped->bytes.size() < 32) return;
    bytes_ = std::move(*mapped);
    const std::string_view all = bytes_.bytes;
    // The last 32 bytes are the hex hash of the rest: damaged bytes are never taken for an item.
    std::string_view body = all.substr(0, all.size() - 32);
    if (cache::hash_of(body).hex() != all.substr(all.size() - 32)) return;
    try {
      binary::In in(body);
      auto n = in.num();
      old_.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(n, body.size())));
      for (; n > 0; --n) {
        cache::Hash key;
        key.lo = in.num();
        key.hi = in.num();
        old_.emplace(key, in.view());
      }
    } catch (const binary::Truncated&) {
      old_.clear();
    }
  }

  // What the list of items took last time: room to reserve, so that it is not copied as it grows.
  std::size_t size_hint() const { return bytes_.bytes.size(); }

  // Appends the item with `key` to `list`: the cached one, or what `render` makes.
  template <class Render>
  void append(const cache::Hash& key, std::string& list, Render render) {
    if (!store_) {
      list += render();
      return;
    }
    const std::size_t begin = list.size();
    auto it = old_.find(key);
    if (it != old_.end()) list += it->second;
    else list += render();
    changed_ = changed_ || it == old_.end();
    kept_.push_back({key, begin, list.size()});
  }

  // Saves the items of this build, found in `list` (those of documents no longer on the page are dropped).
  void save(const std::string& list) const {
    if (!store_ || (!changed_ && kept_.size() == old_.size())) return;
    binary::Out o;
    o.bytes.reserve(list.size() + kept_.size() * 24 + 64);
    o.num(kept_.size());
    for (const auto& k : kept_) {
      o.num(k.key.lo);
      o.num(k.key.hi);
      o.str(std::string_view(list).substr(k.begin, k.end - k.begin));
    }
    o.bytes += cache::hash_of(o.bytes).hex();
    store_->put("topic-items", name_, o.bytes);
  }

 private:
  struct HashOfHash {
    std::size_t operator()(const cache::Hash& h) const { return static_cast<std::size_t>(h.lo ^ (h.hi * 31)); }
  };
  struct Kept {
    cache::Hash key;
    std::size_t begin, end;  // in the list
  };
  const cache::Store* store_ = nullptr;
  cache::Hash name_;
  cache::Store::Mapped bytes_;
  std::unordered_map<cache::Hash, std::string_view, HashOfHash> old_;
  std::vector<Kept> kept_;
  bool changed_ = false;
};

// Put in place of the items when the page is rendered, then replaced by them: at 10,000 documents the items
// are megabytes, which the template data, the page and the layout would each copy.
constexpr std::string_view kItemsMarker = "\x1e" "acta:topic-items" "\x1e";

std::string splice_items(const std::string& page, const std::string& items) {
  std::string out;
  std::size_t from = 0;
  for (auto at = page.find(kItemsMarker); at != std::string::npos; at = page.find(kItemsMarker, from)) {
    if (out.empty()) out.reserve(page.size() + items.size());
    out.append(page, from, at - from);
    out += items;
    from = at + kItemsMarker.size();
  }
  if (from == 0) return page;  // a template without the list
  out.append(page, from, std::string::npos);
  return out;
}

struct Counts {
  std::size_t documents = 0, paragraphs = 0;
};

Counts count(const model::Archive& archive, const std::string& topic) {
  Counts c;
  for (const auto& d : archive.documents)
    if (under(d, topic)) {
      ++c.documents;
      c.paragraphs += static_cast<std::size_t>(score_of(d, topic)->paragraphs);
    }
  return c;
}

void write_topic_page(const SiteContext& site, const StagedOutput& out, const config::Topic& topic, const cache::Hash& key) {
  const std::string path = topic_page_path(topic.id);
  if (!key.empty() && out.reuse(path, key)) return;
  std::vector<const model::Document*> docs;
  for (const auto& doc : site.archive.documents)
    if (under(doc, topic.id)) docs.push_back(&doc);
  std::stable_sort(docs.begin(), docs.end(), [&](auto* a, auto* b) { return more_relevant(*a, *b, topic.id); });
  const Counts c = count(site.archive, topic.id);
  Data d = page_data(site, path, topic.label_zh);
  d.set("id", topic.id);
  d.set("label_zh", topic.label_zh);
  d.set("label_en", topic.label_en);
  d.set("terms", terms_data(topic));
  // Each document is rendered on its own (topic_item.mustache): the list of a large archive's topic would be
  // hundreds of megabytes as one template data tree.
  std::string items;
  ItemCache cache(site, topic.id);
  items.reserve(cache.size_hint() + cache.size_hint() / 8);
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const bool detailed = i < kDetailedDocuments;
    const auto index = static_cast<std::size_t>(docs[i] - site.archive.documents.data());
    cache::Hash key = site.file_key(index, detailed ? "topic-item-detailed:" + topic.id : "topic-item:" + topic.id, true);
    cache.append(key, items, [&] { return site.templates.render("topic_item", topic_document_data(*docs[i], topic.id, detailed)); });
  }
  cache.save(items);
  d.set("documents_html", std::string(kItemsMarker));
  d.set("has_documents", Data(!docs.empty()));
  d.set("doc_count", std::to_string(c.documents));
  d.set("para_count", std::to_string(c.paragraphs));
  set_optional(d, "detailed_note", docs.size() > kDetailedDocuments
                                       ? "前 " + std::to_string(kDetailedDocuments) + " 份文件附有最相关段落的摘录；其余文件列出各段落的链接。"
                                       : "");
  out.write(path, splice_items(site.templates.page("topic", std::move(d)), items), key);
}

std::string heatmap_for(const SiteContext& site) {
  const auto& topics = site.config.topics;
  Heatmap map;
  map.id = "topic-heatmap";
  map.title = "文件与专题热图";
  map.description = "每行一份至少归入一个专题的文件（按标题拼音排序），每列一个专题；颜色越深，该文件在该专题上的得分越高"
                    "（平方根刻度，相对于全图最高得分）；打勾表示文件归入该专题。";
  // One scale for the whole map, so that a column where nobody scores much stays pale.
  double best = 0;
  for (const auto& doc : site.archive.documents)
    for (const auto& s : doc.topic_scores) best = std::max(best, s.score);
  for (const auto& t : topics) {
    map.columns.push_back(t.label_zh);
    map.column_hrefs.push_back(t.id + ".html");
  }
  std::vector<const model::Document*> docs;
  for (const auto& doc : site.archive.documents)
    if (!doc.topic_ids.empty()) docs.push_back(&doc);
  const std::size_t tagged = docs.size();
  if (docs.size() > kHeatmapRows) {  // the best scores first (a document's best among its topics), ties by slug
    auto best_of = [](const model::Document* d) {
      double b = 0;
      for (const auto& s : d->topic_scores)
        if (s.assigned) b = std::max(b, s.score);
      return b;
    };
    std::stable_sort(docs.begin(), docs.end(), [&](auto* a, auto* b) {
      const double x = best_of(a), y = best_of(b);
      return x != y ? x > y : a->slug < b->slug;
    });
    docs.resize(kHeatmapRows);
    map.description += "图中为得分最高的 " + std::to_string(kHeatmapRows) + " 份文件（共 " + std::to_string(tagged) +
                       " 份文件归入专题，各专题页面列出全部）。";
  }
  std::stable_sort(docs.begin(), docs.end(), [](auto* a, auto* b) {
    if (a->meta.title != b->meta.title) return collation::less_zh(a->meta.title, b->meta.title);
    if (a->meta.date != b->meta.date) return a->meta.date > b->meta.date;
    return a->slug < b->slug;
  });
  for (const auto* doc : docs) {
    HeatmapRow row;
    row.label = doc_label(*doc);
    row.href = "../" + model::page_path(*doc);
    for (std::size_t t = 0; t < topics.size(); ++t) {
      const auto* s = score_of(*doc, topics[t].id);
      HeatmapCell cell;
      double score = s ? s->score : 0;
      cell.value = best > 0 ? std::sqrt(score / best) : 0;
      cell.marked = s && s->assigned;
      cell.tooltip = (doc->meta.symbol.empty() ? doc->meta.title : doc->meta.symbol) + " · " + topics[t].label_zh + "：得分 " + one_decimal(score) + "，" +
                     std::to_string(s ? s->paragraphs : 0) + " 段" + (cell.marked ? "（已归入）" : "（未归入）");
      row.cells.push_back(std::move(cell));
    }
    map.rows.push_back(std::move(row));
  }
  return heatmap_svg(map);
}

void write_overview(const SiteContext& site, const StagedOutput& out) {
  const std::string path = "topics/index.html";
  if (!site.keys.overview.empty() && out.reuse(path, site.keys.overview)) return;
  Data d = page_data(site, path, "专题");
  List topics;
  for (const auto& t : site.config.topics) {
    Counts c = count(site.archive, t.id);
    Data item;
    item.set("href", t.id + ".html");
    item.set("id", t.id);
    item.set("label_zh", t.label_zh);
    item.set("label_en", t.label_en);
    item.set("doc_count", std::to_string(c.documents));
    item.set("para_count", std::to_string(c.paragraphs));
    topics.push_back(std::move(item));
  }
  std::size_t untagged = 0;
  for (const auto& doc : site.archive.documents) untagged += doc.topic_ids.empty();
  d.set("topics", std::move(topics));
  d.set("has_topics", Data(!site.config.topics.empty()));
  d.set("untagged", std::to_string(untagged));
  d.set("doc_total", std::to_string(site.archive.documents.size()));
  d.set("heatmap", heatmap_for(site));
  const std::size_t tagged = site.archive.documents.size() - untagged;
  set_optional(d, "heatmap_note", tagged > kHeatmapRows ? "图中为得分最高的 " + std::to_string(kHeatmapRows) + " 份文件（共 " +
                                                              std::to_string(tagged) + " 份），各专题页面列出全部。"
                                                        : "");
  out.write(path, site.templates.page("topics", std::move(d)), site.keys.overview);
}

}  // namespace

cache::Hash topic_items_key(const std::string& topic_id) { return cache::hash_of("topic-items:" + topic_id); }

std::string topic_page_path(const std::string& topic_id) { return "topics/" + topic_id + ".html"; }

std::size_t topic_page_jobs(const SiteContext& site) { return site.config.topics.size() + 1; }

void write_topic_page_job(const SiteContext& site, const StagedOutput& out, std::size_t job) {
  const auto& topics = site.config.topics;
  if (job == topics.size()) write_overview(site, out);
  else write_topic_page(site, out, topics[job], job < site.keys.topics.size() ? site.keys.topics[job] : cache::Hash{});
}

void forget_unused_topic_items(const SiteContext& site) {
  if (!site.store) return;
  std::vector<cache::Hash> keep;
  for (const auto& t : site.config.topics) keep.push_back(topic_items_key(t.id));
  site.store->keep_only("topic-items", keep);
}

}  // namespace acta::write
