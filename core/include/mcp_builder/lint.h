// Lint, fix and convert MCP client configuration files.
//
//   lint::Options options;            // client "auto": recognised from the shape
//   lint::Report r = lint::Lint(text, options);
//   // r.client, r.findings (rule, severity, message, line, column, pointer)
//   lint::FixResult f = lint::Fix(text, options);      // f.text: secrets replaced
//   lint::ConvertResult c = lint::Convert(text, "auto", "vscode");
//
// One spine (DESIGN.md): the text is parsed with positions (JSON, JSONC,
// TOML or YAML, by client), the client's reader turns it into the neutral
// model (config::ServerEntry) while reporting schema/* findings, and the
// rules (secret/*, exec/*, net/*) run on the model and on the text. Fix
// applies the findings' edits to the original bytes and nothing else; convert
// hands the model to the target client's writer (core/src/gen/clients).
//
// A secret is never returned in full: findings carry Mask()ed text only.
// Nothing here throws; hostile input gets a syntax/* finding.
#ifndef MCP_BUILDER_LINT_H_
#define MCP_BUILDER_LINT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mcp_builder/client_config.h"
#include "mcp_builder/diagnostic.h"

namespace mcp_builder {
namespace lint {

/// Limits on the documents read. Every rule runs in time linear in the
/// input; these bound memory.
inline constexpr size_t kMaxBytes = 16u << 20;  // 16 MiB, as the JSON parser
inline constexpr int kMaxDepth = 256;
inline constexpr size_t kMaxFindings = 1000;  // later ones are counted, not listed

struct Options {
  std::string client = "auto";  // a client id (gen::ClientIds()) or "auto"
};

/// One finding. `fix` says what `Fix` does about it ("" when nothing is
/// automatic); messages never hold a secret's value.
struct Finding {
  std::string rule;  // "syntax/...", "schema/...", "secret/<type>", "exec/...", "net/..."
  Severity severity = Severity::kError;
  std::string message;
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, in code points
  uint32_t offset = 0;  // byte offset where it starts
  uint32_t length = 0;  // bytes it covers (0: a point), for highlighting
  std::string pointer;  // RFC 6901 JSON pointer into the document's tree
  std::string fix;      // what Fix does, e.g. "replace with ${input:github-token}"
};

struct Report {
  bool parsed = false;        // false: unreadable or not parseable; exit code 2
  std::string client;         // the client the document was read as
  std::string format;         // "json", "jsonc", "toml" or "yaml"
  std::string detected;       // with client "auto": why this client, else ""
  std::vector<Finding> findings;  // in document order
  size_t omitted = 0;             // findings past kMaxFindings

  /// 0: no error-level finding; 1: some; 2: not parseable (or unusable).
  int ExitCode() const;
};

/// Reads `text` as a configuration file of `options.client`.
Report Lint(std::string_view text, const Options& options = {});

/// The report as {"client","format","detected","parsed","findings":[{"rule",
/// "severity","message","line","column","pointer","fix"?}],"omitted"}: the
/// shape of `mcp-builder lint --format json` (DESIGN.md).
std::string ReportToJson(const Report& report);
/// One line per finding: "file:line:column: severity rule message".
std::string ReportToText(const Report& report, std::string_view file);
/// SARIF 2.1.0, one run, the rules this report used, for code scanning.
std::string ReportToSarif(const Report& report, std::string_view file);

struct FixResult {
  bool ok = false;     // false: the document could not be parsed (text = input)
  std::string client;  // as Report::client
  std::string text;    // the fixed document; unchanged bytes everywhere else
  std::vector<Finding> remaining;  // findings of the fixed text that fix left
  std::vector<config::SecretInfo> secrets;  // placeholders to fill in (id, description)
  std::string env_template;  // "# description\nID=\n" per secret, for --env-out
  size_t changes = 0;        // edits applied
};

/// Replaces literal secrets by the client's placeholder syntax (adding VS
/// Code `inputs` entries where needed) and applies the other findings' safe
/// fixes (wrong top-level key, wrong URL field). Idempotent.
FixResult Fix(std::string_view text, const Options& options = {});

struct ConvertResult {
  bool ok = false;
  std::string from;  // the client read (resolved when "auto")
  std::string to;
  std::string text;
  /// Errors reading the source, and one warning per field the target cannot
  /// express (nothing is dropped silently), in the generation Note form's
  /// spirit: rule, severity, message, and where it was in the source.
  std::vector<Finding> notes;
};

/// Reads `text` as client `from` ("auto" recognises it) and writes the same
/// servers for client `to`.
ConvertResult Convert(std::string_view text, std::string_view from, std::string_view to);

/// Every secret in any text (secrets::Scan) as numbers, kSecretWords per
/// secret: its rule (index in secrets::Rules()), line, column (in code
/// points), byte offset, byte length, then what its Mask() is made of: how
/// many code points it shows (0 to 4), those 4 slots, and the secret's
/// length in code points. Never the secret itself. Numbers, not JSON: the
/// wasm facade's scanSecrets is called once per small text, where decoding
/// and parsing a JSON answer cost more than the scan.
inline constexpr size_t kSecretWords = 11;
void AppendSecretWords(std::string_view text, std::vector<uint32_t>* out);

/// {"ok","client","text","changes","secrets":[{"id","description","server"}],
///  "envTemplate","remaining":[findings]}
std::string FixToJson(const FixResult& result);
/// {"ok","from","to","text","notes":[findings]}
std::string ConvertToJson(const ConvertResult& result);

}  // namespace lint
}  // namespace mcp_builder

#endif  // MCP_BUILDER_LINT_H_
