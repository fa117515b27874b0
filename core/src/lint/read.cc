// The generic part of every reader: the servers container, the members all
// clients share (command, args, env, URL, headers, type), unknown keys, and
// the placeholder syntaxes. Client specifics are in readers/<id>.cc.
#include <algorithm>
#include <cstring>
#include <iterator>
#include <optional>
#include <unordered_set>

#include "gen/resolve.h"
#include "gen/writer.h"
#include "lint/reader.h"
#include "text_checks.h"

namespace mcp_builder {
namespace lint {

using config::TransportKind;

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  if (text.empty()) return;  // data() may be null, which memchr must not get
  // memchr reads a word at a time (also in wasm's libc): lines are long
  // next to the bytes a loop would test one by one.
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)))) != nullptr;) {
    ++p;
    starts_.push_back(static_cast<uint32_t>(p - begin));
  }
}

json::Position LineIndex::At(size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset) - 1;
  json::Position pos;
  pos.line = static_cast<uint32_t>(it - starts_.begin() + 1);
  pos.offset = static_cast<uint32_t>(offset);
  for (size_t i = *it; i < offset; ++i) pos.column += (text_[i] & 0xC0) != 0x80;
  return pos;
}

Issue& ReadContext::Add(std::string rule, Severity severity, std::string message,
                        const json::Position& at, std::string pointer, uint32_t length) {
  Issue issue;
  issue.finding.rule = std::move(rule);
  issue.finding.severity = severity;
  issue.finding.message = std::move(message);
  issue.finding.line = at.line;
  issue.finding.column = at.column;
  issue.finding.offset = at.offset;
  issue.finding.length = length;
  issue.finding.pointer = std::move(pointer);
  issues.push_back(std::move(issue));
  return issues.back();
}

std::string Pointer(std::string_view base, std::string_view token) {
  std::string out;
  out.reserve(base.size() + 1 + token.size());  // one allocation when nothing is escaped
  out.append(base);
  json::AppendPointerToken(&out, token);
  return out;
}

std::string PointerOf(const std::vector<PathStep>& steps, int step) {
  std::vector<const PathStep*> path;
  for (int s = step; s >= 0; s = steps[static_cast<size_t>(s)].parent) path.push_back(&steps[static_cast<size_t>(s)]);
  std::string pointer;
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    json::AppendPointerToken(&pointer, (*it)->item ? std::to_string((*it)->index) : std::string((*it)->key));
  }
  return pointer;
}

std::vector<bool> Superseded(const json::Span<json::Member>& members) {
  std::vector<bool> out(members.size(), false);
  if (members.size() <= 16) {  // the usual object: no table
    for (size_t i = 0; i < members.size(); ++i) {
      for (size_t j = i + 1; j < members.size() && !out[i]; ++j) out[i] = members[i].key == members[j].key;
    }
    return out;
  }
  std::unordered_set<std::string_view> later;
  for (size_t i = members.size(); i-- > 0;) out[i] = !later.insert(members[i].key).second;
  return out;
}

bool HasMember(const json::Value& object, std::string_view key) {
  return object.is_object() && object.Find(key) != nullptr;
}

Edit KeySpan(std::string_view text, const json::Member& member) {
  const std::string_view rest = text.substr(std::min<size_t>(member.key_pos.offset, text.size()));
  const std::string quoted = "\"" + std::string(member.key) + "\"";
  if (rest.substr(0, quoted.size()) == quoted) {
    return {member.key_pos.offset, static_cast<uint32_t>(quoted.size()), ""};
  }
  if (rest.substr(0, member.key.size()) == member.key) {
    return {member.key_pos.offset, static_cast<uint32_t>(member.key.size()), ""};
  }
  return {};
}

namespace {

bool IsNameStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }

// Length of an environment-variable name at the start of `s`.
size_t NameLength(std::string_view s) {
  if (s.empty() || !IsNameStart(s[0])) return 0;
  size_t n = 1;
  while (n < s.size() && IsNameChar(s[n])) ++n;
  return n;
}

}  // namespace

