#include "mcp_builder/catalog.h"

#include <algorithm>
#include <deque>
#include <memory>

#include "catalog_data.h"
#include "mcp_builder/json.h"
#include "mcp_builder/json_writer.h"
#include "mcp_builder/registry.h"

namespace mcp_builder {
namespace catalog {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

void AppendString(std::string* out, std::string_view key, std::string_view value) {
  json::AppendQuoted(out, key);
  out->push_back(':');
  json::AppendQuoted(out, value);
}

struct Store;
bool LoadInto(Store* store, std::string_view bundle, std::string* error);

// The loaded bundle. Entries are views: server documents into `text`,
// ids, categories and keywords into `decoded` (the parser may have
// decoded escapes into memory that goes away with its result). A deque
// never moves its elements, so the views survive its growth and a move.
struct Store {
  std::string text;
  std::deque<std::string> decoded;
  std::vector<Entry> entries;
  std::vector<std::unique_ptr<registry::Server>> models;
};

Store& TheStore() {
  static Store* store = [] {
    auto* s = new Store();
    std::string error;
    if (*kEmbeddedCatalog != '\0') LoadInto(s, kEmbeddedCatalog, &error);
    return s;
  }();
  return *store;
}

bool LoadInto(Store* store, std::string_view bundle, std::string* error) {
  Store next;
  next.text = std::string(bundle);
  const json::ParseResult parsed = json::Parse(next.text);
  const auto fail = [&](const std::string& why) {
    *error = "catalog bundle: " + why;
    return false;
  };
  if (!parsed.ok()) return fail(parsed.error.message);
  const json::Value* servers = parsed.value.Find("servers");
  if (!servers || !servers->is_array()) return fail("\"servers\" (an array) is missing");
  for (const json::Value& s : servers->items) {
    const json::Value* id = s.is_object() ? s.Find("id") : nullptr;
    const json::Value* category = s.is_object() ? s.Find("category") : nullptr;
    const json::Value* keywords = s.is_object() ? s.Find("keywords") : nullptr;
    const json::Value* server = s.is_object() ? s.Find("server") : nullptr;
    if (!id || !id->is_string() || !category || !category->is_string() || !keywords ||
        !keywords->is_array() || !server || !server->is_object()) {
      return fail("each server needs \"id\", \"category\", \"keywords\" and \"server\"");
    }
    const auto keep = [&](std::string_view text) -> std::string_view {
      return next.decoded.emplace_back(text);
    };
    // The server document is kept exactly as written.
    Entry e{keep(id->text), keep(category->text), {},
            std::string_view(next.text).substr(server->pos.offset, server->end - server->pos.offset)};
    for (const json::Value& k : keywords->items) {
      if (!k.is_string()) return fail("keywords must be strings");
      e.keywords.push_back(keep(k.text));
    }
    next.entries.push_back(std::move(e));
  }
  std::sort(next.entries.begin(), next.entries.end(),
            [](const Entry& a, const Entry& b) { return a.id < b.id; });
  next.models.resize(next.entries.size());
  *store = std::move(next);
  return true;
}

}  // namespace

const std::vector<Entry>& Entries() { return TheStore().entries; }

bool Load(std::string_view bundle, std::string* error) {
  return LoadInto(&TheStore(), bundle, error);
}

const Entry* Find(std::string_view id) {
  for (const Entry& e : Entries()) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

const registry::Server& Model(const Entry& entry) {
  Store& store = TheStore();
  const size_t index = static_cast<size_t>(&entry - store.entries.data());
  std::unique_ptr<registry::Server>& model = store.models[index];
  if (!model) {
    model = std::make_unique<registry::Server>(registry::ReadServerJson(entry.server_json).server);
  }
  return *model;
}

std::string SearchToJson(const std::vector<std::string>& terms) {
  std::string out = "[";
  for (const Entry& e : Entries()) {
    const registry::Server& s = Model(e);
    // Not the registry name: "io.github.<owner>/..." would make every
    // GitHub-hosted server match "github".
    std::string haystack = Lower(std::string(e.id) + "\n" + s.title + "\n" + s.description +
                                 "\n" + std::string(e.category));
    for (std::string_view k : e.keywords) haystack += "\n" + Lower(k);
    bool match = true;
    for (const std::string& term : terms) {
      if (haystack.find(Lower(term)) == std::string::npos) match = false;
    }
    if (!match) continue;
    std::vector<std::string> runtimes;
    bool secrets = false;
    for (const registry::Package& p : s.packages) {
      if (std::find(runtimes.begin(), runtimes.end(), p.registry_type) == runtimes.end()) {
        runtimes.push_back(p.registry_type);
      }
      for (const registry::KeyValueInput& v : p.environment_variables) secrets |= v.is_secret;
    }
    for (const registry::Transport& r : s.remotes) {
      for (const registry::KeyValueInput& h : r.headers) secrets |= h.is_secret;
    }
    if (out.size() > 1) out.push_back(',');
    out.push_back('{');
    AppendString(&out, "id", e.id);
    out.push_back(',');
    AppendString(&out, "name", s.name);
    out.push_back(',');
    AppendString(&out, "title", s.title);
    out.push_back(',');
    AppendString(&out, "description", s.description);
    out.push_back(',');
    AppendString(&out, "category", e.category);
    out.append(",\"keywords\":[");
    for (size_t i = 0; i < e.keywords.size(); ++i) {
      if (i) out.push_back(',');
      json::AppendQuoted(&out, e.keywords[i]);
    }
    out.append("],\"runtimes\":[");
    for (size_t i = 0; i < runtimes.size(); ++i) {
      if (i) out.push_back(',');
      json::AppendQuoted(&out, runtimes[i]);
    }
    out.append("],\"remote\":");
    out.append(s.remotes.empty() ? "false" : "true");
    out.append(",\"secrets\":");
    out.append(secrets ? "true" : "false");
    out.push_back('}');
  }
  out.push_back(']');
  return out;
}

}  // namespace catalog
}  // namespace mcp_builder
