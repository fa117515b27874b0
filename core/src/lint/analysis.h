// One document analysed: parsed in its client's syntax (or the one
// recognised), read into the neutral model, and checked by every rule.
// Lint reports it, Fix applies its edits, Convert writes its entries.
#ifndef MCP_BUILDER_SRC_LINT_ANALYSIS_H_
#define MCP_BUILDER_SRC_LINT_ANALYSIS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/reader.h"

namespace mcp_builder {
namespace lint {

struct Analysis {
  explicit Analysis(std::string_view source) : text(source), lines(source) {}
  std::string_view text;
  LineIndex lines;
  json::ParseResult parsed;
  bool has_tree = false;        // parsed.value is usable (maybe after recovery)
  const ClientSchema* schema = nullptr;
  std::string format;           // json, jsonc, toml, yaml
  std::string detected;         // why auto chose the client
  std::unique_ptr<ReadContext> read;  // entries and issues (when has_tree)
  std::vector<Issue> issues;    // every finding, in document order
};

/// Parses and reads `text` as `client` ("auto" recognises it), then runs
/// every rule. Never fails: problems are issues.
std::unique_ptr<Analysis> Analyze(std::string_view text, std::string_view client);

/// Loads the document: syntax, client, tree. Adds syntax/* issues.
void LoadDocument(std::string_view client, Analysis* a);

// Rules over a read document; each adds issues to ctx.
void DuplicateKeyRule(const json::Value& root, ReadContext* ctx);
void SecretRules(const json::Value& root, ReadContext* ctx);
void ExecRules(ReadContext* ctx);
void NetRules(ReadContext* ctx);

/// The client's placeholder for secret `id` ("${input:github-token}",
/// "${GITHUB_TOKEN}", "<GITHUB_TOKEN>", ...), and whether the client
/// expands it itself (false: the user must replace it by hand).
std::string PlaceholderFor(const ClientSchema& schema, const std::string& id, bool* expanded);

/// The whole lines holding bytes [from, to): from the start of `from`'s
/// line to just past the line break after `to`, when only blanks precede
/// `from` and only blanks or a # comment follow `to`; length 0 otherwise.
/// What the Codex and Goose fixes cut to remove a key/value pair.
Edit WholeLines(std::string_view text, size_t from, size_t to);

/// The member of `object` whose value is `value`, or null.
const json::Member* MemberHolding(const json::Value& object, const json::Value& value);

/// Codex expands no variables; it forwards environment variables by name.
/// A literal secret that is a whole `env` value moves to `env_vars`, and an
/// `Authorization = "Bearer <secret>"` in `http_headers` becomes
/// `bearer_token_env_var`, as the Codex writer spells them: the pair is cut
/// out and the name added to the server's table. Forward() returns false
/// when the file's shape does not allow it (an inline server table, a key
/// sharing its line); the caller then writes a placeholder.
class CodexForwarder {
 public:
  explicit CodexForwarder(ReadContext* ctx) : ctx_(ctx) {}
  /// `node` is env value (or header value, `header`) `name` of entry
  /// `entry`; the edits go to ctx->issues[issue].
  bool Forward(size_t entry, const json::Value& node, const std::string& name, bool header, size_t issue);

 private:
  struct Pending {
    size_t issue = 0;  // holds the one insertion edit per entry
    size_t edit = 0;
    std::vector<std::string> names;
  };
  ReadContext* ctx_;
  std::vector<std::pair<size_t, Pending>> env_vars_;  // per entry
};

/// Goose keeps secrets in its keyring: a literal secret that is a whole
/// `envs` value leaves the file and its name joins `env_keys`, as the Goose
/// writer spells it. Block-style YAML only; false otherwise (the caller
/// then writes a placeholder).
class GooseForwarder {
 public:
  explicit GooseForwarder(ReadContext* ctx) : ctx_(ctx) {}
  bool Forward(size_t entry, const json::Value& node, const std::string& name, size_t issue);

 private:
  struct Pending {
    size_t issue = 0;
    size_t edit = 0;
    std::vector<std::string> names;
  };
  ReadContext* ctx_;
  std::vector<std::pair<size_t, Pending>> env_keys_;  // per entry
  std::vector<const json::Value*> cut_;  // the envs mapping of each pair cut so far
};

/// The text of a string value `v` rewritten as `value`, quoted the way the
/// original was where the syntax allows (JSON string, TOML basic or literal
/// string, YAML plain/single/double-quoted scalar).
std::string RequoteString(std::string_view text, const json::Value& v, Syntax syntax,
                          const std::string& value);

}  // namespace lint
}  // namespace mcp_builder

#endif  // MCP_BUILDER_SRC_LINT_ANALYSIS_H_
