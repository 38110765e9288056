#include "read/raw/structure.hpp"

#include "read/paragraphs.hpp"
#include "read/raw/join.hpp"
#include "util/utf8.hpp"

namespace acta::read::raw {

namespace {

using model::BlockKind;

std::string_view strip_stray_stop(std::string_view s) {
  // "B. .缔约方会议…": a converter doubled the heading's full stop.
  while (!s.empty() && (s[0] == '.' || s[0] == ' ')) s.remove_prefix(1);
  if (s.substr(0, 3) == "\uff0e") s.remove_prefix(3);
  return s;
}

bool reads_like_title(std::string_view rest) {
  return utf8::length(rest) <= 80 && !ends_closed(rest);
}

// The number of the next paragraph after `i` that opens with a digit mark, or "".
std::string next_digit_mark(const std::vector<Paragraph>& ps, std::size_t i) {
  for (std::size_t j = i + 1; j < ps.size(); ++j) {
    Lead l = classify_lead(ps[j].text);
    if (l.kind == BlockKind::Numbered) return l.number;
  }
  return "";
}

}  // namespace

std::vector<BuiltBlock> build_blocks(const std::vector<Paragraph>& ps, Diagnostics& warnings, const std::string& file) {
  std::vector<BuiltBlock> out;
  bool seen_numbered = false;
  bool seen_body = false;
  int expected = 0;  // next number of the numbered paragraphs, 0 before the first
  for (std::size_t i = 0; i < ps.size(); ++i) {
    const Paragraph& p = ps[i];
    BuiltBlock bb;
    bb.first_page = p.first_page;
    bb.last_page = p.last_page;
    model::Block& b = bb.block;
    b.line = p.line;
    std::string text = p.text;
    Lead lead = classify_lead(text);
    HeadingLead head = heading_lead(text);
    if (head.level) {
      b.kind = BlockKind::Heading;
      b.level = head.level;
      b.number = head.number;
      text = head.number + ". " + std::string(strip_stray_stop(std::string_view(text).substr(head.length)));
    } else if (lead.kind == BlockKind::Numbered) {
      int n = std::stoi(lead.number);
      std::string rest(strip_stray_stop(std::string_view(text).substr(lead.length)));
      bool breaks_sequence = expected != 0 && n != expected;
      bool title = reads_like_title(rest) && (breaks_sequence || next_digit_mark(ps, i) == lead.number);
      if (title) {
        b.kind = BlockKind::Heading;
        b.level = 3;
        b.number = lead.number;
        text = lead.number + ". " + rest;
      } else {
        if (breaks_sequence)
          warnings.push_back({Severity::Warning, {file, p.line},
                              "numbered paragraph " + lead.number + " follows paragraph " + std::to_string(expected - 1) +
                                  "; check the numbering in the source"});
        b.kind = BlockKind::Numbered;
        b.number = lead.number;
        text = rest;
        seen_numbered = true;
        expected = n + 1;
      }
    } else if (lead.kind == BlockKind::Subparagraph) {
      b.kind = BlockKind::Subparagraph;
      b.number = lead.number;
      text = text.substr(lead.length);
    } else if (!seen_body && is_formula(text)) {
      b.kind = BlockKind::Formula;
    } else {
      b.kind = unnumbered_kind(seen_numbered);
    }
    if (b.kind != BlockKind::Heading) seen_body = true;
    b.content.push_back(model::Inline::make_text(std::move(text)));
    out.push_back(std::move(bb));
  }
  return out;
}

}  // namespace acta::read::raw
