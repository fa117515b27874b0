// Eight bytes at a time (SWAR) byte tests, for the scanners that copy long
// runs of plain text: the parser's string scan, the JSON writer, and line
// counting.
#ifndef MCP_BUILDER_SRC_SWAR_H_
#define MCP_BUILDER_SRC_SWAR_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace mcp_builder {
namespace swar {

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighs = 0x8080808080808080ULL;

inline uint64_t Load(const unsigned char* p) {
  uint64_t w;
  std::memcpy(&w, p, sizeof(w));
  return w;
}

/// Some byte of `w` is zero.
constexpr bool HasZero(uint64_t w) { return ((w - kOnes) & ~w & kHighs) != 0; }
/// Some byte of `w` equals `c`.
constexpr bool HasByte(uint64_t w, unsigned char c) { return HasZero(w ^ (kOnes * c)); }
/// How many bytes of `w` equal `c` (exact: no borrow crosses bytes).
inline int CountByte(uint64_t w, unsigned char c) {
  constexpr uint64_t kLows = ~kHighs;
  const uint64_t x = w ^ (kOnes * c);                  // 0 where the byte is c
  const uint64_t nonzero = ((x & kLows) + kLows) | x;  // high bit set where not 0
  return __builtin_popcountll(~nonzero & kHighs);
}
/// Some byte is 0x80 or above.
constexpr bool HasHigh(uint64_t w) { return (w & kHighs) != 0; }
/// Some byte is below `n` (n <= 0x80), given that no byte is 0x80 or above.
constexpr bool HasAsciiBelow(uint64_t w, unsigned char n) {
  return ((w - kOnes * n) & ~w & kHighs) != 0;
}

/// The end of the run starting at `i` of bytes a JSON or YAML double-quoted
/// string holds as they are: printable ASCII except '"' and '\\' (and, with
/// `html`, '<', '>' and '&'). Eight bytes at a time, then one by one.
inline size_t QuotedRunEnd(const unsigned char* p, size_t i, size_t n, bool html = false) {
  for (; i + 8 <= n; i += 8) {
    const uint64_t w = Load(p + i);
    if (HasHigh(w) || HasAsciiBelow(w, 0x20) || HasByte(w, '"') || HasByte(w, '\\') ||
        HasByte(w, 0x7f) || (html && (HasByte(w, '<') || HasByte(w, '>') || HasByte(w, '&')))) {
      break;
    }
  }
  for (; i < n; ++i) {
    const unsigned char c = p[i];
    if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\' ||
        (html && (c == '<' || c == '>' || c == '&'))) {
      break;
    }
  }
  return i;
}

}  // namespace swar
}  // namespace mcp_builder

#endif  // MCP_BUILDER_SRC_SWAR_H_
