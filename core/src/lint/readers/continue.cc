// Continue: config.yaml (or a block file in .continue/mcpServers/),
// "mcpServers" is a LIST of {name, type: stdio | sse | streamable-http,
// command, args, env, url}; secrets as ${{ secrets.NAME }}. Source:
// reference §1.9 (continuedev/continue docs/customize/deep-dives/mcp.mdx).
#include <algorithm>

#include "lint/reader.h"

namespace mcp_builder {
namespace lint {

namespace {

// Remote headers live in requestOptions.headers (what the Continue writer
// writes); the other request options stay extras.
void Hook(const json::Value&, ReadEntry* e, ReadContext* ctx) {
  const auto it = std::find_if(e->extras.begin(), e->extras.end(),
                               [](const auto& x) { return x.first == "requestOptions"; });
  if (it == e->extras.end() || !it->second.node->is_object()) return;
  const Field options = it->second;
  e->extras.erase(it);
  for (const json::Member& m : options.node->members) {
    const std::string p = Pointer(options.pointer, m.key);
    if (m.key != "headers" || !m.value.is_object()) {
      e->extras.push_back({"requestOptions." + std::string(m.key), {&m.value, p}});
      continue;
    }
    for (const json::Member& h : m.value.members) {
      if (!h.value.is_string()) continue;
      e->entry.headers.push_back({std::string(h.key), ctx->ParseText(h.value.text)});
      e->headers.push_back({&h.value, Pointer(p, h.key)});
    }
  }
}

}  // namespace

const ClientSchema& ContinueSchema() {
  static const ClientSchema* schema = new ClientSchema{
      "continue", "Continue", Syntax::kYaml, "mcpServers", true, "command", "env", "headers",
      {{"url", config::TransportKind::kHttp}},
      {{"stdio", config::TransportKind::kStdio}, {"sse", config::TransportKind::kSse},
       {"streamable-http", config::TransportKind::kHttp}},
      config::TransportKind::kHttp, Refs::kContinue,
      {"cwd", "connectionTimeout", "requestOptions"}, {}, Hook};
  return *schema;
}

}  // namespace lint
}  // namespace mcp_builder
