// secret/<type>: hard-coded credentials. The scanner runs once over the
// whole text (one combined pass, src/lint/secret_scan.cc); each finding is
// then placed in the tree (the string value that holds it, for the pointer)
// and, when that value is part of a server entry, given the fix: the
// client's placeholder in place of the secret. The key/value context rule
// (a secret-named key with a high-entropy literal) runs on every string
// member the token rules left alone.
#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include "gen/emit.h"
#include "gen/resolve.h"
#include "gen/writer.h"
#include "lint/analysis.h"
#include "mcp_builder/json_writer.h"
#include "mcp_builder/secrets.h"
#include "text_checks.h"

namespace mcp_builder {
namespace lint {

std::string PlaceholderFor(const ClientSchema& schema, const std::string& id, bool* expanded) {
  *expanded = true;
  switch (schema.refs) {
    case Refs::kDollarBrace:
    case Refs::kGemini:
      return "${" + id + "}";
    case Refs::kEnvColon:
      return "${env:" + id + "}";
    case Refs::kContinue:
      return "${{ secrets." + id + " }}";
    case Refs::kVsCode:
      return "${input:" + gen::VsCodeInputId(id) + "}";
    case Refs::kNone:
      break;
  }
  *expanded = false;
  return "<" + id + ">";
}

std::string RequoteString(std::string_view text, const json::Value& v, Syntax syntax,
                          const std::string& value) {
  const char q = v.pos.offset < text.size() ? text[v.pos.offset] : '\0';
  const bool multiline = text.substr(v.pos.offset, 3) == "\"\"\"" || text.substr(v.pos.offset, 3) == "'''";
  switch (syntax) {
    case Syntax::kJson:
    case Syntax::kJsonc: {
      std::string out;
      json::AppendQuoted(&out, value, /*html_safe=*/false);
      return out;
    }
    case Syntax::kToml:
      if (q == '\'' && !multiline && value.find_first_of("'\n\r") == std::string::npos) return "'" + value + "'";
      return gen::TomlString(value);
    case Syntax::kYaml:
      if (q == '\'' && value.find_first_of("\n\r") == std::string::npos) {
        std::string out = "'";
        for (const char c : value) out += c == '\'' ? std::string("''") : std::string(1, c);
        return out + "'";
      }
      if (q != '"' && q != '|' && q != '>' && !value.empty() &&
          value.find_first_of("{}[],#:\"'&*!|>%@`\\\n\r\t") == std::string::npos && value.front() != ' ' &&
          value.back() != ' ' && value.front() != '-' && value.front() != '?') {
        return value;  // stays a plain scalar
      }
      return gen::YamlString(value);
  }
  return value;
}

namespace {

// What a string value is, when it is part of a server entry.
struct Owner {
  size_t entry = 0;
  enum Kind { kArg, kEnv, kUrl, kHeader } kind = kArg;
  // Env name, header name, or the flag before an argument: a view of the
  // document or of ctx->entries, which outlive the rules.
  std::string_view name;
};

// The owner of every string value of every entry, by node address: a
// sorted array, built once per document (a 1 MB config has tens of
// thousands of such values; a map spent an allocation on each).
class OwnerTable {
 public:
  explicit OwnerTable(const ReadContext& ctx) {
    for (size_t i = 0; i < ctx.entries.size(); ++i) {
      const ReadEntry& e = ctx.entries[i];
      for (size_t a = 0; a < e.args.size(); ++a) {
        std::string_view flag;
        if (a > 0) {
          const std::string_view prev = e.args[a - 1].node->text;
          if (prev.substr(0, 1) == "-") flag = prev;
        }
        const std::string_view self = e.args[a].node->text;
        if (self.substr(0, 2) == "--" && self.find('=') != std::string_view::npos) flag = self.substr(0, self.find('='));
        owners_.push_back({e.args[a].node, {i, Owner::kArg, flag}});
      }
      for (size_t k = 0; k < e.env.size(); ++k) owners_.push_back({e.env[k].node, {i, Owner::kEnv, e.entry.env[k].name}});
      for (size_t k = 0; k < e.headers.size(); ++k) {
        owners_.push_back({e.headers[k].node, {i, Owner::kHeader, e.entry.headers[k].name}});
      }
      if (e.url.node) owners_.push_back({e.url.node, {i, Owner::kUrl, ""}});
    }
    // Stable: of two owners of one node, the later one is found, as a
    // map assigned in this order would keep it.
    std::stable_sort(owners_.begin(), owners_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  }

  // The owner of `node`, or null when it is not part of an entry.
  const Owner* Find(const json::Value* node) const {
    const auto after = std::upper_bound(owners_.begin(), owners_.end(), node,
                                        [](const json::Value* n, const auto& o) { return n < o.first; });
    return after != owners_.begin() && std::prev(after)->first == node ? &std::prev(after)->second : nullptr;
  }

 private:
  std::vector<std::pair<const json::Value*, Owner>> owners_;
};

// What a secret is of the value holding it. Where it is only a part, the
// placeholder is named for the part: asked for "DATABASE_URI", a user
// pastes a whole URI where only its password goes.
enum class Part { kWhole, kPassword, kOther };

// The placeholder id of a secret, from where it is: an env var keeps its
// name (with _PASSWORD or _SECRET when the secret is part of its value),
// anything else is named after its server and what it is.
std::string SecretId(const ReadContext& ctx, const Owner& o, Part part) {
  const std::string& server = ctx.entries[o.entry].entry.name;
  // A name that holds a secret itself must not become the placeholder's
  // name (nor the env template's): the server's name stands in for it.
  if (!o.name.empty() && !secrets::Scan(o.name).empty()) return gen::SecretIdFrom(server + "_secret");
  switch (o.kind) {
    case Owner::kEnv:
      return gen::SecretIdFrom(std::string(o.name) +
                               (part == Part::kWhole ? "" : part == Part::kPassword ? "_password" : "_secret"));
    case Owner::kHeader: {
      std::string lower;
      for (char c : o.name) lower.push_back(static_cast<char>(c | 0x20));
      return gen::SecretIdFrom(server + "_" + (lower == "authorization" ? std::string("token") : std::string(o.name)));
    }
    case Owner::kUrl:
      return gen::SecretIdFrom(server + (part == Part::kPassword ? "_password" : "_token"));
    case Owner::kArg: {
      std::string_view flag = o.name;
      while (!flag.empty() && flag[0] == '-') flag.remove_prefix(1);
      return gen::SecretIdFrom(server + "_" + (flag.empty() ? std::string("secret") : std::string(flag)));
    }
  }
  return "SECRET";
}

struct StringNode {
  const json::Value* node;
  int step;              // in the PathStep list; -1 for the root
  std::string_view key;  // the member key holding it ("" in arrays)
};

void CollectStrings(const json::Value& v, int step, std::string_view key, std::vector<PathStep>* steps,
                    std::vector<StringNode>* out) {
  if (v.is_string()) out->push_back({&v, step, key});
  for (size_t i = 0; i < v.items.size(); ++i) {
    steps->push_back({step, true, "", i});
    CollectStrings(v.items[i], static_cast<int>(steps->size() - 1), "", steps, out);
  }
  for (const json::Member& m : v.members) {
    steps->push_back({step, false, m.key, 0});
    CollectStrings(m.value, static_cast<int>(steps->size() - 1), m.key, steps, out);
  }
}

std::string_view RuleTitle(std::string_view rule) {
  const std::string_view id = rule.substr(rule.find('/') + 1);
  for (const secrets::Rule& r : secrets::Rules()) {
    if (r.id == id) return r.title;
  }
  return "secret";
}

// Where `secret` stands in `value` as a token of its own: the first
// occurrence not glued to a letter, digit or '_' on either side (the
// scanner's edges), else the first occurrence; npos if none. A value can
// hold the same characters as the start of a longer, rejected run
// ("ghp_...WWWWWWWW" before the real "ghp_...") and replacing that one
// would leave the secret in place.
size_t FindToken(std::string_view value, std::string_view secret) {
  if (secret.empty()) return std::string_view::npos;
  const auto word = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  };
  const size_t first = value.find(secret);
  for (size_t at = first; at != std::string_view::npos; at = value.find(secret, at + 1)) {
    const size_t end = at + secret.size();
    if ((at == 0 || !word(value[at - 1])) && (end == value.size() || !word(value[end]))) return at;
  }
  return first;
}

// Which Part of `value` `secret` is.
Part PartOf(std::string_view value, std::string_view secret) {
  if (value == secret) return Part::kWhole;
  const size_t at = FindToken(value, secret);
  const size_t end = at + secret.size();
  // userinfo of a URL: "scheme://user:<secret>@host"
  if (at != std::string_view::npos && at > 0 && value[at - 1] == ':' && end < value.size() && value[end] == '@' &&
      value.substr(0, at).find("://") != std::string_view::npos) {
    return Part::kPassword;
  }
  return Part::kOther;
}

// Whether an env var's name can be handed on by name (Codex env_vars, Goose
// env_keys): a real variable name ([A-Za-z_][A-Za-z0-9_]*) that holds no
// secret itself. Otherwise the value gets a placeholder instead; moving such
// a name would copy a secret into the list (found by the lint fuzzer: a
// second Fix then replaced it there).
bool ForwardableName(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return secrets::Scan(name).empty();
}

// Whose a reference syntax is, and what a client whose own syntax it is
// expands (reference §1 and §6): schema/foreign-placeholder's words.
struct SyntaxWords {
  const char* whose;
  const char* expands;
};
SyntaxWords WordsFor(Refs refs) {
  static constexpr SyntaxWords kWords[] = {
      {"another client's syntax", "documents no variable expansion"},  // kNone
      {"Claude Code's syntax", "expands ${NAME}"},  // kDollarBrace
      {"the syntax of VS Code, Cursor and Windsurf", "expands ${env:NAME}"},  // kEnvColon
      {"VS Code's syntax", "expands ${input:id} and ${env:NAME}"},  // kVsCode
      {"Gemini CLI's syntax", "expands $NAME and ${NAME}"},  // kGemini
      {"Continue's syntax", "expands ${{ secrets.NAME }}"},  // kContinue
  };
  static_assert(std::size(kWords) == static_cast<size_t>(Refs::kContinue) + 1, "one entry per Refs, in order");
  return kWords[static_cast<size_t>(refs)];
}

class SecretFixer {
 public:
  explicit SecretFixer(ReadContext* ctx) : ctx_(ctx), owners_(*ctx), codex_(ctx), goose_(ctx) {
    for (const config::SecretInfo& s : ctx->secrets) remembered_.insert(s.id);  // declared (VS Code inputs)
  }

