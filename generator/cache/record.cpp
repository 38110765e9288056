#include "cache/record.hpp"

#include "util/binary.hpp"

namespace acta::cache {

namespace {

using namespace model;
using binary::In;
using binary::Out;
using binary::Truncated;

// Bumped whenever the model or this encoding changes, so old records read as missing.
constexpr std::string_view kMagic = "acta-record-4\n";

void put(Out& o, const Inlines& v);
void put(Out& o, const Inline& x) {
  o.num(static_cast<std::uint64_t>(x.kind));
  o.str(x.text);
  if (x.kind == InlineKind::Link) o.str(x.target());
  if (x.kind == InlineKind::Citation) {
    const auto& c = x.citation();
    o.str(c.symbol);
    o.str(c.paragraph);
    o.str(c.href);
    o.num(c.in_archive);
  }
  put(o, x.children);
}
void put(Out& o, const Inlines& v) { o.list(v, [&](const Inline& x) { put(o, x); }); }

void get(In& in, Inlines& v);
void get(In& in, Inline& x) {
  x.kind = static_cast<InlineKind>(in.num());
  x.text = in.str();
  if (x.kind == InlineKind::Link) x.set_target(in.str());
  if (x.kind == InlineKind::Citation) {
    CitationTarget c;
    c.symbol = in.str();
    c.paragraph = in.str();
    c.href = in.str();
    c.in_archive = in.num() != 0;
    x.set_citation(std::move(c));
  }
  get(in, x.children);
}
void get(In& in, Inlines& v) { in.list(v, [&](Inline& x) { get(in, x); }); }

// The head: what every build reads of every document (metadata, citations, block ids, topics, warnings).
void put_head(Out& o, const Document& d) {
  const auto& m = d.meta;
  for (const auto* s : {&m.symbol, &m.title, &m.body, &m.date, &m.session, &m.agenda_item, &m.kind, &m.meeting}) o.str(*s);
  o.strings(m.topics);
  o.str(d.slug);
  o.str(d.source_path);
  o.list(d.citations, [&](const CitationRef& c) {
    o.str(c.place);
    o.str(c.symbol);
    o.num(c.in_archive);
  });
  o.list(d.blocks, [&](const Block& b) { o.str(b.id); });
  o.strings(d.topic_ids);
  o.list(d.topic_scores, [&](const TopicScore& t) {
    o.str(t.topic);
    o.real(t.score);
    o.num(static_cast<std::uint64_t>(t.paragraphs));
    o.num(t.asserted);
    o.num(t.assigned);
  });
  o.list(d.diagnostics, [&](const Diagnostic& g) {
    o.num(static_cast<std::uint64_t>(g.severity));
    o.str(g.where.file);
    o.num(static_cast<std::uint64_t>(g.where.line));
    o.str(g.message);
  });
}

void get_head(In& in, Document& d, std::vector<std::string>& block_ids) {
  auto& m = d.meta;
  for (auto* s : {&m.symbol, &m.title, &m.body, &m.date, &m.session, &m.agenda_item, &m.kind, &m.meeting}) *s = in.str();
  in.strings(m.topics);
  d.slug = in.str();
  d.source_path = in.str();
  in.list(d.citations, [&](CitationRef& c) {
    c.place = in.str();
    c.symbol = in.str();
    c.in_archive = in.num() != 0;
  });
  in.strings(block_ids);
  in.strings(d.topic_ids);
  in.list(d.topic_scores, [&](TopicScore& t) {
    t.topic = in.str();
    t.score = in.real();
    t.paragraphs = in.integer();
    t.asserted = in.num() != 0;
    t.assigned = in.num() != 0;
  });
  in.list(d.diagnostics, [&](Diagnostic& g) {
    g.severity = static_cast<Severity>(in.num());
    g.where.file = in.str();
    g.where.line = in.integer();
    g.message = in.str();
  });
}

// The body: the text itself, read only for the documents a build renders again.
void put_body(Out& o, const Document& d) {
  o.list(d.blocks, [&](const Block& b) {
    o.num(static_cast<std::uint64_t>(b.kind));
    o.num(static_cast<std::uint64_t>(b.level));
    o.str(b.number);
    o.str(b.id);
    put(o, b.content);
    o.list(b.rows, [&](const std::vector<Inlines>& row) { o.list(row, [&](const Inlines& cell) { put(o, cell); }); });
    o.num(static_cast<std::uint64_t>(b.line));
    o.strings(b.topics);
    o.list(b.topic_evidence, [&](const TopicEvidence& e) {
      o.str(e.topic);
      o.real(e.score);
      o.real(e.contribution);
      o.list(e.hits, [&](const TermHit& h) {
        o.num(h.begin);
        o.num(h.end);
      });
    });
  });
  o.list(d.footnotes, [&](const Footnote& f) {
    o.str(f.label);
    o.str(f.id);
    o.list(f.paragraphs, [&](const Inlines& p) { put(o, p); });
    o.num(static_cast<std::uint64_t>(f.line));
  });
  o.list(d.annotations, [&](const Annotation& a) {
    for (const auto* s : {&a.anchor, &a.author, &a.date, &a.markdown}) o.str(*s);
    put(o, a.content);
    o.str(a.where.file);
    o.num(static_cast<std::uint64_t>(a.where.line));
  });
  o.list(d.stray_links, [&](const StrayLink& l) {
    o.str(l.url);
    o.num(static_cast<std::uint64_t>(l.line));
    o.num(l.first_block);
    o.num(l.end_block);
  });
}

void get_body(In& in, Document& d) {
  in.list(d.blocks, [&](Block& b) {
    b.kind = static_cast<BlockKind>(in.num());
    b.level = in.integer();
    b.number = in.str();
    b.id = in.str();
    get(in, b.content);
    in.list(b.rows, [&](std::vector<Inlines>& row) { in.list(row, [&](Inlines& cell) { get(in, cell); }); });
    b.line = in.integer();
    in.strings(b.topics);
    in.list(b.topic_evidence, [&](TopicEvidence& e) {
      e.topic = in.str();
      e.score = in.real();
      e.contribution = in.real();
      in.list(e.hits, [&](TermHit& h) {
        h.begin = in.num();
        h.end = in.num();
      });
    });
  });
  in.list(d.footnotes, [&](Footnote& f) {
    f.label = in.str();
    f.id = in.str();
    in.list(f.paragraphs, [&](Inlines& p) { get(in, p); });
    f.line = in.integer();
  });
  in.list(d.annotations, [&](Annotation& a) {
    for (auto* s : {&a.anchor, &a.author, &a.date, &a.markdown}) *s = in.str();
    get(in, a.content);
    a.where.file = in.str();
    a.where.line = in.integer();
  });
  in.list(d.stray_links, [&](StrayLink& l) {
    l.url = in.str();
    l.line = in.integer();
    l.first_block = in.num();
    l.end_block = in.num();
  });
}

// The parts of a record's bytes, checked: the whole record's hash holds and the content hash is its parts'.
struct Parts {
  Hash content;
  std::string_view head, body, lookups;
};

void put_lookups(Out& o, const analyze::citations::Lookups& lookups) {
  o.list(lookups, [&](const analyze::citations::Lookup& l) {
    o.str(l.symbol);
    o.strings(l.aliases);
    o.num(l.by_short_form);
    o.str(l.written);
    o.str(l.paragraph);
    o.str(l.answer);
    o.num(l.paragraph_found);
  });
}

Hash content_hash(std::string_view head, std::string_view body) {
  Hasher h;
  h.add(head).add(body);
  return h.digest();
}

std::optional<Parts> split(std::string_view bytes) {
  if (bytes.substr(0, kMagic.size()) != kMagic) return std::nullopt;
  try {
    In in(bytes.substr(kMagic.size()));
    Parts p;
    p.content.lo = in.num();
    p.content.hi = in.num();
    p.head = in.view();
    p.body = in.view();
    p.lookups = in.view();
    const std::size_t signed_end = kMagic.size() + in.pos();
    Hash whole;
    whole.lo = in.num();
    whole.hi = in.num();
    // The whole record's hash: a torn or altered file (the lookups too: a damaged one must not pass for a
    // true answer) is no record.
    if (!in.done() || hash_of(bytes.substr(0, signed_end)) != whole) return std::nullopt;
    if (content_hash(p.head, p.body) != p.content) return std::nullopt;
    return p;
  } catch (const Truncated&) {
    return std::nullopt;
  }
}

}  // namespace

std::string encode(const Document& doc, const analyze::citations::Lookups& lookups, Hash& content) {
  doc.need_body();
  Out head, body;
  put_head(head, doc);
  put_body(body, doc);
  content = content_hash(head.bytes, body.bytes);
  Out o;
  o.bytes.reserve(head.bytes.size() + body.bytes.size() + 256);
  o.bytes.append(kMagic);
  o.num(content.lo);
  o.num(content.hi);
  o.str(head.bytes);
  o.str(body.bytes);
  Out looked;
  put_lookups(looked, lookups);
  o.str(looked.bytes);
  auto whole = hash_of(o.bytes);
  o.num(whole.lo);
  o.num(whole.hi);
  return std::move(o.bytes);
}

std::optional<Record> decode(std::string_view bytes) {
  auto record = decode_head(bytes);
  if (!record || !decode_body(bytes, record->content, record->doc)) return std::nullopt;
  auto lookups = decode_lookups(record->lookup_bytes);
  if (!lookups) return std::nullopt;
  record->lookups = std::move(*lookups);
  record->lookup_bytes.clear();
  record->doc.pending.reset();
  return record;
}

std::optional<analyze::citations::Lookups> decode_lookups(std::string_view bytes) {
  try {
    In in(bytes);
    analyze::citations::Lookups out;
    in.list(out, [&](analyze::citations::Lookup& l) {
      l.symbol = in.str();
      in.strings(l.aliases);
      l.by_short_form = in.num() != 0;
      l.written = in.str();
      l.paragraph = in.str();
      l.answer = in.str();
      l.paragraph_found = in.num() != 0;
    });
    if (!in.done()) return std::nullopt;
    return out;
  } catch (const Truncated&) {
    return std::nullopt;
  }
}

std::optional<Record> decode_head(std::string_view bytes) {
  auto parts = split(bytes);
  if (!parts) return std::nullopt;
  try {
    Record r;
    r.content = parts->content;
    r.lookup_bytes = std::string(parts->lookups);
    r.doc.pending = std::make_shared<PendingBody>();
    In head(parts->head);
    get_head(head, r.doc, r.doc.pending->block_ids);
    if (!head.done()) return std::nullopt;
    return r;
  } catch (const Truncated&) {
    return std::nullopt;
  }
}

bool decode_body(std::string_view bytes, const Hash& content, Document& doc) {
  auto parts = split(bytes);
  if (!parts || parts->content != content) return false;
  try {
    In body(parts->body);
    get_body(body, doc);
    return body.done();
  } catch (const Truncated&) {
    return false;
  }
}

}  // namespace acta::cache
