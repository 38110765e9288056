// Errors and warnings that name where they come from: every message a user sees carries the file and,
// where there is one, the line, and says what to do.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace acta {

struct SourceLocation {
  std::string file;
  int line = 0;  // 1-based; 0 when the problem is not tied to a line

  std::string str() const;
};

// A problem that stops the build: thrown by readers and loaders, caught by the command line.
class SourceError : public std::runtime_error {
 public:
  SourceError(SourceLocation where, const std::string& message);
  const SourceLocation& where() const { return where_; }
  const std::string& message() const { return message_; }

 private:
  SourceLocation where_;
  std::string message_;
};

enum class Severity { Warning, Error };

struct Diagnostic {
  Severity severity = Severity::Warning;
  SourceLocation where;
  std::string message;

  std::string str() const;  // "file:line: warning: message"
};

using Diagnostics = std::vector<Diagnostic>;

// A warning about a whole file (line 0). Built member by member: the braced temporary it replaces made
// GCC 12 warn (-Wmaybe-uninitialized, a false positive) in every build log.
Diagnostic file_warning(std::string file, std::string message);

}  // namespace acta
