// The one document model every reader produces and every writer consumes. Plain data, no I/O.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "util/error.hpp"

namespace acta::model {

// ---- Inline content -------------------------------------------------------------------------------------

enum class InlineKind {
  Text,         // text: the characters
  Emphasis,     // children
  Strong,       // children
  Code,         // text
  Link,         // target: URL as written; children: link text
  FootnoteRef,  // text: the footnote's label as in the source ("1", "*")
  Citation,     // children: the citing text; citation: what it cites (filled by analyze/)
  LineBreak,    // a hard break the author asked for
};

struct CitationTarget {
  std::string symbol;     // full symbol, e.g. "A/RES/62/196"
  std::string paragraph;  // anchor id in the cited document when the citation names one ("para_15")
  std::string href;       // resolved by the citation pass: page of an archive document or external URL
  bool in_archive = false;
};

struct Inline {
  InlineKind kind = InlineKind::Text;
  std::string text;
  std::vector<Inline> children;

  Inline() = default;
  explicit Inline(InlineKind k, std::string t = {}) : kind(k), text(std::move(t)) {}
  Inline(const Inline& other) : kind(other.kind), text(other.text), children(other.children),
                                extra_(other.extra_ ? std::make_unique<Extra>(*other.extra_) : nullptr) {}
  Inline(Inline&&) noexcept = default;
  Inline& operator=(const Inline& other) {
    if (this != &other) *this = Inline(other);
    return *this;
  }
  Inline& operator=(Inline&&) noexcept = default;

  static Inline make_text(std::string t) { return Inline(InlineKind::Text, std::move(t)); }

  // Link: the URL as written. Empty for every other kind.
  const std::string& target() const { return extra_ ? extra_->target : empty_extra().target; }
  void set_target(std::string t) { extra().target = std::move(t); }
  // Citation: what it cites (filled by the citation pass). Default for every other kind.
  const CitationTarget& citation() const { return extra_ ? extra_->citation : empty_extra().citation; }
  void set_citation(CitationTarget c) { extra().citation = std::move(c); }

