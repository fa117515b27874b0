// Findings reported about a document: what rule, how serious, and where.
#ifndef MCP_BUILDER_DIAGNOSTIC_H_
#define MCP_BUILDER_DIAGNOSTIC_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mcp_builder {

/// Mirrored in wasm/src/index.d.ts (Severity). Only kError makes a
/// document invalid.
enum class Severity : uint8_t {
  kError,    // the document is wrong; tools will reject or misread it
  kWarning,  // likely a mistake, but the document is accepted
  kInfo,     // worth knowing; nothing to fix
};

/// "error", "warning" or "info".
const char* SeverityName(Severity severity);

/// `text` with control characters (U+0000-U+001F, U+007F) shown as \xHH,
/// for text printed to terminals one finding per line: a raw escape or
/// line break taken from a document must not reach them.
std::string PrintableText(std::string_view text);

struct Diagnostic {
  std::string rule;  // stable, namespaced id such as "schema/name-pattern"
  Severity severity = Severity::kError;
  std::string message;
  uint32_t line = 1;     // 1-based
  uint32_t column = 1;   // 1-based, in Unicode code points
  uint32_t offset = 0;   // byte offset, used to keep document order
  std::string pointer;   // RFC 6901 JSON pointer; "" is the whole document
};

/// The outcome of validating one document.
struct ValidationReport {
  bool parsed = false;  // false: not readable as JSON (one json/* diagnostic)
  std::vector<Diagnostic> diagnostics;  // in document order

  /// No error-level diagnostic.
  bool valid() const;
  size_t Count(Severity severity) const;
};

/// The report as compact JSON: {"valid","parsed","diagnostics":[{"rule",
/// "severity","message","line","column","pointer"}]}. This is the shape the
/// JS API and `mcp-builder validate --format json` return.
std::string ReportToJson(const ValidationReport& report);

}  // namespace mcp_builder

#endif  // MCP_BUILDER_DIAGNOSTIC_H_
