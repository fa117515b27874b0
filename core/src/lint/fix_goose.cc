// Fix for Goose: secrets leave config.yaml for Goose's keyring. The pair
// is cut from `envs` and its name listed in `env_keys` (reference §1.10),
// the way the Goose writer (core/src/gen/clients/goose.cc) writes them.
#include <algorithm>

#include "gen/emit.h"
#include "lint/analysis.h"

namespace mcp_builder {
namespace lint {

bool GooseForwarder::Forward(size_t entry, const json::Value& node, const std::string& name, size_t issue) {
  const std::string_view text = ctx_->text;
  const json::Value& server = *ctx_->entries[entry].object.node;
  const json::Member* envs = nullptr;
  for (const json::Member& m : server.members) {
    if (m.key == "envs") envs = &m;
  }
  if (!envs || !envs->value.is_object() || text[envs->value.pos.offset] == '{') return false;
  // A name twice in envs: the reader keeps one of the pairs, and cutting
  // it would bring the other to light in the next run (found by the lint
  // fuzzer). Such a value gets a placeholder instead.
  const auto named = [&](const json::Member& m) { return m.key == name; };
  if (std::count_if(envs->value.members.begin(), envs->value.members.end(), named) > 1) return false;
  const json::Member* pair = MemberHolding(envs->value, node);
  const Edit line = pair ? WholeLines(text, pair->key_pos.offset, node.end) : Edit{};
  if (line.length == 0) return false;
  const size_t start = line.offset, stop = line.offset + line.length;
  const json::Value* keys = server.Find("env_keys");
  if (keys && !keys->is_array()) return false;
  const bool flow_keys = keys && text[keys->pos.offset] == '[';
  // Where the name goes: after the last env_keys item, into an empty flow
  // list, or as a new env_keys member after the server's last value.
  uint32_t at = server.end;
  if (keys) at = keys->items.empty() ? (flow_keys ? keys->pos.offset + 1 : keys->end) : keys->items.back().end;
  if (at > start && at < stop) return false;
  if (keys && !flow_keys && keys->items.empty()) return false;  // "env_keys:" with nothing: null, not a list

  std::vector<Edit>& edits = ctx_->issues[issue].edits;
  cut_.push_back(&envs->value);
  const size_t cut_so_far = static_cast<size_t>(std::count(cut_.begin(), cut_.end(), &envs->value));
  if (cut_so_far == envs->value.members.size()) {
    // The last pair of envs: an empty block mapping would read as null.
    const size_t colon = text.find(':', envs->key_pos.offset + envs->key.size());
    edits.assign(1, {static_cast<uint32_t>(colon + 1), static_cast<uint32_t>(envs->value.end - colon - 1), " {}"});
    // Earlier cuts of this mapping fall inside this edit: make them no-ops
    // (in place: other edits are found by their index).
    for (Issue& i : ctx_->issues) {
      if (&i == &ctx_->issues[issue]) continue;
      for (Edit& e : i.edits) {
        if (e.length && e.offset > colon && e.offset < envs->value.end) e = {e.offset, 0, ""};
      }
    }
  } else {
    edits.assign(1, line);
  }
  // A name env_keys lists already is not listed twice.
  if (keys && std::any_of(keys->items.begin(), keys->items.end(),
                          [&](const json::Value& item) { return item.is_string() && item.text == name; })) {
    ctx_->issues[issue].finding.fix = "move it to Goose's keyring (env_keys lists \"" + name + "\" already)";
    return true;
  }
  ctx_->issues[issue].finding.fix = "move it to Goose's keyring: env_keys gets \"" + name + "\"";
  auto it = std::find_if(env_keys_.begin(), env_keys_.end(), [&](const auto& p) { return p.first == entry; });
  if (it == env_keys_.end()) {
    env_keys_.push_back({entry, {issue, edits.size(), {}}});
    it = env_keys_.end() - 1;
    edits.push_back({});
  }
  Pending& p = it->second;
  p.names.push_back(name);
  // Indentation: a block list's items keep theirs; a new member takes the
  // server's keys' column.
  const std::string key_indent(server.pos.column - 1, ' ');
  std::string add;
  for (const std::string& n : p.names) {
    if (flow_keys) {
      add += (add.empty() && keys->items.empty() ? "" : ", ") + gen::YamlString(n);
    } else {
      const std::string item_indent = keys ? std::string(keys->pos.column - 1, ' ') : key_indent + "  ";
      add += "\n" + item_indent + "- " + gen::YamlString(n);
    }
  }
  if (!keys) add = "\n" + key_indent + "env_keys:" + add;
  ctx_->issues[p.issue].edits[p.edit] = {at, 0, add};
  return true;
}

}  // namespace lint
}  // namespace mcp_builder
