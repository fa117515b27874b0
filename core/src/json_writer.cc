#include "mcp_builder/json_writer.h"

#include "swar.h"
#include "utf8.h"

namespace mcp_builder {
namespace json {
namespace {

void AppendEscapedCodeUnit(std::string* out, unsigned v) {
  static const char kHex[] = "0123456789abcdef";
  out->append("\\u");
  for (int shift = 12; shift >= 0; shift -= 4) out->push_back(kHex[(v >> shift) & 15]);
}

}  // namespace

void AppendQuoted(std::string* out, std::string_view text, bool html_safe) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  out->push_back('"');
  for (size_t i = 0; i < text.size();) {
    const size_t run = swar::QuotedRunEnd(bytes, i, text.size(), html_safe);
    if (run > i) {
      out->append(text.data() + i, run - i);
      i = run;
      if (i == text.size()) break;
    }
    const unsigned char c = text[i];
    if (c >= 0x80) {
      const size_t n = utf8::SequenceLength(bytes + i, bytes + text.size());
      if (n == 0) {
        out->append("\xEF\xBF\xBD");  // U+FFFD replaces a bad byte
        ++i;
      } else if (n == 3 && c == 0xE2 && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                 (static_cast<unsigned char>(text[i + 2]) == 0xA8 ||
                  static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
        AppendEscapedCodeUnit(out, 0x2000 + (static_cast<unsigned char>(text[i + 2]) - 0x80));
        i += 3;
      } else {
        out->append(text.substr(i, n));
        i += n;
      }
      continue;
    }
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        if (c < 0x20 || c == 0x7f || (html_safe && (c == '<' || c == '>' || c == '&'))) {
          AppendEscapedCodeUnit(out, c);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out->push_back('"');
}

}  // namespace json
}  // namespace mcp_builder
