// The built-in catalog: curated registry server.json documents
// (core/catalog/servers/*.json), compiled into the library with their
// catalog metadata (core/catalog/index.json).
#ifndef MCP_BUILDER_CATALOG_H_
#define MCP_BUILDER_CATALOG_H_

#include <string>
#include <string_view>
#include <vector>

namespace mcp_builder {
namespace catalog {

struct Entry {
  std::string_view id;  // stable, [a-z0-9-]+
  std::string_view category;
  std::vector<std::string_view> keywords;
  std::string_view server_json;  // the registry document, as curated
};

/// Every entry, sorted by id.
const std::vector<Entry>& Entries();

/// The entry with this id, or nullptr.
const Entry* Find(std::string_view id);

/// Entries matching every term (case-insensitive substring of the id,
/// name, title, description, category or a keyword) as a JSON array of
/// {"id","name","title","description","category","keywords","runtimes",
/// "remote","secrets"}; no terms lists all.
std::string SearchToJson(const std::vector<std::string>& terms);

}  // namespace catalog
}  // namespace mcp_builder

#endif  // MCP_BUILDER_CATALOG_H_
