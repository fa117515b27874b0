// LM Studio: ~/.lmstudio/mcp.json, which "follows Cursor's mcp.json
// notation"; no variable expansion is documented. Install link:
// lmstudio://add_mcp?name=N&config=BASE64(server object)
// (lmstudio.ai/docs/app/mcp/deeplink; reference §1.12).
#include "gen/writer.h"

namespace mcp_builder {
namespace gen {

constexpr JsonStyle kStyle;  // Cursor's: mcpServers, no "type"

std::string WriteLmStudio(WriteContext& ctx) {
  ctx.WrapNpxForWindows();
  for (const config::ServerEntry& e : ctx.servers()) {
    WarnLiteralPlaceholders(ctx, e, "LM Studio");
    if (!ctx.installs()) continue;
    const std::string config = CompactServerJson(e, kStyle, AngleRef);
    ctx.Link(e, "lm-studio", "lmstudio://add_mcp?name=" + PercentEncode(e.name) +
                                 "&config=" + PercentEncode(Base64(config)));
  }
  return JsonServersFile(ctx, kStyle, AngleRef);
}

}  // namespace gen
}  // namespace mcp_builder
