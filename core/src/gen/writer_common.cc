#include <string>

#include "gen/resolve.h"
#include "gen/writer.h"

namespace mcp_builder {
namespace gen {

using config::NamedText;
using config::ServerEntry;
using config::Text;

const config::SecretInfo* WriteContext::FindSecret(std::string_view id) const {
  for (const config::SecretInfo& s : result_->secrets) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

std::string AngleRef(const std::string& id) { return "<" + id + ">"; }
std::string DollarBraceRef(const std::string& id) { return "${" + id + "}"; }
std::string EnvColonRef(const std::string& id) { return "${env:" + id + "}"; }

void WarnLiteralPlaceholders(WriteContext& ctx, const ServerEntry& e, std::string_view client,
                             bool (*by_name)(const NamedText&)) {
  std::string ids;
  const auto collect = [&](const Text& t) {
    for (const config::Piece& p : t.pieces) {
      if (p.secret.empty() || ids.find("<" + p.secret + ">") != std::string::npos) continue;
      ids += (ids.empty() ? "" : ", ") + AngleRef(p.secret);
    }
  };
  for (const Text& a : e.args) collect(a);
  for (const NamedText& v : e.env) {
    if (!by_name || !by_name(v)) collect(v.value);
  }
  for (const NamedText& h : e.headers) {
    if (!by_name || !by_name(h)) collect(h.value);
  }
  collect(e.url);
  if (ids.empty()) return;
  ctx.Warn(e, "generate/manual-secret",
           std::string(client) + " does not expand variables in its config file: replace " + ids +
               " with the real value after copying (it is then stored in the file as plain text)");
}

ServerEntry& WriteContext::Own(size_t i) {
  for (size_t k = 0; k < owned_index_.size(); ++k) {
    if (owned_index_[k] == i) return owned_[k];
  }
  owned_.push_back(servers_[i]);
  owned_index_.push_back(i);
  servers_.Replace(i, &owned_.back());
  return owned_.back();
}

void WriteContext::Set(size_t i, ServerEntry entry) {
  for (size_t k = 0; k < owned_index_.size(); ++k) {
    if (owned_index_[k] == i) {
      owned_[k] = std::move(entry);
      return;
    }
  }
  owned_.push_back(std::move(entry));
  owned_index_.push_back(i);
  servers_.Replace(i, &owned_.back());
}

void WriteContext::WrapNpxForWindows() {
  if (!windows()) return;
  for (size_t i = 0; i < servers().size(); ++i) {
    const ServerEntry& e = servers()[i];
    if (e.transport != config::TransportKind::kStdio || e.command != "npx") continue;
    ServerEntry& mine = Own(i);
    mine.args.insert(mine.args.begin(), {Text::Literal("/c"), Text::Literal("npx")});
    mine.command = "cmd";
  }
}

// A remote entry becomes a stdio `mcp-remote` bridge (pinned). Header
// values move to the bridge's environment and reach it as ${VAR} in its
// --header arguments, which mcp-remote expands itself (mcp-remote README,
// "Custom Headers"), so process listings show no credential.
void WriteContext::BridgeRemotes(bool sse_only, std::string_view why) {
  for (size_t i = 0; i < servers().size(); ++i) {
    const ServerEntry& e = servers()[i];
    if (e.transport == config::TransportKind::kStdio ||
        (sse_only && e.transport != config::TransportKind::kSse)) {
      continue;
    }
    const bool sse = e.transport == config::TransportKind::kSse;
    ServerEntry bridge;
    bridge.name = e.name;
    bridge.title = e.title;
    bridge.description = e.description;
    bridge.command = "npx";
    bridge.args = {Text::Literal("-y"), Text::Literal(kMcpRemote), e.url,
                   Text::Literal("--transport"), Text::Literal(sse ? "sse-only" : "http-only")};
    for (const NamedText& h : e.headers) {
      std::string var(h.value.SoleSecret());
      if (var.empty()) var = SecretIdFrom("MCP_HEADER_" + h.name);
      bridge.args.push_back(Text::Literal("--header"));
      bridge.args.push_back(Text::Literal(h.name + ":${" + var + "}"));
      bridge.env.push_back({var, h.value});
    }
    Warn(e, "generate/remote-bridged",
         std::string(why) + ", so this remote server is reached through the pinned stdio bridge " +
             kMcpRemote + " (run with npx)");
    Set(i, std::move(bridge));
  }
}

}  // namespace gen
}  // namespace mcp_builder
