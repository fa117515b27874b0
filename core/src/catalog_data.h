// The catalog bundle compiled in, written at build time by
// cmake/embed-catalog.cmake: catalog.json's text, or "" in builds that
// load it at run time (catalog::Load).
#ifndef MCP_BUILDER_SRC_CATALOG_DATA_H_
#define MCP_BUILDER_SRC_CATALOG_DATA_H_

namespace mcp_builder {
namespace catalog {

extern const char* const kEmbeddedCatalog;

}  // namespace catalog
}  // namespace mcp_builder

#endif  // MCP_BUILDER_SRC_CATALOG_DATA_H_
