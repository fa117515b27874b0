// LM Studio: ~/.lmstudio/mcp.json, "Cursor's mcp.json notation":
// {"mcpServers": {name: {command, args, env} | {url, headers}}}; no
// variable expansion is documented. Source: reference §1.12.
#include "lint/reader.h"

namespace mcp_builder {
namespace lint {

const ClientSchema& LmStudioSchema() {
  static const ClientSchema* schema = new ClientSchema{
      "lm-studio", "LM Studio", Syntax::kJson, "mcpServers", false, "command", "env", "headers",
      {{"url", config::TransportKind::kHttp}},
      {},
      config::TransportKind::kHttp, Refs::kNone,
      {"type"}, {}, nullptr};
  return *schema;
}

}  // namespace lint
}  // namespace mcp_builder
