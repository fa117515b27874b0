// Any bytes as a registry server.json: a report that is itself valid JSON,
// with every diagnostic placed inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "mcp_builder/diagnostic.h"
#include "mcp_builder/json.h"
#include "mcp_builder/registry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const mcp_builder::registry::ServerReadResult r = mcp_builder::registry::ReadServerJson(text);
  for (const mcp_builder::Diagnostic& d : r.report.diagnostics) {
    if (d.rule.empty() || d.message.empty() || d.line < 1 || d.column < 1 || d.offset > size) {
      std::abort();
    }
  }
  const std::string json = mcp_builder::ReportToJson(r.report);
  if (!mcp_builder::json::Parse(json).ok()) std::abort();
  return 0;
}
