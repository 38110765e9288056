#include "write/place_label.hpp"

#include <regex>

namespace acta::write {

std::string place_label(const std::string& anchor) {
  static const std::regex point(R"(^para_(\w+?)__point_(\w+)$)");
  static const std::regex para(R"(^para_(\w+)$)");
  static const std::regex preamble(R"(^preamble__p_(\d+)$)");
  static const std::regex plain(R"(^p_(\d+)$)");
  static const std::regex note(R"(^fn_(\w+)$)");
  static const std::regex heading(R"(^sec_(\d+)$)");
  std::smatch m;
  if (std::regex_match(anchor, m, point)) return "第 " + m[1].str() + " 段 (" + m[2].str() + ")";
  if (std::regex_match(anchor, m, para)) return "第 " + m[1].str() + " 段";
  if (std::regex_match(anchor, m, preamble)) return "序言第 " + m[1].str() + " 段";
  if (std::regex_match(anchor, m, plain)) return "正文第 " + m[1].str() + " 节";
  if (std::regex_match(anchor, m, note)) return "脚注 " + (m[1].str() == "star" ? std::string("*") : m[1].str());
  if (std::regex_match(anchor, m, heading)) return "标题 " + m[1].str();
  if (anchor == "formula") return "开头";
  return anchor;
}

}  // namespace acta::write
