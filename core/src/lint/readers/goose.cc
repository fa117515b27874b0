// Goose: ~/.config/goose/config.yaml, "extensions": {name: {type: stdio,
// cmd, args, envs, env_keys (names of secrets kept in the keyring),
// timeout, enabled} | {type: streamable_http, uri, headers}}. Built-in
// extensions ({type: builtin}) are Goose's own and not read. Source:
// reference §1.10 (block/goose documentation/docs/guides/config-files.md).
#include <algorithm>

#include "lint/reader.h"

namespace mcp_builder {
namespace lint {

namespace {

void Hook(const json::Value&, ReadEntry* e, ReadContext*) {
  for (auto it = e->extras.begin(); it != e->extras.end(); ++it) {
    if (it->first != "env_keys" || !it->second.node->is_array()) continue;
    const Field keys = it->second;
    for (size_t i = 0; i < keys.node->items.size(); ++i) {
      const json::Value& k = keys.node->items[i];
      if (!k.is_string()) continue;
      const bool valued = std::any_of(e->entry.env.begin(), e->entry.env.end(),
                                      [&](const config::NamedText& v) { return v.name == k.text; });
      if (valued) continue;
      e->entry.env.push_back({std::string(k.text), config::Text::Secret(std::string(k.text))});
      e->env.push_back({&k, keys.pointer + "/" + std::to_string(i)});
    }
    e->extras.erase(it);
    return;
  }
}

}  // namespace

const ClientSchema& GooseSchema() {
  static const ClientSchema* schema = new ClientSchema{
      "goose", "Goose", Syntax::kYaml, "extensions", false, "cmd", "envs", "headers",
      {{"uri", config::TransportKind::kHttp}},
      {{"stdio", config::TransportKind::kStdio}, {"streamable_http", config::TransportKind::kHttp},
       {"sse", config::TransportKind::kSse}},
      config::TransportKind::kHttp, Refs::kNone,
      {"bundled", "display_name", "enabled", "name", "timeout", "description", "env_keys", "available_tools"},
      {"builtin", "platform", "frontend", "inline_python"}, Hook};
  return *schema;
}

}  // namespace lint
}  // namespace mcp_builder
