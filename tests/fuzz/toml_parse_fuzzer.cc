// Any bytes through the TOML parser: never a crash, a hang or a wrong
// position. Every value and key lies inside the input, its line and column
// agree with its byte offset, scalars span exactly their lexeme, arrays and
// inline tables contain their items, and every error says what and where.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "mcp_builder/json.h"
#include "mcp_builder/toml.h"

namespace {

using mcp_builder::json::Member;
using mcp_builder::json::Position;
using mcp_builder::json::Type;
using mcp_builder::json::Value;

// Line and code-point column of every byte offset, computed independently
// of the parser: lines end at '\n'; a leading byte-order mark is skipped.
class Lines {
 public:
  explicit Lines(std::string_view text)
      : line_(text.size() + 1), column_(text.size() + 1) {
    size_t line_start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    uint32_t line = 1, column = 1;
    for (size_t i = 0; i <= text.size(); ++i) {
      line_[i] = line;
      column_[i] = i < line_start ? 1 : column;
      if (i == text.size()) break;
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (c == '\n') {
        ++line;
        column = 1;
        line_start = i + 1;
      } else if (i >= line_start && (c & 0xC0) != 0x80) {
        ++column;  // c starts a code point
      }
    }
  }
  bool Agrees(const Position& pos) const {
    return pos.offset < line_.size() && line_[pos.offset] == pos.line &&
           column_[pos.offset] == pos.column;
  }

 private:
  std::vector<uint32_t> line_;
  std::vector<uint32_t> column_;
};

void Check(std::string_view text, const Lines& lines, const Value& v,
           int depth) {
  const uint32_t size = static_cast<uint32_t>(text.size());
  if (depth > 300 || v.pos.offset > v.end || v.end > size ||
      !lines.Agrees(v.pos))
    std::abort();
  const std::string_view raw = text.substr(v.pos.offset, v.end - v.pos.offset);
  switch (v.type) {
    case Type::kNumber:
      if (raw.empty() || raw != v.text) std::abort();  // the lexeme
      break;
    case Type::kBool:
      if (raw != (v.boolean ? "true" : "false")) std::abort();
      break;
    case Type::kString:
      // Quoted strings span their quotes; date-times are their lexeme.
      if (raw.empty() || (raw[0] != '"' && raw[0] != '\'' && raw != v.text))
        std::abort();
      if (raw[0] == '"' || raw[0] == '\'') {
        if (raw.size() < 2 || raw.back() != raw[0]) std::abort();
      }
      break;
    case Type::kArray:
    case Type::kObject: {
      // Static arrays and inline tables hold their items; tables from
      // headers may have sub-tables anywhere later in the file.
      const bool inline_value =
          !raw.empty() &&
          (raw[0] == '{' || (raw[0] == '[' && v.type == Type::kArray &&
                             raw.substr(0, 2) != "[["));
      for (const Value& item : v.items) {
        if (inline_value &&
            (item.pos.offset < v.pos.offset || item.end > v.end))
          std::abort();
        Check(text, lines, item, depth + 1);
      }
      for (const Member& m : v.members) {
        if (!lines.Agrees(m.key_pos) || m.key_pos.offset >= size) std::abort();
        if (inline_value &&
            (m.value.pos.offset < v.pos.offset || m.value.end > v.end)) {
          std::abort();
        }
        Check(text, lines, m.value, depth + 1);
      }
      break;
    }
    case Type::kNull:
      std::abort();  // TOML has no null
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Lines lines(text);
  for (int max_depth : {mcp_builder::json::ParseOptions::kDefaultMaxDepth, 6}) {
    mcp_builder::json::ParseOptions options;
    options.max_bytes = 1 << 20;
    options.max_depth = max_depth;
    const mcp_builder::json::ParseResult r =
        mcp_builder::toml::Parse(text, options);
    if (r.ok()) {
      if (r.value.type != Type::kObject) std::abort();
      Check(text, lines, r.value, 0);
    } else if (r.error.message.empty() || !lines.Agrees(r.error.pos) ||
               r.value.type != Type::kNull) {
      std::abort();  // every error says what and exactly where
    }
  }
  return 0;
}
