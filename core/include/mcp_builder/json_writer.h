// Minimal helpers for writing JSON text with correct escaping.
#ifndef MCP_BUILDER_JSON_WRITER_H_
#define MCP_BUILDER_JSON_WRITER_H_

#include <string>
#include <string_view>

namespace mcp_builder {
namespace json {

/// Appends `text` as a JSON string literal, quotes included. Control
/// characters, quotes and backslashes are escaped; so are U+2028/U+2029
/// and '<', '>', '&' (as \u003C etc.) so the output is also safe to embed
/// in HTML or a JS source. Invalid UTF-8 bytes become U+FFFD.
/// `html_safe` false leaves '<', '>', '&' as they are: generated config
/// files are read by people and by JSON parsers, never embedded in HTML.
void AppendQuoted(std::string* out, std::string_view text, bool html_safe = true);

}  // namespace json
}  // namespace mcp_builder

#endif  // MCP_BUILDER_JSON_WRITER_H_
