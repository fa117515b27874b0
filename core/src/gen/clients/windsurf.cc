// Windsurf: ~/.codeium/windsurf/mcp_config.json, {"mcpServers": {name:
// {command, args, env} | {serverUrl, headers}}}. Windsurf interpolates
// environment variables in command, args, env, serverUrl, url and headers
// (docs.windsurf.com/windsurf/cascade/mcp); the ${env:NAME} spelling is
// from secondary sources (reference §1.5).
#include "gen/writer.h"

namespace mcp_builder {
namespace gen {

constexpr JsonStyle kStyle{"mcpServers", "", "", "", "serverUrl", "serverUrl", "disabled"};

std::string WriteWindsurf(WriteContext& ctx) {
  ctx.WrapNpxForWindows();
  return JsonServersFile(ctx, kStyle, EnvColonRef);
}

}  // namespace gen
}  // namespace mcp_builder