 private:
  // Held apart: most inlines are text, and a document has thousands of them (this keeps an Inline at 72
  // bytes, not 200).
  struct Extra {
    std::string target;
    CitationTarget citation;
  };
  static const Extra& empty_extra();
  Extra& extra() {
    if (!extra_) extra_ = std::make_unique<Extra>();
    return *extra_;
  }
  std::unique_ptr<Extra> extra_;
};

using Inlines = std::vector<Inline>;

// Concatenated text of inline content, as a reader would see it (footnote labels left out).
std::string plain_text(const Inlines& inlines);
// Appends plain_text(inlines) to `out` (a caller that reuses one buffer).
void append_plain_text(const Inlines& inlines, std::string& out);

// ---- Topic evidence (filled by the topic pass, analyze/topics) -----------------------------------------

struct TermHit {
  std::size_t begin = 0;  // byte range of a topic term in block_plain_text(block)
  std::size_t end = 0;
};

// Why a block counts for a topic: its score and where the topic's terms are.
struct TopicEvidence {
  std::string topic;         // topic id
  double score = 0;          // the paragraph's score for the topic
  double contribution = 0;   // what it adds to the document's score (its score, shared with other topics)
  std::vector<TermHit> hits;
};

// A document's standing for one configured topic (one per topic, in config order).
struct TopicScore {
  std::string topic;
  double score = 0;       // sum of the contributions of its evidence blocks
  int paragraphs = 0;     // number of evidence blocks
  bool asserted = false;  // named in front matter `topics:`
  bool assigned = false;  // the document is under the topic
};

// ---- Blocks ---------------------------------------------------------------------------------------------

enum class BlockKind {
  Heading,       // level: 1..4; number: "一", "A", "1" when the heading is numbered
  Formula,       // the enacting formula that opens a resolution: "大会，"
  Preamble,      // preambular paragraph: id preamble__p_K
  Numbered,      // numbered paragraph: id para_N
  Subparagraph,  // lettered subparagraph (a): id para_N__point_a
  Plain,         // any other paragraph: id p_K
  Bullet,        // an item of an unnumbered list: id p_K
  Table,         // rows of cells
  Rule,          // a thematic break written by the author
};

struct Block {
  BlockKind kind = BlockKind::Plain;
  int level = 0;
  std::string number;  // "15" for para_15, "a" for point_a, heading numbers
  std::string id;      // the anchor of the contract (set by assign_ids)
  Inlines content;
  std::vector<std::vector<Inlines>> rows;  // Table only; the first row is the header
  int line = 0;                            // 1-based source line where the block starts
  std::vector<std::string> topics;         // ids of the document's topics this block is evidence for (topic pass)
  std::vector<TopicEvidence> topic_evidence;  // every topic the block is evidence for, the document under it or not
};

// The text of a block as the analysis passes see it: plain_text of its content, table cells joined by
// spaces. Offsets in TermHit refer to this string.
std::string block_plain_text(const Block& block);
// The same into `out` (replacing what it held), for a caller that reuses one buffer.
void block_plain_text(const Block& block, std::string& out);

// ---- Notes ----------------------------------------------------------------------------------------------

struct Footnote {
  std::string label;  // as in the source: "1", "21", "*"
  std::string id;     // anchor id, e.g. "fn_1"
  std::vector<Inlines> paragraphs;
  int line = 0;
};

struct Annotation {
  std::string anchor;  // id of the block it belongs to, e.g. "para_15"
  std::string author;
  std::string date;      // ISO date
  std::string markdown;  // the note as written
  Inlines content;       // the note parsed (paragraphs joined by LineBreak)
  SourceLocation where;  // sidecar file and line
};

// A hyperlink target printed as a stray line in raw PDF text ("https://undocs.org/ch/A/RES/71/228"). It is
// kept out of the text but is real information about a citation on the same page.
struct StrayLink {
  std::string url;
  int line = 0;                 // source line of the link
  std::size_t first_block = 0;  // blocks[first_block, end_block) were (at least partly) on the same page
  std::size_t end_block = 0;
};

// ---- Document -------------------------------------------------------------------------------------------

struct Metadata {
  std::string symbol;       // "A/RES/80/144"
  std::string title;        // "山区可持续发展"
  std::string body;         // adopting body: "大会"
  std::string date;         // ISO 8601 adoption or issue date: "2025-12-15"
  std::string session;      // "第八十届会议"
  std::string agenda_item;  // "18 (j)"
  std::string kind;         // resolution, decision, report, draft, note
  std::string meeting;      // plenary meeting, when the text names it
  std::vector<std::string> topics;  // topics an editor asserted in front matter (analyze may add more)
};

// A citation as the citation pass linked it, in reading order: what the archive-wide views (backlinks, the
// citations page, counts, `acta check`) read without walking the text. (The rest of the citation, its
// words, paragraph and link, is in the text.)
struct CitationRef {
  std::string place;   // id of the citing block or footnote
  std::string symbol;  // what it cites
  bool in_archive = false;
};

struct Document;

// The body of a document built from the cache, left there until a stage needs it: an incremental build
// renders a few documents again, and reading every body was most of its time.
struct PendingBody {
  std::function<void(Document&)> read;  // fills blocks, footnotes, annotations and stray links; throws SourceError
  std::vector<std::string> block_ids;   // the ids of its blocks, known without reading it
  std::mutex mutex;
};

struct Document {
  Metadata meta;
  std::string slug;         // file-name-safe key, unique in the archive: "a-res-80-144"
  std::string source_path;  // as shown in messages
  std::vector<Block> blocks;
  std::vector<Footnote> footnotes;
  std::vector<Annotation> annotations;
  std::vector<StrayLink> stray_links;   // raw text only
  std::vector<std::string> topic_ids;   // topics the document is under (topic pass), in config order
  std::vector<TopicScore> topic_scores;  // every configured topic, in config order (topic pass)
  Diagnostics diagnostics;  // warnings the reader had (errors are thrown)
  std::vector<CitationRef> citations;  // every citation of the text, in reading order (citation pass)

  // The body (blocks, footnotes, annotations, stray_links) of a document from the cache may still be there:
  // every use of those fields goes after need_body() unless the document was just read from its source.
  // Safe to call from several threads at once.
  std::shared_ptr<PendingBody> pending;
  void need_body() const;
  // The ids of the blocks, whether the body is here or not.
  template <class F>
  void for_each_block_id(F f) const {
    if (pending) {
      for (const auto& id : pending->block_ids) f(id);
    } else {
      for (const auto& b : blocks) f(b.id);
    }
  }

  const Block* find_block(const std::string& id) const;
  const Footnote* find_footnote(const std::string& label) const;

 private:
  mutable bool body_read_ = false;  // guarded by pending->mutex
};

// The citations of a document's text as the citation pass left them (what fills Document::citations).
std::vector<CitationRef> find_citations(const Document& doc);

// Calls f(inlines, place) for every piece of a document's text that can hold citations, in reading order:
// each block's content and its table cells (place: the block's id), then each footnote paragraph (the
// footnote's id). Reads the body first when it is still in the cache.
template <class F>
void for_each_text(const Document& doc, F f) {
  doc.need_body();
  for (const auto& b : doc.blocks) {
    f(b.content, b.id);
    for (const auto& row : b.rows)
      for (const auto& cell : row) f(cell, b.id);
  }
  for (const auto& fn : doc.footnotes)
    for (const auto& p : fn.paragraphs) f(p, fn.id);
}

// Gives every block the contract's anchor id: para_N, para_N__point_a, preamble__p_K, p_K, heading ids.
// Duplicate numbers get a suffix so ids stay unique.
void assign_ids(Document& doc);

// Footnote anchor for a label: "fn_1", "fn_star" for "*", unique within the document.
void assign_footnote_ids(Document& doc);

// Symbol -> slug: "A/RES/80/144" -> "a-res-80-144".
std::string slug_for_symbol(const std::string& symbol);

}  // namespace acta::model