  // Adds the placeholder edit to ctx->issues.back() when `node` belongs to
  // an entry. `secret` is the secret's text as it appears in the value;
  // `param`, when it is a URL's query parameter, that parameter's name.
  void Fix(const json::Value& node, std::string_view secret, std::string_view param = {}) {
    const size_t index = ctx_->issues.size() - 1;
    Issue& issue = ctx_->issues[index];
    const Owner* found = owners_.Find(&node);
    if (found == nullptr) return;  // not in a server entry: moved by hand
    // A query parameter is named like a flag: <server>_<param>. An env
    // value keeps its variable's name.
    Owner where = *found;
    if (!param.empty() && where.kind != Owner::kEnv) where = {where.entry, Owner::kArg, param};
    if (param.empty() && Forward(where, node, secret, index)) return;
    const Part part = param.empty() ? PartOf(node.text, secret) : Part::kOther;
    const std::string id = IdFor(where, secret, part);
    bool expanded = false;
    const std::string ref = PlaceholderFor(ctx_->schema, id, &expanded);
    issue.finding.fix = "replace with " + ref;
    if (!expanded) {
      issue.finding.fix += " and fill it in by hand (" + std::string(ctx_->schema.display) +
                           " does not expand variables)";
    }
    Replace(node, index, secret, ref);
    Remember(where, id, part);
  }

