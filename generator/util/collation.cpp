#include "util/collation.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>

#include <memory>
#include <mutex>
#include <stdexcept>

namespace acta::collation {

namespace {

// Collators are not safe to share while comparing; each thread clones the prototype once.
icu::Collator& zh_collator() {
  static std::once_flag once;
  static std::unique_ptr<icu::Collator> prototype;
  std::call_once(once, [] {
    UErrorCode status = U_ZERO_ERROR;
    prototype.reset(icu::Collator::createInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status) || !prototype) throw std::runtime_error("ICU: no collator for Chinese");
  });
  thread_local std::unique_ptr<icu::Collator> mine(prototype->clone());
  return *mine;
}

}  // namespace

bool less_zh(std::string_view a, std::string_view b) {
  UErrorCode status = U_ZERO_ERROR;
  auto r = zh_collator().compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                                     icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  if (U_FAILURE(status) || r == UCOL_EQUAL) return a < b;
  return r == UCOL_LESS;
}

}  // namespace acta::collation
