// Gemini CLI: ~/.gemini/settings.json or .gemini/settings.json,
// {"mcpServers": {name: {command, args, env} | {httpUrl|url, headers}}}:
// httpUrl is Streamable HTTP, url is SSE. $VAR and ${VAR} are expanded.
// `gemini mcp add [options] <name> <commandOrUrl> [args...]`, server
// arguments after `--`. Source: google-gemini/gemini-cli
// docs/tools/mcp-server.md and packages/cli/src/commands/mcp/add.ts
// (reference §1.8).
#include "gen/writer.h"

namespace mcp_builder {
namespace gen {

namespace {

constexpr JsonStyle kStyle{"mcpServers", "", "", "", "httpUrl", "url"};

void AddCommand(WriteContext& ctx, const config::ServerEntry& e) {
  std::string line = "gemini mcp add --scope user";
  const bool stdio = e.transport == config::TransportKind::kStdio;
  if (!stdio) line += e.transport == config::TransportKind::kSse ? " --transport sse" : " --transport http";
  for (const config::NamedText& v : e.env) {
    const std::string value = v.value.Render(DollarBraceRef);
    // add.ts splits "-e KEY=value" at every '=' and keeps two parts.
    if (value.find('=') != std::string::npos) {
      ctx.Warn(e, "generate/command-limit",
               "`gemini mcp add` cuts an --env value at its first '=' (" + v.name +
                   "), so set it in settings.json instead");
    }
    line += " -e " + ShellWord(v.name + "=" + value);
  }
  for (const config::NamedText& h : e.headers) {
    line += " -H " + ShellWord(h.name + ": " + h.value.Render(DollarBraceRef));
  }
  line += " " + ShellWord(e.name) + " ";
  line += stdio ? ShellWord(e.command) : ShellWord(e.url.Render(DollarBraceRef));
  if (stdio && !e.args.empty()) {
    line += " --";
    for (const config::Text& a : e.args) line += " " + ShellWord(a.Render(DollarBraceRef));
  }
  ctx.Command(e, "gemini-cli", line);
}

}  // namespace

std::string WriteGeminiCli(WriteContext& ctx) {
  ctx.WrapNpxForWindows();
  if (ctx.installs()) {
    for (const config::ServerEntry& e : ctx.servers()) AddCommand(ctx, e);
  }
  return JsonServersFile(ctx, kStyle, DollarBraceRef);
}

}  // namespace gen
}  // namespace mcp_builder
