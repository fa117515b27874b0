// Generation with arbitrary input, two ways (the first byte picks):
//  - the bytes as a generateAll request (the wasm boundary's JSON);
//  - a catalog server and a target picked by the fuzzer, with fuzzed values
//    for every input it declares. Then: no crash; a refusal always says
//    why; JSON outputs parse; in placeholder mode no secret value appears
//    anywhere in the result.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "mcp_builder/catalog.h"
#include "fuzzed_request.h"
#include "mcp_builder/generate.h"
#include "mcp_builder/json.h"
#include "mcp_builder/registry.h"

namespace {

using namespace mcp_builder;

constexpr std::string_view kMarker = "Zq9SecretMarker";

struct Declared {
  std::string name;
  bool secret;
};

void AddInput(const registry::InputWithVariables& in, const std::string& name, bool secret,
              std::vector<Declared>* out) {
  if (!name.empty()) out->push_back({name, secret || in.is_secret});
  for (const registry::Variable& v : in.variables) {
    out->push_back({v.name, secret || in.is_secret || v.input.is_secret});
  }
}

std::vector<Declared> DeclaredInputs(const registry::Server& s) {
  std::vector<Declared> out;
  for (const registry::Package& p : s.packages) {
    for (const auto* args : {&p.runtime_arguments, &p.package_arguments}) {
      for (const registry::Argument& a : *args) {
        AddInput(a, a.type == registry::ArgumentType::kNamed ? a.name : a.value_hint, false, &out);
      }
    }
    for (const registry::KeyValueInput& e : p.environment_variables) AddInput(e, e.name, false, &out);
    for (const registry::KeyValueInput& h : p.transport.headers) AddInput(h, h.name, false, &out);
  }
  for (const registry::Transport& r : s.remotes) {
    for (const registry::Variable& v : r.variables) out.push_back({v.name, v.input.is_secret});
    for (const registry::KeyValueInput& h : r.headers) AddInput(h, h.name, false, &out);
  }
  return out;
}

void CheckResult(const gen::GenerateResult& r) {
  bool error = false;
  for (const gen::Note& n : r.notes) {
    if (n.rule.empty() || n.message.empty()) std::abort();
    error |= n.severity == Severity::kError;
  }
  if (r.ok == error) std::abort();  // ok exactly when no error note
  if (!r.ok && !r.text.empty()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  if (data[0] % 2 == 0) {
    const std::string_view request(reinterpret_cast<const char*>(data) + 1, size - 1);
    for (const gen::GenerateResult& r : gen::GenerateAllFromJson(request)) CheckResult(r);
    if (!json::Parse(gen::ResultToJson(gen::GenerateFromJson(request))).ok()) std::abort();
    return 0;
  }
  FuzzedDataProvider fdp(data + 1, size - 1);
  const auto& entries = catalog::Entries();
  if (entries.empty()) return 0;
  const catalog::Entry& entry = entries[fdp.ConsumeIntegralInRange<size_t>(0, entries.size() - 1)];
  gen::GenerateRequest request = fuzz::FuzzedRequest(&fdp);
  request.servers.back().catalog_id = std::string(entry.id);
  if (fdp.ConsumeBool()) request.servers.back().name = fdp.ConsumeRandomLengthString(40);
  // The marker must reach the output only through a secret to count.
  bool marker_elsewhere = request.servers.back().name.find(kMarker) != std::string::npos;
  for (const Declared& d : DeclaredInputs(catalog::Model(entry))) {
    if (!fdp.ConsumeBool()) continue;
    std::string value = fdp.ConsumeRandomLengthString(200);
    if (d.secret) {
      value = std::string(kMarker) + value;
    } else if (value.find(kMarker) != std::string::npos) {
      marker_elsewhere = true;
    }
    request.servers.back().values.push_back({d.name, {value}});
  }
  const gen::GenerateResult r = gen::Generate(request);
  CheckResult(r);
  if (request.secrets == gen::SecretMode::kPlaceholder && !marker_elsewhere &&
      gen::ResultToJson(r).find(kMarker) != std::string::npos) {
    std::abort();  // a secret value escaped placeholder mode
  }
  if (r.ok) {
    json::ParseOptions jsonc;
    jsonc.allow_comments = jsonc.allow_trailing_commas = true;
    const bool json_target = request.client != "codex" && request.client != "continue" &&
                             request.client != "goose" && request.client != "dockerfile" &&
                             request.client != "compose" && request.client != "env-example";
    if (json_target && !json::Parse(r.text, jsonc).ok()) std::abort();
  }
  return 0;
}