  // Whether `node` is part of a server entry (the values Fix changes).
  bool InEntry(const json::Value& node) const { return owners_.Find(&node) != nullptr; }

  // A reference in another client's syntax (the finding is
  // ctx->issues.back()): in VS Code a ${NAME} reads the same variable as
  // ${env:NAME}; anything else gets the client's placeholder, as a secret.
  void FixForeignRef(const json::Value& node, std::string_view written, const ForeignRef& ref) {
    if (ctx_->schema.refs == Refs::kVsCode && ref.syntax == Refs::kDollarBrace) {
      const std::string own = "${env:" + ref.name + "}";
      ctx_->issues.back().finding.fix = "replace with " + own;
      Replace(node, ctx_->issues.size() - 1, written, own);
      return;
    }
    Fix(node, written);
  }

 private:
  // Several replacements in one value make one edit (the first one's
  // issue's), rewritten as each is made, so one run of Fix makes them all.
  void Replace(const json::Value& node, size_t index, std::string_view from, const std::string& to) {
    const auto pending = pending_.insert({&node, {index, std::string(node.text)}}).first;
    std::string& value = pending->second.value;
    const size_t at = FindToken(value, from);
    if (at == std::string::npos) {
      value = to;
    } else {
      value.replace(at, from.size(), to);
    }
    Issue& owner = ctx_->issues[pending->second.issue];
    owner.edits.assign(1, {node.pos.offset, node.end - node.pos.offset,
                           RequoteString(ctx_->text, node, ctx_->schema.syntax, value)});
  }

