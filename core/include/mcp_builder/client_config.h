// The neutral model of an MCP client configuration: what every client
// file says about its servers, whatever its syntax. Generation builds it
// from a registry server.json plus the user's values; each client writer
// turns it into that client's file (and, for lint and convert, each reader
// will turn a file back into it). Reference: shared/reference/mcp-clients.md.
#ifndef MCP_BUILDER_CLIENT_CONFIG_H_
#define MCP_BUILDER_CLIENT_CONFIG_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mcp_builder {
namespace config {

/// Part of a value: literal text, or a reference to a secret the user
/// supplies at run time (written in each client's own placeholder syntax).
struct Piece {
  std::string text;    // literal text, when secret is empty
  std::string secret;  // secret id (an environment-variable-style name)
  bool sensitive = false;  // `text` is a secret's value (--secrets inline)
};

/// A value that may contain secret references. Most values are one
/// literal piece.
struct Text {
  std::vector<Piece> pieces;

  static Text Literal(std::string text) { return Text{{Piece{std::move(text), {}}}}; }
  static Text Secret(std::string id) { return Text{{Piece{{}, std::move(id)}}}; }
  static Text SecretValue(std::string text) { return Text{{Piece{std::move(text), {}, true}}}; }
  void Append(const Text& other);
  bool HasSecret() const;
  /// A secret reference or a secret's value written inline: text that must
  /// not be baked into images or shared files.
  bool HasSensitive() const;
  /// The one secret id when the whole value is that secret, else "".
  std::string_view SoleSecret() const;
  /// The text when the value is one literal piece (most are), else null:
  /// callers then skip building a copy with Render.
  const std::string* Plain() const {
    return pieces.size() == 1 && pieces[0].secret.empty() ? &pieces[0].text : nullptr;
  }
  /// The value with each secret written by `ref(id)`.
  template <typename RefFn>
  std::string Render(RefFn ref) const {
    std::string out;
    for (const Piece& p : pieces) out += p.secret.empty() ? p.text : ref(p.secret);
    return out;
  }
};

enum class TransportKind { kStdio, kHttp, kSse };  // kHttp: Streamable HTTP

struct NamedText {
  std::string name;
  Text value;
};

/// The registry package an entry runs, when it was generated from one
/// (deployment files install it).
struct PackageOrigin {
  std::string registry_type;  // npm | pypi | oci | nuget | "" (none)
  std::string identifier;     // package name, or the full image reference
  std::string version;
  std::vector<Text> package_args;  // the arguments after the package
};

/// One server entry of a client file.
struct ServerEntry {
  std::string name;  // the key in the client file, already sanitized
  std::string title;        // human name, for clients that show one
  std::string description;  // one line, for clients that show one
  TransportKind transport = TransportKind::kStdio;
  std::string command;            // stdio
  std::vector<Text> args;         // stdio
  std::vector<NamedText> env;     // stdio, in declaration order
  Text url;                       // remote
  std::vector<NamedText> headers; // remote
  PackageOrigin origin;
  // Turned off in the client's file (Cline's and Windsurf's "disabled",
  // Codex's and Goose's "enabled"); convert carries it over. Generation
  // never sets it.
  bool disabled = false;
};

/// A secret the user must fill in, and where it came from.
struct SecretInfo {
  std::string id;           // placeholder name, e.g. GITHUB_PERSONAL_ACCESS_TOKEN
  std::string description;
  std::string server;       // entry name that uses it
};

}  // namespace config
}  // namespace mcp_builder

#endif  // MCP_BUILDER_CLIENT_CONFIG_H_
