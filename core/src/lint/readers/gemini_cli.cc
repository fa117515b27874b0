// Gemini CLI: ~/.gemini/settings.json or .gemini/settings.json,
// {"mcpServers": {name: {command, args, env, cwd} | {httpUrl (Streamable
// HTTP) or url (SSE), headers}}}; $VAR and ${VAR} expanded. "trust": true
// skips every tool confirmation. Source: reference §1.8
// (google-gemini/gemini-cli docs/tools/mcp-server.md).
#include "lint/reader.h"
#include "text_checks.h"

namespace mcp_builder {
namespace lint {

namespace {

void Hook(const json::Value& server, ReadEntry* e, ReadContext* ctx) {
  const json::Value* trust = server.Find("trust");
  if (trust && trust->is_bool() && trust->boolean) {
    ctx->AddAt("exec/auto-approve", Severity::kWarning,
               "\"trust\": true lets " + text::Quoted(e->entry.name) +
                   " run every tool without asking; confirm tools one by one instead",
               *trust, Pointer(e->object.pointer, "trust"));
  }
}

}  // namespace

const ClientSchema& GeminiCliSchema() {
  static const ClientSchema* schema = new ClientSchema{
      "gemini-cli", "Gemini CLI", Syntax::kJson, "mcpServers", false, "command", "env", "headers",
      {{"httpUrl", config::TransportKind::kHttp}, {"url", config::TransportKind::kSse}},
      {},
      config::TransportKind::kSse, Refs::kGemini,
      {"cwd", "timeout", "trust", "includeTools", "excludeTools", "oauth", "authProviderType",
       "description", "targetAudience", "targetServiceAccount", "type"},
      {}, Hook};
  return *schema;
}

}  // namespace lint
}  // namespace mcp_builder
