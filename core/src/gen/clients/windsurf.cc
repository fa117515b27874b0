// Windsurf: ~/.codeium/windsurf/mcp_config.json, {"mcpServers": {name:
// {command, args, env} | {serverUrl, headers}}}. Windsurf interpolates
// environment variables in command, args, env, serverUrl, url and headers
// (docs.windsurf.com/windsurf/cascade/mcp); the ${env:NAME} spelling is
// from secondary sources (reference §1.5).
#include "gen/writer.h"

namespace mcp_builder {
namespace gen {

std::string WriteWindsurf(WriteContext& ctx) {
  for (config::ServerEntry& e : ctx.mutable_servers()) WrapForWindows(ctx, &e);
  return JsonServersFile(ctx, "mcpServers", EnvColonRef, "", "", "", "serverUrl");
}

}  // namespace gen
}  // namespace mcp_builder
