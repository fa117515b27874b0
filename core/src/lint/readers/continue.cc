// Continue: config.yaml (or a block file in .continue/mcpServers/),
// "mcpServers" is a LIST of {name, type: stdio | sse | streamable-http,
// command, args, env, url}; secrets as ${{ secrets.NAME }}. Source:
// reference §1.9 (continuedev/continue docs/customize/deep-dives/mcp.mdx).
#include "lint/reader.h"

namespace mcp_builder {
namespace lint {

const ClientSchema& ContinueSchema() {
  static const ClientSchema* schema = new ClientSchema{
      "continue", "Continue", Syntax::kYaml, "mcpServers", true, "command", "env", "headers",
      {{"url", config::TransportKind::kHttp}},
      {{"stdio", config::TransportKind::kStdio}, {"sse", config::TransportKind::kSse},
       {"streamable-http", config::TransportKind::kHttp}},
      config::TransportKind::kHttp, Refs::kContinue,
      {"cwd", "connectionTimeout", "requestOptions"}, {}, nullptr};
  return *schema;
}

}  // namespace lint
}  // namespace mcp_builder
