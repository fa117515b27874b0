// Cline: cline_mcp_settings.json, {"mcpServers": {name: {type: stdio |
// streamableHttp | sse, ...}}}. A URL entry without "type" is taken as
// SSE. No variable expansion. Source: reference §1.11 (cline/cline docs and
// src/services/mcp/schemas.ts).
#include "lint/reader.h"
#include "text_checks.h"

namespace mcp_builder {
namespace lint {

namespace {

void Hook(const json::Value& server, ReadEntry* e, ReadContext* ctx) {
  if (!e->url.node || server.Find("type") || server.Find("transportType")) return;
  ctx->AddAt("schema/url-without-type", Severity::kWarning,
             "Cline connects to a URL without \"type\" over SSE; if " + text::Quoted(e->entry.name) +
                 " speaks Streamable HTTP, add \"type\": \"streamableHttp\"",
             *e->url.node, e->url.pointer);
}

}  // namespace

const ClientSchema& ClineSchema() {
  static const ClientSchema* schema = new ClientSchema{
      "cline", "Cline", Syntax::kJson, "mcpServers", false, "command", "env", "headers",
      {{"url", config::TransportKind::kSse}},
      {{"stdio", config::TransportKind::kStdio}, {"streamableHttp", config::TransportKind::kHttp},
       {"sse", config::TransportKind::kSse}},
      config::TransportKind::kSse, Refs::kNone,
      {"alwaysAllow", "autoApprove", "disabled", "timeout", "cwd", "transportType"}, {}, Hook};
  return *schema;
}

}  // namespace lint
}  // namespace mcp_builder
