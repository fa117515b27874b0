// Goose: the `extensions` map of ~/.config/goose/config.yaml. Stdio:
// {type: stdio, cmd, args, envs, env_keys, timeout, enabled}; env_keys
// names variables Goose takes from its keyring (so secrets stay out of the
// file). Remote: {type: streamable_http, uri, headers}. Install link:
// goose://extension?cmd=..&arg=..&id=..&name=..&description=..&env=KEY%3D..
// Source: block/goose documentation/docs/guides/config-files.md
// (reference §1.10).
#include "gen/writer.h"

namespace mcp_builder {
namespace gen {

namespace {

// `lead` and the value as a quoted scalar, secrets as <ID>.
void Line(std::string* out, std::string_view lead, const config::Text& t) {
  const std::string* plain = t.Plain();
  AppendYamlLine(out, lead, plain ? *plain : t.Render(AngleRef));
}

// An env var whose whole value is the secret of the same name: listed in
// env_keys, so Goose takes it from its keyring.
bool FromKeyring(const config::NamedText& v) { return v.value.SoleSecret() == v.name; }

void AddLink(WriteContext& ctx, const config::ServerEntry& e) {
  std::string url = "goose://extension?";
  if (e.transport == config::TransportKind::kStdio) {
    url += "cmd=" + PercentEncode(e.command);
    for (const config::Text& a : e.args) url += "&arg=" + PercentEncode(a.Render(AngleRef));
  } else {
    url += "url=" + PercentEncode(e.url.Render(AngleRef));
    url += e.transport == config::TransportKind::kSse ? "&type=sse" : "&type=streamable_http";
  }
  url += "&id=" + PercentEncode(e.name);
  url += "&name=" + PercentEncode(e.title.empty() ? e.name : e.title);
  url += "&description=" + PercentEncode(e.description);
  for (const config::NamedText& v : e.env) {
    // The link carries names and descriptions only; Goose asks for values.
    const config::SecretInfo* s = FromKeyring(v) ? ctx.FindSecret(v.name) : nullptr;
    if (s) {
      url += "&env=" + PercentEncode(v.name + "=" + s->description);
    } else {
      ctx.Warn(e, "generate/link-limit",
               "the Goose install link cannot carry the value of " + v.name +
                   "; set it in the extension's settings, or use config.yaml");
    }
  }
  ctx.Link(e, "goose", url);
}

}  // namespace

std::string WriteGoose(WriteContext& ctx) {
  std::string out = "extensions:\n";
  for (const config::ServerEntry& e : ctx.servers()) {
    out += "  " + YamlKey(e.name) + ":\n";
    AppendYamlLine(&out, "    name: ", e.name);
    if (!e.title.empty()) AppendYamlLine(&out, "    display_name: ", e.title);
    if (!e.description.empty()) AppendYamlLine(&out, "    description: ", e.description);
    out += std::string("    enabled: ") + (e.disabled ? "false" : "true") + "\n    timeout: 300\n";
    if (e.transport == config::TransportKind::kStdio) {
      AppendYamlLine(&out, "    type: stdio\n    cmd: ", e.command);
      out += e.args.empty() ? "    args: []\n" : "    args:\n";
      for (const config::Text& a : e.args) Line(&out, "      - ", a);
      std::string envs, keys;
      for (const config::NamedText& v : e.env) {
        if (FromKeyring(v)) {
          AppendYamlLine(&keys, "      - ", v.name);
        } else {
          Line(&envs, "      " + YamlKey(v.name) + ": ", v.value);
        }
      }
      out += "    envs:" + std::string(envs.empty() ? " {}\n" : "\n" + envs);
      out += "    env_keys:" + std::string(keys.empty() ? " []\n" : "\n" + keys);
      WarnLiteralPlaceholders(ctx, e, "Goose", FromKeyring);
    } else {
      out += std::string("    type: ") +
             (e.transport == config::TransportKind::kSse ? "sse" : "streamable_http") + "\n";
      Line(&out, "    uri: ", e.url);
      if (!e.headers.empty()) out += "    headers:\n";
      for (const config::NamedText& h : e.headers) Line(&out, "      " + YamlKey(h.name) + ": ", h.value);
      WarnLiteralPlaceholders(ctx, e, "Goose");
    }
    if (ctx.installs()) AddLink(ctx, e);
  }
  return out;
}

}  // namespace gen
}  // namespace mcp_builder
