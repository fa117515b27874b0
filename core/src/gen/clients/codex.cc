// Codex: ~/.codex/config.toml, one [mcp_servers.<name>] table per server:
// command, args, env (literal values), env_vars (names forwarded from
// Codex's own environment), or url with bearer_token_env_var,
// http_headers and env_http_headers (header -> variable name). Codex holds
// no secret values: secrets are forwarded by name. Codex speaks Streamable
// HTTP, not SSE. `codex mcp add <name> [--env K=V] -- <command> [args]` or
// `codex mcp add <name> --url URL [--bearer-token-env-var VAR]`.
// Source: openai/codex docs/config.md and developers.openai.com/codex/mcp
// (reference §1.7).
#include <string>

#include "gen/writer.h"

namespace mcp_builder {
namespace gen {

namespace {

// The secret id when the header is "Authorization: Bearer <secret>",
// which Codex reads from bearer_token_env_var.
std::string_view BearerSecret(const config::NamedText& h) {
  const std::vector<config::Piece>& p = h.value.pieces;
  const bool bearer = h.name == "Authorization" && p.size() == 2 && p[0].secret.empty() &&
                      p[0].text == "Bearer " && !p[1].secret.empty();
  return bearer ? std::string_view(p[1].secret) : std::string_view();
}

// An env var whose whole value is the secret of the same name: Codex
// forwards it from its own environment (env_vars).
bool ForwardedEnv(const config::NamedText& v) { return v.value.SoleSecret() == v.name; }

std::string Table(const config::ServerEntry& e, std::string_view sub = "") {
  std::string t = "[mcp_servers." + TomlKey(e.name);
  if (!sub.empty()) t += "." + std::string(sub);
  return t + "]\n";
}

void WriteStdio(WriteContext& ctx, const config::ServerEntry& e, std::string* out) {
  *out += "command = " + TomlString(e.command) + "\n";
  *out += "args = [";
  for (size_t i = 0; i < e.args.size(); ++i) {
    *out += (i ? ", " : "") + TomlString(e.args[i].Render(AngleRef));
  }
  *out += "]\n";
  std::string forwarded, literal;
  for (const config::NamedText& v : e.env) {
    if (ForwardedEnv(v)) {
      forwarded += (forwarded.empty() ? "" : ", ") + TomlString(v.name);
    } else {
      literal += TomlKey(v.name) + " = " + TomlString(v.value.Render(AngleRef)) + "\n";
    }
  }
  if (!forwarded.empty()) *out += "env_vars = [" + forwarded + "]\n";
  if (!literal.empty()) *out += "\n" + Table(e, "env") + literal;
  WarnLiteralPlaceholders(ctx, e, "Codex", ForwardedEnv);
}

void WriteRemote(WriteContext& ctx, const config::ServerEntry& e, std::string* out) {
  *out += "url = " + TomlString(e.url.Render(AngleRef)) + "\n";
  std::string literal, from_env;
  for (const config::NamedText& h : e.headers) {
    const config::Text& v = h.value;
    const std::string_view sole = v.SoleSecret();
    if (!BearerSecret(h).empty()) {
      *out += "bearer_token_env_var = " + TomlString(BearerSecret(h)) + "\n";
    } else if (!sole.empty()) {
      from_env += TomlKey(h.name) + " = " + TomlString(sole) + "\n";
    } else {
      literal += TomlKey(h.name) + " = " + TomlString(v.Render(AngleRef)) + "\n";
    }
  }
  if (!literal.empty()) *out += "\n" + Table(e, "http_headers") + literal;
  if (!from_env.empty()) *out += "\n" + Table(e, "env_http_headers") + from_env;
  WarnLiteralPlaceholders(ctx, e, "Codex", [](const config::NamedText& h) {
    return !h.value.SoleSecret().empty() || !BearerSecret(h).empty();
  });
}

void AddCommand(WriteContext& ctx, const config::ServerEntry& e) {
  std::string line = "codex mcp add " + ShellWord(e.name);
  if (e.transport == config::TransportKind::kStdio) {
    bool forwarded = false;
    for (const config::NamedText& v : e.env) {
      if (ForwardedEnv(v)) {
        forwarded = true;
        continue;
      }
      line += " --env " + ShellWord(v.name + "=" + v.value.Render(AngleRef));
    }
    if (forwarded) {
      ctx.Warn(e, "generate/command-limit",
               "`codex mcp add` cannot forward environment variables; the command leaves the "
               "secrets out, the config.toml above forwards them with env_vars");
    }
    line += " -- " + ShellWord(e.command);
    for (const config::Text& a : e.args) line += " " + ShellWord(a.Render(AngleRef));
  } else {
    line += " --url " + ShellWord(e.url.Render(AngleRef));
    for (const config::NamedText& h : e.headers) {
      if (!BearerSecret(h).empty()) {
        line += " --bearer-token-env-var " + ShellWord(BearerSecret(h));
      } else {
        ctx.Warn(e, "generate/command-limit",
                 "`codex mcp add` cannot set the header " + h.name +
                     "; the config.toml above sets it");
      }
    }
  }
  ctx.Command(e, "codex", line);
}

}  // namespace

std::string WriteCodex(WriteContext& ctx) {
  std::string out;
  ctx.BridgeRemotes(/*sse_only=*/true, "Codex connects to Streamable HTTP servers, not SSE");
  for (const config::ServerEntry& e : ctx.servers()) {
    if (!out.empty()) out += "\n";
    out += Table(e);
    if (e.disabled) out += "enabled = false\n";  // before the entry's sub-tables
    if (e.transport == config::TransportKind::kStdio) {
      WriteStdio(ctx, e, &out);
    } else {
      WriteRemote(ctx, e, &out);
    }
    if (ctx.installs()) AddCommand(ctx, e);
  }
  return out;
}

}  // namespace gen
}  // namespace mcp_builder
