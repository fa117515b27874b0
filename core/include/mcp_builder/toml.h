// A TOML 1.0 parser that produces the same position-carrying tree as the
// JSON parser, so the config linter can check Codex's config.toml the way it
// checks a JSON config.
//
//   mcp_builder::json::ParseResult r = mcp_builder::toml::Parse(text);
//   if (!r.ok()) { /* r.error: code, message, line, column */ }
//   const json::Value* servers = r.value.Find("mcp_servers");
//
// What maps to what:
//   document, [table], inline table, dotted key  -> Type::kObject
//   array, [[array of tables]]                    -> Type::kArray (of objects)
//   string (all four kinds)                       -> Type::kString, decoded
//   integer, float                                -> Type::kNumber: `number`
//       holds the value as a double (+-inf and NaN for inf / nan; integers
//       beyond 2^53 are rounded), `text` the lexeme as written
//   boolean                                       -> Type::kBool
//   offset / local date-time, local date, local time -> Type::kString whose
//       `text` is the lexeme (its shape and field ranges are validated)
// `a.b.c = 1` gives nested objects a -> b -> c. Members keep the document
// order of their first definition, and a TOML document never has duplicate
// keys (they are an error), so Value::Find is unambiguous.
//
// Positions are 1-based lines and code-point columns plus byte offsets, as
// in json.h, and are exact so that fixes can edit the text in place:
//   - a scalar's `pos` is its first byte (a string's opening quote) and
//     `end` is just past its last byte (past the closing quotes);
//   - an array or inline table spans its '[' / '{' to just past ']' / '}';
//   - a table defined by a [header] starts at the header's '[' and ends just
//     past the last value of its own key/value lines (just past the header's
//     ']' when it has none); an array of tables starts at its first "[[" and
//     each element is positioned like a header table;
//   - a table that is only implied (by a dotted key, or as the parent of a
//     header) starts at its first mention and ends where the last thing it
//     contains ends;
//   - the root object starts at the first byte of the document (after a
//     byte-order mark) and ends at the end of the input;
//   - Member::key_pos is the first character of the key segment that first
//     named the member (the segment inside the header for header tables).
// So unlike JSON, a table's children may lie outside its [pos, end): a
// sub-table can be defined anywhere later in the file.
//
// Errors use json::ParseErrorCode: kSyntax (not TOML, including duplicate
// keys and redefined tables), kTooLarge (input over ParseOptions::max_bytes),
// kTooDeep (more than ParseOptions::max_depth nested tables, arrays and
// inline tables, the root table counting as one level, like JSON's outermost
// object) and kEncoding (invalid UTF-8, overlong forms, surrogates). The
// error position is the offending byte. ParseOptions::allow_comments and
// allow_trailing_commas are ignored: TOML has its own rules for both.
//
// Lifetime is the same as json::Parse's: strings without escapes or line
// folding are views into `text`, everything else lives in the result's
// arena, so the result is valid while `text` is. The parser never throws,
// recurses no deeper than max_depth and runs in linear time.
#ifndef MCP_BUILDER_TOML_H_
#define MCP_BUILDER_TOML_H_

#include <string_view>

#include "mcp_builder/json.h"

namespace mcp_builder {
namespace toml {

/// Parses one TOML 1.0 document into a json::Value tree (the root is an
/// object). Never throws. `text` must outlive the result.
json::ParseResult Parse(std::string_view text,
                        const json::ParseOptions& options = {});

}  // namespace toml
}  // namespace mcp_builder

#endif  // MCP_BUILDER_TOML_H_
