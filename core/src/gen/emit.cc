#include "gen/emit.h"

#include <cstdio>

#include "mcp_builder/json_writer.h"
#include "swar.h"

namespace mcp_builder {
namespace gen {
namespace {

void AppendHex(std::string* out, const char* prefix, unsigned value, int digits) {
  static const char kHex[] = "0123456789ABCDEF";
  out->append(prefix);
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
    out->push_back(kHex[(value >> shift) & 15]);
  }
}

bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Byte classes, looked up once per byte.
struct Tables {
  bool shell_plain[256] = {};  // needs no quoting in any POSIX shell
  bool url_plain[256] = {};    // left as is by encodeURIComponent
  Tables() {
    for (int c = 0; c < 256; ++c) {
      const bool alnum = IsAsciiAlnum(static_cast<unsigned char>(c));
      shell_plain[c] = alnum || std::string_view("@%+=:,./_-").find(static_cast<char>(c)) != std::string_view::npos;
      url_plain[c] = alnum || std::string_view("-_.!~*'()").find(static_cast<char>(c)) != std::string_view::npos;
    }
  }
};

const Tables& Table() {
  static const Tables tables;
  return tables;
}

}  // namespace

void JsonOut::Newline(size_t depth) {
  out_.push_back('\n');
  out_.append(depth * 2, ' ');
}

void JsonOut::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;
  if (counts_.back()++ > 0) out_.push_back(',');
  Newline(counts_.size());
}

void JsonOut::Open(char bracket) {
  BeforeValue();
  out_.push_back(bracket);
  counts_.push_back(0);
}

void JsonOut::Close(char bracket) {
  const size_t count = counts_.back();
  counts_.pop_back();
  if (count > 0) Newline(counts_.size());
  out_.push_back(bracket);
}

void JsonOut::Key(std::string_view key) {
  BeforeValue();
  json::AppendQuoted(&out_, key, /*html_safe=*/false);
  out_.append(": ");
  after_key_ = true;
}

void JsonOut::PlainKey(const char* key) {
  BeforeValue();
  out_.push_back('"');
  out_.append(key);
  out_.append("\": ");
  after_key_ = true;
}

void JsonOut::String(std::string_view value) {
  BeforeValue();
  json::AppendQuoted(&out_, value, /*html_safe=*/false);
}

void JsonOut::Bool(bool value) {
  BeforeValue();
  out_.append(value ? "true" : "false");
}

void JsonOut::Number(long value) {
  BeforeValue();
  out_.append(std::to_string(value));
}

std::string JsonOut::Finish() {
  std::string text = std::move(out_);
  text.push_back('\n');
  out_.clear();
  counts_.clear();
  return text;
}

