// embind surface of the core. Only EMSCRIPTEN_BINDINGS and thin adapters
// live here (STYLE.md rule 7). Input is UTF-8 bytes that the JS facade has
// written into wasm memory (an address and a length: this skips embind's
// per-call copy, which cost more than validating a small document); the
// result is one JSON text that wasm/src/index.js parses. Nothing crosses as
// a handle, so JS never calls .delete(), and the core never throws.
#include <emscripten/bind.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "mcp_builder/diagnostic.h"
#include "mcp_builder/registry.h"
#include "mcp_builder/version.h"

namespace {

std::string_view Bytes(uintptr_t address, size_t length) {
  return std::string_view(reinterpret_cast<const char*>(address), length);
}

std::string ValidateServerJson(uintptr_t address, size_t length) {
  return mcp_builder::ReportToJson(
      mcp_builder::registry::ValidateServerJson(Bytes(address, length)));
}

std::string CoreVersion() { return mcp_builder::Version(); }

std::string Limits() {
  const mcp_builder::registry::ValidateOptions o;
  return "{\"maxBytes\":" + std::to_string(o.max_bytes) +
         ",\"maxDepth\":" + std::to_string(o.max_depth) +
         ",\"maxDiagnostics\":" + std::to_string(o.max_diagnostics) + "}";
}

}  // namespace

EMSCRIPTEN_BINDINGS(mcp_builder) {
  emscripten::function("validateServerJson", &ValidateServerJson);
  emscripten::function("coreVersion", &CoreVersion);
  emscripten::function("limits", &Limits);
}
