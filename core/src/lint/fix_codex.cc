// Fix for Codex: secrets leave config.toml as environment-variable names
// (reference §1.7: env_vars, bearer_token_env_var), the way the Codex writer
// (core/src/gen/clients/codex.cc) writes them, instead of a placeholder
// Codex would pass on literally.
#include <algorithm>
#include <cctype>

#include "gen/emit.h"
#include "lint/analysis.h"

namespace mcp_builder {
namespace lint {

namespace {

bool Blank(char c) { return c == ' ' || c == '\t'; }

// The bytes to cut for `member` of `table`: in an inline table the pair and
// one comma; in a [table] or with dotted keys ("env.TOKEN = ...", `dotted`
// set) its whole line, which must hold nothing else. {0,0} when neither
// applies.
Edit CutPair(std::string_view text, const json::Value& table, const json::Member& member, bool* dotted) {
  size_t key = member.key_pos.offset;
  const size_t end = member.value.end;
  *dotted = false;
  if (table.pos.offset < text.size() && text[table.pos.offset] == '{') {
    size_t from = key, to = end;
    while (to < text.size() && Blank(text[to])) ++to;
    if (to < text.size() && text[to] == ',') {
      ++to;
      while (to < text.size() && Blank(text[to])) ++to;
    } else {
      size_t back = from;
      while (back > 0 && Blank(text[back - 1])) --back;
      if (back > 0 && text[back - 1] == ',') from = back - 1;
    }
    return {static_cast<uint32_t>(from), static_cast<uint32_t>(to - from), ""};
  }
  // A dotted key's line starts with the keys before this one.
  size_t line = key;
  while (line > 0 && text[line - 1] != '\n' &&
         (std::isalnum(static_cast<unsigned char>(text[line - 1])) ||
          std::string_view("_-.\"' \t").find(text[line - 1]) != std::string_view::npos)) {
    --line;
  }
  if ((line == 0 || text[line - 1] == '\n') && text.substr(line, key - line).find('.') != std::string_view::npos) {
    key = line;
    *dotted = true;
  }
  return WholeLines(text, key, end);
}

}  // namespace

bool CodexForwarder::Forward(size_t entry, const json::Value& node, const std::string& name, bool header,
                             size_t issue) {
  const std::string_view text = ctx_->text;
  const ReadEntry& e = ctx_->entries[entry];
  const json::Value& server = *e.object.node;
  if (server.pos.offset >= text.size() || text[server.pos.offset] != '[') return false;  // inline server
  const json::Value* table = server.Find(header ? "http_headers" : "env");
  const json::Member* member = table ? MemberHolding(*table, node) : nullptr;
  if (!member) return false;
  bool dotted = false;
  const Edit cut = CutPair(text, *table, *member, &dotted);
  const json::Value* vars = server.Find("env_vars");
  uint32_t at = header || !vars ? server.end : vars->items.empty() ? vars->pos.offset + 1 : vars->items.back().end;
  // Dotted keys may end the table, where the new key would go: it goes
  // right under the table's header instead.
  if (dotted && (header || !vars)) at = static_cast<uint32_t>(std::min(text.find('\n', server.pos.offset), text.size()));
  if (cut.length == 0 || (at > cut.offset && at < cut.offset + cut.length)) return false;
  if (header ? server.Find("bearer_token_env_var") != nullptr : vars && !vars->is_array()) return false;
  std::vector<Edit>& edits = ctx_->issues[issue].edits;
  edits.assign(1, cut);
  if (header) {
    edits.push_back({at, 0, "\nbearer_token_env_var = " + gen::TomlString(name)});
    ctx_->issues[issue].finding.fix = "forward it from the environment: bearer_token_env_var = \"" + name + "\"";
    return true;
  }
  // One insertion per server, rewritten as names are added.
  auto it = std::find_if(env_vars_.begin(), env_vars_.end(), [&](const auto& p) { return p.first == entry; });
  if (it == env_vars_.end()) {
    env_vars_.push_back({entry, {issue, 1, {}}});
    it = env_vars_.end() - 1;
    edits.push_back({});
  }
  Pending& p = it->second;
  p.names.push_back(name);
  std::string list;
  for (const std::string& n : p.names) list += (list.empty() ? "" : ", ") + gen::TomlString(n);
  Edit& insert = ctx_->issues[p.issue].edits[p.edit];
  if (!vars) {
    insert = {at, 0, "\nenv_vars = [" + list + "]"};
  } else {
    insert = {at, 0, (vars->items.empty() ? "" : ", ") + list};
  }
  ctx_->issues[issue].finding.fix = "forward it from the environment: env_vars = [\"" + name + "\"]";
  return true;
}

}  // namespace lint
}  // namespace mcp_builder
