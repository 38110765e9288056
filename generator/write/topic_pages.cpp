#include "write/topic_pages.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "util/collation.hpp"
#include "util/error.hpp"
#include "util/files.hpp"
#include "util/parallel.hpp"
#include "write/heatmap.hpp"
#include "write/highlight.hpp"
#include "write/place_label.hpp"

namespace acta::write {

namespace {

// What a topic page carries, so that it stays small whatever the archive's size: per document its link, score
// and its strongest evidence as short excerpts; the rest of the evidence is one link away, on the document's
// page with the topic filter on. The list is cut into pages of kDocumentsPerPage.
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

Data topic_document_data(const model::Document& doc, const std::string& topic) {
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
  order.resize(std::min(order.size(), kShownExcerpts));
  std::sort(order.begin(), order.end());
  List shown;
  for (std::size_t i : order) shown.push_back(excerpt_data(doc, *evidence[i].first, *evidence[i].second));
  d.set("excerpts", shown);
  const std::size_t more = evidence.size() - order.size();
  d.set("has_more", Data(more > 0));
  d.set("more_count", std::to_string(more));
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
    terms.push_back(term);
  }
  return terms;
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

// The navigation between the pages of one topic's list: previous, numbers (see pages_to_show), next.
Data pager_data(const std::string& topic_id, std::size_t page, std::size_t pages) {
  auto href = [&](std::size_t k) { return topic_page_path(topic_id, k).substr(7); };  // beside it in topics/
  Data p;
  p.set("page", std::to_string(page));
  p.set("pages", std::to_string(pages));
  set_optional(p, "prev_href", page > 1 ? href(page - 1) : "");
  set_optional(p, "next_href", page < pages ? href(page + 1) : "");
  List numbers;
  for (std::size_t k : pages_to_show(page, pages)) {
    Data n;
    n.set("gap", Data(k == 0));
    n.set("number", std::to_string(k));
    n.set("href", k == 0 ? "" : href(k));
    n.set("current", Data(k == page));
    numbers.push_back(n);
  }
  p.set("numbers", numbers);
  return p;
}

void write_topic_page(const SiteContext& site, const StagedOutput& out, const config::Topic& topic) {
  std::vector<const model::Document*> docs;
  for (const auto& doc : site.archive.documents)
    if (under(doc, topic.id)) docs.push_back(&doc);
  std::stable_sort(docs.begin(), docs.end(), [&](auto* a, auto* b) { return more_relevant(*a, *b, topic.id); });
  const Counts c = count(site.archive, topic.id);
  const std::size_t pages = topic_page_count(docs.size());
  for (std::size_t page = 1; page <= pages; ++page) {
    const std::string path = topic_page_path(topic.id, page);
    Data d = page_data(site, path, pages > 1 ? topic.label_zh + "（第 " + std::to_string(page) + " 页）" : topic.label_zh);
    d.set("id", topic.id);
    d.set("label_zh", topic.label_zh);
    d.set("label_en", topic.label_en);
    d.set("terms", terms_data(topic));
    const std::size_t first = (page - 1) * kDocumentsPerPage, last = std::min(docs.size(), first + kDocumentsPerPage);
    List items;
    for (std::size_t i = first; i < last; ++i) items.push_back(topic_document_data(*docs[i], topic.id));
    d.set("documents", items);
    d.set("has_documents", Data(!docs.empty()));
    d.set("doc_count", std::to_string(c.documents));
    d.set("para_count", std::to_string(c.paragraphs));
    d.set("start", std::to_string(first + 1));
    d.set("from", std::to_string(first + 1));
    d.set("to", std::to_string(last));
    d.set("paged", Data(pages > 1));
    d.set("pager", pager_data(topic.id, page, pages));
    out.write(path, site.templates.page("topic", d));
  }
}

// Every topic's pages have paths of their own: with topics `water` and `water-2`, page 2 of `water` would be
// `water-2.html`, the other topic's page. Refused with what to do rather than one page overwriting the other.
void check_page_paths(const SiteContext& site) {
  std::set<std::string> firsts;
  for (const auto& t : site.config.topics) firsts.insert(topic_page_path(t.id));
  for (const auto& t : site.config.topics) {
    std::size_t docs = 0;
    for (const auto& doc : site.archive.documents) docs += under(doc, t.id);
    for (std::size_t page = 2; page <= topic_page_count(docs); ++page)
      if (firsts.count(topic_page_path(t.id, page)))
        throw SourceError({files::display(site.config.file), 0},
                          "page " + std::to_string(page) + " of topic '" + t.id + "' would be " + topic_page_path(t.id, page) +
                              ", the page of another topic; rename that topic's id");
  }
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
      row.cells.push_back(cell);
    }
    map.rows.push_back(std::move(row));
  }
  return heatmap_svg(map);
}

void write_overview(const SiteContext& site, const StagedOutput& out) {
  const std::string path = "topics/index.html";
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
    topics.push_back(item);
  }
  std::size_t untagged = 0;
  for (const auto& doc : site.archive.documents) untagged += doc.topic_ids.empty();
  d.set("topics", topics);
  d.set("has_topics", Data(!site.config.topics.empty()));
  d.set("untagged", std::to_string(untagged));
  d.set("doc_total", std::to_string(site.archive.documents.size()));
  d.set("heatmap", heatmap_for(site));
  const std::size_t tagged = site.archive.documents.size() - untagged;
  set_optional(d, "heatmap_note", tagged > kHeatmapRows ? "图中为得分最高的 " + std::to_string(kHeatmapRows) + " 份文件（共 " +
                                                              std::to_string(tagged) + " 份），各专题页面列出全部。"
                                                        : "");
  out.write(path, site.templates.page("topics", d));
}

}  // namespace

std::string topic_page_path(const std::string& topic_id, std::size_t page) {
  return "topics/" + topic_id + (page > 1 ? "-" + std::to_string(page) : std::string()) + ".html";
}

std::size_t topic_page_count(std::size_t documents) {
  return std::max<std::size_t>(1, (documents + kDocumentsPerPage - 1) / kDocumentsPerPage);
}

std::vector<std::size_t> pages_to_show(std::size_t page, std::size_t pages) {
  std::vector<std::size_t> shown;
  for (std::size_t k = 1; k <= pages; ++k) {
    const bool near = k + 2 >= page && k <= page + 2;
    if (k == 1 || k == pages || near) {
      if (!shown.empty() && shown.back() != 0 && k > shown.back() + 1) {
        if (k == shown.back() + 2) shown.push_back(k - 1);  // a gap of one page: show the page, not "…"
        else shown.push_back(0);
      }
      shown.push_back(k);
    }
  }
  return shown;
}

void write_topic_pages(const SiteContext& site, const StagedOutput& out) {
  check_page_paths(site);
  parallel_for(site.config.topics.size(), [&](std::size_t i) { write_topic_page(site, out, site.config.topics[i]); });
  write_overview(site, out);
}

}  // namespace acta::write