std::pair<size_t, std::string> MatchRef(std::string_view s, Refs refs) {
  auto braced = [&](std::string_view prefix, bool allow_default) -> std::pair<size_t, std::string> {
    if (s.substr(0, prefix.size()) != prefix) return {0, ""};
    const std::string_view body = s.substr(prefix.size());
    const size_t n = NameLength(body);
    if (n == 0) return {0, ""};
    size_t end = n;
    if (allow_default && body.substr(n, 2) == ":-") end = body.find('}', n);
    if (end == std::string_view::npos || end >= body.size() || body[end] != '}') return {0, ""};
    return {prefix.size() + end + 1, std::string(body.substr(0, n))};
  };
  switch (refs) {
    case Refs::kNone:
      return {0, ""};  // <NAME> placeholders: see ParseText
    case Refs::kDollarBrace:
      return braced("${", true);
    case Refs::kEnvColon:
      return braced("${env:", false);
    case Refs::kVsCode: {
      if (s.substr(0, 8) == "${input:") {
        const size_t close = s.find('}');
        if (close == std::string_view::npos || close == 8) return {0, ""};
        return {close + 1, gen::SecretIdFrom(s.substr(8, close - 8))};
      }
      return braced("${env:", false);
    }
    case Refs::kGemini: {
      if (auto r = braced("${", false); r.first) return r;
      const size_t n = s.size() > 1 && s[0] == '$' ? NameLength(s.substr(1)) : 0;
      return n ? std::make_pair(n + 1, std::string(s.substr(1, n))) : std::make_pair(size_t{0}, std::string());
    }
    case Refs::kContinue: {
      if (s.substr(0, 3) != "${{") return {0, ""};
      const size_t close = s.find("}}");
      if (close == std::string_view::npos) return {0, ""};
      std::string_view inner = s.substr(3, close - 3);
      while (!inner.empty() && inner.front() == ' ') inner.remove_prefix(1);
      while (!inner.empty() && inner.back() == ' ') inner.remove_suffix(1);
      for (std::string_view scope : {"secrets.", "inputs."}) {
        if (inner.substr(0, scope.size()) == scope && NameLength(inner.substr(scope.size())) ==
                                                          inner.size() - scope.size()) {
          return {close + 2, std::string(inner.substr(scope.size()))};
        }
      }
      return {0, ""};
    }
  }
  return {0, ""};
}

