// Loading a configuration file: which syntax, which client, and the parsed
// tree. A strict-JSON client's file with comments or trailing commas is a
// syntax error (the client refuses it) but is still read as JSONC, so the
// other rules report on it too.
#include <algorithm>
#include <vector>

#include "lint/analysis.h"
#include "mcp_builder/toml.h"
#include "mcp_builder/yaml.h"
#include "text_checks.h"

namespace mcp_builder {
namespace lint {

namespace {

const char* SyntaxName(Syntax s) {
  switch (s) {
    case Syntax::kJson: return "json";
    case Syntax::kJsonc: return "jsonc";
    case Syntax::kToml: return "toml";
    case Syntax::kYaml: return "yaml";
  }
  return "json";
}

json::ParseOptions Limits() {
  json::ParseOptions o;
  o.max_bytes = kMaxBytes;
  o.max_depth = kMaxDepth;
  return o;
}

json::ParseResult ParseAs(std::string_view text, Syntax syntax) {
  json::ParseOptions o = Limits();
  switch (syntax) {
    case Syntax::kJson:
      return json::Parse(text, o);
    case Syntax::kJsonc:
      o.allow_comments = o.allow_trailing_commas = true;
      return json::Parse(text, o);
    case Syntax::kToml:
      return toml::Parse(text, o);
    case Syntax::kYaml:
      return yaml::Parse(text, o);
  }
  return json::Parse(text, o);
}

void AddParseError(Analysis* a, const json::ParseError& e, Syntax syntax, const char* display) {
  std::string rule = "syntax/";
  switch (e.code) {
    case json::ParseErrorCode::kTooLarge: rule += "too-large"; break;
    case json::ParseErrorCode::kTooDeep: rule += "too-deep"; break;
    case json::ParseErrorCode::kEncoding: rule += "encoding"; break;
    default: rule += SyntaxName(syntax == Syntax::kJsonc ? Syntax::kJson : syntax);
  }
  Issue issue;
  issue.finding = {rule, Severity::kError,
                   std::string(display) + ": " + PrintableText(e.message),
                   e.pos.line, e.pos.column, e.pos.offset, 0, "", ""};
  a->issues.push_back(std::move(issue));
}

// The first byte that is not white space or a comment (# or //).
char FirstSignificant(std::string_view text) {
  size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (c == '#' || text.substr(i, 2) == "//") {
      i = std::min(text.find('\n', i), text.size());
    } else {
      return c;
    }
  }
  return 0;
}

bool AnyString(const json::Value& v, std::string_view needle, int depth = 0) {
  if (depth > 8) return false;
  if (v.is_string()) return v.text.find(needle) != std::string_view::npos;
  for (const json::Value& i : v.items) {
    if (AnyString(i, needle, depth + 1)) return true;
  }
  for (const json::Member& m : v.members) {
    if (AnyString(m.value, needle, depth + 1)) return true;
  }
  return false;
}

// Whether `v` holds a ${NAME} or ${NAME:-default} reference whose NAME is
// not in `names`. Other clients' ${input:id}, ${env:NAME} and
// ${{ secrets.NAME }} are not Claude Code's.
bool RefOutside(const json::Value& v, const std::vector<std::string_view>& names, int depth = 0) {
  if (depth > 8) return false;
  for (size_t at = v.is_string() ? v.text.find("${") : std::string_view::npos; at != std::string_view::npos;
       at = v.text.find("${", at + 2)) {
    const auto [length, name] = MatchRef(v.text.substr(at), Refs::kDollarBrace);
    if (length > 0 && std::find(names.begin(), names.end(), name) == names.end()) return true;
  }
  for (const json::Value& i : v.items) {
    if (RefOutside(i, names, depth + 1)) return true;
  }
  for (const json::Member& m : v.members) {
    if (RefOutside(m.value, names, depth + 1)) return true;
  }
  return false;
}

// Whether a server entry holds a ${NAME} reference its client must expand:
// one whose NAME is not among the entry's own env variables. mcp-remote
// expands ${NAME} in its arguments from its own environment, so Claude
// Desktop configs carry "Authorization:${AUTH_HEADER}" with AUTH_HEADER in
// "env": not Claude Code's syntax.
bool HasClientRef(const json::Value& entry) {
  std::vector<std::string_view> names;
  if (const json::Value* env = entry.Find("env"); env && env->is_object()) {
    for (const json::Member& m : env->members) names.push_back(m.key);
  }
  return RefOutside(entry, names);
}

// The client a JSON document is for, from its shape; `why` says what decided.
const char* Recognise(const json::Value& root, Syntax syntax, std::string* why) {
  auto has = [&](const char* k) { return HasMember(root, k); };
  if (syntax == Syntax::kToml) return *why = "TOML with [mcp_servers] tables is Codex's config.toml", "codex";
  if (syntax == Syntax::kYaml) {
    if (has("extensions")) return *why = "a YAML \"extensions\" map is Goose's config.yaml", "goose";
    return *why = "a YAML \"mcpServers\" list is Continue's config.yaml", "continue";
  }
  if (has("servers") || has("inputs")) return *why = "a \"servers\" object is VS Code's mcp.json", "vscode";
  // Servers in another file's object (VS Code settings.json's "mcp").
  for (const ClientSchema* s : Schemas()) {
    for (const ClientSchema::ConfigPath& at : s->config_paths) {
      if (!ServersObjectAt(root, at, s->servers_key)) continue;
      std::string path;
      for (const char* key : at.path) path += (path.empty() ? "" : ".") + std::string(key);
      *why = "\"" + path + "\" with \"" + s->servers_key + "\" is " + at.file;
      return s->id;
    }
  }
  if (has("context_servers")) return *why = "\"context_servers\" is Zed's settings key", "zed";
  const json::Value* servers = root.Find("mcpServers");
  if (!servers) return *why = "no servers key was found; read as Claude Desktop", "claude-desktop";
  if (servers->is_array()) return *why = "an \"mcpServers\" list is Continue's shape", "continue";
  bool any_type = false, cline_type = false, url = false, client_ref = false;
  for (const json::Member& m : servers->members) {
    const json::Value& s = m.value;
    if (!s.is_object()) continue;
    client_ref = client_ref || HasClientRef(s);
    if (s.Find("serverUrl")) return *why = "\"serverUrl\" is Windsurf's field", "windsurf";
    if (s.Find("httpUrl") || s.Find("trust") || s.Find("includeTools") || s.Find("excludeTools")) {
      return *why = "\"httpUrl\"/\"trust\"/\"includeTools\" are Gemini CLI's fields", "gemini-cli";
    }
    const json::Value* type = s.Find("type");
    if (type && type->is_string() && type->text == "streamableHttp") cline_type = true;
    if (s.Find("autoApprove") || s.Find("alwaysAllow")) cline_type = true;
    any_type = any_type || type;
    url = url || s.Find("url");
  }
  if (cline_type) return *why = "\"streamableHttp\"/\"autoApprove\"/\"alwaysAllow\" are Cline's", "cline";
  if (AnyString(*servers, "${env:")) return *why = "${env:NAME} references are Cursor's syntax", "cursor";
  if (has("projects") || any_type || client_ref) {
    return *why = "\"type\" fields or ${VAR} references are Claude Code's .mcp.json", "claude-code";
  }
  if (url) return *why = "\"mcpServers\" with a remote \"url\" and no \"type\" is Cursor's notation", "cursor";
  return *why = "\"mcpServers\" with local servers only: Claude Desktop's shape (also Cursor's and LM Studio's)",
         "claude-desktop";
}

// Every comma between the last element of an array or object and its
// closing bracket (comments may stand between them in JSONC).
void TrailingCommas(const json::Value& v, const std::string& pointer, const char* display, Analysis* a) {
  if (v.is_array() || v.is_object()) {
    const bool array = v.is_array();
    const bool empty = array ? v.items.empty() : v.members.empty();
    const std::string_view text = a->text;
    size_t i = empty ? v.pos.offset + 1 : (array ? v.items.back().end : v.members.back().value.end);
    const size_t close = v.end > 0 ? v.end - 1 : 0;
    while (i < close) {
      if (text.substr(i, 2) == "//") {
        i = std::min(text.find('\n', i), close);
      } else if (text.substr(i, 2) == "/*") {
        const size_t end = text.find("*/", i + 2);
        i = end == std::string_view::npos ? close : std::min(end + 2, close);
      } else if (text[i] == ',') {
        const json::Position at = a->lines.At(i);
        a->issues.push_back({{"syntax/trailing-comma", Severity::kError,
                              std::string(display) + " reads strict JSON: a trailing comma is not allowed before " +
                                  (array ? "']'" : "'}'"),
                              at.line, at.column, at.offset, 1, pointer, "remove the comma"},
                             {{static_cast<uint32_t>(i), 1, ""}}});
        ++i;
      } else {
        ++i;
      }
    }
  }
  for (size_t i = 0; i < v.items.size(); ++i) TrailingCommas(v.items[i], pointer + "/" + std::to_string(i), display, a);
  for (const json::Member& m : v.members) TrailingCommas(m.value, Pointer(pointer, m.key), display, a);
}

}  // namespace

void LoadDocument(std::string_view client, Analysis* a) {
  const std::string_view text = a->text;
  const bool automatic = client.empty() || client == "auto";
  const ClientSchema* schema = automatic ? nullptr : FindSchema(client);
  if (!automatic && !schema) {
    std::vector<std::string_view> ids;
    for (const ClientSchema* s : Schemas()) ids.emplace_back(s->id);
    std::string message = "unknown client " + text::Quoted(client);
    const std::string guess = text::DidYouMean(client, ids);
    a->issues.push_back({{"lint/unknown-client", Severity::kError,
                          message + (guess.empty() ? "" : "; did you mean " + text::Quoted(guess) + "?"),
                          1, 1, 0, 0, "", ""},
                         {}});
    return;
  }
  Syntax syntax;
  bool parsed = false;  // auto mode may have parsed while choosing the syntax
  if (schema) {
    syntax = schema->syntax;
  } else {
    const char first = FirstSignificant(text);
    if (first == '{' || first == 0) {
      syntax = Syntax::kJsonc;
    } else {
      // TOML and YAML overlap little: a document that is one is rarely the
      // other. TOML first: its header lines are invalid YAML flow sequences.
      a->parsed = toml::Parse(text, Limits());
      syntax = Syntax::kToml;
      parsed = true;
      if (!a->parsed.ok()) {
        json::ParseResult yaml = yaml::Parse(text, Limits());
        const bool tomlish = text.find("[mcp_servers") != std::string_view::npos;
        if (yaml.ok() || !tomlish) {
          a->parsed = std::move(yaml);
          syntax = Syntax::kYaml;
        }
      }
    }
  }
  if (!parsed) a->parsed = ParseAs(text, syntax);
  if (!schema) {
    if (!a->parsed.ok()) {
      a->format = SyntaxName(syntax == Syntax::kJsonc ? Syntax::kJson : syntax);
      AddParseError(a, a->parsed.error, syntax, syntax == Syntax::kToml ? "TOML" : syntax == Syntax::kYaml ? "YAML" : "JSON");
      return;
    }
    schema = FindSchema(Recognise(a->parsed.value, syntax, &a->detected));
  }
  a->schema = schema;
  a->format = SyntaxName(schema->syntax);
  if (a->parsed.ok() && syntax == Syntax::kJsonc && schema->syntax == Syntax::kJson) {
    // Recognised from a JSONC read: a strict client must not see comments.
    json::ParseResult strict = ParseAs(text, Syntax::kJson);
    if (!strict.ok()) a->parsed = std::move(strict);
  }
  if (schema->syntax == Syntax::kJson && !a->parsed.ok() &&
      a->parsed.error.code == json::ParseErrorCode::kSyntax) {
    json::ParseResult lenient = ParseAs(text, Syntax::kJsonc);
    if (lenient.ok()) {
      // Valid JSONC: the strict error is a comment or a trailing comma. The
      // strict parser stops at the first; the tree shows every trailing
      // comma, so one Fix removes them all.
      const json::Position at = a->parsed.error.pos;
      if (text.substr(at.offset, 2) == "//" || text.substr(at.offset, 2) == "/*") {
        a->issues.push_back({{"syntax/comment", Severity::kError,
                              std::string(schema->display) + " reads strict JSON: comments are not allowed",
                              at.line, at.column, at.offset, 2, "", ""},
                             {}});
      }
      TrailingCommas(lenient.value, "", schema->display, a);
      a->parsed = std::move(lenient);
    }
  }
  if (!a->parsed.ok()) {
    AddParseError(a, a->parsed.error, schema->syntax,
                  schema->syntax == Syntax::kToml ? "TOML" : schema->syntax == Syntax::kYaml ? "YAML" : "JSON");
    return;
  }
  a->has_tree = true;
}

}  // namespace lint
}  // namespace mcp_builder
