// The built-in catalog: curated registry server.json documents
// (core/catalog/servers/*.json) with their catalog metadata
// (core/catalog/index.json), packed at build time into one bundle,
// catalog.json. Native builds compile the bundle in; the wasm build ships
// it beside the module and the JS facade passes it to Load(), because data
// compresses better than code and keeps the wasm within its size budget.
#ifndef MCP_BUILDER_CATALOG_H_
#define MCP_BUILDER_CATALOG_H_

#include <string>
#include <string_view>
#include <vector>

#include "mcp_builder/registry.h"

namespace mcp_builder {
namespace catalog {

struct Entry {
  std::string_view id;  // stable, [a-z0-9-]+
  std::string_view category;
  std::vector<std::string_view> keywords;
  std::string_view server_json;  // the registry document, as curated
};

/// Every entry, sorted by id (empty until a bundle is loaded, in builds
/// without one compiled in).
const std::vector<Entry>& Entries();

/// Replaces the catalog by a bundle's (catalog.json text). False, with
/// `error` saying why, when the bundle is malformed; the catalog is then
/// unchanged. Invalidates Entry pointers and models handed out before.
bool Load(std::string_view bundle, std::string* error);

/// The entry with this id, or nullptr.
const Entry* Find(std::string_view id);

/// The entry's server.json as a model, read once and kept (the catalog
/// is valid; a test checks it). Not thread-safe on first use of an entry.
const registry::Server& Model(const Entry& entry);

/// Entries matching every term (case-insensitive substring of the id,
/// title, description, category or a keyword) as a JSON array of
/// {"id","name","title","description","category","keywords","runtimes",
/// "remote","secrets"}; no terms lists all.
std::string SearchToJson(const std::vector<std::string>& terms);

}  // namespace catalog
}  // namespace mcp_builder

#endif  // MCP_BUILDER_CATALOG_H_
