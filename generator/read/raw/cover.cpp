#include "read/raw/cover.hpp"

#include <regex>

#include "read/paragraphs.hpp"
#include "read/raw/join.hpp"
#include "read/raw/paragraphs.hpp"
#include "util/utf8.hpp"

namespace acta::read::raw {

namespace {

using SvMatch = std::match_results<std::string::const_iterator>;

// Compiled when the program starts, on one thread, as read/front_matter.cpp's patterns (compiling a
// std::regex writes caches that every thread shares).
const std::regex kNoteLine(R"(^.{0,12}(的说明|说明)$)"), kReportLine(R"(^.{0,12}(的报告|报告)$)");
const std::regex kChineseDate(R"((\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)");
const std::regex kDateOnly(R"(^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$)");
const std::regex kMeeting(R"(^第\s*\d+\s*次(全体)?会议$)");
const std::regex kSession(R"(^第[^ ]{1,30}届会议$)");
const std::regex kAgenda(R"(^(临时)?议程\s*\*?\s*项目\s*(.+)$)");
const std::regex kAdopted(R"(^(.*?)\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(.*)决议$)");
const std::regex kTitled(R"(^(\d{1,3}/\d{1,4})\s*(?:\.|．)\s*(.+)$)");
const std::regex kGaSymbol(R"(^A/(RES/)?(\d{1,3})/.*)");

std::string without_spaces_between_cjk(std::string s) {
  // "大 会" -> "大会": letter-spaced cover text.
  std::string out;
  std::size_t i = 0;
  char32_t prev = 0;
  while (i < s.size()) {
    std::size_t at = i;
    char32_t c = utf8::next(s, i);
    if (c == ' ' && utf8::is_cjk(prev)) {
      std::size_t j = i;
      while (j < s.size() && s[j] == ' ') ++j;
      std::size_t k = j;
      if (j < s.size() && utf8::is_cjk(utf8::next(s, k))) {
        i = j;
        continue;
      }
    }
    out += s.substr(at, i - at);
    prev = c;
  }
  return out;
}

struct Item {
  std::string text;
  int line = 0;
  int indent = 0;
};

std::vector<Item> cover_items(const Lines& lines, std::size_t end, Shape shape) {
  std::vector<Item> items;
  bool open = false;
  for (std::size_t i = 0; i < end; ++i) {
    const Line& l = lines[i];
    std::string_view t = utf8::trim(l.text);
    if (open && shape == Shape::Wrapped && indent_of(l.text) == 0) {
      join_line(items.back().text, t);
    } else {
      items.push_back({std::string(t), l.number, indent_of(l.text)});
    }
    open = shape == Shape::Wrapped && !has_trailing_space(l.text);
  }
  return items;
}

// Agenda titles wrapped over lines: one title goes on; a new one opens with "《" after a finished one.
void add_agenda_title(std::string& titles, const std::string& t) {
  if (titles.empty()) titles = t;
  else if (t.rfind("《", 0) == 0 || (titles.size() >= 3 && titles.substr(titles.size() - 3) == "》")) titles += "；" + t;
  else join_line(titles, t);
}

// "大会", "联合国人类住区规划署联合国人居大会": the organ's name printed at the top.
bool is_letterhead(const std::string& t) {
  if (utf8::length(t) > 24) return false;
  for (std::string_view end : {"大会", "理事会", "委员会"})
    if (t.size() >= end.size() && t.compare(t.size() - end.size(), end.size(), end) == 0) return true;
  return false;
}

bool is_kind_line(const std::string& t, std::string& kind) {
  if (utf8::length(t) > 12) return false;
  if (std::regex_match(t, kNoteLine)) kind = "note";
  else if (std::regex_match(t, kReportLine)) kind = "report";
  else return false;
  return true;
}

}  // namespace

std::string chinese_date(std::string_view s) {
  if (s.size() > 1000) s = s.substr(0, 1000);  // a cover line; std::regex recurses per character
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_search(s.begin(), s.end(), m, kChineseDate)) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%s-%02d-%02d", m[1].str().c_str(), std::stoi(m[2].str()), std::stoi(m[3].str()));
  return buf;
}

std::string chinese_number(int n) {
  static const char* digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0 || n >= 1000) return std::to_string(n);
  std::string out;
  int h = n / 100, t = (n / 10) % 10, u = n % 10;
  if (h) out += std::string(digits[h]) + "百";
  if (t) out += (t == 1 && !h ? std::string() : std::string(digits[t])) + "十";
  else if (h && u) out += "零";
  if (u) out += digits[u];
  return out;
}

