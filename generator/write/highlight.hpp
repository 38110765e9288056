// Short excerpts of a paragraph with topic terms highlighted. The text is escaped through escape.hpp and
// the only markup added is <mark>…</mark> around the hits, so nothing of the source can become markup.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"

namespace acta::write {

struct ExcerptOptions {
  std::size_t max_chars = 120;  // characters of text shown (hits included)
  std::size_t before = 30;      // characters shown before the first hit when the paragraph is cut
};

// An excerpt of `text` around its first hit, every hit inside it wrapped in <mark>, "…" where it was cut.
// `hits` are byte ranges of `text`, in order and not overlapping (as the topic pass gives them).
std::string highlighted_excerpt(std::string_view text, const std::vector<model::TermHit>& hits,
                                const ExcerptOptions& options = {});

}  // namespace acta::write