  // Codex and Goose: a whole env value (or a Codex bearer header) passed
  // by name instead of a placeholder neither would expand.
  bool Forward(const Owner& o, const json::Value& node, std::string_view secret, size_t issue) {
    const std::string_view client = ctx_->schema.id;
    if (client == "goose") {
      if (o.kind != Owner::kEnv || node.text != secret || !ForwardableName(o.name) ||
          !goose_.Forward(o.entry, node, std::string(o.name), issue)) {
        return false;
      }
      Remember(o, std::string(o.name));
      return true;
    }
    if (client != "codex") return false;
    std::string lower;
    for (const char c : o.name) lower.push_back(static_cast<char>(c | 0x20));
    const bool env = o.kind == Owner::kEnv && node.text == secret && ForwardableName(o.name);
    const bool bearer = o.kind == Owner::kHeader && lower == "authorization" &&
                        node.text.size() == secret.size() + 7 && node.text.substr(0, 7) == "Bearer " &&
                        node.text.substr(7) == secret;
    if (!env && !bearer) return false;
    const std::string name = env ? std::string(o.name) : IdFor(o, secret, Part::kWhole);
    if (!codex_.Forward(o.entry, node, name, bearer, issue)) return false;
    Remember(o, name);
    return true;
  }

  // A name the user must provide, once, described as what goes in it.
  void Remember(const Owner& o, const std::string& id, Part part = Part::kWhole) {
    if (!remembered_.insert(id).second) return;
    const ReadEntry& e = ctx_->entries[o.entry];
    std::string what = "Secret for the " + e.entry.name + " MCP server";
    if (part == Part::kPassword && o.kind == Owner::kUrl) {
      what = "Password in the URL of the " + e.entry.name + " MCP server";
    } else if (part != Part::kWhole && o.kind == Owner::kEnv) {
      what = std::string(part == Part::kPassword ? "Password" : "Secret") + " in " + std::string(o.name) + " for the " +
             e.entry.name + " MCP server";
    }
    ctx_->secrets.push_back({id, what, e.entry.name});
  }

  std::string IdFor(const Owner& o, std::string_view secret, Part part) {
    const std::string key(secret);
    if (const auto it = ids_.find(key); it != ids_.end()) return it->second;
    const std::string base = SecretId(*ctx_, o, part);
    std::string id = base;
    // Numbered from where the last id of this base stopped: many servers
    // with the same env name would otherwise probe 2, 3, ... each time.
    for (int& n = next_suffix_.try_emplace(base, 2).first->second; used_.count(id); ++n) {
      id = base + "_" + std::to_string(n);
    }
    used_.insert({id, true});
    ids_[key] = id;
    return id;
  }