namespace {

// <NAME> (an upper-case environment-variable name in angle brackets): the
// placeholder the writers put where a client expands no variables, to be
// replaced by hand. Read back as the secret it stands for.
std::pair<size_t, std::string> AngleRef(std::string_view s) {
  const size_t n = NameLength(s.substr(1));
  if (n == 0 || n + 1 >= s.size() || s[n + 1] != '>') return {0, ""};
  const std::string_view name = s.substr(1, n);
  if (std::any_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return {0, ""};
  return {n + 2, std::string(name)};
}

}  // namespace

config::Text ReadContext::ParseText(std::string_view s) const {
  config::Text out;
  // Most values hold no reference: one literal piece, copied once.
  // One byte starts a reference: searched with find(char), one memchr over
  // the value (find_first_of tests every byte against its set one by one).
  const char start = schema.refs == Refs::kNone ? '<' : '$';
  size_t literal = 0;  // start of the literal run not yet added
  for (size_t i = s.find(start); i < s.size(); i = s.find(start, i)) {
    const auto [length, id] = s[i] == '<' ? AngleRef(s.substr(i)) : MatchRef(s.substr(i), schema.refs);
    if (length == 0) {
      ++i;
      continue;
    }
    if (i > literal) out.pieces.push_back({std::string(s.substr(literal, i - literal)), {}});
    out.pieces.push_back({{}, id});
    i += length;
    literal = i;
  }
  if (literal < s.size() || out.pieces.empty()) out.pieces.push_back({std::string(s.substr(literal)), {}});
  return out;
}

namespace {

// VS Code's predefined variables (its variables reference; Cursor's and
// Windsurf's ${userHome}, ${workspaceFolder} follow it): ${NAME} forms
// those clients expand themselves.
bool IsPredefinedVariable(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "userHome",     "workspaceFolder",    "workspaceFolderBasename", "file",           "fileWorkspaceFolder",
      "relativeFile", "relativeFileDirname", "fileBasename",           "fileBasenameNoExtension", "fileExtname",
      "fileDirname",  "fileDirnameBasename", "cwd",                    "lineNumber",     "columnNumber",
      "selectedText", "execPath",            "defaultBuildTask",       "pathSeparator"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

}  // namespace

std::vector<ForeignRef> ReadContext::ForeignRefs(std::string_view s) const {
  std::vector<ForeignRef> out;
  const Refs own = schema.refs;
  for (size_t i = s.find('$'); i < s.size(); i = s.find('$', i + 1)) {
    const std::string_view at = s.substr(i);
    // Each syntax where it is not this client's own: Continue's and VS
    // Code's belong to one client each; ${env:NAME} to VS Code, Cursor and
    // Windsurf; ${NAME} (Claude Code's) is flagged only where the client's
    // own syntax is ${env:NAME}, since clients that document no expansion
    // may still run a server that expands it (mcp-remote's arguments).
    Refs syntax = Refs::kNone;
    if (at.substr(0, 3) == "${{") {
      syntax = own == Refs::kContinue ? Refs::kNone : Refs::kContinue;
    } else if (at.substr(0, 8) == "${input:") {
      syntax = own == Refs::kVsCode ? Refs::kNone : Refs::kVsCode;
    } else if (at.substr(0, 6) == "${env:") {
      syntax = own == Refs::kVsCode || own == Refs::kEnvColon ? Refs::kNone : Refs::kEnvColon;
    } else if (own == Refs::kVsCode || own == Refs::kEnvColon) {
      syntax = Refs::kDollarBrace;
    }
    if (syntax == Refs::kNone) continue;
    auto [length, name] = MatchRef(at, syntax);
    if (length == 0 || (syntax == Refs::kDollarBrace && IsPredefinedVariable(name))) continue;
    out.push_back({i, length, syntax, std::move(name)});
    i += length - 1;
  }
  return out;
}

namespace {

// The servers keys of all clients, and whose each one is, for messages.
struct ServersKey {
  const char* key;
  const char* who;
};
constexpr ServersKey kServersKeys[] = {
    {"mcpServers", "Claude Desktop, Claude Code, Cursor, Windsurf, Gemini CLI, Continue, Cline and LM Studio"},
    {"servers", "VS Code"},
    {"context_servers", "Zed"},
    {"mcp_servers", "Codex"},
    {"extensions", "Goose"},
};

// Member names with one meaning across clients, spelled differently.
constexpr const char* kUrlKeys[] = {"url", "serverUrl", "httpUrl", "uri"};
constexpr const char* kCommandKeys[] = {"command", "cmd"};
constexpr const char* kEnvKeys[] = {"env", "envs"};

template <size_t N>
bool OneOf(std::string_view key, const char* const (&list)[N]) {
  return std::any_of(std::begin(list), std::end(list), [&](const char* k) { return key == k; });
}

// A replacement for the string value `v` keeping its quoting ('"', '\'' or
// none), for values made of [A-Za-z0-9_-] only.
Edit ReplaceWord(std::string_view text, const json::Value& v, std::string_view word) {
  const char q = v.pos.offset < text.size() ? text[v.pos.offset] : '\0';
  const std::string quote = (q == '"' || q == '\'') ? std::string(1, q) : "";
  return {v.pos.offset, v.end - v.pos.offset, quote + std::string(word) + quote};
}

std::optional<TransportKind> TransportOfSpelling(std::string_view type) {
  std::string folded;
  for (char c : type) {
    if (c != '-' && c != '_') folded.push_back(static_cast<char>(c | 0x20));
  }
  if (folded == "stdio" || folded == "local") return TransportKind::kStdio;
  if (folded == "http" || folded == "streamablehttp" || folded == "streamable") return TransportKind::kHttp;
  if (folded == "sse") return TransportKind::kSse;
  return std::nullopt;
}

class EntryReader {
 public:
  explicit EntryReader(ReadContext* ctx) : ctx_(ctx), s_(ctx->schema) {}

