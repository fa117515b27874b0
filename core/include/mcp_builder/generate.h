// Generation: registry server.json + the user's values -> a client's
// configuration file, install commands and links.
//
//   GenerateRequest request;
//   request.client = "vscode";
//   request.servers.emplace_back();
//   request.servers.back().catalog_id = "github";
//   GenerateResult result = Generate(request);
//   if (result.ok) Write(result.text);  // else result.notes say why
//
// Values are validated before anything is written: a required input that
// is missing, a value outside `choices`, a number that is not a number, or
// a value set for an input the server does not declare fails the request
// with a note naming the input. In the default placeholder mode a secret's
// value is never read, so it can never appear in the output.
#ifndef MCP_BUILDER_GENERATE_H_
#define MCP_BUILDER_GENERATE_H_

#include <string>
#include <string_view>
#include <vector>

#include "mcp_builder/client_config.h"
#include "mcp_builder/diagnostic.h"

namespace mcp_builder {
namespace gen {

/// Client ids, then the deployment outputs, in the order DESIGN.md lists.
const std::vector<std::string_view>& ClientIds();
const std::vector<std::string_view>& DeploymentIds();
bool IsKnownTarget(std::string_view id);

enum class SecretMode { kPlaceholder, kInline };
enum class TargetOs { kPosix, kWindows };
enum class Prefer { kLocal, kRemote };  // which of a server's ways to run it

/// A value for one input. Repeated inputs take several values.
struct InputValue {
  std::string name;  // env var, header, argument name/valueHint, or {variable}
  std::vector<std::string> values;
};

struct ServerRequest {
  std::string catalog_id;   // a built-in catalog entry, or
  std::string server_json;  // a registry server.json text
  std::string name;         // entry name in the client file ("" = derived)
  std::vector<InputValue> values;
};

struct GenerateRequest {
  std::string client;  // a ClientIds() or DeploymentIds() entry
  std::vector<ServerRequest> servers;
  std::vector<InputValue> shared_values;  // for every server that declares them
  SecretMode secrets = SecretMode::kPlaceholder;
  TargetOs os = TargetOs::kPosix;
  Prefer prefer = Prefer::kLocal;
  /// Install commands and links too. A page regenerating every client's
  /// file as the user types needs them only for the tab on screen.
  bool installs = true;
};

/// Something about the request: why it failed (error), what the output
/// cannot express or where the user must act (warning), or what was
/// changed on their behalf (info).
struct Note {
  std::string rule;  // e.g. "generate/missing-required"
  Severity severity = Severity::kError;
  std::string message;
  std::string server;  // entry name, "" when about the whole request
  std::string input;   // input name, when about one input
};

/// A ready-to-run command (`claude mcp add ...`) or an install link.
struct Install {
  std::string kind;    // "claude-code", "cursor-link", ...
  std::string server;  // entry name
  std::string text;    // the command line or URL
};

struct GenerateResult {
  bool ok = false;     // no error-level note; `text` is the file
  std::string client;
  std::string text;
  std::vector<Note> notes;
  std::vector<Install> commands;
  std::vector<Install> links;
  std::vector<config::SecretInfo> secrets;  // to fill in (placeholder mode)
};

GenerateResult Generate(const GenerateRequest& request);

/// One result per target id, from one resolution of the servers (what a
/// page showing every client's file at once needs); request.client is
/// ignored.
std::vector<GenerateResult> GenerateAll(const GenerateRequest& request,
                                        const std::vector<std::string>& targets);

/// {"ok","client","text","notes":[{"rule","severity","message","server",
/// "input"}],"commands":[{"kind","server","text"}],"links":[...],
/// "secrets":[{"id","description","server"}]}
std::string ResultToJson(const GenerateResult& result);

/// The request from JSON (the wasm boundary): {"client","secrets","os",
/// "prefer","values":{NAME: string|[string]},"servers":[{"catalogId"|
/// "serverJson","name","values"}]}. A malformed request is a result with
/// one error note.
GenerateResult GenerateFromJson(std::string_view request_json);

/// The request as for GenerateFromJson, with "clients": [ids] (default:
/// every client and deployment output) instead of "client". A malformed
/// request gives one result with the error note.
std::vector<GenerateResult> GenerateAllFromJson(std::string_view request_json);

/// Results for the wasm boundary: {"secretLists":[[...]],"results":[...]}
/// where each result is as in ResultToJson but with "textLength" (UTF-16
/// code units) for "text" and "secretsRef" (an index into secretLists) for
/// "secrets"; then a line break and every text, back to back. Files full of
/// quotes would otherwise be escaped into JSON only to be unescaped again,
/// and every target of a request would repeat the same secrets.
std::string ResultsToWire(const std::vector<GenerateResult>& results);

}  // namespace gen
}  // namespace mcp_builder

#endif  // MCP_BUILDER_GENERATE_H_
