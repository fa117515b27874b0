// UTF-8 well-formedness and encoding, shared by the JSON, TOML and YAML
// parsers and the writer. Private to core/.
#ifndef MCP_BUILDER_SRC_UTF8_H_
#define MCP_BUILDER_SRC_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace mcp_builder {
namespace utf8 {

/// Length of the well-formed UTF-8 sequence at p (RFC 3629: no overlongs,
/// no surrogates, nothing above U+10FFFF), or 0 if it is malformed or
/// truncated by `end`. p[0] must be a byte >= 0x80.
inline size_t SequenceLength(const unsigned char* p, const unsigned char* end) {
  const unsigned char c = p[0];
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // UTF-16 surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (static_cast<size_t>(end - p) < need) return 0;
  if (p[1] < lo || p[1] > hi) return 0;
  for (size_t i = 2; i < need; ++i) {
    if (p[i] < 0x80 || p[i] > 0xBF) return 0;
  }
  return need;
}

/// Appends code point `cp` (a scalar value, not a surrogate) as UTF-8.
inline void Append(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace utf8
}  // namespace mcp_builder

#endif  // MCP_BUILDER_SRC_UTF8_H_
