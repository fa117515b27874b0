// embind surface of the core. Only EMSCRIPTEN_BINDINGS and thin adapters
// live here (STYLE.md rule 7). Input is UTF-8 bytes that the JS facade has
// written into wasm memory (an address and a length: this skips embind's
// per-call copy, which cost more than validating a small document); the
// result is one JSON text that wasm/src/index.js parses. Nothing crosses as
// a handle, so JS never calls .delete(), and the core never throws.
#include <emscripten/bind.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bindings_common.h"
#include "mcp_builder/catalog.h"
#include "mcp_builder/diagnostic.h"
#include "mcp_builder/generate.h"
#include "mcp_builder/registry.h"
#include "mcp_builder/version.h"

namespace {

using mcp_builder_wasm::Answer;
using mcp_builder_wasm::Bytes;

std::string ValidateServerJson(uintptr_t address, size_t length) {
  return mcp_builder::ReportToJson(
      mcp_builder::registry::ValidateServerJson(Bytes(address, length)));
}

// Generation answers are large (every client's file): see Answer().
size_t Generate(uintptr_t address, size_t length) {
  Answer() = mcp_builder::gen::ResultsToWire({mcp_builder::gen::GenerateFromJson(Bytes(address, length))});
  return Answer().size();
}

size_t GenerateAll(uintptr_t address, size_t length) {
  Answer() = mcp_builder::gen::ResultsToWire(mcp_builder::gen::GenerateAllFromJson(Bytes(address, length)));
  return Answer().size();
}

uintptr_t AnswerAddress() { return reinterpret_cast<uintptr_t>(Answer().data()); }

// Search terms arrive as one string, separated by '\n'.
std::string CatalogSearch(const std::string& terms) {
  std::vector<std::string> list;
  size_t at = 0;
  while (at <= terms.size()) {
    const size_t end = std::min(terms.find('\n', at), terms.size());
    if (end > at) list.push_back(terms.substr(at, end - at));
    at = end + 1;
  }
  return mcp_builder::catalog::SearchToJson(list);
}

// Loads the catalog bundle (dist/catalog.json); "" or why not.
std::string LoadCatalog(const std::string& bundle) {
  std::string error;
  return mcp_builder::catalog::Load(bundle, &error) ? std::string() : error;
}

// The curated server.json text of a catalog entry, or "" when unknown.
std::string CatalogEntry(const std::string& id) {
  const mcp_builder::catalog::Entry* e = mcp_builder::catalog::Find(id);
  return e ? std::string(e->server_json) : std::string();
}

// {"clients":[...],"deployments":[...]}
std::string Targets() {
  std::string out = "{\"clients\":[";
  for (std::string_view id : mcp_builder::gen::ClientIds()) {
    out += (out.back() == '[' ? "\"" : ",\"") + std::string(id) + "\"";
  }
  out += "],\"deployments\":[";
  for (std::string_view id : mcp_builder::gen::DeploymentIds()) {
    out += (out.back() == '[' ? "\"" : ",\"") + std::string(id) + "\"";
  }
  return out + "]}";
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
  emscripten::function("generate", &Generate);
  emscripten::function("generateAll", &GenerateAll);
  emscripten::function("answerAddress", &AnswerAddress);
  emscripten::function("catalogSearch", &CatalogSearch);
  emscripten::function("catalogEntry", &CatalogEntry);
  emscripten::function("loadCatalog", &LoadCatalog);
  emscripten::function("targets", &Targets);
  emscripten::function("coreVersion", &CoreVersion);
  emscripten::function("limits", &Limits);
}
