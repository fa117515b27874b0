// Zed: settings.json (JSONC), {"context_servers": {name: {command, args,
// env} | {url, headers}}}; older docs add "source": "custom". No variable
// expansion. Source: reference §1.6 (zed-industries/zed docs/src/ai/mcp.md).
#include "lint/reader.h"

namespace mcp_builder {
namespace lint {

const ClientSchema& ZedSchema() {
  static const ClientSchema* schema = new ClientSchema{
      "zed", "Zed", Syntax::kJsonc, "context_servers", false, "command", "env", "headers",
      {{"url", config::TransportKind::kHttp}},
      {},
      config::TransportKind::kHttp, Refs::kNone,
      {"source", "settings", "enabled"}, {}, nullptr};
  return *schema;
}

}  // namespace lint
}  // namespace mcp_builder
