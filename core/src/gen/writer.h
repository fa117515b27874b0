// What every client writer gets, and the helpers they share. One writer
// per client lives in core/src/gen/clients/<id>.cc; each one follows its
// client's documentation as recorded in shared/reference/mcp-clients.md,
// and says in a comment where its facts come from.
#ifndef MCP_BUILDER_SRC_GEN_WRITER_H_
#define MCP_BUILDER_SRC_GEN_WRITER_H_

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "gen/emit.h"
#include "mcp_builder/client_config.h"
#include "mcp_builder/generate.h"

namespace mcp_builder {
namespace gen {

/// The entries a writer writes: a list of pointers, so that replacing one
/// entry (a bridge, a Windows wrapper) copies that entry only.
class EntryList {
 public:
  class Iterator {
   public:
    explicit Iterator(const config::ServerEntry* const* p) : p_(p) {}
    const config::ServerEntry& operator*() const { return **p_; }
    Iterator& operator++() {
      ++p_;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return p_ != other.p_; }

   private:
    const config::ServerEntry* const* p_;
  };
  explicit EntryList(const std::vector<config::ServerEntry>& entries) {
    for (const config::ServerEntry& e : entries) list_.push_back(&e);
  }
  Iterator begin() const { return Iterator(list_.data()); }
  Iterator end() const { return Iterator(list_.data() + list_.size()); }
  size_t size() const { return list_.size(); }
  const config::ServerEntry& operator[](size_t i) const { return *list_[i]; }
  void Replace(size_t i, const config::ServerEntry* e) { list_[i] = e; }

 private:
  std::vector<const config::ServerEntry*> list_;
};

class WriteContext {
 public:
  // `servers` are shared by every writer of a request; a writer that must
  // change an entry (Windows wrapping, remote bridges) changes its own copy.
  WriteContext(const GenerateRequest& request, const std::vector<config::ServerEntry>& servers,
               GenerateResult* result)
      : request_(request), servers_(servers), result_(result) {}
  WriteContext(const WriteContext&) = delete;
  WriteContext& operator=(const WriteContext&) = delete;

  const EntryList& servers() const { return servers_; }
  const std::vector<config::SecretInfo>& secrets() const { return result_->secrets; }
  bool windows() const { return request_.os == TargetOs::kWindows; }
  bool inline_secrets() const { return request_.secrets == SecretMode::kInline; }
  /// Whether to make install commands and links (GenerateRequest::installs).
  bool installs() const { return request_.installs; }

  /// With --os windows, `cmd /c npx ...` for the clients that spawn
  /// commands without a shell: they cannot start the npx batch file
  /// (reference §1.2, §1.3).
  void WrapNpxForWindows();
  /// Replaces remote entries (all, or only SSE ones) by a stdio bridge,
  /// for clients whose file cannot hold them; see BridgeRemote.
  void BridgeRemotes(bool sse_only, std::string_view why);

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
  // Entry i, copied on first change; Set replaces it outright.
  config::ServerEntry& Own(size_t i);
  void Set(size_t i, config::ServerEntry entry);

