#include "mcp_builder/catalog.h"

#include <algorithm>

#include "catalog_data.h"
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

}  // namespace

const std::vector<Entry>& Entries() {
  static const std::vector<Entry>* entries = [] {
    auto* list = new std::vector<Entry>();
    for (size_t i = 0; i < kRawEntryCount; ++i) {
      const RawEntry& raw = kRawEntries[i];
      Entry e{raw.id, raw.category, {}, raw.server_json};
      std::string_view words = raw.keywords;
      while (!words.empty()) {
        const size_t comma = std::min(words.find(','), words.size());
        e.keywords.push_back(words.substr(0, comma));
        words.remove_prefix(std::min(comma + 1, words.size()));
      }
      list->push_back(std::move(e));
    }
    std::sort(list->begin(), list->end(),
              [](const Entry& a, const Entry& b) { return a.id < b.id; });
    return list;
  }();
  return *entries;
}

const Entry* Find(std::string_view id) {
  for (const Entry& e : Entries()) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

std::string SearchToJson(const std::vector<std::string>& terms) {
  std::string out = "[";
  for (const Entry& e : Entries()) {
    const registry::Server s = registry::ReadServerJson(e.server_json).server;
    std::string haystack = Lower(std::string(e.id) + "\n" + s.name + "\n" + s.title + "\n" +
                                 s.description + "\n" + std::string(e.category));
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
