// Codex CLI: ~/.codex/config.toml, [mcp_servers.<name>] with command, args,
// env, env_vars (names forwarded from the environment), cwd; or url,
// bearer_token_env_var, http_headers, env_http_headers (header -> env-var
// name). Secrets travel as names, never values: an inline bearer_token is
// rejected. Source: reference §1.7 (openai/codex docs/config.md,
// developers.openai.com/codex/mcp).
#include <algorithm>

#include "lint/reader.h"
#include "text_checks.h"

namespace mcp_builder {
namespace lint {

namespace {

void Hook(const json::Value& server, ReadEntry* e, ReadContext* ctx) {
  auto take = [&](std::string_view key) -> const Field* {
    for (const auto& [name, field] : e->extras) {
      if (name == key) return &field;
    }
    return nullptr;
  };
  if (const Field* vars = take("env_vars"); vars && vars->node->is_array()) {
    for (size_t i = 0; i < vars->node->items.size(); ++i) {
      const json::Value& item = vars->node->items[i];
      const json::Value* name = item.is_object() ? item.Find("name") : &item;
      if (!name || !name->is_string()) continue;
      e->entry.env.push_back({std::string(name->text), config::Text::Secret(std::string(name->text))});
      e->env.push_back({name, vars->pointer + "/" + std::to_string(i)});
    }
  }
  if (const Field* bearer = take("bearer_token_env_var"); bearer && bearer->node->is_string()) {
    config::Text value = config::Text::Literal("Bearer ");
    value.Append(config::Text::Secret(std::string(bearer->node->text)));
    e->entry.headers.push_back({"Authorization", std::move(value)});
    e->headers.push_back(*bearer);
  }
  if (const Field* map = take("env_http_headers"); map && map->node->is_object()) {
    for (const json::Member& m : map->node->members) {
      if (!m.value.is_string()) continue;
      e->entry.headers.push_back({std::string(m.key), config::Text::Secret(std::string(m.value.text))});
      e->headers.push_back({&m.value, Pointer(map->pointer, m.key)});
    }
  }
  if (const json::Value* inline_token = server.Find("bearer_token")) {
    ctx->AddAt("schema/inline-bearer-token", Severity::kError,
               "Codex rejects an inline \"bearer_token\" on " + text::Quoted(e->entry.name) +
                   "; put the token in an environment variable and name it in \"bearer_token_env_var\"",
               *inline_token, Pointer(e->object.pointer, "bearer_token"));
  }
  // What the hook turned into neutral fields is no longer an extra.
  e->extras.erase(std::remove_if(e->extras.begin(), e->extras.end(),
                                 [](const auto& x) {
                                   return x.first == "env_vars" || x.first == "bearer_token_env_var" ||
                                          x.first == "env_http_headers";
                                 }),
                  e->extras.end());
}

}  // namespace

const ClientSchema& CodexSchema() {
  static const ClientSchema* schema = new ClientSchema{
      "codex", "Codex", Syntax::kToml, "mcp_servers", false, "command", "env", "http_headers",
      {{"url", config::TransportKind::kHttp}},
      {},
      config::TransportKind::kHttp, Refs::kNone,
      {"cwd", "env_vars", "bearer_token_env_var", "env_http_headers", "bearer_token", "enabled", "required",
       "startup_timeout_sec", "startup_timeout_ms", "tool_timeout_sec", "enabled_tools", "disabled_tools",
       "default_tools_approval_mode", "tools", "scopes", "oauth_resource"},
      {}, Hook};
  return *schema;
}

}  // namespace lint
}  // namespace mcp_builder
