#include "write/place_label.hpp"

#include <string_view>

namespace acta::write {

namespace {

bool word_chars(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!(c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  return true;
}

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool take_prefix(std::string_view& s, std::string_view prefix) {
  if (s.substr(0, prefix.size()) != prefix) return false;
  s.remove_prefix(prefix.size());
  return true;
}

// "12" -> "第 12 段"; "13_2" (the second paragraph numbered 13) -> "第 13 段（之 2）".
std::string numbered(std::string_view number) {
  const auto cut = number.rfind('_');
  if (cut != std::string_view::npos && cut > 0 && digits(number.substr(cut + 1)) && number.substr(0, cut).find('_') == std::string_view::npos)
    return "第 " + std::string(number.substr(0, cut)) + " 段（之 " + std::string(number.substr(cut + 1)) + "）";
  return "第 " + std::string(number) + " 段";
}

}  // namespace

std::string place_label(const std::string& anchor) {
  std::string_view rest = anchor;
  if (take_prefix(rest, "para_")) {
    if (const auto point = rest.find("__point_"); point != std::string_view::npos) {
      const auto number = rest.substr(0, point), letter = rest.substr(point + 8);
      if (word_chars(number) && word_chars(letter)) return numbered(number) + " (" + std::string(letter) + ")";
    }
    if (word_chars(rest)) return numbered(rest);
    return anchor;
  }
  if (take_prefix(rest, "preamble__p_")) return digits(rest) ? "序言第 " + std::string(rest) + " 段" : anchor;
  if (take_prefix(rest, "p_")) return digits(rest) ? "正文第 " + std::string(rest) + " 节" : anchor;
  if (take_prefix(rest, "fn_")) return word_chars(rest) ? "脚注 " + (rest == "star" ? std::string("*") : std::string(rest)) : anchor;
  if (take_prefix(rest, "sec_")) return digits(rest) ? "标题 " + std::string(rest) : anchor;
  if (anchor == "formula") return "开头";
  return anchor;
}

}  // namespace acta::write