  void Read(std::string name, const json::Value& v, const std::string& pointer, const json::Member* member) {
    if (!v.is_object()) {
      ctx_->AddAt("schema/wrong-type", Severity::kError,
                  "server " + text::Quoted(name) + " must be an object, not " + json::TypeName(v.type),
                  v, pointer);
      return;
    }
    if (const json::Value* type = v.Find("type"); type && type->is_string()) {
      for (const char* builtin : s_.builtin_types) {
        if (type->text == builtin) return;
      }
    }
    ReadEntry re;
    re.entry.name = std::move(name);
    re.object = {&v, pointer};
    re.member = member;
    std::optional<TransportKind> typed, url_kind;
    const json::Value* type_node = nullptr;
    const std::vector<bool> superseded = Superseded(v.members);
    for (const json::Member& m : v.members) {
      if (superseded[static_cast<size_t>(&m - v.members.begin())]) continue;
      const std::string p = Pointer(pointer, m.key);
      // `key` is how the member is read: its own name, or the client's name
      // for it when Fix will rename it (so what it holds is checked, and
      // fixed, in the same run).
      const auto read_as = [&](std::string_view key) {
        if (key == s_.command_key) {
          if (String(m, p, "a string")) re.command = {&m.value, p}, re.entry.command = std::string(m.value.text);
        } else if (key == "args") {
          ReadArgs(m, p, &re);
        } else if (key == s_.env_key) {
          ReadMap(m, p, &re.entry.env, &re.env);
        } else if (key == s_.headers_key) {
          ReadMap(m, p, &re.entry.headers, &re.headers);
        } else if (const TypeName* u = UrlKey(key)) {
          if (String(m, p, "a URL string")) {
            re.url = {&m.value, p};
            re.entry.url = ctx_->ParseText(m.value.text);
            url_kind = u->kind;
          }
        } else if (key == "type" && !s_.types.empty()) {
          type_node = &m.value;
          typed = ReadType(m.value, p);
        } else if (s_.servers_list && key == "name") {
          // Continue's entry name, read by the caller.
        } else if (std::any_of(s_.extras.begin(), s_.extras.end(), [&](const char* k) { return key == k; })) {
          re.extras.push_back({std::string(key), {&m.value, p}});
        } else {
          return false;
        }
        return true;
      };
      if (read_as(m.key)) continue;
      const std::string renamed = Unknown(v, m, p);
      if (!renamed.empty()) read_as(renamed);
    }
    // "disabled": true or "enabled": false, for the clients whose writer
    // keeps it: convert carries it over. Elsewhere it stays an extra (and
    // convert warns that it is not written).
    if (gen::WritesDisabled(s_.id)) {
      for (auto it = re.extras.begin(); it != re.extras.end();) {
        const json::Value& flag = *it->second.node;
        if ((it->first == "disabled" || it->first == "enabled") && flag.is_bool()) {
          re.entry.disabled = it->first == "disabled" ? flag.boolean : !flag.boolean;
          it = re.extras.erase(it);
        } else {
          ++it;
        }
      }
    }
    const bool has_command = re.command.node != nullptr, has_url = re.url.node != nullptr;
    if (has_url) {
      re.entry.transport = *url_kind;
      if (typed && *typed != TransportKind::kStdio) re.entry.transport = *typed;
    }
    const std::string quoted = text::Quoted(re.entry.name);
    if (has_command && has_url) {
      ctx_->AddAt("schema/command-and-url", Severity::kError,
                  "server " + quoted + " has both \"" + s_.command_key + "\" and a URL; " + s_.display +
                      " runs one or the other",
                  v, pointer);
    } else if (!has_command && !has_url) {
      ctx_->AddAt("schema/missing-command", Severity::kError,
                  "server " + quoted + " has neither \"" + s_.command_key + "\" (a local server) nor \"" +
                      s_.url_keys[0].name + "\" (a remote one)",
                  v, pointer);
    } else if (typed && type_node && (*typed == TransportKind::kStdio) != has_command) {
      ctx_->AddAt("schema/type-mismatch", Severity::kError,
                  "server " + quoted + " says \"type\": " + text::Quoted(type_node->text) + " but has " +
                      (has_command ? "a command" : "a URL"),
                  *type_node, Pointer(pointer, "type"));
    }
    if (s_.hook) s_.hook(v, &re, ctx_);
    ctx_->entries.push_back(std::move(re));
  }

