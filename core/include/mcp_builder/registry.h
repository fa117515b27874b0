// The official MCP Registry server.json (schema 2025-12-11), as C++ values.
//
//   ServerReadResult r = ReadServerJson(text);
//   if (r.report.valid()) Use(r.server.packages[0].identifier);
//
// Reading never fails: fields of the wrong type are left empty and reported.
// Fields this schema does not define are kept in `extra`, in document order
// and as their exact source text, never dropped, so a newer server.json
// survives a round trip. The model owns all its strings. Reference: shared/reference/mcp-clients.md §2.
#ifndef MCP_BUILDER_REGISTRY_H_
#define MCP_BUILDER_REGISTRY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mcp_builder/diagnostic.h"
#include "mcp_builder/json.h"

namespace mcp_builder {
namespace registry {

/// The schema date this model and its validator follow.
inline constexpr const char* kSchemaVersion = "2025-12-11";

/// A member the schema does not define, kept verbatim.
struct RawMember {
  std::string key;   // decoded member name
  std::string json;  // the value's source text, exactly as written
};
using Extra = std::vector<RawMember>;

/// A value the user may be asked for (schema "Input").
struct Input {
  std::string description;
  bool is_required = false;
  std::string format = "string";  // string | number | boolean | filepath
  std::optional<std::string> value;  // fixed: not editable by users
  bool is_secret = false;
  std::optional<std::string> default_value;
  std::optional<std::string> placeholder;
  std::vector<std::string> choices;  // when non-empty, the only valid values
  Extra extra;                       // unknown members, kept
};

/// A named {variable} of a template value or a remote URL.
struct Variable {
  std::string name;
  Input input;
};

/// Schema "InputWithVariables": `value` may contain {name} references.
struct InputWithVariables : Input {
  std::vector<Variable> variables;
};

/// An environment variable or an HTTP header (schema "KeyValueInput").
struct KeyValueInput : InputWithVariables {
  std::string name;
};

enum class ArgumentType { kPositional, kNamed };

/// A command-line argument (schema "PositionalArgument" / "NamedArgument").
struct Argument : InputWithVariables {
  ArgumentType type = ArgumentType::kPositional;
  std::string name;        // named: the flag, dashes included ("--port")
  std::string value_hint;  // positional: label, also a URL {reference}
  bool is_repeated = false;
};

/// A package's transport or a remote (schema "*Transport").
struct Transport {
  std::string type;  // stdio | streamable-http | sse
  std::string url;   // may contain {references}
  std::vector<KeyValueInput> headers;
  std::vector<Variable> variables;  // remotes only: URL template variables
  Extra extra;
};

struct Package {
  std::string registry_type;  // npm | pypi | oci | nuget | mcpb
  std::string registry_base_url;
  std::string identifier;
  std::string version;
  std::string file_sha256;
  std::string runtime_hint;
  Transport transport;
  std::vector<Argument> runtime_arguments;
  std::vector<Argument> package_arguments;
  std::vector<KeyValueInput> environment_variables;
  Extra extra;
};

struct Icon {
  std::string src;
  std::string mime_type;
  std::vector<std::string> sizes;
  std::string theme;
  Extra extra;
};

struct Repository {
  std::string url;
  std::string source;
  std::string id;
  std::string subfolder;
  Extra extra;
};

/// Schema "ServerDetail".
struct Server {
  std::string schema;  // "$schema"
  std::string name;
  std::string title;
  std::string description;
  std::string version;
  std::string website_url;
  std::optional<Repository> repository;
  std::vector<Icon> icons;
  std::vector<Package> packages;
  std::vector<Transport> remotes;
  std::optional<std::string> meta;  // "_meta", as its source text
  Extra extra;                      // unknown top-level members
};

struct ServerReadResult {
  Server server;
  ValidationReport report;
};

/// Per-document limits, on top of the parser's size and depth limits.
struct ValidateOptions {
  static constexpr size_t kDefaultMaxBytes = 4u << 20;  // 4 MiB
  static constexpr int kDefaultMaxDepth = 64;
  static constexpr size_t kDefaultMaxDiagnostics = 200;
  size_t max_bytes = kDefaultMaxBytes;
  int max_depth = kDefaultMaxDepth;
  size_t max_diagnostics = kDefaultMaxDiagnostics;  // then report/truncated
};

/// Parses and validates a server.json text, and returns the model too.
ServerReadResult ReadServerJson(std::string_view text,
                                const ValidateOptions& options = {});

/// Validation only (the report of ReadServerJson).
ValidationReport ValidateServerJson(std::string_view text,
                                    const ValidateOptions& options = {});

}  // namespace registry
}  // namespace mcp_builder

#endif  // MCP_BUILDER_REGISTRY_H_
