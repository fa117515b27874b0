// Windsurf: ~/.codeium/windsurf/mcp_config.json, {"mcpServers": {name:
// {command, args, env} | {serverUrl or url, headers}}}, ${env:NAME}
// expanded. Source: reference §1.5 (docs.windsurf.com/windsurf/cascade/mcp).
#include "lint/reader.h"

namespace mcp_builder {
namespace lint {

const ClientSchema& WindsurfSchema() {
  static const ClientSchema* schema = new ClientSchema{
      "windsurf", "Windsurf", Syntax::kJson, "mcpServers", false, "command", "env", "headers",
      {{"serverUrl", config::TransportKind::kHttp}, {"url", config::TransportKind::kHttp}},
      {},
      config::TransportKind::kHttp, Refs::kEnvColon,
      {"type", "disabled", "disabledTools", "alwaysAllow"}, {}, nullptr};
  return *schema;
}

}  // namespace lint
}  // namespace mcp_builder