 private:
  bool String(const json::Member& m, const std::string& p, const char* what) {
    if (m.value.is_string()) return true;
    ctx_->AddAt("schema/wrong-type", Severity::kError,
                "\"" + std::string(m.key) + "\" must be " + what + ", not " + json::TypeName(m.value.type),
                m.value, p);
    return false;
  }

  void ReadArgs(const json::Member& m, const std::string& p, ReadEntry* re) {
    if (!m.value.is_array()) {
      ctx_->AddAt("schema/wrong-type", Severity::kError,
                  "\"args\" must be an array of strings, not " + std::string(json::TypeName(m.value.type)),
                  m.value, p);
      return;
    }
    for (size_t i = 0; i < m.value.items.size(); ++i) {
      const json::Value& a = m.value.items[i];
      const std::string ap = p + "/" + std::to_string(i);
      if (!a.is_string()) {
        ctx_->AddAt("schema/wrong-type", Severity::kError,
                    "argument " + std::to_string(i + 1) + " must be a string, not " + json::TypeName(a.type) +
                        (a.type == json::Type::kNumber ? " (quote it)" : ""),
                    a, ap);
        continue;
      }
      re->entry.args.push_back(ctx_->ParseText(a.text));
      re->args.push_back({&a, ap});
    }
  }

  void ReadMap(const json::Member& m, const std::string& p, std::vector<config::NamedText>* out,
               std::vector<Field>* fields) {
    if (!m.value.is_object()) {
      ctx_->AddAt("schema/wrong-type", Severity::kError,
                  "\"" + std::string(m.key) + "\" must be an object of strings, not " +
                      json::TypeName(m.value.type),
                  m.value, p);
      return;
    }
    const std::vector<bool> superseded = Superseded(m.value.members);
    for (const json::Member& e : m.value.members) {
      if (superseded[static_cast<size_t>(&e - m.value.members.begin())]) continue;
      const std::string ep = Pointer(p, e.key);
      if (!e.value.is_string()) {
        // YAML 1.1's merge key: YAML 1.2, which the reader follows, has
        // none, and whether the client applies one is not documented.
        const bool merge = s_.syntax == Syntax::kYaml && e.key == "<<";
        ctx_->AddAt("schema/wrong-type", Severity::kError,
                    merge ? "'<<' (a YAML 1.1 merge key) is read as a variable of its own: YAML 1.2 has no merge "
                            "keys, and " + std::string(s_.display) + " is not documented to apply them; list the "
                            "variables here instead"
                          : text::Quoted(e.key) + " must be a string, not " + json::TypeName(e.value.type) +
                                (e.value.type == json::Type::kNumber || e.value.is_bool() ? " (quote it)" : ""),
                    e.value, ep);
        continue;
      }
      out->push_back({std::string(e.key), ctx_->ParseText(e.value.text)});
      fields->push_back({&e.value, ep});
    }
  }

