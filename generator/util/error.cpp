#include "util/error.hpp"

namespace acta {

Diagnostic file_warning(std::string file, std::string message) {
  Diagnostic d;
  d.severity = Severity::Warning;
  d.where.file = std::move(file);
  d.message = std::move(message);
  return d;
}

std::string SourceLocation::str() const {
  if (file.empty()) return line > 0 ? "line " + std::to_string(line) : std::string("(input)");
  return line > 0 ? file + ":" + std::to_string(line) : file;
}

SourceError::SourceError(SourceLocation where, const std::string& message)
    : std::runtime_error(where.str() + ": error: " + message), where_(std::move(where)), message_(message) {}

std::string Diagnostic::str() const {
  return where.str() + (severity == Severity::Error ? ": error: " : ": warning: ") + message;
}

}  // namespace acta
