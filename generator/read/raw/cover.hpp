// The cover: the lines a UN document prints before its text (body, session, agenda item and its title,
// adoption date, the "[根据…报告通过]" note, sponsors, "80/144. 山区可持续发展", "秘书长的说明"), and its
// closing ("2025 年 12 月 15 日" / "第 64 次全体会议"). They become metadata; what is text but not metadata
// (the note on the report it was adopted on, the sponsors) stays as cover notes before the formula.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"
#include "read/raw/lines.hpp"

namespace acta::read::raw {

struct CoverNote {
  std::string text;  // with private marks
  int line = 0;
};

struct Cover {
  model::Metadata meta;
  std::string resolution_number;  // "80/144" from "80/144. 山区可持续发展"
  std::vector<CoverNote> notes;
  std::size_t body_begin = 0;      // body lines start here
  std::size_t body_end = 0;        // and end here (the closing follows)
  std::vector<std::string> closing;  // the closing lines, e.g. {"2025 年 12 月 15 日", "第 64 次全体会议"}
  int closing_line = 0;
};

Cover read_cover(const Lines& lines, Shape shape);

// "2025 年 12 月 15 日" anywhere in `s` -> "2025-12-15" (first date), or "".
std::string chinese_date(std::string_view s);

// 62 -> "六十二".
std::string chinese_number(int n);

// Fills what the text implies but does not print: the symbol of a General Assembly resolution from its
// number, the session from the symbol, the body from the enacting formula, the kind.
void complete_metadata(model::Metadata& meta, const std::string& resolution_number, const std::string& formula,
                       const std::vector<std::string>& running_symbols);

// "draft" when a paragraph before the enacting formula ends by naming the document a draft ("…津巴布韦：*
// 决议草案", the sponsors' line of a draft whose label the PDF put on the same line), else "".
std::string kind_named_before_formula(const std::vector<model::Block>& blocks);

}  // namespace acta::read::raw
