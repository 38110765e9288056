#include "read/raw/markers.hpp"

#include <map>
#include <set>

#include "util/utf8.hpp"

namespace acta::read::raw {

namespace {

bool is_measure_word(char32_t c) {
  static const std::u32string words = U"年月日号段条款章节卷页次届个位名项人家岁万亿千百元倍批份种类座所台件期轮场级度周天时分秒点%％";
  return words.find(c) != std::u32string::npos;
}

bool is_closing(char32_t c) {
  static const std::u32string closers = U"》）」』”’，。；、)]\"'〉】";
  return closers.find(c) != std::u32string::npos;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string superscript(const std::string& label) {
  static const char* sup[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  for (char c : label) out += is_digit(c) ? sup[c - '0'] : std::string(1, c);
  return out;
}

class Resolver {
 public:
  Resolver(const std::vector<Definition>& defs, const std::string& file) : file_(file) {
    for (const auto& d : defs) def_line_.emplace(d.label, d.line);
    for (const auto& d : defs)
      if (is_number(d.label)) {
        next_ = std::stoi(d.label);
        break;
      }
  }

  void run(Lines& body) {
    Lines out;
    for (auto& l : body) {
      std::string t(utf8::trim(l.text));
      if (is_label_only(t) && !out.empty()) {
        if (accepts_alone(t, l.number)) {
          std::string& prev = out.back().text;
          bool ended = has_trailing_space(prev);  // the end of a text block stays visible to the joiner
          while (!prev.empty() && prev.back() == ' ') prev.pop_back();
          prev += footnote_mark(t);
          if (ended) prev += ' ';
          record(t);
          continue;
        }
        warn(l.number, "'" + t + "' stands alone on a line like a footnote marker, but no footnote " + t +
                           " is defined on this page or before; kept as text. Check the source for a lost footnote");
      }
      l.text = scan(l.text, l.number);
      out.push_back(std::move(l));
    }
    body = std::move(out);
  }

  MarkerReport finish(const std::vector<Definition>& defs) {
    std::set<std::string> reported;
    for (const auto& d : defs)
      if (!seen_.count(d.label) && reported.insert(d.label).second)
        warn(d.line, "footnote " + d.label + " is defined here but its marker was not found in the text; it is kept "
                     "at the end. Check the paragraph before this line for the marker");
    int prev = 0;
    for (const auto& d : defs) {
      if (!is_number(d.label)) continue;
      int v = std::stoi(d.label);
      if (prev && v != prev + 1 && v != prev)
        warn(d.line, "footnote numbering jumps from " + std::to_string(prev) + " to " + d.label +
                         "; a footnote may have been lost in extraction");
      prev = v;
    }
    return std::move(report_);
  }

 private:
  static bool is_number(const std::string& s) {
    if (s.empty() || s.size() > 3) return false;
    for (char c : s)
      if (!is_digit(c)) return false;
    return true;
  }

  bool defined(const std::string& label) const { return def_line_.count(label) > 0; }

  // A number alone on a line: a marker when defined and either next in sequence (before its definition) or
  // a repeat of one already referenced.
  bool accepts_alone(const std::string& label, int line) const {
    if (!defined(label)) return false;
    if (seen_.count(label)) return true;
    return line < def_line_.at(label);
  }

  void record(const std::string& label) {
    if (seen_.insert(label).second) report_.referenced.push_back(label);
    if (is_number(label)) next_ = std::max(next_, std::stoi(label) + 1);
  }

  void warn(int line, const std::string& msg) { report_.warnings.push_back({Severity::Warning, {file_, line}, msg}); }

  std::string scan(const std::string& s, int line) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
      char c = s[i];
      if (c == kMarkOpen) {
        std::size_t close = s.find(kMarkClose, i);
        if (close == std::string::npos) close = s.size() - 1;
        std::string label = s.substr(i + 1, close - i - 1);
        if (defined(label)) {
          out += s.substr(i, close + 1 - i);
          record(label);
        } else {
          warn(line, "footnote marker " + label + " has no footnote text anywhere in the source; kept as a superscript in the text");
          out += superscript(label);
        }
        i = close + 1;
        continue;
      }
      if (c == kLinkOpen) {
        std::size_t close = s.find(kLinkClose, i);
        if (close == std::string::npos) close = s.size() - 1;
        out += s.substr(i, close + 1 - i);
        i = close + 1;
        continue;
      }
      if (is_digit(c) && (i == 0 || !is_digit(s[i - 1]))) {
        std::size_t e = i;
        while (e < s.size() && is_digit(s[e])) ++e;
        std::string label = s.substr(i, e - i);
        if (is_number(label) && std::stoi(label) == next_ && defined(label) && !seen_.count(label) &&
            line <= def_line_.at(label) && marker_shape(s, i, e)) {
          out += footnote_mark(label);
          record(label);
          i = e;
          // "纲领》1 的": the space was pdftotext's, around what it took for a number.
          if (i + 1 < s.size() && s[i] == ' ' && static_cast<unsigned char>(s[i + 1]) >= 0x80) ++i;
          continue;
        }
        out += label;
        i = e;
        continue;
      }
      if (c == '*' && (i + 1 >= s.size() || s[i + 1] != '*') && (i == 0 || s[i - 1] != '*')) {
        if (defined("*")) {
          out += footnote_mark("*");
          record("*");
          ++i;
          if (i + 1 < s.size() && s[i] == ' ') ++i;
          continue;
        }
        warn(line, "'*' looks like a footnote marker but no footnote '*' is in the source; kept as text");
      }
      out += c;
      ++i;
    }
    return out;
  }

  std::string file_;
  std::map<std::string, int> def_line_;  // label -> line of its (first) definition
  std::set<std::string> seen_;
  int next_ = 1;
  MarkerReport report_;
};

}  // namespace

bool marker_shape(std::string_view s, std::size_t start, std::size_t end) {
  if (start == 0) return false;
  std::size_t b = start;
  char32_t p = utf8::prev(s, b);
  if (p == U'第' || !(utf8::is_ideograph(p) || is_closing(p))) return false;
  if (end >= s.size()) return true;
  std::size_t i = end;
  char32_t n = utf8::next(s, i);
  if (n == ' ') {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) return true;
    n = utf8::next(s, i);
    return !(n < 0x80 && std::isalnum(static_cast<int>(n))) && !is_measure_word(n);
  }
  if (utf8::is_ideograph(n)) return !is_measure_word(n);
  return utf8::is_cjk_punct(n) && n != U'．';
}

MarkerReport resolve_markers(Lines& body, const std::vector<Definition>& definitions, const std::string& file) {
  Resolver r(definitions, file);
  r.run(body);
  return r.finish(definitions);
}

}  // namespace acta::read::raw