std::string CompactJson(std::string_view pretty) {
  std::string out;
  out.reserve(pretty.size());
  bool in_string = false;
  for (size_t i = 0; i < pretty.size(); ++i) {
    const char c = pretty[i];
    if (in_string) {
      out.push_back(c);
      if (c == '\\') {
        out.push_back(pretty[++i]);
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
      out.push_back(c);
    } else if (c == ':' && i + 1 < pretty.size() && pretty[i + 1] == ' ') {
      out.push_back(c);
      ++i;
    } else if (c != '\n' && c != ' ') {
      out.push_back(c);
    }
  }
  return out;
}

std::string TomlString(std::string_view value) {
  std::string out = "\"";
  for (const char ch : value) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      default:
        // TOML forbids raw control characters (and DEL) in basic strings.
        if (c < 0x20 || c == 0x7f) {
          AppendHex(&out, "\\u", c, 4);
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
  return out;
}

std::string TomlKey(std::string_view key) {
  if (key.empty()) return "\"\"";
  for (const char c : key) {
    if (!IsAsciiAlnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return TomlString(key);
  }
  return std::string(key);
}

void AppendYamlString(std::string* out_ptr, std::string_view value) {
  std::string& out = *out_ptr;
  out.push_back('"');
  const auto* bytes = reinterpret_cast<const unsigned char*>(value.data());
  for (size_t i = 0; i < value.size(); ++i) {
    // Runs of printable ASCII other than '"' and '\\' are copied whole.
    const size_t run = swar::QuotedRunEnd(bytes, i, value.size());
    if (run > i) {
      out.append(value.data() + i, run - i);
      i = run;
      if (i == value.size()) break;
    }
    const unsigned char c = bytes[i];
    if (c == 0xC2 && i + 1 < value.size() && static_cast<unsigned char>(value[i + 1]) == 0x85) {
      out.append("\\N");  // NEL is a line break to YAML 1.1
      ++i;
      continue;
    }
    if (c == 0xE2 && i + 2 < value.size() && static_cast<unsigned char>(value[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(value[i + 2]) & 0xFE) == 0xA8) {
      out.append(static_cast<unsigned char>(value[i + 2]) == 0xA8 ? "\\L" : "\\P");
      i += 2;
      continue;
    }
    if (c == 0xC2 && i + 1 < value.size() && static_cast<unsigned char>(value[i + 1]) < 0xA0) {
      // C1 controls (U+0080-U+009F) are outside YAML's printable set.
      AppendHex(&out, "\\x", static_cast<unsigned char>(value[i + 1]), 2);
      ++i;
      continue;
    }
    if (c == 0xEF && i + 2 < value.size()) {
      const unsigned char b1 = static_cast<unsigned char>(value[i + 1]);
      const unsigned char b2 = static_cast<unsigned char>(value[i + 2]);
      // U+FEFF (a BOM inside a scalar), U+FFFE and U+FFFF are not printable.
      const unsigned cp = 0xF000 | (b1 & 0x3F) << 6 | (b2 & 0x3F);
      if (cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF) {
        AppendHex(&out, "\\u", cp, 4);
        i += 2;
        continue;
      }
    }
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\t': out.append("\\t"); break;
      default:
        if (c < 0x20 || c == 0x7f) {
          AppendHex(&out, "\\x", c, 2);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
}

std::string YamlString(std::string_view value) {
  std::string out;
  AppendYamlString(&out, value);
  return out;
}

void AppendYamlLine(std::string* out, std::string_view lead, std::string_view value) {
  out->append(lead);
  AppendYamlString(out, value);
  out->push_back('\n');
}

std::string YamlKey(std::string_view key) {
  static const char* const kReserved[] = {"y", "n", "yes", "no", "on", "off", "true", "false",
                                          "null"};
  bool plain = !key.empty() && (IsAsciiAlnum(static_cast<unsigned char>(key[0])) || key[0] == '_') &&
               !(key[0] >= '0' && key[0] <= '9');
  for (const char c : key) {
    if (!IsAsciiAlnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') plain = false;
  }
  if (plain) {
    std::string lower;
    for (const char c : key) lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    for (const char* word : kReserved) {
      if (lower == word) plain = false;
    }
  }
  return plain ? std::string(key) : YamlString(key);
}

std::string ShellWord(std::string_view value) {
  bool plain = !value.empty();
  for (const char c : value) plain = plain && Table().shell_plain[static_cast<unsigned char>(c)];
  if (plain) return std::string(value);
  std::string out = "'";
  for (const char c : value) {
    if (c == '\'') {
      out.append("'\\''");
    } else {
      out.push_back(c);
    }
  }
  out.push_back('\'');
  return out;
}

std::string PercentEncode(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (const char ch : value) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (Table().url_plain[c]) {
      out.push_back(ch);
    } else {
      AppendHex(&out, "%", c, 2);
    }
  }
  return out;
}

std::string Base64(std::string_view bytes) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                       static_cast<unsigned char>(bytes[i + 1]) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out.push_back(kAlphabet[(v >> shift) & 63]);
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

}  // namespace gen
}  // namespace mcp_builder
