#include "read/raw/footnotes.hpp"

#include "read/paragraphs.hpp"
#include "read/raw/join.hpp"
#include "util/utf8.hpp"

namespace acta::read::raw {

namespace {

// "<mark>text" -> label and text.
bool mark_led(std::string_view t, std::string& label, std::string& rest) {
  if (t.empty() || t[0] != kMarkOpen) return false;
  std::size_t close = t.find(kMarkClose);
  if (close == std::string_view::npos) return false;
  label = std::string(t.substr(1, close - 1));
  rest = std::string(utf8::trim(t.substr(close + 1)));
  return !rest.empty();
}

// "1 第 79/233 号决议" -> "1", "第 79/233 号决议"; "* 提案国…" -> "*", "提案国…".
bool label_led(std::string_view t, std::string& label, std::string& rest) {
  std::size_t i = 0;
  if (!t.empty() && t[0] == '*') {
    while (i < t.size() && i < 4 && t[i] == '*') ++i;
  } else {
    while (i < t.size() && i < 4 && t[i] >= '0' && t[i] <= '9') ++i;
  }
  if (i == 0 || i > 3 || i >= t.size() || (t[i] != ' ' && t[i] != '\t')) return false;
  label = std::string(t.substr(0, i));
  rest = std::string(utf8::trim(t.substr(i)));
  // "15 885 名" or "1200 万公顷" start sentences, not footnotes: a footnote's text opens with a word.
  return !rest.empty() && !std::isdigit(static_cast<unsigned char>(rest[0]));
}

bool has_single_star(const std::string& t) {
  for (std::size_t i = 0; i < t.size(); ++i)
    if (t[i] == '*' && (i + 1 >= t.size() || t[i + 1] != '*') && (i == 0 || t[i - 1] != '*')) return true;
  return false;
}

// Whether a single * (a footnote mark) was seen in the body so far. The body only grows, so each line is
// looked at once however often the question is asked.
class StarSeen {
 public:
  bool operator()(const Lines& body) {
    for (; !seen_ && checked_ < body.size(); ++checked_) seen_ = has_single_star(body[checked_].text);
    return seen_;
  }

 private:
  bool seen_ = false;
  std::size_t checked_ = 0;
};

// In a block, numbered definitions follow each other: after "2" comes "3", so "3 位国家元首…" after "5" is text.
bool follows(const Definition* previous, const std::string& label) {
  if (!previous || label[0] == '*' || previous->label[0] == '*') return true;
  return std::stoi(label) == std::stoi(previous->label) + 1;
}

}  // namespace

bool is_label_only(std::string_view t) {
  if (t.empty() || t.size() > 3) return false;
  return t.find_first_not_of("0123456789") == std::string_view::npos || t.find_first_not_of('*') == std::string_view::npos;
}

bool is_separator(std::string_view line) {
  auto t = utf8::trim(line);
  if (t.empty()) return line.size() >= 10;  // pdftotext's rule of spaces
  for (char c : t)
    if (c != '-' && c != '_' && c != '=' && c != ' ') return false;
  return true;
}

FootnoteBlocks extract_footnotes(Lines lines, Shape shape) {
  FootnoteBlocks out;
  bool in_block = false;      // after a separator, in a run of definitions
  bool after_label = false;   // the previous line was a label alone: this one is its text
  bool after_block = false;   // the next body line starts a new page
  Definition* current = nullptr;  // re-pointed after every push_back
  StarSeen star_seen;
  auto start = [&](std::string label, std::string text, int line) {
    out.definitions.push_back({std::move(label), std::move(text), line});
    current = &out.definitions.back();
    in_block = true;
  };
  for (auto& l : lines) {
    std::string t(utf8::trim(l.text));
    std::string label, rest;
    if (is_separator(l.text)) {
      in_block = true;
      after_label = false;
      current = nullptr;
      continue;
    }
    if (mark_led(t, label, rest)) {
      start(label, rest, l.number);
      after_label = false;
      continue;
    }
    if (in_block && shape == Shape::Wrapped) {
      if (is_label_only(t) && follows(current, t)) {
        start(t, "", l.number);
        after_label = true;
        continue;
      }
      if (label_led(t, label, rest) && follows(current, label) && (l.blank_before || after_label || !l.page_start)) {
        start(label, rest, l.number);
        after_label = false;
        continue;
      }
      // The definition's text goes on after a blank line; a line right under it (no blank) is the next page.
      bool continues = current && (after_label || (l.blank_before && !l.page_start)) &&
                       classify_lead(t).kind == model::BlockKind::Plain;
      if (continues) {
        join_line(current->text, t);
        after_label = false;
        continue;
      }
    }
    if (!in_block && t.size() > 2 && t[0] == '*' && t[1] != '*' && label_led(t, label, rest) && star_seen(out.body)) {
      out.definitions.push_back({label, rest, l.number});
      current = nullptr;
      after_block = true;
      continue;
    }
    if (in_block) after_block = true;
    in_block = false;
    after_label = false;
    current = nullptr;
    if (after_block) l.page_start = true;
    after_block = false;
    out.body.push_back(std::move(l));
  }
  return out;
}

}  // namespace acta::read::raw
