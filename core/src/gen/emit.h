// Text emitters for the generated files: pretty JSON, TOML and YAML
// scalars, POSIX shell words, URL components and base64. Every function
// here escapes so that no value can leave the string it is written into;
// the JS tests check that with independent parsers and `sh -c`.
#ifndef MCP_BUILDER_SRC_GEN_EMIT_H_
#define MCP_BUILDER_SRC_GEN_EMIT_H_

#include <string>
#include <string_view>
#include <vector>

namespace mcp_builder {
namespace gen {

/// Pretty JSON in the layout of JSON.stringify(value, null, 2), so files
/// look like what people and their editors write.
class JsonOut {
 public:
  JsonOut() { out_.reserve(4096); }
  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);
  /// A key known to need no escaping (a literal such as "command").
  void PlainKey(const char* key);
  void String(std::string_view value);
  void Bool(bool value);
  void Number(long value);
  /// The text so far, with a final newline.
  std::string Finish();

 private:
  void Open(char bracket);
  void Close(char bracket);
  void BeforeValue();
  void Newline(size_t depth);

  std::string out_;
  std::vector<size_t> counts_;  // values written so far, per open container
  bool after_key_ = false;
};

/// `pretty` (JsonOut's text) on one line, whitespace outside strings
/// removed: the form install links and commands carry.
std::string CompactJson(std::string_view pretty);

/// TOML basic string, quotes included.
std::string TomlString(std::string_view value);
/// TOML key: bare when it is [A-Za-z0-9_-]+, else a quoted basic string.
std::string TomlKey(std::string_view key);

/// YAML double-quoted scalar (valid YAML 1.1 and 1.2).
std::string YamlString(std::string_view value);
void AppendYamlString(std::string* out, std::string_view value);
/// `lead`, the quoted value and a line break: `      - "x"`, `    cmd: "npx"`.
void AppendYamlLine(std::string* out, std::string_view lead, std::string_view value);
/// YAML mapping key: plain when unambiguous, else double-quoted.
std::string YamlKey(std::string_view key);

/// One POSIX shell word: the value unchanged when it is made only of
/// characters no shell treats specially, else single-quoted.
std::string ShellWord(std::string_view value);

/// encodeURIComponent: every byte but A-Z a-z 0-9 - _ . ! ~ * ' ( ) as %HH.
std::string PercentEncode(std::string_view value);

/// RFC 4648 base64 with padding.
std::string Base64(std::string_view bytes);

}  // namespace gen
}  // namespace mcp_builder

#endif  // MCP_BUILDER_SRC_GEN_EMIT_H_
