// Claude Code: .mcp.json (project) or ~/.claude.json, {"mcpServers": {name:
// {type, command, args, env} | {type: http|sse, url, headers}}}, with
// ${VAR} and ${VAR:-default} expanded. Names are [A-Za-z0-9_-]; "workspace"
// is reserved. Source: reference §1.2 (code.claude.com/docs/en/mcp).
#include "lint/reader.h"
#include "text_checks.h"

namespace mcp_builder {
namespace lint {

namespace {

void Hook(const json::Value&, ReadEntry* e, ReadContext* ctx) {
  const std::string& name = e->entry.name;
  const bool ok = !name.empty() && name.find_first_not_of(
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == std::string::npos;
  const json::Position at = e->member ? e->member->key_pos : e->object.node->pos;
  if (!ok) {
    ctx->Add("schema/server-name", Severity::kWarning,
             "Claude Code accepts server names of letters, digits, '-' and '_' only; " +
                 text::Quoted(name) + " is refused by `claude mcp`",
             at, e->object.pointer);
  } else if (name == "workspace") {
    ctx->Add("schema/server-name", Severity::kWarning,
             "\"workspace\" is reserved: Claude Code skips a server with this name", at, e->object.pointer);
  }
}

}  // namespace

const ClientSchema& ClaudeCodeSchema() {
  static const ClientSchema* schema = new ClientSchema{
      "claude-code", "Claude Code", Syntax::kJson, "mcpServers", false, "command", "env", "headers",
      {{"url", config::TransportKind::kHttp}},
      {{"stdio", config::TransportKind::kStdio}, {"http", config::TransportKind::kHttp},
       {"sse", config::TransportKind::kSse}},
      config::TransportKind::kHttp, Refs::kDollarBrace,
      {"headersHelper", "oauth", "alwaysLoad", "timeout"}, {}, Hook};
  return *schema;
}

}  // namespace lint
}  // namespace mcp_builder
