// Version of the core, set by CMake from project(VERSION ...).
#ifndef MCP_BUILDER_VERSION_H_
#define MCP_BUILDER_VERSION_H_

namespace mcp_builder {

/// "MAJOR.MINOR.PATCH" of this build.
const char* Version();

}  // namespace mcp_builder

#endif  // MCP_BUILDER_VERSION_H_
