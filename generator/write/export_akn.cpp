// doc/<slug>.akn.xml: the document in Akoma Ntoso 3.0, shaped as the AKN4UN guidelines shape UN documents:
// resolutions and decisions are a <statement>, other documents a <doc>; the enacting formula and the
// preambular paragraphs form the <preamble>; numbered paragraphs are <paragraph eId="para_N"> with <num>
// and <content><p>, their lettered subparagraphs <point>s after an <intro>; footnotes are <authorialNote>s
// where first referred to (later references are <noteRef>s pointing to them); citations are <ref href>.
#include <filesystem>

#include "write/escape.hpp"
#include "write/exports.hpp"
#include "write/xml.hpp"

namespace acta::write {

using model::BlockKind;
using model::InlineKind;

namespace {

// ISO 639-2 code for the FRBR expression, from the config's BCP 47 language.
std::string iso639_2(const std::string& lang) {
  std::string primary = lang.substr(0, lang.find('-'));
  static const std::pair<const char*, const char*> codes[] = {
      {"zh", "zho"}, {"en", "eng"}, {"fr", "fra"}, {"es", "spa"}, {"ru", "rus"}, {"ar", "ara"}};
  for (const auto& [two, three] : codes)
    if (primary == two) return three;
  return primary;
}

bool is_statement(const std::string& kind) {
  return kind.empty() || kind == "resolution" || kind == "decision" || kind == "draft";
}

class AknWriter {
 public:
  AknWriter(const SiteContext& site, const model::Document& doc) : site_(site), doc_(doc) {
    doc.need_body();
    x_.reserve(kExportReserve);
  }

