// A JSON / JSONC parser that remembers where every value came from.
//
//   mcp_builder::json::ParseResult r = mcp_builder::json::Parse(text);
//   if (!r.ok()) { /* r.error: code, message, line, column */ }
//   const Value* name = r.value.Find("name");   // name->pos.line, .column
//
// Positions are 1-based; columns count Unicode code points, so they match
// what an editor shows.
//
// Nothing is copied per value: a string without escapes is a view into the
// input text, one with escapes is decoded once into the result's arena, and
// arrays and objects are spans of arena memory. So a ParseResult (and every
// Value in it) is valid only while the input text it was parsed from is
// alive, and Values must not outlive their ParseResult. In exchange a parse
// costs a few block allocations, and Values are trivially destructible. The parser never throws and never recurses deeper
// than ParseOptions::max_depth, so hostile input gets an error, not a crash.
// Input must be UTF-8 (a leading byte-order mark is skipped); invalid UTF-8,
// overlong encodings and lone surrogate escapes are rejected.
#ifndef MCP_BUILDER_JSON_H_
#define MCP_BUILDER_JSON_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <type_traits>
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

/// A read-only view of consecutive elements (in a ParseResult's arena).
template <typename T>
class Span {
 public:
  Span() = default;
  Span(const T* data, size_t size) : data_(data), size_(size) {}
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](size_t i) const { return data_[i]; }
  const T& back() const { return data_[size_ - 1]; }

 private:
  const T* data_ = nullptr;
  size_t size_ = 0;
};

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
  Span<Value> items;     // kArray
  Span<Member> members;  // kObject

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
  size_t max_bytes = kDefaultMaxBytes;  // capped at 4 GiB - 1 (32-bit offsets)
  int max_depth = kDefaultMaxDepth;
  bool allow_comments = false;         // JSONC: // line and /* block */
  bool allow_trailing_commas = false;  // JSONC: [1,2,] and {"a":1,}
};

/// Owns the memory behind a ParseResult's containers and decoded strings.
/// Memory is released all at once with the arena.
class Arena {
 public:
  /// Uninitialized, suitably aligned memory for `bytes` bytes.
  void* Allocate(size_t bytes, size_t alignment);
  /// Copies `s` into the arena; the view stays valid as long as the arena.
  std::string_view Store(std::string_view s);
  /// Copies trivially copyable elements into the arena.
  template <typename T>
  Span<T> Store(const T* data, size_t n) {
    static_assert(std::is_trivially_copyable<T>::value, "arena holds PODs");
    if (n == 0) return Span<T>();
    void* memory = Allocate(n * sizeof(T), alignof(T));
    std::memcpy(memory, data, n * sizeof(T));
    return Span<T>(static_cast<const T*>(memory), n);
  }

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