  const TypeName* UrlKey(std::string_view key) const {
    for (const TypeName& u : s_.url_keys) {
      if (key == u.name) return &u;
    }
    return nullptr;
  }

  std::optional<TransportKind> ReadType(const json::Value& v, const std::string& p) {
    if (!v.is_string()) {
      ctx_->AddAt("schema/wrong-type", Severity::kError,
                  "\"type\" must be a string, not " + std::string(json::TypeName(v.type)), v, p);
      return std::nullopt;
    }
    for (const TypeName& t : s_.types) {
      if (v.text == t.name) return t.kind;
    }
    std::string accepted;
    for (const TypeName& t : s_.types) accepted += (accepted.empty() ? "\"" : ", \"") + std::string(t.name) + "\"";
    Issue& issue = ctx_->AddAt("schema/type-value", Severity::kError,
                               s_.display + std::string(" does not know \"type\": ") + text::Quoted(v.text) +
                                   "; it accepts " + accepted,
                               v, p);
    // Another client's spelling of a transport this one has: rename it.
    if (const auto kind = TransportOfSpelling(v.text)) {
      for (const TypeName& t : s_.types) {
        if (t.kind != *kind) continue;
        issue.finding.fix = std::string("write \"") + t.name + "\"";
        issue.edits.push_back(ReplaceWord(ctx_->text, v, t.name));
        return t.kind;
      }
    }
    return std::nullopt;
  }

  // A member this client does not read: another client's spelling of a
  // field (an error: the value is ignored), or an unknown key (a warning).
  // Returns the client's name for it when Fix renames it, else "".
  std::string Unknown(const json::Value& object, const json::Member& m, const std::string& p) {
    std::string want;
    if (OneOf(m.key, kUrlKeys)) want = s_.url_keys[0].name;
    if (OneOf(m.key, kCommandKeys)) want = s_.command_key;
    if (OneOf(m.key, kEnvKeys)) want = s_.env_key;
    if (!want.empty()) {
      Issue& issue = ctx_->Add("schema/field-name", Severity::kError,
                               s_.display + std::string(" reads \"") + want + "\", not \"" +
                                   std::string(m.key) + "\"; this value is ignored",
                               m.key_pos, p, static_cast<uint32_t>(m.key.size()));
      Edit span = KeySpan(ctx_->text, m);
      if (!HasMember(object, want) && span.length) {
        const bool quoted = ctx_->text[span.offset] == '"';
        span.text = quoted ? "\"" + want + "\"" : want;
        issue.edits.push_back(span);
        issue.finding.fix = "rename to \"" + want + "\"";
        return want;
      }
      return "";
    }
    std::vector<std::string_view> known = {s_.command_key, "args", s_.env_key, s_.headers_key};
    for (const TypeName& u : s_.url_keys) known.emplace_back(u.name);
    if (!s_.types.empty()) known.emplace_back("type");
    for (const char* k : s_.extras) known.emplace_back(k);
    std::string message = s_.display + std::string(" does not read \"") + std::string(m.key) + "\"";
    const std::string guess = text::DidYouMean(m.key, known);
    message += guess.empty() ? "; it is ignored" : "; did you mean \"" + guess + "\"?";
    ctx_->Add("schema/unknown-key", Severity::kWarning, message, m.key_pos, p,
              static_cast<uint32_t>(m.key.size()));
    return "";
  }

