// The embedded catalog, written at build time by cmake/embed-catalog.cmake.
#ifndef MCP_BUILDER_SRC_CATALOG_DATA_H_
#define MCP_BUILDER_SRC_CATALOG_DATA_H_

#include <cstddef>

namespace mcp_builder {
namespace catalog {

struct RawEntry {
  const char* id;
  const char* category;
  const char* keywords;  // comma-separated
  const char* server_json;
};

extern const RawEntry kRawEntries[];
extern const size_t kRawEntryCount;

}  // namespace catalog
}  // namespace mcp_builder

#endif  // MCP_BUILDER_SRC_CATALOG_DATA_H_