Cover read_cover(const Lines& lines, Shape shape) {
  Cover c;
  c.body_end = lines.size();
  // Closing: a date alone and "第 64 次全体会议" as the last lines.
  for (int k = 0; k < 2 && c.body_end > 0; ++k) {
    std::string t(utf8::trim(lines[c.body_end - 1].text));
    if (t.size() < 100 && (std::regex_match(t, kDateOnly) || std::regex_match(t, kMeeting))) {
      c.closing.insert(c.closing.begin(), t);
      c.closing_line = lines[c.body_end - 1].number;
      --c.body_end;
      if (std::regex_match(t, kMeeting)) c.meta.meeting = t;
      else c.meta.date = chinese_date(t);
    } else {
      break;
    }
  }

  // Where the cover ends: at the enacting formula, or after the document's kind ("秘书长的说明"), or at the
  // first paragraph mark.
  std::size_t end = 0, limit = std::min<std::size_t>(c.body_end, 80);
  bool found = false;
  for (std::size_t i = 0; i < limit && !found; ++i) {
    std::string_view t = utf8::trim(lines[i].text);
    if (has_lead(t) && classify_lead(t).kind != model::BlockKind::Plain) break;
    if (t.size() >= 3 && t.substr(t.size() - 3) == "。") break;  // a sentence: the text has begun
    if (is_formula(t) && utf8::length(t) <= 16) {
      end = i;
      found = true;
    }
  }
  if (!found) {
    std::string kind;
    for (std::size_t i = 0; i < limit; ++i) {
      std::string t(utf8::trim(lines[i].text));
      if (has_lead(t)) break;
      if (is_kind_line(t, kind)) end = i + 1;
    }
  }
  c.body_begin = end;

  std::string agenda_number, agenda_titles, letter_body;
  bool in_agenda = false, after_session = false;
  for (const Item& item : cover_items(lines, end, shape)) {
    std::string t = item.text;
    if (t.size() > 1000) {  // not a cover element; and std::regex recurses per character
      c.notes.push_back({t, item.line});
      continue;
    }
    std::string plain = without_spaces_between_cjk(t);
    SvMatch m;
    std::string kind;
    bool was_session = after_session;
    after_session = false;
    if (std::regex_match(plain, kSession)) {
      c.meta.session = plain;
      after_session = true;
      in_agenda = false;
    } else if (std::regex_match(t, m, kAgenda)) {
      agenda_number = std::string(utf8::trim(m[2].str()));
      in_agenda = true;
    } else if (std::regex_match(plain, m, kAdopted)) {
      c.meta.date = chinese_date(m[2].str());
      std::string before(utf8::trim(m[1].str())), after(utf8::trim(m[3].str()));
      c.meta.body = before.empty() ? after : before;
      if (c.meta.kind.empty()) c.meta.kind = "resolution";
      in_agenda = false;
    } else if (std::regex_match(t, m, kTitled)) {
      c.resolution_number = m[1].str();
      c.meta.title = std::string(utf8::trim(m[2].str()));
      in_agenda = false;
    } else if (t.size() >= 12 && t.substr(t.size() - 12) == "决议草案") {
      c.meta.kind = "draft";
      std::string rest(utf8::trim(t.substr(0, t.size() - 12)));
      if (!rest.empty()) c.notes.push_back({rest, item.line});
      in_agenda = false;
    } else if (is_kind_line(plain, kind)) {
      c.meta.kind = kind;
      in_agenda = false;
    } else if (t.rfind("[", 0) == 0 || t.rfind("［", 0) == 0) {
      c.notes.push_back({t, item.line});
      in_agenda = false;
    } else if (was_session && !chinese_date(plain).empty()) {
      c.meta.session += "，" + plain;  // "第二届会议，2023年6月5日至9日，内罗毕"
    } else if (letter_body.empty() && c.meta.session.empty() && agenda_number.empty() && is_letterhead(plain)) {
      letter_body = plain;
    } else if (in_agenda && (shape == Shape::Unwrapped || item.indent == 0)) {
      add_agenda_title(agenda_titles, plain);
    } else if (c.meta.title.empty()) {
      c.meta.title = plain;
      in_agenda = false;
    } else {
      c.notes.push_back({t, item.line});
    }
  }
  if (c.meta.body.empty()) c.meta.body = letter_body;
  if (!agenda_number.empty()) c.meta.agenda_item = agenda_titles.empty() ? agenda_number : agenda_number + " " + agenda_titles;
  return c;
}

void complete_metadata(model::Metadata& meta, const std::string& resolution_number, const std::string& formula,
                       const std::vector<std::string>& running_symbols) {
  std::string formula_body(utf8::trim(formula));
  for (std::string_view end : {"，", ",", "：", ":"})
    if (formula_body.size() >= end.size() && formula_body.compare(formula_body.size() - end.size(), end.size(), end) == 0)
      formula_body.resize(formula_body.size() - end.size());
  if (meta.body.empty() && !formula_body.empty()) meta.body = formula_body;
  if (meta.symbol.empty() && !resolution_number.empty() && meta.body == "大会") meta.symbol = "A/RES/" + resolution_number;
  if (meta.symbol.empty() && !running_symbols.empty()) meta.symbol = running_symbols.front();
  std::smatch m;
  if (meta.session.empty() && meta.symbol.size() < 100 && std::regex_match(meta.symbol, m, kGaSymbol)) meta.session = "第" + chinese_number(std::stoi(m[2].str())) + "届会议";
  if (meta.kind.empty()) {
    if (meta.symbol.find("/RES/") != std::string::npos || (!resolution_number.empty() && !formula_body.empty())) meta.kind = "resolution";
    else if (meta.symbol.find("/L.") != std::string::npos) meta.kind = "draft";
  }
}

std::string kind_named_before_formula(const std::vector<model::Block>& blocks) {
  for (const auto& b : blocks) {
    if (b.kind != model::BlockKind::Plain) break;  // the cover notes come first; the text proper ends the search
    std::string text(utf8::trim(model::plain_text(b.content)));
    for (std::string_view label : {"决议草案", "决定草案"})
      if (text.size() >= label.size() && text.compare(text.size() - label.size(), label.size(), label) == 0) return "draft";
  }
  return "";
}

}  // namespace acta::read::raw
