// Continue: a block file in .continue/mcpServers/ (or the mcpServers list
// of ~/.continue/config.yaml). mcpServers is a YAML *list* of {name, type:
// stdio|sse|streamable-http, command, args, env, url}; a block file also
// needs name, version and schema: v1. Secrets are ${{ secrets.NAME }}.
// Source: continuedev/continue docs/customize/deep-dives/mcp.mdx
// (reference §1.9).
#include "gen/writer.h"

namespace mcp_builder {
namespace gen {

namespace {

std::string SecretRef(const std::string& id) { return "${{ secrets." + id + " }}"; }

std::string Scalar(const config::Text& t) { return YamlString(t.Render(SecretRef)); }

}  // namespace

std::string WriteContinue(WriteContext& ctx) {
  std::string out =
      "name: \"MCP servers\"\nversion: \"0.0.1\"\nschema: v1\nmcpServers:\n";
  ctx.WrapNpxForWindows();
  for (const config::ServerEntry& e : ctx.servers()) {
    out += "  - name: " + YamlString(e.name) + "\n";
    if (e.transport == config::TransportKind::kStdio) {
      out += "    type: stdio\n    command: " + YamlString(e.command) + "\n";
      out += "    args:" + std::string(e.args.empty() ? " []\n" : "\n");
      for (const config::Text& a : e.args) out += "      - " + Scalar(a) + "\n";
      if (!e.env.empty()) out += "    env:\n";
      for (const config::NamedText& v : e.env) {
        out += "      " + YamlKey(v.name) + ": " + Scalar(v.value) + "\n";
      }
      continue;
    }
    out += std::string("    type: ") +
           (e.transport == config::TransportKind::kSse ? "sse" : "streamable-http") + "\n";
    out += "    url: " + Scalar(e.url) + "\n";
    if (!e.headers.empty()) {
      // Continue reads request headers from requestOptions; versions
      // before this was supported ignore them (continuedev/continue#9475).
      ctx.Warn(e, "generate/client-limit",
               "older Continue versions ignore MCP request headers; check the server "
               "authenticates after adding it");
      out += "    requestOptions:\n      headers:\n";
      for (const config::NamedText& h : e.headers) {
        out += "        " + YamlKey(h.name) + ": " + Scalar(h.value) + "\n";
      }
    }
  }
  return out;
}

}  // namespace gen
}  // namespace mcp_builder
