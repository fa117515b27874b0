// Any bytes through the YAML parser: never a crash, a hang or a position
// that is out of bounds or disagrees with itself. Every value's line and
// column must be what its byte offset says (recounted here independently),
// and without aliases (whose copies keep their anchor's positions) every
// value lies inside its parent.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "mcp_builder/yaml.h"

namespace {

using mcp_builder::json::Position;
using mcp_builder::json::Value;

struct Checker {
  std::string_view text;
  size_t start;                 // after a byte-order mark
  std::vector<uint32_t> lines;  // offset where each line starts
  bool nested;                  // children must lie inside parents
  int budget = 2000;            // positions checked per input

  void CheckPosition(const Position& pos) {
    if (pos.offset > text.size() || pos.line < 1 || pos.column < 1)
      std::abort();
    if (--budget < 0 || pos.offset < start) return;
    const size_t line =
        std::upper_bound(lines.begin(), lines.end(), pos.offset) -
        lines.begin();
    uint32_t column = 1;
    for (size_t i = lines[line - 1]; i < pos.offset; ++i) {
      column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    }
    if (pos.line != line || pos.column != column) std::abort();
  }

  void Check(const Value& v, uint32_t begin, uint32_t end, int depth) {
    CheckPosition(v.pos);
    if (v.end > text.size() || v.pos.offset > v.end || depth > 300)
      std::abort();
    if (nested && (v.pos.offset < begin || v.end > end)) std::abort();
    for (const Value& item : v.items)
      Check(item, v.pos.offset, v.end, depth + 1);
    for (const auto& m : v.members) {
      CheckPosition(m.key_pos);
      if (nested && (m.key_pos.offset < v.pos.offset ||
                     m.key_pos.offset > m.value.pos.offset)) {
        std::abort();
      }
      Check(m.value, v.pos.offset, v.end, depth + 1);
    }
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  mcp_builder::json::ParseOptions options;
  options.max_bytes = 1 << 20;
  const mcp_builder::json::ParseResult r =
      mcp_builder::yaml::Parse(text, options);
  Checker checker{
      text, text.substr(0, 3) == "\xEF\xBB\xBF" ? 3u : 0u, {}, false};
  checker.lines.push_back(static_cast<uint32_t>(checker.start));
  for (size_t i = checker.start; i < size; ++i) {
    if (text[i] == '\n' ||
        (text[i] == '\r' && (i + 1 == size || text[i + 1] != '\n'))) {
      checker.lines.push_back(static_cast<uint32_t>(i + 1));
    }
  }
  checker.nested = text.find('*') == std::string_view::npos;
  if (r.ok()) {
    checker.Check(r.value, 0, static_cast<uint32_t>(size), 0);
  } else {
    if (r.error.message.empty())
      std::abort();  // every error says what and where
    checker.CheckPosition(r.error.pos);
  }
  return 0;
}