  std::string write() {
    const auto& m = doc_.meta;
    const bool statement = is_statement(m.kind);
    x_.open("akomaNtoso", {{"xmlns", "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}});
    x_.open(statement ? "statement" : "doc", {{"name", m.kind.empty() ? "resolution" : m.kind}, {"contains", "originalVersion"}});
    meta(statement);
    preface();
    std::size_t next = preamble();
    main_body(next);
    return x_.finish();
  }

 private:
  void meta(bool statement) {
    const auto& m = doc_.meta;
    std::string date = m.date.size() == 10 ? m.date : "";
    std::string work = std::string("/akn/un/") + (statement ? "statement/" : "doc/") +
                       (m.kind.empty() ? "resolution" : m.kind) + "/" + (date.empty() ? "undated" : date) + "/" + doc_.slug;
    std::string expr = work + "/" + iso639_2(site_.config.language) + "@";
    std::string frbr_date = date.empty() ? "0001-01-01" : date;
    x_.open("meta").open("identification", {{"source", "#acta"}});
    x_.open("FRBRWork");
    x_.empty("FRBRthis", {{"value", work + "/!main"}}).empty("FRBRuri", {{"value", work}});
    x_.empty("FRBRdate", {{"date", frbr_date}, {"name", date.empty() ? "unknown" : "adoption"}});
    x_.empty("FRBRauthor", {{"href", "#author"}}).empty("FRBRcountry", {{"value", "un"}});
    if (!m.symbol.empty()) x_.empty("FRBRnumber", {{"value", m.symbol}});
    x_.close().open("FRBRExpression");
    x_.empty("FRBRthis", {{"value", expr + "/!main"}}).empty("FRBRuri", {{"value", expr}});
    x_.empty("FRBRdate", {{"date", frbr_date}, {"name", date.empty() ? "unknown" : "adoption"}});
    x_.empty("FRBRauthor", {{"href", "#author"}}).empty("FRBRlanguage", {{"language", iso639_2(site_.config.language)}});
    x_.close().open("FRBRManifestation");
    x_.empty("FRBRthis", {{"value", expr + "/main.xml"}}).empty("FRBRuri", {{"value", expr + ".akn"}});
    x_.empty("FRBRdate", {{"date", frbr_date}, {"name", "transformation"}});
    x_.empty("FRBRauthor", {{"href", "#acta"}});
    x_.close().close();  // FRBRManifestation, identification
    x_.open("references", {{"source", "#acta"}});
    x_.empty("TLCOrganization", {{"eId", "acta"}, {"href", "/ontology/organization/acta"}, {"showAs", "Acta"}});
    x_.empty("TLCOrganization", {{"eId", "author"}, {"href", "/ontology/organization/un/author"},
                                 {"showAs", m.body.empty() ? site_.config.title : m.body}});
    x_.close().close();  // references, meta
  }

  void preface() {
    const auto& m = doc_.meta;
    x_.open("preface");
    if (!m.symbol.empty()) x_.open("p", {{"class", "docNumber"}}, true).leaf("docNumber", m.symbol).close();
    if (!m.body.empty()) x_.open("p", {{"class", "docAuthority"}}, true).leaf("docAuthority", m.body).close();
    if (!m.session.empty()) x_.open("p", {{"class", "session"}}, true).leaf("session", m.session, {{"value", m.session}}).close();
    if (!m.agenda_item.empty()) x_.leaf("p", "议程项目 " + m.agenda_item, {{"class", "agendaItem"}});
    if (m.date.size() == 10) x_.open("p", {{"class", "docDate"}}, true).leaf("docDate", display_date(m.date), {{"date", m.date}}).close();
    x_.open("p", {{"class", "docTitle"}}, true).leaf("docTitle", m.title).close();
    x_.close();
  }

  // The enacting formula and the preambular paragraphs that open the document; returns the first block
  // after them.
  std::size_t preamble() {
    std::size_t i = 0;
    const auto& blocks = doc_.blocks;
    while (i < blocks.size() && (blocks[i].kind == BlockKind::Formula || blocks[i].kind == BlockKind::Preamble)) ++i;
    if (i == 0) return 0;
    x_.open("preamble");
    for (std::size_t k = 0; k < i; ++k) {
      if (blocks[k].kind == BlockKind::Formula) {
        x_.open("formula", {{"name", "enactingFormula"}, {"eId", blocks[k].id}});
        paragraph_text(blocks[k].content);
        x_.close();
      } else {
        paragraph_text(blocks[k].content, blocks[k].id);
      }
    }
    x_.close();
    return i;
  }

  void main_body(std::size_t i) {
    const auto& blocks = doc_.blocks;
    x_.open("mainBody");
    std::vector<int> sections;  // levels of the open heading sections
    while (i < blocks.size()) {
      const auto& b = blocks[i];
      switch (b.kind) {
        case BlockKind::Heading:
          while (!sections.empty() && sections.back() >= b.level) {
            x_.close();
            sections.pop_back();
          }
          x_.open("hcontainer", {{"name", "section"}, {"eId", b.id}});
          // The number goes in <num> only when the heading text does not already show it.
          if (!b.number.empty() && model::plain_text(b.content).rfind(b.number, 0) != 0) x_.leaf("num", b.number);
          x_.open("heading", {}, true);
          inlines(b.content);
          x_.close();
          sections.push_back(b.level);
          ++i;
          break;
        case BlockKind::Numbered: i = numbered(i); break;
        case BlockKind::Subparagraph:
          point(b);
          ++i;
          break;
        case BlockKind::Bullet: i = bullets(i); break;
        case BlockKind::Table:
          table(b);
          ++i;
          break;
        case BlockKind::Rule: ++i; break;
        default:
          paragraph_text(b.content, b.id);
          ++i;
      }
    }
    x_.close();
  }

  // A numbered paragraph and the lettered subparagraphs that follow it.
  std::size_t numbered(std::size_t i) {
    const auto& blocks = doc_.blocks;
    const auto& b = blocks[i];
    x_.open("paragraph", {{"eId", b.id}});
    x_.leaf("num", b.number + ".");
    bool has_points = i + 1 < blocks.size() && blocks[i + 1].kind == BlockKind::Subparagraph;
    x_.open(has_points ? "intro" : "content");
    paragraph_text(b.content);
    x_.close();
    ++i;
    while (i < blocks.size() && blocks[i].kind == BlockKind::Subparagraph) point(blocks[i++]);
    x_.close();
    return i;
  }

  void point(const model::Block& b) {
    x_.open("point", {{"eId", b.id}});
    x_.leaf("num", "(" + b.number + ")");
    x_.open("content");
    paragraph_text(b.content);
    x_.close().close();
  }

  std::size_t bullets(std::size_t i) {
    const auto& blocks = doc_.blocks;
    x_.open("blockList", {{"eId", blocks[i].id + "__list"}});
    for (; i < blocks.size() && blocks[i].kind == BlockKind::Bullet; ++i) {
      x_.open("item", {{"eId", blocks[i].id}});
      paragraph_text(blocks[i].content);
      x_.close();
    }
    x_.close();
    return i;
  }

  void table(const model::Block& b) {
    x_.open("table", {{"eId", b.id}});
    for (std::size_t r = 0; r < b.rows.size(); ++r) {
      x_.open("tr");
      for (const auto& cell : b.rows[r]) {
        x_.open(r == 0 ? "th" : "td");
        paragraph_text(cell);
        x_.close();
      }
      x_.close();
    }
    x_.close();
  }

  void paragraph_text(const model::Inlines& content, const std::string& id = "") {
    x_.open("p", id.empty() ? XmlAttrs{} : XmlAttrs{{"eId", id}}, true);
    inlines(content);
    x_.close();
  }

  void inlines(const model::Inlines& content, bool in_note = false) {
    for (const auto& in : content) {
      switch (in.kind) {
        case InlineKind::Text: x_.text(in.text); break;
        case InlineKind::Code: x_.leaf("inline", in.text, {{"name", "code"}}); break;
        case InlineKind::Emphasis:
          x_.open("i");
          inlines(in.children, in_note);
          x_.close();
          break;
        case InlineKind::Strong:
          x_.open("b");
          inlines(in.children, in_note);
          x_.close();
          break;
        case InlineKind::LineBreak: x_.empty("eol"); break;
        case InlineKind::Link: {
          std::string href = safe_href(in.target());
          if (href.empty()) {
            inlines(in.children, in_note);
            break;
          }
          x_.open("a", {{"href", href}});
          inlines(in.children, in_note);
          x_.close();
          break;
        }
        case InlineKind::Citation: {
          std::string href = citation_href(in.citation());
          if (href.empty()) {
            inlines(in.children, in_note);
            break;
          }
          x_.open("ref", {{"href", href}});
          inlines(in.children, in_note);
          x_.close();
          break;
        }
        case InlineKind::FootnoteRef: note(in.text, in_note); break;
      }
    }
  }

  // The footnote itself where it is first referred to (eId fn_1); a later reference points to it with a
  // <noteRef> (eId fn_1__ref_2), so a note cited a thousand times is written once.
  void note(const std::string& label, bool in_note) {
    const model::Footnote* fn = doc_.find_footnote(label);
    if (!fn || in_note) {  // notes inside notes keep their mark only
      x_.leaf("sup", label);
      return;
    }
    int n = ++note_uses_[fn->id];
    if (n > 1) {
      x_.empty("noteRef", {{"marker", fn->label}, {"href", "#" + fn->id}, {"eId", fn->id + "__ref_" + std::to_string(n)}});
      return;
    }
    x_.open("authorialNote", {{"marker", fn->label}, {"placement", "bottom"}, {"eId", fn->id}});
    for (const auto& para : fn->paragraphs) {
      x_.open("p");
      inlines(para, true);
      x_.close();
    }
    x_.close();
  }

  // In the archive: the cited document's AKN file (and paragraph); otherwise the external URL.
  std::string citation_href(const model::CitationTarget& c) {
    if (c.in_archive)
      if (auto i = site_.archive.find_symbol(c.symbol)) {
        std::string href = link_between(akn_path(doc_), akn_path(site_.archive.documents[*i]));
        return c.paragraph.empty() ? href : href + "#" + c.paragraph;
      }
    return safe_href(c.href);
  }

  const SiteContext& site_;
  const model::Document& doc_;
  XmlWriter x_;
  std::map<std::string, int> note_uses_;
};

}  // namespace

std::string document_akn(const SiteContext& site, std::size_t index) {
  return AknWriter(site, site.archive.documents[index]).write();
}

}  // namespace acta::write
