// Any bytes through the JSON and JSONC parser: never a crash, a hang or an
// out-of-bounds position, and every value lies inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mcp_builder/json.h"

namespace {

using mcp_builder::json::Value;

// Positions are inside the text and nested values inside their parent.
void Check(const Value& v, uint32_t begin, uint32_t end, int depth) {
  if (v.pos.offset < begin || v.end > end || v.pos.offset > v.end || v.pos.line < 1 ||
      v.pos.column < 1 || depth > 300) {
    std::abort();
  }
  for (const Value& item : v.items) Check(item, v.pos.offset, v.end, depth + 1);
  for (const auto& m : v.members) Check(m.value, v.pos.offset, v.end, depth + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (bool jsonc : {false, true}) {
    mcp_builder::json::ParseOptions options;
    options.allow_comments = options.allow_trailing_commas = jsonc;
    options.max_bytes = 1 << 20;
    const mcp_builder::json::ParseResult r = mcp_builder::json::Parse(text, options);
    if (r.ok()) {
      Check(r.value, 0, static_cast<uint32_t>(size), 0);
    } else if (r.error.message.empty() || r.error.pos.offset > size) {
      std::abort();  // every error says what and where
    }
  }
  return 0;
}
