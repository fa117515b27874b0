// LM Studio: ~/.lmstudio/mcp.json, which "follows Cursor's mcp.json
// notation"; no variable expansion is documented. Install link:
// lmstudio://add_mcp?name=N&config=BASE64(server object)
// (lmstudio.ai/docs/app/mcp/deeplink; reference §1.12).
#include "gen/writer.h"

namespace mcp_builder {
namespace gen {

std::string WriteLmStudio(WriteContext& ctx) {
  for (config::ServerEntry& e : ctx.mutable_servers()) {
    WrapForWindows(ctx, &e);
    WarnLiteralPlaceholders(ctx, e, "LM Studio");
    const std::string config = CompactServerJson(e, AngleRef, "", "", "");
    ctx.Link(e, "lm-studio", "lmstudio://add_mcp?name=" + PercentEncode(e.name) +
                                 "&config=" + PercentEncode(Base64(config)));
  }
  return JsonServersFile(ctx, "mcpServers", AngleRef, "", "", "", "url");
}

}  // namespace gen
}  // namespace mcp_builder
