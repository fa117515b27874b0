// VS Code: .vscode/mcp.json or the profile's mcp.json, {"inputs": [...],
// "servers": {name: {type, ...}}}. Secrets are ${input:id} with a
// promptString input, password: true; VS Code asks once and stores the
// value securely. Install: `code --add-mcp '<json>'` and
// vscode:mcp/install?<encodeURIComponent(json)>, the JSON being one server
// with its "name" (and the inputs it uses). Source: microsoft/vscode-docs
// docs/copilot/reference/mcp-configuration.md (reference §1.4).
#include <algorithm>
#include <string>
#include <vector>

#include "gen/writer.h"

namespace mcp_builder {
namespace gen {

namespace {

constexpr JsonStyle kStyle{"servers", "stdio", "http", "sse"};

std::string InputRef(const std::string& secret_id) { return "${input:" + VsCodeInputId(secret_id) + "}"; }

void WriteInput(JsonOut& out, const config::SecretInfo& s) {
  out.BeginObject();
  out.Key("type");
  out.String("promptString");
  out.Key("id");
  out.String(VsCodeInputId(s.id));
  out.Key("description");
  out.String(s.description.empty() ? s.id : s.description);
  out.Key("password");
  out.Bool(true);
  out.EndObject();
}

// The secrets one entry refers to, in order of first use.
std::vector<std::string> SecretsOf(const config::ServerEntry& e) {
  std::vector<std::string> ids;
  const auto collect = [&](const config::Text& t) {
    for (const config::Piece& p : t.pieces) {
      if (!p.secret.empty() && std::find(ids.begin(), ids.end(), p.secret) == ids.end()) {
        ids.push_back(p.secret);
      }
    }
  };
  for (const config::Text& a : e.args) collect(a);
  for (const config::NamedText& v : e.env) collect(v.value);
  collect(e.url);
  for (const config::NamedText& h : e.headers) collect(h.value);
  return ids;
}

std::string InstallJson(const WriteContext& ctx, const config::ServerEntry& e) {
  JsonOut out;
  out.BeginObject();
  out.Key("name");
  out.String(e.name);
  JsonServerMembers(out, e, kStyle, InputRef);
  const std::vector<std::string> ids = SecretsOf(e);
  if (!ids.empty()) {
    out.Key("inputs");
    out.BeginArray();
    for (const std::string& id : ids) {
      if (const config::SecretInfo* s = ctx.FindSecret(id)) WriteInput(out, *s);
    }
    out.EndArray();
  }
  out.EndObject();
  return CompactJson(out.Finish());
}

}  // namespace

std::string VsCodeInputId(std::string_view secret_id) {
  std::string id;
  for (const char c : secret_id) {
    id.push_back(c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  }
  return id;
}

std::string WriteVsCode(WriteContext& ctx) {
  for (const config::ServerEntry& e : ctx.servers()) {
    if (!ctx.installs()) break;
    const std::string json = InstallJson(ctx, e);
    ctx.Command(e, "vscode", "code --add-mcp " + ShellWord(json));
    ctx.Link(e, "vscode", "vscode:mcp/install?" + PercentEncode(json));
  }
  return JsonServersFile(ctx, kStyle, InputRef, [&](JsonOut& out) {
    if (ctx.secrets().empty()) return;
    out.Key("inputs");
    out.BeginArray();
    for (const config::SecretInfo& s : ctx.secrets()) WriteInput(out, s);
    out.EndArray();
  });
}

}  // namespace gen
}  // namespace mcp_builder
