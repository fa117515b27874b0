// Fix: the findings' edits applied to the original bytes, nothing else
// touched. Secrets become the client's placeholder (rules_secret.cc); VS
// Code also gets an "inputs" entry per new placeholder, inserted in the
// file's own indentation. Applying the edits removes what caused them, so
// a second run finds nothing to do.
#include <algorithm>

#include "gen/writer.h"
#include "lint/analysis.h"
#include "mcp_builder/json_writer.h"

namespace mcp_builder {
namespace lint {

namespace {

// The indentation of the root object's members ("  " when unknown).
std::string IndentUnit(std::string_view text, const json::Value& root) {
  if (root.members.empty()) return "  ";
  const json::Position& key = root.members[0].key_pos;
  size_t start = key.offset;
  while (start > 0 && (text[start - 1] == ' ' || text[start - 1] == '\t')) --start;
  if (start == 0 || text[start - 1] != '\n' || start == key.offset) return "  ";
  return std::string(text.substr(start, key.offset - start));
}

std::string InputObject(const config::SecretInfo& s) {
  std::string out = "{\"type\": \"promptString\", \"id\": ";
  json::AppendQuoted(&out, gen::VsCodeInputId(s.id), false);
  out += ", \"description\": ";
  json::AppendQuoted(&out, s.description, false);
  return out + ", \"password\": true}";
}

// VS Code: one promptString input per new placeholder, in the existing
// "inputs" array or a new one at the top of the object holding "servers"
// (the file, or settings.json's "mcp").
void AddVsCodeInputs(const Analysis& a, const std::vector<config::SecretInfo>& added,
                     std::vector<Edit>* edits) {
  if (added.empty()) return;
  const json::Value& config = *a.read->config;
  const std::string member = IndentUnit(a.text, config);                   // "inputs" stands here
  const std::string item = member + IndentUnit(a.text, a.parsed.value);  // and its entries one step in
  const json::Value* inputs = config.Find("inputs");
  std::string text;
  if (inputs && inputs->is_array()) {
    const bool empty = inputs->items.empty();
    for (size_t i = 0; i < added.size(); ++i) {
      text += empty && i == 0 ? "\n" : ",\n";
      text += item;
      text += InputObject(added[i]);
    }
    if (empty) {
      edits->push_back({inputs->pos.offset + 1, 0, text + "\n" + member});
    } else {
      edits->push_back({inputs->items.back().end, 0, text});
    }
    return;
  }
  text = "\n" + member + "\"inputs\": [";
  for (size_t i = 0; i < added.size(); ++i) {
    text += i ? ",\n" : "\n";
    text += item;
    text += InputObject(added[i]);
  }
  text += "\n" + member + "]" + (config.members.empty() ? "" : ",");
  edits->push_back({config.pos.offset + 1, 0, text});
}

std::string Apply(std::string_view text, std::vector<Edit> edits, size_t* applied) {
  std::stable_sort(edits.begin(), edits.end(), [](const Edit& x, const Edit& y) { return x.offset < y.offset; });
  std::string out;
  size_t at = 0;
  *applied = 0;
  for (const Edit& e : edits) {
    if (e.offset < at || e.offset + e.length > text.size()) continue;  // overlaps an applied edit
    out.append(text.substr(at, e.offset - at));
    out += e.text;
    at = e.offset + e.length;
    ++*applied;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace

Edit WholeLines(std::string_view text, size_t from, size_t to) {
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  size_t start = from;
  while (start > 0 && blank(text[start - 1])) --start;
  if (start > 0 && text[start - 1] != '\n') return {};
  size_t stop = to;
  while (stop < text.size() && blank(text[stop])) ++stop;
  if (stop < text.size() && text[stop] == '#') stop = std::min(text.find('\n', stop), text.size());
  if (stop < text.size() && text[stop] == '\r') ++stop;
  if (stop < text.size() && text[stop] != '\n') return {};
  if (stop < text.size()) ++stop;
  return {static_cast<uint32_t>(start), static_cast<uint32_t>(stop - start), ""};
}

const json::Member* MemberHolding(const json::Value& object, const json::Value& value) {
  for (const json::Member& m : object.members) {
    if (&m.value == &value) return &m;
  }
  return nullptr;
}

FixResult Fix(std::string_view text, const Options& options) {
  FixResult r;
  const std::unique_ptr<Analysis> a = Analyze(text, options.client);
  r.client = a->schema ? a->schema->id : "";
  r.text = std::string(text);
  if (!a->has_tree) {
    for (const Issue& i : a->issues) r.remaining.push_back(i.finding);
    return r;
  }
  std::vector<Edit> edits;
  for (const Issue& i : a->issues) edits.insert(edits.end(), i.edits.begin(), i.edits.end());
  // Placeholders rules_secret.cc introduced carry their server's name; the
  // ones the file declared already (VS Code inputs) do not.
  for (const config::SecretInfo& s : a->read->secrets) {
    if (!s.server.empty()) r.secrets.push_back(s);
  }
  if (a->schema->refs == Refs::kVsCode) AddVsCodeInputs(*a, r.secrets, &edits);
  r.text = Apply(text, std::move(edits), &r.changes);
  for (const config::SecretInfo& s : r.secrets) r.env_template += "# " + s.description + "\n" + s.id + "=\n";
  r.ok = true;
  Report after = Lint(r.text, Options{r.client});
  r.remaining = std::move(after.findings);
  return r;
}

}  // namespace lint
}  // namespace mcp_builder
