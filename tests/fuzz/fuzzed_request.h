// What the generation fuzzers share: a request whose target and modes the
// fuzzer picks, in the same order of bytes for both (their seed corpora
// depend on it).
#ifndef MCP_BUILDER_TESTS_FUZZ_FUZZED_REQUEST_H_
#define MCP_BUILDER_TESTS_FUZZ_FUZZED_REQUEST_H_

#include <fuzzer/FuzzedDataProvider.h>

#include <string>
#include <string_view>
#include <vector>

#include "mcp_builder/generate.h"

namespace mcp_builder {
namespace fuzz {

// A request for one target (a client or a deployment file), secret mode,
// operating system and local/remote preference, with one server to fill in.
inline gen::GenerateRequest FuzzedRequest(FuzzedDataProvider* fdp) {
  std::vector<std::string_view> targets = gen::ClientIds();
  for (std::string_view d : gen::DeploymentIds()) targets.push_back(d);
  gen::GenerateRequest request;
  request.client = std::string(targets[fdp->ConsumeIntegralInRange<size_t>(0, targets.size() - 1)]);
  request.secrets = fdp->ConsumeBool() ? gen::SecretMode::kInline : gen::SecretMode::kPlaceholder;
  request.os = fdp->ConsumeBool() ? gen::TargetOs::kWindows : gen::TargetOs::kPosix;
  request.prefer = fdp->ConsumeBool() ? gen::Prefer::kRemote : gen::Prefer::kLocal;
  request.servers.emplace_back();
  return request;
}

}  // namespace fuzz
}  // namespace mcp_builder

#endif  // MCP_BUILDER_TESTS_FUZZ_FUZZED_REQUEST_H_
