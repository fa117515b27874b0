// Claude Desktop: claude_desktop_config.json, {"mcpServers": {name:
// {command, args, env}}}, strict JSON, no variable expansion. Remote
// entries in this file are skipped by the app: they belong in Settings ->
// Connectors or behind an mcp-remote bridge. Source: reference §1.1.
#include "lint/reader.h"
#include "text_checks.h"

namespace mcp_builder {
namespace lint {

namespace {

void Hook(const json::Value& server, ReadEntry* e, ReadContext* ctx) {
  if (!e->url.node) return;
  ctx->AddAt("schema/remote-unsupported", Severity::kError,
             "Claude Desktop skips remote servers in this file, so " + text::Quoted(e->entry.name) +
                 " never loads; add it in Settings > Connectors, or run it through the mcp-remote "
                 "bridge (mcp-builder convert writes one)",
             server, e->object.pointer);
}

}  // namespace

const ClientSchema& ClaudeDesktopSchema() {
  static const ClientSchema* schema = new ClientSchema{
      "claude-desktop", "Claude Desktop", Syntax::kJson, "mcpServers", false, "command", "env", "headers",
      {{"url", config::TransportKind::kHttp}},
      {{"stdio", config::TransportKind::kStdio}},
      config::TransportKind::kHttp, Refs::kNone,
      {"cwd"}, {}, Hook};
  return *schema;
}

}  // namespace lint
}  // namespace mcp_builder
