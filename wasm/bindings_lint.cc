// embind surface of the lint module (mcp-builder-lint.wasm): lint, fix,
// convert and the secret scanner, on top of everything bindings.cc binds.
// A separate module because the scanner's rule table and the TOML and YAML
// readers would push the site's first download past its 200 KB budget; the
// site loads this one when the user opens the linter (wasm/DESIGN.md).
#include <emscripten/bind.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bindings_common.h"
#include "mcp_builder/lint.h"
#include "mcp_builder/secrets.h"

namespace {

using mcp_builder_wasm::Answer;
using mcp_builder_wasm::Bytes;

// The report in `format`: "json" (with "exitCode" added), "text" or "sarif".
size_t Lint(uintptr_t address, size_t length, const std::string& client, const std::string& format,
            const std::string& file) {
  const mcp_builder::lint::Report report = mcp_builder::lint::Lint(Bytes(address, length), {client});
  std::string& out = Answer();
  if (format == "text") {
    out = mcp_builder::lint::ReportToText(report, file);
  } else if (format == "sarif") {
    out = mcp_builder::lint::ReportToSarif(report, file);
  } else {
    out = mcp_builder::lint::ReportToJson(report);
    out.pop_back();
    out += ",\"exitCode\":" + std::to_string(report.ExitCode()) + "}";
  }
  return out.size();
}

size_t Fix(uintptr_t address, size_t length, const std::string& client) {
  Answer() = mcp_builder::lint::FixToJson(mcp_builder::lint::Fix(Bytes(address, length), {client}));
  return Answer().size();
}

size_t Convert(uintptr_t address, size_t length, const std::string& from, const std::string& to) {
  Answer() = mcp_builder::lint::ConvertToJson(mcp_builder::lint::Convert(Bytes(address, length), from, to));
  return Answer().size();
}

// scanSecrets answers in numbers (lint::SecretsToWords): the last answer
// stays here, and the facade reads it in place (secretsAddress()).
std::vector<uint32_t>& SecretWords() {
  static auto* words = new std::vector<uint32_t>();  // NOLINT(bugprone-dynamic-static-initializers)
  return *words;
}

// How many secrets: kSecretWords numbers each at secretsAddress().
size_t ScanSecrets(uintptr_t address, size_t length) {
  SecretWords() = mcp_builder::lint::SecretsToWords(Bytes(address, length));
  return SecretWords().size() / mcp_builder::lint::kSecretWords;
}

uintptr_t SecretsAddress() { return reinterpret_cast<uintptr_t>(SecretWords().data()); }  // NOLINT(performance-no-int-to-ptr)

// The rule ids a secret's first number indexes: ["github-pat", ...].
std::string SecretRuleIds() {
  std::string out = "[";
  for (const mcp_builder::secrets::Rule& rule : mcp_builder::secrets::Rules()) {
    if (out.size() > 1) out += ',';
    out += '"';
    out += rule.id;  // [a-z0-9-]+
    out += '"';
  }
  return out + "]";
}

size_t SecretWordsPerFinding() { return mcp_builder::lint::kSecretWords; }

// The largest file lint, fix, convert and scanSecrets read.
size_t LintMaxBytes() { return mcp_builder::lint::kMaxBytes; }

}  // namespace

EMSCRIPTEN_BINDINGS(mcp_builder_lint) {
  emscripten::function("lintMaxBytes", &LintMaxBytes);
  emscripten::function("lint", &Lint);
  emscripten::function("fix", &Fix);
  emscripten::function("convert", &Convert);
  emscripten::function("scanSecrets", &ScanSecrets);
  emscripten::function("secretsAddress", &SecretsAddress);
  emscripten::function("secretRuleIds", &SecretRuleIds);
  emscripten::function("secretWords", &SecretWordsPerFinding);
}
