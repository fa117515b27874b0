// embind surface of the core. Only EMSCRIPTEN_BINDINGS and thin adapters
// live here (STYLE.md rule 7): every call takes a string (JS strings arrive
// as UTF-8, Uint8Array bytes arrive unchanged) and returns one JSON text
// that wasm/src/index.js parses. Nothing crosses as a handle, so JS never
// has to call .delete(), and the core never throws across the boundary.
#include <emscripten/bind.h>

#include <string>

#include "mcp_builder/diagnostic.h"
#include "mcp_builder/registry.h"
#include "mcp_builder/version.h"

namespace {

std::string ValidateServerJson(const std::string& text) {
  return mcp_builder::ReportToJson(
      mcp_builder::registry::ValidateServerJson(text));
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
