// What both embind modules' bindings share (bindings.cc, bindings_lint.cc).
#ifndef MCP_BUILDER_WASM_BINDINGS_COMMON_H_
#define MCP_BUILDER_WASM_BINDINGS_COMMON_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace mcp_builder_wasm {

// The input bytes the facade wrote into wasm memory.
inline std::string_view Bytes(uintptr_t address, size_t length) {
  // JS hands over wasm memory addresses as integers: the cast is the point.
  return std::string_view(reinterpret_cast<const char*>(address), length);  // NOLINT(performance-no-int-to-ptr)
}

// Large answers are not returned as std::string: embind 3.1.6 copies those
// out one byte at a time in JS. The last answer stays here and the facade
// decodes it in place (answerAddress() and the returned byte length).
inline std::string& Answer() {
  // A function-local static of an inline function is one object in the
  // program, built on first call: no initialisation order to get wrong.
  static std::string* answer = new std::string();  // NOLINT(bugprone-dynamic-static-initializers)
  return *answer;
}

}  // namespace mcp_builder_wasm

#endif  // MCP_BUILDER_WASM_BINDINGS_COMMON_H_