  ReadContext* ctx_;
  const ClientSchema& s_;
};

const json::Member* LastMember(const json::Value& object, std::string_view key) {
  const json::Member* found = nullptr;
  for (const json::Member& m : object.members) {
    if (m.key == key) found = &m;
  }
  return found;
}

}  // namespace

const json::Value* ServersObjectAt(const json::Value& root, const ClientSchema::ConfigPath& at,
                                   std::string_view servers_key) {
  const json::Value* v = &root;
  for (const char* key : at.path) {
    const json::Member* m = v->is_object() ? LastMember(*v, key) : nullptr;
    if (!m) return nullptr;
    v = &m->value;
  }
  return v->is_object() && LastMember(*v, servers_key) ? v : nullptr;
}

void ReadDocument(const json::Value& root, ReadContext* ctx) {
  const ClientSchema& s = ctx->schema;
  if (!root.is_object()) {
    ctx->AddAt("schema/wrong-type", Severity::kError,
               std::string("a ") + s.display + " configuration is " +
                   (s.syntax == Syntax::kYaml ? "a mapping" : "an object") + ", not " + json::TypeName(root.type),
               root, "");
    return;
  }
  ctx->config = &root;
  if (!LastMember(root, s.servers_key) && !root.Find("inputs")) {
    for (const ClientSchema::ConfigPath& at : s.config_paths) {
      const json::Value* v = ServersObjectAt(root, at, s.servers_key);
      if (!v) continue;
      ctx->config = v;
      for (const char* key : at.path) ctx->config_pointer = Pointer(ctx->config_pointer, key);
      if (*at.warning) ctx->AddAt("schema/legacy-location", Severity::kWarning, at.warning, *v, ctx->config_pointer);
      break;
    }
  }
  const json::Value& config = *ctx->config;
  const json::Member* servers = LastMember(config, s.servers_key);
  if (!servers) {
    for (const ServersKey& k : kServersKeys) {
      const json::Member* other = LastMember(config, k.key);
      if (!other || std::string_view(k.key) == s.servers_key) continue;
      Issue& issue = ctx->Add("schema/top-level-key", Severity::kError,
                              s.display + std::string(" reads servers from \"") + s.servers_key + "\"; \"" +
                                  k.key + "\" is " + k.who + "'s key, so " + s.display +
                                  " ignores every server in this file",
                              other->key_pos, Pointer(ctx->config_pointer, k.key),
                              static_cast<uint32_t>(other->key.size()));
      Edit span = KeySpan(ctx->text, *other);
      if (span.length && s.syntax != Syntax::kToml) {
        span.text = ctx->text[span.offset] == '"' ? "\"" + std::string(s.servers_key) + "\"" : s.servers_key;
        issue.edits.push_back(span);
        issue.finding.fix = std::string("rename to \"") + s.servers_key + "\"";
      }
      servers = other;  // read them anyway, so the other rules still run
      break;
    }
  }
  if (!servers) {
    ctx->AddAt("schema/no-servers", Severity::kWarning,
               std::string("no \"") + s.servers_key + "\" here: this file configures no MCP servers for " +
                   s.display,
               root, "");
    return;
  }
  const std::string base = Pointer(ctx->config_pointer, servers->key);
  const json::Value& list = servers->value;
  EntryReader reader(ctx);
  if (s.servers_list && list.is_array()) {
    for (size_t i = 0; i < list.items.size(); ++i) {
      const json::Value& item = list.items[i];
      const std::string p = base + "/" + std::to_string(i);
      const json::Value* name = item.is_object() ? item.Find("name") : nullptr;
      if (item.is_object() && (!name || !name->is_string() || name->text.empty())) {
        ctx->AddAt("schema/missing-name", Severity::kError,
                   "server " + std::to_string(i + 1) + " needs a \"name\" string", item, p);
      }
      reader.Read(name && name->is_string() ? std::string(name->text) : "server-" + std::to_string(i + 1),
                  item, p, nullptr);
    }
    if (s.document_hook) s.document_hook(config, ctx);
    return;
  }
  if (!list.is_object()) {
    ctx->AddAt("schema/wrong-type", Severity::kError,
               "\"" + std::string(servers->key) + "\" must be " +
                   (s.servers_list ? "a list of servers" : "an object of named servers") + ", not " +
                   json::TypeName(list.type),
               list, base);
    return;
  }
  for (const json::Member& m : list.members) {
    reader.Read(std::string(m.key), m.value, Pointer(base, m.key), &m);
  }
  if (s.document_hook) s.document_hook(config, ctx);
}

}  // namespace lint
}  // namespace mcp_builder
