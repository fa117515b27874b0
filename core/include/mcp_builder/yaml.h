// A YAML parser for configuration files that builds the same tree as the
// JSON parser, so YAML configs (Continue's and Goose's config.yaml) are
// checked by the same code as JSON ones.
//
//   json::ParseResult r = mcp_builder::yaml::Parse(text);
//   if (!r.ok()) { /* r.error: code, message, line, column */ }
//   const json::Value* servers = r.value.Find("mcpServers");
//
// Supported: what configuration files use, in one document.
//   - Block mappings and sequences, including "- key: v" (a mapping inside
//     a sequence item) and a sequence at its key's own indentation
//     ("key:\n- a"); flow collections [a, b] and {a: 1}, also over several
//     lines (so JSON is YAML here too, with tabs inside brackets).
//   - Plain scalars (folded over lines), 'single-quoted' ('' is a quote),
//     "double-quoted" with every YAML escape (\0 \a \b \t \n \v \f \r \e
//     \<space> \" \/ \\ \N \_ \L \P \xXX \uXXXX \UXXXXXXXX, and a UTF-16
//     pair of \u escapes), literal | and folded > block scalars with
//     chomping (- +) and indentation (1-9) indicators.
//   - Comments, "---" and "...", %YAML / %TAG directives (skipped), a
//     leading byte-order mark, LF, CRLF and CR line breaks.
//   - Anchors &a and aliases *a: an alias is a copy of the anchored node
//     (sharing its memory); all aliases together may add at most 100,000
//     nodes ("alias expansion exceeds ..."), so a "billion laughs" document
//     fails at once. "<<" merge keys are ordinary keys.
//   - Tags !!str !!int !!float !!bool !!null !!map !!seq (and their
//     !<tag:yaml.org,2002:...> forms) are honoured, "!" makes a scalar a
//     string, other tags are accepted and ignored.
// Refused, with an error at the exact position: tabs in indentation, a
// second document, complex keys ("? "), keys that are collections or
// aliases or span lines, bad indentation, unterminated quotes and flow
// collections, "key: value" inside a flow sequence, invalid UTF-8
// (overlong forms and surrogates included), control characters outside
// double-quoted escapes, undefined aliases, input over
// ParseOptions::max_bytes (kTooLarge) and nesting over max_depth (kTooDeep;
// allow_comments and allow_trailing_commas are ignored).
//
// Scalars resolve by the YAML 1.2 core schema, plain scalars only: null
// (null Null NULL ~ or nothing), bool (true True TRUE false False FALSE),
// int (123, -7, 0o17, 0xFF) and float (1.5, -2e3, .inf, -.Inf, .nan) are
// kNumber with `text` the lexeme and `number` its value; anything else is
// a string. For plain scalars `text` is the lexeme whatever the type.
// Quoted and block scalars are always strings. A mapping key is its
// scalar's text ("1: x" has key "1"); duplicate keys are kept, in order.
//
// Positions are 1-based lines and code-point columns plus byte offsets, as
// in json.h: a scalar starts at its first byte (the opening quote, the '|'
// or '>' indicator) and `end` is just past its last byte (the closing
// quote; for plain scalars the last non-blank character before any
// comment; for block scalars the last content character). Flow
// collections span from '[' / '{' to just past ']' / '}'; a block mapping
// from its first key to the end of its last value; a block sequence from
// its first '-' to the end of its last item. An empty value ("key:") is
// a null at the position just after its ':' or '-', with end == offset.
// An alias node is at its "*name"; its children keep the positions of the
// anchored node they copy.
//
// Lifetime, limits and memory are those of json::Parse: strings that are
// a contiguous slice of the input are views into it, others (escapes,
// folding, block scalars) are stored in the result's arena; the result is
// valid only while `text` is alive; the parser never throws and recurses
// at most ParseOptions::max_depth levels.
#ifndef MCP_BUILDER_YAML_H_
#define MCP_BUILDER_YAML_H_

#include <string_view>

#include "mcp_builder/json.h"

namespace mcp_builder {
namespace yaml {

/// Parses one YAML document into a json::Value tree. Never throws. `text`
/// must outlive the result.
json::ParseResult Parse(std::string_view text,
                        const json::ParseOptions& options = {});

}  // namespace yaml
}  // namespace mcp_builder

#endif  // MCP_BUILDER_YAML_H_
