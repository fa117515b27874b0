#include "mcp_builder/version.h"

namespace mcp_builder {

const char* Version() { return MCP_BUILDER_VERSION; }

}  // namespace mcp_builder
