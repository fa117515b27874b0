// Readers: one client's file (already parsed into a json::Value tree, whatever
// its syntax) into the neutral model, remembering where each value came from
// and reporting schema/* findings on the way. The inverse of the writers in
// core/src/gen/clients. One reader per client lives in
// core/src/lint/readers/<id>.cc: its ClientSchema (field names, type
// spellings, placeholder syntax, the client's own extra keys) and, where the
// client has fields the generic reader does not know, a hook.
#ifndef MCP_BUILDER_SRC_LINT_READER_H_
#define MCP_BUILDER_SRC_LINT_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mcp_builder/client_config.h"
#include "mcp_builder/json.h"
#include "mcp_builder/lint.h"

namespace mcp_builder {
namespace lint {

enum class Syntax { kJson, kJsonc, kToml, kYaml };

/// How a client writes a reference to an environment variable or secret.
enum class Refs {
  kNone,         // no expansion (Claude Desktop, Zed, Cline, LM Studio, Codex, Goose)
  kDollarBrace,  // ${VAR}, ${VAR:-default} (Claude Code)
  kEnvColon,     // ${env:VAR} (Cursor, Windsurf)
  kVsCode,       // ${input:id}, ${env:VAR}
  kGemini,       // $VAR, ${VAR}
  kContinue,     // ${{ secrets.NAME }}
};

/// One reference at the start of `s` in `refs` syntax: its length and the
/// secret id it names ("${input:api-key}" names API_KEY), or length 0.
std::pair<size_t, std::string> MatchRef(std::string_view s, Refs refs);

/// A reference in another client's syntax ("${input:token}" in a Cursor
/// file): where it is in its value, and whose syntax it is.
struct ForeignRef {
  size_t offset = 0;
  size_t length = 0;
  Refs syntax = Refs::kNone;
  std::string name;  // what MatchRef gives for it
};

/// A byte replacement in the original text: what Fix applies.
struct Edit {
  uint32_t offset = 0;
  uint32_t length = 0;
  std::string text;
};

/// A finding plus the edits that fix it (none when nothing is automatic).
struct Issue {
  Finding finding;
  std::vector<Edit> edits;
};

/// A value of the document and its JSON pointer.
struct Field {
  const json::Value* node = nullptr;
  std::string pointer;
};

/// One server entry as read, with where each part came from.
struct ReadEntry {
  config::ServerEntry entry;
  Field object;               // the entry's object
  const json::Member* member = nullptr;  // its key (null in lists)
  Field command;
  std::vector<Field> args;     // parallel to entry.args
  std::vector<Field> env;      // parallel to entry.env (the value, or the name for env_vars)
  Field url;
  std::vector<Field> headers;  // parallel to entry.headers
  /// Members of the entry the neutral model does not carry (cwd, timeout,
  /// disabled, oauth, ...): convert warns about each.
  std::vector<std::pair<std::string, Field>> extras;

  /// The command, arguments, env values, URL and header values, as read.
  std::vector<const Field*> Values() const {
    std::vector<const Field*> out = {&command, &url};
    for (const auto* list : {&args, &env, &headers}) {
      for (const Field& f : *list) out.push_back(&f);
    }
    return out;
  }
};

struct TypeName {
  const char* name;
  config::TransportKind kind;
};

struct ReadContext;
using ReaderHook = void (*)(const json::Value& server, ReadEntry* entry, ReadContext* ctx);

/// What a client's reader knows about its file.
struct ClientSchema {
  const char* id;
  const char* display;  // "VS Code", for messages
  Syntax syntax;
  const char* servers_key;    // "mcpServers", "servers", "context_servers", ...
  bool servers_list = false;  // Continue: a list of objects with "name"
  const char* command_key = "command";
  const char* env_key = "env";
  const char* headers_key = "headers";
  // Remote URL members and the transport each one means.
  std::vector<TypeName> url_keys;
  // The "type" member's accepted spellings ({} when the client has none)
  // and the transport of a URL entry without one.
  std::vector<TypeName> types;
  config::TransportKind url_default = config::TransportKind::kHttp;
  Refs refs = Refs::kNone;
  std::vector<const char*> extras;  // the client's own members outside the model
  // "type" values of the client's own built-in extensions (Goose's
  // "builtin"): such entries are not MCP servers of the file and are skipped.
  std::vector<const char*> builtin_types;
  ReaderHook hook = nullptr;  // client-specific members, after the generic ones
  // Client-specific top-level members (VS Code's "inputs"), after the
  // servers; `config` is the object holding the servers key.
  void (*document_hook)(const json::Value& config, ReadContext* ctx) = nullptr;
  // Other objects the servers key may sit in, as member paths from the
  // root, with the file that does so and a warning to give when it does
  // ("" for none): VS Code's user settings.json "mcp" (the older place),
  // devcontainer.json "customizations.vscode.mcp".
  struct ConfigPath {
    std::vector<const char*> path;
    const char* file;
    const char* warning;
  };
  std::vector<ConfigPath> config_paths = {};
};

/// Every client's schema, in gen::ClientIds() order.
const std::vector<const ClientSchema*>& Schemas();
const ClientSchema* FindSchema(std::string_view id);

const ClientSchema& ClaudeDesktopSchema();
const ClientSchema& ClaudeCodeSchema();
const ClientSchema& CursorSchema();
const ClientSchema& VsCodeSchema();
const ClientSchema& WindsurfSchema();
const ClientSchema& ZedSchema();
const ClientSchema& CodexSchema();
const ClientSchema& GeminiCliSchema();
const ClientSchema& ContinueSchema();
const ClientSchema& GooseSchema();
const ClientSchema& ClineSchema();
const ClientSchema& LmStudioSchema();

/// Byte offset to line and column (code points), for findings that start
/// inside a value (secrets): built once per document.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  json::Position At(size_t offset) const;

