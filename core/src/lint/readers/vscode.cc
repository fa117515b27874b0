// VS Code: .vscode/mcp.json or the profile's mcp.json (JSONC), {"inputs":
// [{type: promptString, id, description, password}], "servers": {name:
// {type: stdio, command, args, env} | {type: http|sse, url, headers}}};
// ${input:id} and ${env:NAME} expanded. "type" is required. The same
// object may sit in user settings.json under "mcp" (the older place) or in
// devcontainer.json under "customizations.vscode.mcp". Source: reference
// §1.4 (microsoft/vscode-docs docs/copilot/reference/mcp-configuration.md).
#include <algorithm>

#include "gen/resolve.h"
#include "lint/reader.h"
#include "text_checks.h"

namespace mcp_builder {
namespace lint {

namespace {

void Hook(const json::Value& server, ReadEntry* e, ReadContext* ctx) {
  if (server.Find("type")) return;
  ctx->AddAt("schema/missing-type", Severity::kWarning,
             "VS Code requires \"type\" (\"stdio\", \"http\" or \"sse\") on " + text::Quoted(e->entry.name),
             server, e->object.pointer);
}

// Every ${input:id} a server uses must be declared in "inputs".
void CheckInputs(const json::Value& config, ReadContext* ctx) {
  std::vector<std::string> declared;
  const std::string pointer = ctx->config_pointer + "/inputs";
  if (const json::Value* inputs = config.Find("inputs")) {
    if (!inputs->is_array()) {
      ctx->AddAt("schema/wrong-type", Severity::kError, "\"inputs\" must be an array", *inputs, pointer);
      return;
    }
    for (size_t i = 0; i < inputs->items.size(); ++i) {
      const json::Value& in = inputs->items[i];
      const json::Value* id = in.is_object() ? in.Find("id") : nullptr;
      if (!id || !id->is_string()) {
        ctx->AddAt("schema/wrong-type", Severity::kError, "input " + std::to_string(i + 1) + " needs an \"id\" string",
                   in, pointer + "/" + std::to_string(i));
        continue;
      }
      declared.emplace_back(id->text);
      const json::Value* description = in.Find("description");
      ctx->secrets.push_back({gen::SecretIdFrom(id->text),
                              description && description->is_string() ? std::string(description->text) : "", ""});
    }
  }
  for (const ReadEntry& e : ctx->entries) {
    for (const Field* f : e.Values()) {
      if (!f->node || !f->node->is_string()) continue;
      const std::string_view s = f->node->text;
      for (size_t at = s.find("${input:"); at != std::string_view::npos; at = s.find("${input:", at + 1)) {
        const size_t close = s.find('}', at);
        if (close == std::string_view::npos) break;
        const std::string_view id = s.substr(at + 8, close - at - 8);
        if (std::find(declared.begin(), declared.end(), id) != declared.end()) continue;
        ctx->AddAt("schema/undefined-input", Severity::kError,
                   "${input:" + std::string(id) + "} is used by " + text::Quoted(e.entry.name) +
                       " but no entry of \"inputs\" has this id; VS Code cannot start the server",
                   *f->node, f->pointer);
      }
    }
  }
}

}  // namespace

const ClientSchema& VsCodeSchema() {
  static const ClientSchema* schema = [] {
    auto* s = new ClientSchema{
        "vscode", "VS Code", Syntax::kJsonc, "servers", false, "command", "env", "headers",
        {{"url", config::TransportKind::kHttp}},
        {{"stdio", config::TransportKind::kStdio}, {"http", config::TransportKind::kHttp},
         {"sse", config::TransportKind::kSse}},
        config::TransportKind::kHttp, Refs::kVsCode,
        {"envFile", "dev", "cwd", "sandboxEnabled", "sandbox", "version", "gallery"}, {}, Hook};
    s->document_hook = CheckInputs;
    s->config_paths = {
        {{"mcp"}, "VS Code's user settings.json",
         "MCP servers in VS Code's user settings (\"mcp\") are the older place: newer VS Code warns that they "
         "should no longer be configured there; move \"servers\" and \"inputs\" to mcp.json (MCP: Open User "
         "Configuration)"},
        {{"customizations", "vscode", "mcp"}, "VS Code's part of devcontainer.json", ""},
    };
    return s;
  }();
  return *schema;
}

}  // namespace lint
}  // namespace mcp_builder