  ReadContext* ctx_;
  OwnerTable owners_;
  struct Pending {
    size_t issue;       // the issue holding the value's one edit
    std::string value;  // the value with the secrets so far replaced
  };
  std::map<const json::Value*, Pending> pending_;
  std::map<std::string, std::string> ids_;  // secret text -> id: one id per value
  std::map<std::string, bool> used_;
  std::map<std::string, int> next_suffix_;  // per base id: the next number to try
  CodexForwarder codex_;
  GooseForwarder goose_;
  std::set<std::string> remembered_;  // ids in ctx_->secrets
};

}  // namespace

void SecretRules(const json::Value& root, ReadContext* ctx) {
  std::vector<StringNode> strings;
  std::vector<PathStep> steps;
  CollectStrings(root, -1, "", &steps, &strings);
  // In text order: the tree's order, except where TOML defines a table
  // after its sub-tables. Checked first: sorting 100,000 values that are
  // in order already cost 5% of a 1 MB lint.
  const auto by_offset = [](const StringNode& a, const StringNode& b) { return a.node->pos.offset < b.node->pos.offset; };
  if (!std::is_sorted(strings.begin(), strings.end(), by_offset)) std::sort(strings.begin(), strings.end(), by_offset);
  // The innermost string value holding `offset`, or null (a key, a comment).
  auto holder = [&](size_t offset) -> const StringNode* {
    auto it = std::upper_bound(strings.begin(), strings.end(), offset,
                               [](size_t o, const StringNode& s) { return o < s.node->pos.offset; });
    if (it == strings.begin()) return nullptr;
    --it;
    return offset < it->node->end ? &*it : nullptr;
  };
  // Where a secret found in a string's decoded value is in the raw text:
  // exact when the value has no escapes before it, else the value's start.
  const auto raw_offset = [&](const json::Value& node, std::string_view secret) {
    const std::string_view raw = ctx->text.substr(node.pos.offset, node.end - node.pos.offset);
    const size_t in_raw = raw.find(secret);
    return node.pos.offset + (in_raw == std::string_view::npos ? 0 : in_raw);
  };
  SecretFixer fixer(ctx);
  std::map<const json::Value*, bool> reported;
  for (const secrets::Finding& f : secrets::Scan(ctx->text)) {
    const StringNode* s = holder(f.offset);
    const std::string_view secret = ctx->text.substr(f.offset, f.length);
    ctx->Add(f.rule, Severity::kError,
                            "hard-coded " + std::string(RuleTitle(f.rule)) + " (" + f.masked + ")" +
                                (s && !s->key.empty() ? " in " + text::Quoted(s->key) : ""),
                            ctx->lines.At(f.offset), s ? PointerOf(steps, s->step) : "", static_cast<uint32_t>(f.length));
    if (!s) continue;
    reported[s->node] = true;
    fixer.Fix(*s->node, secret);
  }
  for (const StringNode& s : strings) {
    if (s.key.empty() || reported.count(s.node)) continue;
    const auto f = secrets::ScanKeyValue(s.key, s.node->text);
    if (!f) continue;
    const std::string_view secret = s.node->text.substr(f->offset, f->length);
    const size_t offset = raw_offset(*s.node, secret);
    ctx->Add(f->rule, Severity::kError,
                            "hard-coded secret (" + f->masked + ") in " + text::Quoted(s.key) +
                                ": a secret-named key with a high-entropy value",
                            ctx->lines.At(offset), PointerOf(steps, s.step), static_cast<uint32_t>(secret.size()));
    reported[s.node] = true;
    fixer.Fix(*s.node, secret);
  }
  // The same rule on the query of a URL ("https://host/mcp?api_key=..."):
  // the parameter's name is the key. Hosted servers often take their key
  // there; fix gives it a placeholder in place. (A short or plain value is
  // net/secret-in-url's, with no fix.)
  for (const StringNode& s : strings) {
    const std::string_view value = s.node->text;
    const size_t scheme = value.find("://");
    const size_t query = value.find('?');
    if (reported.count(s.node) || scheme == std::string_view::npos || query == std::string_view::npos ||
        query < scheme) {
      continue;
    }
    const std::string_view params = value.substr(query + 1, value.find('#', query) - query - 1);
    for (const text::QueryParam& p : text::QueryParams(params)) {
      const auto f = secrets::ScanKeyValue(p.name, p.value);
      if (!f) continue;
      const std::string_view secret = p.value.substr(f->offset, f->length);
      const size_t offset = raw_offset(*s.node, secret);
      ctx->Add(f->rule, Severity::kError,
               "hard-coded secret (" + f->masked + ") in the URL's query parameter " + text::Quoted(p.name) +
                   ": a secret-named parameter with a high-entropy value",
               ctx->lines.At(offset), PointerOf(steps, s.step), static_cast<uint32_t>(secret.size()));
      fixer.Fix(*s.node, secret, p.name);
    }
  }
  // A reference in another client's syntax reaches the server as text: a
  // config copied from another client's instructions, most often.
  for (const StringNode& s : strings) {
    const std::vector<ForeignRef> refs = ctx->ForeignRefs(s.node->text);  // most values hold no '$'
    if (refs.empty() || !fixer.InEntry(*s.node)) continue;
    for (const ForeignRef& ref : refs) {
      const std::string_view written = s.node->text.substr(ref.offset, ref.length);
      const size_t offset = raw_offset(*s.node, written);
      ctx->Add("schema/foreign-placeholder", Severity::kWarning,
               text::Quoted(written) + " is " + WordsFor(ref.syntax).whose + ": " + ctx->schema.display + " " +
                   WordsFor(ctx->schema.refs).expands + ", so the server receives it as text",
               ctx->lines.At(offset), PointerOf(steps, s.step), static_cast<uint32_t>(written.size()));
      fixer.FixForeignRef(*s.node, written, ref);
    }
  }
}

}  // namespace lint
}  // namespace mcp_builder