  const GenerateRequest& request_;
  EntryList servers_;
  std::deque<config::ServerEntry> owned_;  // a deque: elements never move
  std::vector<size_t> owned_index_;        // which entries owned_ holds
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

/// Writes already resolved `entries` for request.client into result->text
/// (notes, commands and links too), as Generate does after resolving; for
/// lint's convert. False (with an error note) for an unknown target.
bool WriteEntries(const GenerateRequest& request, const std::vector<config::ServerEntry>& entries,
                  GenerateResult* result);

/// Whether `client`'s writer keeps ServerEntry::disabled (a setting that
/// turns a server off in its file).
bool WritesDisabled(std::string_view client);

/// Entry names every client accepts: [A-Za-z0-9_-], starting with a letter
/// (Claude Code's `claude mcp add` rule, and VS Code's schema), at most 64
/// characters, never Claude Code's reserved "workspace".
std::string SanitizeName(std::string_view wanted);
/// SanitizeName(wanted), with "-2", "-3", ... until no entry of `taken` has it.
std::string UniqueEntryName(std::string_view wanted, const std::vector<config::ServerEntry>& taken);

// ---- Shared helpers ---------------------------------------------------

/// The VS Code input id of a secret: GITHUB_TOKEN -> github-token. Its
/// reference is ${input:<id>}.
std::string VsCodeInputId(std::string_view secret_id);

/// Secret reference syntaxes.
std::string AngleRef(const std::string& id);       // <ID>: to be replaced by hand
std::string DollarBraceRef(const std::string& id);  // ${ID}
std::string EnvColonRef(const std::string& id);     // ${env:ID}

/// For clients that do not expand variables: one warning per entry that
/// holds a secret, saying which placeholders to replace. `by_name` marks
/// the env vars or headers the client forwards by name instead (Codex's
/// env_vars, Goose's env_keys), which need no replacing.
void WarnLiteralPlaceholders(WriteContext& ctx, const config::ServerEntry& e,
                             std::string_view client,
                             bool (*by_name)(const config::NamedText&) = nullptr);

/// The pinned mcp-remote package spec of WriteContext::BridgeRemotes.
inline constexpr const char* kMcpRemote = "mcp-remote@0.15.1";

/// How a JSON client spells its file: the member holding the servers,
/// the "type" of each transport ("" writes none), and the URL member of
/// each remote transport.
struct JsonStyle {
  const char* servers_key = "mcpServers";
  const char* stdio_type = "";
  const char* http_type = "";
  const char* sse_type = "";
  const char* http_url_key = "url";
  const char* sse_url_key = "url";
  const char* disabled_key = "";  // "disabled": true for a server turned off; "": none
};

/// The members of one server object ({type?, command, args, env} or
/// {type?, url, headers}) into an object already begun, secrets written
/// by `ref`.
template <typename RefFn>
void JsonServerMembers(JsonOut& out, const config::ServerEntry& e, const JsonStyle& style,
                       RefFn ref) {
  const auto put = [&](const config::Text& t) {
    const std::string* plain = t.Plain();
    out.String(plain ? *plain : t.Render(ref));
  };
  const bool stdio = e.transport == config::TransportKind::kStdio;
  const bool sse = e.transport == config::TransportKind::kSse;
  const std::string_view type = stdio ? style.stdio_type : sse ? style.sse_type : style.http_type;
  if (!type.empty()) {
    out.PlainKey("type");
    out.String(type);
  }
  if (stdio) {
    out.PlainKey("command");
    out.String(e.command);
    out.PlainKey("args");
    out.BeginArray();
    for (const config::Text& a : e.args) put(a);
    out.EndArray();
  } else {
    out.PlainKey(sse ? style.sse_url_key : style.http_url_key);
    put(e.url);
  }
  const std::vector<config::NamedText>& map = stdio ? e.env : e.headers;
  if (!map.empty()) {
    out.PlainKey(stdio ? "env" : "headers");
    out.BeginObject();
    for (const config::NamedText& v : map) {
      out.Key(v.name);
      put(v.value);
    }
    out.EndObject();
  }
  if (e.disabled && *style.disabled_key) {
    out.PlainKey(style.disabled_key);
    out.Bool(true);
  }
}

/// The whole `{"<servers_key>": {name: {...}}}` file; `before(out)` may
/// write members that come first (VS Code's "inputs").
template <typename RefFn, typename BeforeFn>
std::string JsonServersFile(const WriteContext& ctx, const JsonStyle& style, RefFn ref,
                            BeforeFn before) {
  JsonOut out;
  out.BeginObject();
  before(out);
  out.PlainKey(style.servers_key);
  out.BeginObject();
  for (const config::ServerEntry& e : ctx.servers()) {
    out.Key(e.name);
    out.BeginObject();
    JsonServerMembers(out, e, style, ref);
    out.EndObject();
  }
  out.EndObject();
  out.EndObject();
  return out.Finish();
}

template <typename RefFn>
std::string JsonServersFile(const WriteContext& ctx, const JsonStyle& style, RefFn ref) {
  return JsonServersFile(ctx, style, ref, [](JsonOut&) {});
}

/// One server's object alone, compact, as install links and commands carry it.
template <typename RefFn>
std::string CompactServerJson(const config::ServerEntry& e, const JsonStyle& style, RefFn ref) {
  JsonOut out;
  out.BeginObject();
  JsonServerMembers(out, e, style, ref);
  out.EndObject();
  return CompactJson(out.Finish());
}

}  // namespace gen
}  // namespace mcp_builder

#endif  // MCP_BUILDER_SRC_GEN_WRITER_H_
