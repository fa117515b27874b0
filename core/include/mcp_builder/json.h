// A JSON / JSONC parser that remembers where every value came from.
//
//   mcp_builder::json::ParseResult r = mcp_builder::json::Parse(text);
//   if (!r.ok()) { /* r.error: code, message, line, column */ }
//   const Value* name = r.value.Find("name");   // name->pos.line, .column
//
// Positions are 1-based; columns count Unicode code points, so they match
// what an editor shows.
//
// Strings are not copied: a string without escapes is a view into the input
// text, and one with escapes is decoded once into the result's arena. So a
// ParseResult (and every Value in it) is valid only while the input text it
// was parsed from is alive, and Values must not outlive their ParseResult. The parser never throws and never recurses deeper
// than ParseOptions::max_depth, so hostile input gets an error, not a crash.
// Input must be UTF-8 (a leading byte-order mark is skipped); invalid UTF-8,
// overlong encodings and lone surrogate escapes are rejected.
#ifndef MCP_BUILDER_JSON_H_
#define MCP_BUILDER_JSON_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mcp_builder {
namespace json {

/// Where a value (or a parse error) starts in the input text.
struct Position {
  uint32_t line = 1;    // 1-based line number
  uint32_t column = 1;  // 1-based column in Unicode code points
  uint32_t offset = 0;  // 0-based byte offset
};

enum class Type : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

/// Human name of a type, for messages ("string", "object", ...).
const char* TypeName(Type type);

struct Member;

/// One parsed value. Objects keep their members in document order,
/// duplicates included, so callers can report duplicate keys.
class Value {
 public:
  Type type = Type::kNull;
  Position pos;
  uint32_t end = 0;       // byte offset just past the value's last byte
  bool boolean = false;
  double number = 0;      // kNumber: the value as a double (may be +-inf)
  std::string_view text;  // kString: decoded text; kNumber: the lexeme
  std::vector<Value> items;     // kArray
  std::vector<Member> members;  // kObject

  bool is_string() const { return type == Type::kString; }
  bool is_object() const { return type == Type::kObject; }
  bool is_array() const { return type == Type::kArray; }
  bool is_bool() const { return type == Type::kBool; }

  /// The member value for `key`, or nullptr. With duplicate keys the last
  /// one wins, as in JSON.parse.
  const Value* Find(std::string_view key) const;
};

struct Member {
  std::string_view key;
  Position key_pos;
  Value value;
};

/// Why parsing stopped. Mirrored as rule ids "json/<name>" in reports.
enum class ParseErrorCode : uint8_t {
  kNone = 0,
  kSyntax,    // json/syntax: not JSON (or not JSONC when comments are allowed)
  kTooLarge,  // json/too-large: input longer than ParseOptions::max_bytes
  kTooDeep,   // json/too-deep: nesting deeper than ParseOptions::max_depth
  kEncoding,  // json/encoding: invalid UTF-8 or a lone surrogate escape
};

/// Rule id for a parse error code, e.g. "json/syntax".
const char* ParseErrorRule(ParseErrorCode code);

struct ParseError {
  ParseErrorCode code = ParseErrorCode::kNone;
  std::string message;  // says what was expected and what was found
  Position pos;
};

/// Explicit limits and dialect switches. The defaults are strict JSON.
struct ParseOptions {
  static constexpr size_t kDefaultMaxBytes = 16u << 20;  // 16 MiB
  static constexpr int kDefaultMaxDepth = 256;
  size_t max_bytes = kDefaultMaxBytes;
  int max_depth = kDefaultMaxDepth;
  bool allow_comments = false;         // JSONC: // line and /* block */
  bool allow_trailing_commas = false;  // JSONC: [1,2,] and {"a":1,}
};

/// Owns the decoded text of strings that contained escapes.
class Arena {
 public:
  /// Copies `s` into the arena; the view stays valid as long as the arena.
  std::string_view Store(std::string_view s);

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  size_t left_ = 0;
};

struct ParseResult {
  Value value;
  ParseError error;
  std::unique_ptr<Arena> arena;  // backs strings that had escapes
  bool ok() const { return error.code == ParseErrorCode::kNone; }
};

/// Parses one JSON document. Never throws. `text` must outlive the result.
ParseResult Parse(std::string_view text, const ParseOptions& options = {});

/// Appends `segment` to `pointer` as an RFC 6901 reference token
/// ("~" becomes "~0", "/" becomes "~1").
void AppendPointerToken(std::string* pointer, std::string_view segment);

}  // namespace json
}  // namespace mcp_builder

#endif  // MCP_BUILDER_JSON_H_