 private:
  std::string_view text_;
  std::vector<uint32_t> starts_;
};

/// Reading one document as one client.
struct ReadContext {
  ReadContext(std::string_view source, const ClientSchema& client, const LineIndex& index)
      : text(source), schema(client), lines(index) {}
  std::string_view text;
  const ClientSchema& schema;
  const LineIndex& lines;
  std::vector<Issue> issues;
  std::vector<ReadEntry> entries;
  std::vector<config::SecretInfo> secrets;  // VS Code inputs: id and description
  // The object holding the servers key: the root, or one of the schema's
  // config_paths (pointer "/mcp"); set by ReadDocument.
  const json::Value* config = nullptr;
  std::string config_pointer;

  /// A finding at `at` (a value's position) or at `offset` (with `length`).
  Issue& Add(std::string rule, Severity severity, std::string message, const json::Position& at,
             std::string pointer, uint32_t length = 0);
  Issue& AddAt(std::string rule, Severity severity, std::string message, const json::Value& v,
               std::string pointer) {
    return Add(std::move(rule), severity, std::move(message), v.pos, std::move(pointer),
               v.end > v.pos.offset ? v.end - v.pos.offset : 0);
  }
  /// Text with this client's placeholders turned into secret references.
  config::Text ParseText(std::string_view s) const;
  /// The references in `s` written in another client's syntax, which this
  /// client passes on as text (schema/foreign-placeholder).
  std::vector<ForeignRef> ForeignRefs(std::string_view s) const;
};

/// Reads every server of `root` into ctx->entries, reporting schema/*.
void ReadDocument(const json::Value& root, ReadContext* ctx);

/// The object at `at.path` from `root` when it holds `servers_key`, else null.
const json::Value* ServersObjectAt(const json::Value& root, const ClientSchema::ConfigPath& at,
                                   std::string_view servers_key);

/// The key's bytes in the text when they are spelled as `key` (bare or in
/// double quotes): the span a rename replaces. {0,0} when not found.
Edit KeySpan(std::string_view text, const json::Member& member);

/// "/a/b" + "c" as a pointer.
std::string Pointer(std::string_view base, std::string_view token);

/// A step of the path from the root to a value: its parent's step (-1 at
/// the root) and the member key or item index that leads to it. Walks over
/// the whole document keep these instead of a pointer string per value, and
/// spell out a pointer (PointerOf) only for a value a finding names.
struct PathStep {
  int parent;
  bool item;  // an array item (index), else a member (key)
  std::string_view key;
  size_t index;
};
std::string PointerOf(const std::vector<PathStep>& steps, int step);

/// Per member: whether a later member has the same key. A key given twice
/// is read once, from its last occurrence, as JSON.parse and most clients
/// read it (schema/duplicate-key reports the other); reading both would
/// give convert two variables of one name, which TOML, for one, refuses.
std::vector<bool> Superseded(const json::Span<json::Member>& members);

/// Whether `object` is an object with a member `key`.
bool HasMember(const json::Value& object, std::string_view key);

}  // namespace lint
}  // namespace mcp_builder

#endif  // MCP_BUILDER_SRC_LINT_READER_H_
