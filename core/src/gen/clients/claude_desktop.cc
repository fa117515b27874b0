// Claude Desktop: claude_desktop_config.json, {"mcpServers": {name:
// {command, args, env}}}. Stdio only: the file cannot hold remote servers
// (they are silently skipped), and nothing in it is expanded. Source:
// modelcontextprotocol docs/develop/connect-local-servers.mdx; reference §1.1.
#include "gen/writer.h"

namespace mcp_builder {
namespace gen {

std::string WriteClaudeDesktop(WriteContext& ctx) {
  ctx.BridgeRemotes(/*sse_only=*/false,
                    "Claude Desktop's config file cannot hold remote servers "
                    "(add them under Settings > Connectors, or use this bridge)");
  ctx.WrapNpxForWindows();
  for (const config::ServerEntry& e : ctx.servers()) WarnLiteralPlaceholders(ctx, e, "Claude Desktop");
  return JsonServersFile(ctx, JsonStyle(), AngleRef);
}

}  // namespace gen
}  // namespace mcp_builder
