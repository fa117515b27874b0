// What every client writer gets, and the helpers they share. One writer
// per client lives in core/src/gen/clients/<id>.cc; each one follows its
// client's documentation as recorded in shared/reference/mcp-clients.md,
// and says in a comment where its facts come from.
#ifndef MCP_BUILDER_SRC_GEN_WRITER_H_
#define MCP_BUILDER_SRC_GEN_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

#include "gen/emit.h"
#include "mcp_builder/client_config.h"
#include "mcp_builder/generate.h"

namespace mcp_builder {
namespace gen {

class WriteContext {
 public:
  WriteContext(const GenerateRequest& request, std::vector<config::ServerEntry> servers,
               GenerateResult* result)
      : request_(request), servers_(std::move(servers)), result_(result) {}

  const std::vector<config::ServerEntry>& servers() const { return servers_; }
  std::vector<config::ServerEntry>& mutable_servers() { return servers_; }
  const std::vector<config::SecretInfo>& secrets() const { return result_->secrets; }
  bool windows() const { return request_.os == TargetOs::kWindows; }
  bool inline_secrets() const { return request_.secrets == SecretMode::kInline; }

  void Warn(const config::ServerEntry& e, std::string rule, std::string message) {
    result_->notes.push_back({std::move(rule), Severity::kWarning, std::move(message), e.name, ""});
  }
  void Info(const config::ServerEntry& e, std::string rule, std::string message) {
    result_->notes.push_back({std::move(rule), Severity::kInfo, std::move(message), e.name, ""});
  }
  void Command(const config::ServerEntry& e, std::string kind, std::string text) {
    result_->commands.push_back({std::move(kind), e.name, std::move(text)});
  }
  void Link(const config::ServerEntry& e, std::string kind, std::string url) {
    result_->links.push_back({std::move(kind), e.name, std::move(url)});
  }
  const config::SecretInfo* FindSecret(std::string_view id) const;

 private:
  const GenerateRequest& request_;
  std::vector<config::ServerEntry> servers_;
  GenerateResult* result_;
};

/// A client writer: the file text for ctx.servers(), adding notes,
/// commands and links to the context.
using Writer = std::string (*)(WriteContext& ctx);

std::string WriteClaudeDesktop(WriteContext& ctx);
std::string WriteClaudeCode(WriteContext& ctx);
std::string WriteCursor(WriteContext& ctx);
std::string WriteVsCode(WriteContext& ctx);
std::string WriteWindsurf(WriteContext& ctx);
std::string WriteZed(WriteContext& ctx);
std::string WriteCodex(WriteContext& ctx);
std::string WriteGeminiCli(WriteContext& ctx);
std::string WriteContinue(WriteContext& ctx);
std::string WriteGoose(WriteContext& ctx);
std::string WriteCline(WriteContext& ctx);
std::string WriteLmStudio(WriteContext& ctx);
std::string WriteDockerfile(WriteContext& ctx);
std::string WriteCompose(WriteContext& ctx);
std::string WritePackageJson(WriteContext& ctx);
std::string WriteEnvExample(WriteContext& ctx);

// ---- Shared helpers ---------------------------------------------------

/// Secret reference syntaxes.
std::string AngleRef(const std::string& id);       // <ID>: to be replaced by hand
std::string DollarBraceRef(const std::string& id);  // ${ID}
std::string EnvColonRef(const std::string& id);     // ${env:ID}

/// For clients that do not expand variables: one warning per entry that
/// holds a secret, saying which placeholders to replace.
void WarnLiteralPlaceholders(WriteContext& ctx, const config::ServerEntry& e,
                             std::string_view client);

/// Windows: clients that spawn commands without a shell cannot start the
/// `npx` batch file; `cmd /c npx ...` can (reference §1.2, §1.3).
void WrapForWindows(WriteContext& ctx, config::ServerEntry* e);

/// Replaces a remote entry by a stdio `mcp-remote` bridge (pinned), for
/// clients whose file cannot hold remote servers. Header values move to the
/// bridge's environment and reach it as ${VAR} in its --header arguments,
/// which mcp-remote expands itself (mcp-remote README, "Custom Headers").
void BridgeRemote(WriteContext& ctx, config::ServerEntry* e, std::string_view why);

/// The pinned mcp-remote package spec used by BridgeRemote.
inline constexpr const char* kMcpRemote = "mcp-remote@0.15.1";

/// {"command","args","env"} or {"url","headers"} members of `e` (into an
/// object already begun), with secrets written by `ref`. `type_key` adds
/// "type": stdio/http/sse first when non-empty; `url_key` names the URL
/// member ("url", "serverUrl", "httpUrl").
template <typename RefFn>
void JsonServerMembers(JsonOut& out, const config::ServerEntry& e, RefFn ref,
                       std::string_view stdio_type, std::string_view http_type,
                       std::string_view sse_type, std::string_view url_key) {
  const bool stdio = e.transport == config::TransportKind::kStdio;
  const std::string_view type = stdio ? stdio_type
                                : e.transport == config::TransportKind::kHttp ? http_type
                                                                               : sse_type;
  if (!type.empty()) {
    out.Key("type");
    out.String(type);
  }
  if (stdio) {
    out.Key("command");
    out.String(e.command);
    out.Key("args");
    out.BeginArray();
    for (const config::Text& a : e.args) out.String(a.Render(ref));
    out.EndArray();
    if (!e.env.empty()) {
      out.Key("env");
      out.BeginObject();
      for (const config::NamedText& v : e.env) {
        out.Key(v.name);
        out.String(v.value.Render(ref));
      }
      out.EndObject();
    }
    return;
  }
  out.Key(url_key);
  out.String(e.url.Render(ref));
  if (!e.headers.empty()) {
    out.Key("headers");
    out.BeginObject();
    for (const config::NamedText& h : e.headers) {
      out.Key(h.name);
      out.String(h.value.Render(ref));
    }
    out.EndObject();
  }
}

/// The whole `{"<top>": {name: {...}}}` file most JSON clients use.
template <typename RefFn>
std::string JsonServersFile(const WriteContext& ctx, std::string_view top_key, RefFn ref,
                            std::string_view stdio_type, std::string_view http_type,
                            std::string_view sse_type, std::string_view url_key) {
  JsonOut out;
  out.BeginObject();
  out.Key(top_key);
  out.BeginObject();
  for (const config::ServerEntry& e : ctx.servers()) {
    out.Key(e.name);
    out.BeginObject();
    JsonServerMembers(out, e, ref, stdio_type, http_type, sse_type, url_key);
    out.EndObject();
  }
  out.EndObject();
  out.EndObject();
  return out.Finish();
}

/// One server's object alone, compact, as install links carry it.
template <typename RefFn>
std::string CompactServerJson(const config::ServerEntry& e, RefFn ref, std::string_view stdio_type,
                              std::string_view http_type, std::string_view sse_type) {
  JsonOut out;
  out.BeginObject();
  JsonServerMembers(out, e, ref, stdio_type, http_type, sse_type, "url");
  out.EndObject();
  std::string text = CompactJson(out.Finish());
  return text;
}

}  // namespace gen
}  // namespace mcp_builder

#endif  // MCP_BUILDER_SRC_GEN_WRITER_H_
