// Generation with arbitrary *values* (what `generate --set NAME=VALUE` and
// the page's forms pass on) for a pasted server.json that declares every
// kind of input, written for any client or deployment output. The
// generate fuzzer mostly mutates requests and catalog entries; this one
// keeps the server fixed and spends its bytes on the values, where an
// escaping bug would let a value break out of its string. Then: no crash;
// ok exactly when no error note; every output that was written parses
// again with the core's parser for its syntax (JSON/JSONC, TOML, YAML);
// every install link is printable ASCII without spaces (fully encoded).
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "fuzzed_request.h"
#include "mcp_builder/generate.h"
#include "mcp_builder/json.h"
#include "mcp_builder/toml.h"
#include "mcp_builder/yaml.h"

namespace {

using namespace mcp_builder;

// One server with each kind of input: positional and named arguments (one
// repeated), runtime arguments, environment variables (one secret, one with
// a {variable}), a remote with a URL variable and headers.
constexpr std::string_view kServerJson = R"({
  "name": "io.github.fuzz/values",
  "description": "every kind of input",
  "version": "1.0.0",
  "packages": [
    {
      "registryType": "npm", "identifier": "@fuzz/values", "version": "1.2.3",
      "transport": {"type": "stdio"},
      "runtimeArguments": [{"type": "named", "name": "--node-opt", "isRequired": false}],
      "packageArguments": [
        {"type": "positional", "valueHint": "target", "isRequired": true},
        {"type": "named", "name": "--label"},
        {"type": "named", "name": "--tag", "isRepeated": true},
        {"type": "named", "name": "--root", "value": "{dir}/data",
         "variables": {"dir": {"description": "a directory"}}}
      ],
      "environmentVariables": [
        {"name": "API_TOKEN", "isSecret": true, "isRequired": true},
        {"name": "PLAIN"},
        {"name": "WITH_VAR", "value": "pre-{suffix}", "variables": {"suffix": {}}}
      ]
    },
    {
      "registryType": "oci", "identifier": "docker.io/fuzz/values", "version": "1.2.3",
      "transport": {"type": "stdio"},
      "environmentVariables": [{"name": "OCI_ENV"}]
    }
  ],
  "remotes": [
    {
      "type": "streamable-http", "url": "https://{tenant}.example.com/mcp",
      "variables": {"tenant": {"isRequired": true}},
      "headers": [
        {"name": "Authorization", "value": "Bearer {token}", "isSecret": true,
         "variables": {"token": {"isSecret": true}}},
        {"name": "X-Plain"}
      ]
    }
  ]
})";

constexpr const char* kInputs[] = {
    "target", "--label", "--tag", "dir", "--node-opt", "API_TOKEN", "PLAIN", "suffix",
    "OCI_ENV", "tenant", "token", "X-Plain", "Authorization", "WITH_VAR"};

void Check(bool ok, const std::string& target, const char* what) {
  if (!ok) {
    fprintf(stderr, "generate_values_fuzzer: %s: %s\n", target.c_str(), what);
    abort();
  }
}

// The output parses with the core's parser for its syntax (Dockerfile and
// .env are line formats the core has no parser for).
bool Parses(const std::string& target, const std::string& text) {
  json::ParseOptions jsonc;
  jsonc.allow_comments = jsonc.allow_trailing_commas = true;
  if (target == "codex") return toml::Parse(text).ok();
  if (target == "continue" || target == "goose" || target == "compose") return yaml::Parse(text).ok();
  if (target == "dockerfile" || target == "env-example") return true;
  return json::Parse(text, jsonc).ok();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  // One target per input (picked first, so a mutation of the rest keeps
  // it): a run through all sixteen cost sixteen times the executions.
  gen::GenerateRequest request = fuzz::FuzzedRequest(&fdp);
  gen::ServerRequest& server = request.servers.back();
  server.server_json = std::string(kServerJson);
  if (fdp.ConsumeBool()) server.name = fdp.ConsumeRandomLengthString(40);
  for (const char* name : kInputs) {
    if (!fdp.ConsumeBool()) continue;
    gen::InputValue value{name, {}};
    const size_t count = fdp.ConsumeIntegralInRange<size_t>(1, 3);
    for (size_t i = 0; i < count; ++i) value.values.push_back(fdp.ConsumeRandomLengthString(300));
    server.values.push_back(std::move(value));
  }
  // (Unknown input names are the generate fuzzer's business: here every
  // name is declared, so most inputs reach the writers.)
  const gen::GenerateResult r = gen::Generate(request);
  bool error = false;
  for (const gen::Note& n : r.notes) {
    Check(!n.rule.empty() && !n.message.empty(), request.client, "note without rule or message");
    error |= n.severity == Severity::kError;
  }
  Check(r.ok != error, request.client, "ok must mean: no error note");
  if (!r.ok) {
    Check(r.text.empty(), request.client, "a refused request still wrote a file");
    return 0;
  }
  Check(Parses(request.client, r.text), request.client, "the output does not parse");
  for (const gen::Install& link : r.links) {
    for (const char c : link.text) {
      Check(c > 0x20 && c < 0x7f, request.client, "an install link holds a raw space, control or non-ASCII byte");
    }
  }
  return 0;
}
