// Registry server.json + the user's values -> one neutral ServerEntry.
// This is where the registry's semantics live (shared/reference/
// mcp-clients.md §2): which package or remote to use, how each registry
// type runs (npx, uvx, docker, dnx), arguments positional and named,
// repeated values, {curly} variables, fixed values, defaults and choices.
#ifndef MCP_BUILDER_SRC_GEN_RESOLVE_H_
#define MCP_BUILDER_SRC_GEN_RESOLVE_H_

#include <string>
#include <vector>

#include "mcp_builder/client_config.h"
#include "mcp_builder/generate.h"
#include "mcp_builder/registry.h"

namespace mcp_builder {
namespace gen {

/// What one server is resolved with; the vectors are shared by the whole
/// request and appended to.
struct ResolveScope {
  SecretMode secrets = SecretMode::kPlaceholder;
  Prefer prefer = Prefer::kLocal;
  const std::vector<InputValue>* own = nullptr;     // SERVER:NAME values
  const std::vector<InputValue>* shared = nullptr;  // NAME values
  std::vector<bool>* shared_used = nullptr;         // parallel to *shared
  std::vector<Note>* notes = nullptr;
  std::vector<config::SecretInfo>* secret_list = nullptr;
};

/// Fills `entry` (whose name is already set). False when an error note was
/// added; the entry is then incomplete and must not be written.
bool ResolveServer(const registry::Server& server, const ResolveScope& scope,
                   config::ServerEntry* entry);

/// An environment-variable-style id: [A-Z0-9_], uppercased.
std::string SecretIdFrom(std::string_view s);

/// The POSIX command line an entry runs, for messages: secrets as ${ID},
/// secret values given inline as <secret>.
std::string CommandLine(const config::ServerEntry& entry);

}  // namespace gen
}  // namespace mcp_builder

#endif  // MCP_BUILDER_SRC_GEN_RESOLVE_H_
