// Cursor: .cursor/mcp.json or ~/.cursor/mcp.json, {"mcpServers": {name:
// {command, args, env} | {url, headers}}}; ${env:NAME} is expanded
// (secondary sources). Install link: cursor://anysphere.cursor-deeplink/
// mcp/install?name=N&config=BASE64(server object) (cursor.com/docs/mcp/
// install-links; reference §1.3).
#include "gen/writer.h"

namespace mcp_builder {
namespace gen {

constexpr JsonStyle kStyle;  // mcpServers, no "type", "url"

std::string WriteCursor(WriteContext& ctx) {
  ctx.WrapNpxForWindows();
  for (const config::ServerEntry& e : ctx.servers()) {
    if (!ctx.installs()) break;
    const std::string config = CompactServerJson(e, kStyle, EnvColonRef);
    ctx.Link(e, "cursor", "cursor://anysphere.cursor-deeplink/mcp/install?name=" +
                              PercentEncode(e.name) + "&config=" + PercentEncode(Base64(config)));
  }
  return JsonServersFile(ctx, kStyle, EnvColonRef);
}

}  // namespace gen
}  // namespace mcp_builder
