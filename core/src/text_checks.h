// String-level checks used by the server.json rules. Private to core/.
#ifndef MCP_BUILDER_SRC_TEXT_CHECKS_H_
#define MCP_BUILDER_SRC_TEXT_CHECKS_H_

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace mcp_builder {
namespace text {

/// Number of Unicode code points in valid UTF-8 (what JSON Schema's
/// minLength/maxLength count).
size_t CodePointLength(std::string_view s);

/// RFC 3986 absolute URI ("format": "uri"): a scheme, ':', then only URI
/// characters and well-formed %HH escapes; http(s) URIs need a host.
bool IsUri(std::string_view s);

/// True for npm-style ranges the registry rejects: "^1.2.3", "~1.2",
/// ">=1", "1.x", "1.*", "1 - 2", "1 || 2".
bool IsVersionRange(std::string_view s);

/// Semantic version 2.0.0 (a leading "v" is not allowed).
bool IsSemver(std::string_view s);

/// Registry server name: ^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$
bool MatchesServerName(std::string_view s);
/// Icon size: ^(\d+x\d+|any)$
bool MatchesIconSize(std::string_view s);
/// SHA-256 in lowercase hex: ^[a-f0-9]{64}$
bool MatchesSha256(std::string_view s);
/// Transport / remote URL: ^https?://[^\s]+$
bool MatchesTransportUrl(std::string_view s);

/// A {curly} reference found in a template string.
struct Reference {
  std::string name;
  size_t offset;  // byte offset of '{' in the template
};
/// The {identifier} references in `s`; identifiers are [A-Za-z0-9_.-]+.
/// Anything else in braces (JSON, spaces) is literal text, not a reference.
std::vector<Reference> FindReferences(std::string_view s);

/// The closest candidate to `key` when it is plausibly a typo: the same
/// letters ignoring case, '_' and '-' (the pre-2025-09-16 snake_case names
/// included), or an edit distance of at most 2. Empty when none is close.
std::string DidYouMean(std::string_view key,
                       const std::vector<std::string_view>& candidates);

/// A decimal number as the schema wants "number" inputs: [+-]?digits[.digits]
bool IsDecimal(std::string_view s);

/// POSIX-portable environment variable name: [A-Za-z_][A-Za-z0-9_]*
bool IsEnvVarName(std::string_view s);
/// RFC 9110 header field name (a token).
bool IsHeaderName(std::string_view s);

/// `s` shortened to `max` code points with "...", control characters shown
/// as \xHH, for messages.
std::string Abbreviate(std::string_view s, size_t max = 40);

/// Abbreviate(s) in single quotes, for messages.
std::string Quoted(std::string_view s);

/// Whether `s` holds any byte of `set`: one pass over `s` with a table of
/// the set (find_first_of compares each byte of `s` with the whole set).
bool HasAnyOf(std::string_view s, std::string_view set);

/// The name=value parts of a URL's query ("a=1&b=2", without '?' or
/// '#'), in order; a part without '=' is left out.
struct QueryParam {
  std::string_view name;
  std::string_view value;
};
std::vector<QueryParam> QueryParams(std::string_view query);

}  // namespace text
}  // namespace mcp_builder

#endif  // MCP_BUILDER_SRC_TEXT_CHECKS_H_
