// Cline: cline_mcp_settings.json in VS Code's globalStorage, {"mcpServers":
// {name: {type: stdio|streamableHttp|sse, ...}}}. A URL entry without a
// type is taken as SSE, so the type is always written. No variables are
// expanded. Source: cline/cline docs/mcp/configuring-mcp-servers.mdx and
// src/services/mcp/schemas.ts (reference §1.11).
#include "gen/writer.h"

namespace mcp_builder {
namespace gen {

constexpr JsonStyle kStyle{"mcpServers", "stdio", "streamableHttp", "sse", "url", "url", "disabled"};

std::string WriteCline(WriteContext& ctx) {
  ctx.WrapNpxForWindows();
  for (const config::ServerEntry& e : ctx.servers()) {
    WarnLiteralPlaceholders(ctx, e, "Cline");
  }
  return JsonServersFile(ctx, kStyle, AngleRef);
}

}  // namespace gen
}  // namespace mcp_builder
