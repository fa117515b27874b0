// Cursor: .cursor/mcp.json or ~/.cursor/mcp.json, {"mcpServers": {name:
// {command, args, env} | {url, headers}}}, ${env:NAME} expanded. Source:
// reference §1.3 (cursor.com/docs/mcp; field table secondary).
#include "lint/reader.h"

namespace mcp_builder {
namespace lint {

const ClientSchema& CursorSchema() {
  static const ClientSchema* schema = new ClientSchema{
      "cursor", "Cursor", Syntax::kJson, "mcpServers", false, "command", "env", "headers",
      {{"url", config::TransportKind::kHttp}},
      {{"stdio", config::TransportKind::kStdio}, {"http", config::TransportKind::kHttp},
       {"streamable-http", config::TransportKind::kHttp}, {"sse", config::TransportKind::kSse}},
      config::TransportKind::kHttp, Refs::kEnvColon,
      {"envFile", "auth"}, {}, nullptr};
  return *schema;
}

}  // namespace lint
}  // namespace mcp_builder
