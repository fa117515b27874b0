// Cursor: .cursor/mcp.json or ~/.cursor/mcp.json, {"mcpServers": {name:
// {command, args, env} | {url, headers}}}; ${env:NAME} is expanded
// (secondary sources). Install link: cursor://anysphere.cursor-deeplink/
// mcp/install?name=N&config=BASE64(server object) (cursor.com/docs/mcp/
// install-links; reference §1.3).
#include "gen/writer.h"

namespace mcp_builder {
namespace gen {

std::string WriteCursor(WriteContext& ctx) {
  for (config::ServerEntry& e : ctx.mutable_servers()) {
    WrapForWindows(ctx, &e);
    const std::string config = CompactServerJson(e, EnvColonRef, "", "", "");
    ctx.Link(e, "cursor", "cursor://anysphere.cursor-deeplink/mcp/install?name=" +
                              PercentEncode(e.name) + "&config=" + PercentEncode(Base64(config)));
  }
  return JsonServersFile(ctx, "mcpServers", EnvColonRef, "", "", "", "url");
}

}  // namespace gen
}  // namespace mcp_builder
