// Generate: resolve every requested server to a neutral entry, then hand
// the entries to the one writer of the requested client.
#include "mcp_builder/generate.h"

#include <algorithm>

#include "gen/resolve.h"
#include "gen/writer.h"
#include "mcp_builder/catalog.h"
#include "mcp_builder/registry.h"
#include "text_checks.h"

namespace mcp_builder {
namespace gen {

namespace {

struct Target {
  std::string_view id;
  Writer writer;
  bool writes_disabled = false;  // the file can turn a server off (ServerEntry::disabled)
};

const std::vector<Target>& Targets() {
  static const std::vector<Target>* targets = new std::vector<Target>{
      {"claude-desktop", WriteClaudeDesktop}, {"claude-code", WriteClaudeCode},
      {"cursor", WriteCursor},                {"vscode", WriteVsCode},
      {"windsurf", WriteWindsurf, true},      {"zed", WriteZed},
      {"codex", WriteCodex, true},            {"gemini-cli", WriteGeminiCli},
      {"continue", WriteContinue},            {"goose", WriteGoose, true},
      {"cline", WriteCline, true},            {"lm-studio", WriteLmStudio},
      {"dockerfile", WriteDockerfile},        {"compose", WriteCompose},
      {"package-json", WritePackageJson},     {"env-example", WriteEnvExample},
  };
  return *targets;
}

constexpr size_t kClientCount = 12;
constexpr size_t kMaxServers = 200;

}  // namespace

std::string SanitizeName(std::string_view wanted) {
  std::string name;
  for (const char c : wanted) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-';
    if (ok) {
      name.push_back(c);
    } else if (!name.empty() && name.back() != '-') {
      name.push_back('-');
    }
  }
  while (!name.empty() && (name.back() == '-' || name.back() == '_')) name.pop_back();
  if (name.empty() || !((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z'))) {
    name.insert(0, "mcp-");
  }
  if (name.size() > 64) name.resize(64);
  if (name == "workspace") name = "workspace-server";
  return name;
}

std::string UniqueEntryName(std::string_view wanted, const std::vector<config::ServerEntry>& taken) {
  const std::string base = SanitizeName(wanted);
  std::string name = base;
  for (int n = 2; std::any_of(taken.begin(), taken.end(), [&](const config::ServerEntry& e) { return e.name == name; });
       ++n) {
    name = base + "-" + std::to_string(n);
  }
  return name;
}

namespace {

std::string DefaultName(const ServerRequest& request, const registry::Server& server) {
  if (!request.name.empty()) return request.name;
  if (!request.catalog_id.empty()) return request.catalog_id;
  const size_t slash = server.name.rfind('/');
  return slash == std::string::npos ? server.name : server.name.substr(slash + 1);
}

void Fail(GenerateResult* result, std::string rule, std::string message, std::string server = "",
          std::string input = "") {
  result->notes.push_back(
      {std::move(rule), Severity::kError, std::move(message), std::move(server), std::move(input)});
}

// The model of one request's server: the catalog's cached one, or
// `storage` read from the given text. nullptr (noted) when unusable.
const registry::Server* LoadServer(const ServerRequest& request, size_t index,
                                   GenerateResult* result, registry::Server* storage) {
  if (!request.catalog_id.empty()) {
    const catalog::Entry* entry = catalog::Find(request.catalog_id);
    if (!entry) {
      std::vector<std::string_view> ids;
      for (const catalog::Entry& e : catalog::Entries()) ids.push_back(e.id);
      std::string message = "no catalog entry " + text::Quoted(request.catalog_id);
      const std::string guess = text::DidYouMean(request.catalog_id, ids);
      if (!guess.empty()) message += "; did you mean " + text::Quoted(guess) + "?";
      Fail(result, "generate/unknown-server", message, request.catalog_id);
      return nullptr;
    }
    return &catalog::Model(*entry);
  }
  registry::ServerReadResult read = registry::ReadServerJson(request.server_json);
  if (!read.report.valid()) {
    std::string message = "server " + std::to_string(index + 1) + ": server.json is not valid:";
    size_t shown = 0;
    for (const Diagnostic& d : read.report.diagnostics) {
      if (d.severity != Severity::kError || shown++ == 3) continue;
      message += " " + std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.rule +
                 " " + PrintableText(d.message) + ";";
    }
    message.pop_back();
    Fail(result, "generate/invalid-server-json", message);
    return nullptr;
  }
  *storage = std::move(read.server);
  return storage;
}

}  // namespace

const std::vector<std::string_view>& ClientIds() {
  static const std::vector<std::string_view>* ids = [] {
    auto* v = new std::vector<std::string_view>();
    for (size_t i = 0; i < kClientCount; ++i) v->push_back(Targets()[i].id);
    return v;
  }();
  return *ids;
}

const std::vector<std::string_view>& DeploymentIds() {
  static const std::vector<std::string_view>* ids = [] {
    auto* v = new std::vector<std::string_view>();
    for (size_t i = kClientCount; i < Targets().size(); ++i) v->push_back(Targets()[i].id);
    return v;
  }();
  return *ids;
}

bool IsKnownTarget(std::string_view id) {
  for (const Target& t : Targets()) {
    if (t.id == id) return true;
  }
  return false;
}

namespace {

// The servers of a request resolved once, for any number of writers.
struct Resolved {
  GenerateResult base;  // notes and secrets; ok when nothing failed
  std::vector<config::ServerEntry> entries;
};

Resolved ResolveAll(const GenerateRequest& request) {
  Resolved out;
  GenerateResult& result = out.base;
  if (request.servers.empty()) {
    Fail(&result, "generate/no-servers", "no server was given");
    return out;
  }
  if (request.servers.size() > kMaxServers) {
    Fail(&result, "generate/too-many-servers",
         std::to_string(request.servers.size()) + " servers given; at most " +
             std::to_string(kMaxServers) + " are accepted");
    return out;
  }
  std::vector<bool> shared_used(request.shared_values.size(), false);
  for (size_t i = 0; i < request.servers.size(); ++i) {
    const ServerRequest& sr = request.servers[i];
    registry::Server parsed;
    const registry::Server* server = LoadServer(sr, i, &result, &parsed);
    if (!server) continue;
    config::ServerEntry entry;
    const std::string wanted = DefaultName(sr, *server);
    entry.name = UniqueEntryName(wanted, out.entries);
    if (entry.name != wanted) {
      result.notes.push_back({"generate/renamed", Severity::kInfo,
                              "entry name " + text::Quoted(wanted) + " written as " +
                                  text::Quoted(entry.name) +
                                  " (letters, digits, '-' and '_', unique, starting with a letter)",
                              entry.name, ""});
    }
    ResolveScope scope;
    scope.secrets = request.secrets;
    scope.prefer = request.prefer;
    scope.own = &sr.values;
    scope.shared = &request.shared_values;
    scope.shared_used = &shared_used;
    scope.notes = &result.notes;
    scope.secret_list = &result.secrets;
    if (ResolveServer(*server, scope, &entry)) out.entries.push_back(std::move(entry));
  }
  for (size_t i = 0; i < shared_used.size(); ++i) {
    if (shared_used[i]) continue;
    const std::string& name = request.shared_values[i].name;
    Fail(&result, "generate/unknown-input",
         "no selected server declares an input named " + text::Quoted(name), "", name);
  }
  result.ok = std::none_of(result.notes.begin(), result.notes.end(),
                           [](const Note& n) { return n.severity == Severity::kError; });
  if (!result.ok) {
    result.secrets.clear();
    return out;
  }
  if (request.secrets == SecretMode::kInline) {
    result.notes.push_back({"generate/inline-secrets", Severity::kWarning,
                            "secret values are written into the output as plain text; keep it "
                            "out of version control and shared folders",
                            "", ""});
  }
  return out;
}

const Target* FindTarget(std::string_view id, GenerateResult* result) {
  for (const Target& t : Targets()) {
    if (t.id == id) return &t;
  }
  std::vector<std::string_view> ids;
  for (const Target& t : Targets()) ids.push_back(t.id);
  std::string message = "unknown client " + text::Quoted(id);
  const std::string guess = text::DidYouMean(id, ids);
  message += guess.empty() ? "; see ClientIds()" : "; did you mean " + text::Quoted(guess) + "?";
  Fail(result, "generate/unknown-client", message);
  return nullptr;
}

GenerateResult Write(const GenerateRequest& request, const Target& target,
                     const Resolved& resolved) {
  GenerateResult result = resolved.base;
  result.client = std::string(target.id);
  if (!result.ok) return result;
  WriteContext ctx(request, resolved.entries, &result);
  result.text = target.writer(ctx);
  return result;
}

}  // namespace

bool WriteEntries(const GenerateRequest& request, const std::vector<config::ServerEntry>& entries,
                  GenerateResult* result) {
  const Target* target = FindTarget(request.client, result);
  if (!target) return false;
  result->client = std::string(target->id);
  WriteContext ctx(request, entries, result);
  result->text = target->writer(ctx);
  return true;
}

bool WritesDisabled(std::string_view client) {
  const auto& targets = Targets();
  return std::any_of(targets.begin(), targets.end(),
                     [&](const Target& t) { return t.id == client && t.writes_disabled; });
}

GenerateResult Generate(const GenerateRequest& request) {
  GenerateResult failed;
  failed.client = request.client;
  const Target* target = FindTarget(request.client, &failed);
  if (!target) return failed;
  return Write(request, *target, ResolveAll(request));
}

std::vector<GenerateResult> GenerateAll(const GenerateRequest& request,
                                        const std::vector<std::string>& targets) {
  std::vector<GenerateResult> results;
  const Resolved resolved = ResolveAll(request);
  for (const std::string& id : targets) {
    GenerateResult failed;
    failed.client = id;
    const Target* target = FindTarget(id, &failed);
    results.push_back(target ? Write(request, *target, resolved) : failed);
  }
  return results;
}

}  // namespace gen
}  // namespace mcp_builder
