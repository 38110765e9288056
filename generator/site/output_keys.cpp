#include "site/output_keys.hpp"

#include <algorithm>

#include "util/parallel.hpp"

namespace acta::site {

namespace {

cache::Hash listing_of(const model::Document& doc) {
  cache::Hasher h;
  const auto& m = doc.meta;
  h.add(doc.slug);
  for (const auto* s : {&m.symbol, &m.title, &m.body, &m.date, &m.session, &m.agenda_item, &m.kind, &m.meeting}) h.add(*s);
  for (const auto& t : doc.topic_ids) h.add(t);
  // What it says about the archive's citation graph: each citation's symbol and whether it is in the
  // archive, in order (the citations page counts them, the home page draws them).
  for (const auto& c : doc.citations) h.add(c.symbol).add(c.in_archive ? 1 : 0);
  return h.digest();
}

}  // namespace

write::FileKeys output_keys(const model::Archive& archive, const config::Config& config,
                            const std::vector<cache::Hash>& content, const cache::Hash& setup, const cache::Hash& templates) {
  const std::size_t n = archive.documents.size();
  write::FileKeys keys;
  keys.templates = templates;
  keys.documents.resize(n);
  std::vector<cache::Hash> listings(n);
  parallel_for(n, [&](std::size_t i) {
    cache::Hasher h;
    h.add(setup).add(content[i]);
    // A document's page lists the documents citing it, with their titles and dates.
    if (i < archive.cited_by.size())
      for (const auto& place : archive.cited_by[i]) {
        const auto& c = archive.documents[place.doc];
        h.add(place.block_id).add(c.slug).add(c.meta.symbol).add(c.meta.title).add(c.meta.date);
      }
    keys.documents[i] = h.digest();
    listings[i] = listing_of(archive.documents[i]);
  });

  cache::Hasher listing;
  listing.add(setup).add(templates).add(n);
  for (const auto& l : listings) listing.add(l);
  for (const auto& places : archive.cited_by) {
    listing.add(places.size());
    for (const auto& p : places) listing.add(p.doc).add(p.block_id);
  }
  keys.listing = listing.digest();

  // A topic page shows the documents under the topic; the overview shows every document's scores.
  for (const auto& topic : config.topics) {
    cache::Hasher h;
    h.add(setup).add(templates).add(topic.id);
    for (std::size_t i = 0; i < n; ++i) {
      const auto& ids = archive.documents[i].topic_ids;
      if (std::find(ids.begin(), ids.end(), topic.id) != ids.end()) h.add(i).add(content[i]);
    }
    keys.topics.push_back(h.digest());
  }
  cache::Hasher overview;
  overview.add(setup).add(templates).add(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& d = archive.documents[i];
    bool scored = !d.topic_ids.empty() ||
                  std::any_of(d.topic_scores.begin(), d.topic_scores.end(), [](const auto& s) { return s.score > 0; });
    if (scored) overview.add(i).add(content[i]);
  }
  keys.overview = overview.digest();
  return keys;
}

}  // namespace acta::site
