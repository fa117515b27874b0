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

// `lead` and the value as a quoted scalar, secrets as ${{ secrets.ID }}.
void Line(std::string* out, std::string_view lead, const config::Text& t) {
  const std::string* plain = t.Plain();
  AppendYamlLine(out, lead, plain ? *plain : t.Render(SecretRef));
}

}  // namespace

std::string WriteContinue(WriteContext& ctx) {
  std::string out =
      "name: \"MCP servers\"\nversion: \"0.0.1\"\nschema: v1\nmcpServers:\n";
  ctx.WrapNpxForWindows();
  for (const config::ServerEntry& e : ctx.servers()) {
    AppendYamlLine(&out, "  - name: ", e.name);
    if (e.transport == config::TransportKind::kStdio) {
      AppendYamlLine(&out, "    type: stdio\n    command: ", e.command);
      out += e.args.empty() ? "    args: []\n" : "    args:\n";
      for (const config::Text& a : e.args) Line(&out, "      - ", a);
      if (!e.env.empty()) out += "    env:\n";
      for (const config::NamedText& v : e.env) Line(&out, "      " + YamlKey(v.name) + ": ", v.value);
      continue;
    }
    out += std::string("    type: ") +
           (e.transport == config::TransportKind::kSse ? "sse" : "streamable-http") + "\n";
    Line(&out, "    url: ", e.url);
    if (!e.headers.empty()) {
      // Continue reads request headers from requestOptions; versions
      // before this was supported ignore them (continuedev/continue#9475).
      ctx.Warn(e, "generate/client-limit",
               "older Continue versions ignore MCP request headers; check the server "
               "authenticates after adding it");
      out += "    requestOptions:\n      headers:\n";
      for (const config::NamedText& h : e.headers) {
        Line(&out, "        " + YamlKey(h.name) + ": ", h.value);
      }
    }
  }
  return out;
}

}  // namespace gen
}  // namespace mcp_builder
