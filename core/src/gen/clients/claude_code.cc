// Claude Code: .mcp.json (project) or ~/.claude.json, {"mcpServers": {name:
// {type: stdio|http|sse, ...}}}. ${VAR} is expanded in command, args, env,
// url and headers. `claude mcp add` takes its options before the name and
// the server command after `--`; its --env and --header options take
// several values, so entries that have any use `claude mcp add-json`.
// Source: code.claude.com/docs/en/mcp (reference §1.2).
#include "gen/writer.h"

namespace mcp_builder {
namespace gen {

constexpr JsonStyle kStyle{"mcpServers", "stdio", "http", "sse"};

namespace {

void AddCommand(WriteContext& ctx, const config::ServerEntry& e) {
  std::string line = "claude mcp add";
  if (e.transport == config::TransportKind::kStdio && e.env.empty()) {
    line += " --transport stdio " + ShellWord(e.name) + " -- " + ShellWord(e.command);
    for (const config::Text& a : e.args) line += " " + ShellWord(a.Render(DollarBraceRef));
  } else if (e.transport != config::TransportKind::kStdio && e.headers.empty()) {
    line += std::string(" --transport ") +
            (e.transport == config::TransportKind::kSse ? "sse " : "http ") + ShellWord(e.name) +
            " " + ShellWord(e.url.Render(DollarBraceRef));
  } else {
    line = "claude mcp add-json " + ShellWord(e.name) + " " +
           ShellWord(CompactServerJson(e, kStyle, DollarBraceRef));
  }
  ctx.Command(e, "claude-code", line);
}

}  // namespace

std::string WriteClaudeCode(WriteContext& ctx) {
  ctx.WrapNpxForWindows();
  for (const config::ServerEntry& e : ctx.servers()) {
    if (ctx.installs()) AddCommand(ctx, e);
  }
  return JsonServersFile(ctx, kStyle, DollarBraceRef);
}

}  // namespace gen
}  // namespace mcp_builder
