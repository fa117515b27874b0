// Zed: the "context_servers" member of Zed's settings.json, {name:
// {command, args, env} | {url, headers}}. Zed expands no variables in it.
// Source: zed-industries/zed docs/src/ai/mcp.md and zed.dev/docs/ai/mcp
// (reference §1.6).
#include "gen/writer.h"

namespace mcp_builder {
namespace gen {

constexpr JsonStyle kStyle{"context_servers"};

std::string WriteZed(WriteContext& ctx) {
  for (const config::ServerEntry& e : ctx.servers()) WarnLiteralPlaceholders(ctx, e, "Zed");
  return JsonServersFile(ctx, kStyle, AngleRef);
}

}  // namespace gen
}  // namespace mcp_builder
