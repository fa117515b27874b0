// embind surface of the lint module (mcp-builder-lint.wasm): lint, fix,
// convert and the secret scanner, on top of everything bindings.cc binds.
// A separate module because the scanner's rule table and the TOML and YAML
// readers would push the site's first download past its 200 KB budget; the
// site loads this one when the user opens the linter (wasm/DESIGN.md).
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>

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

}  // namespace

// scanSecrets' answer, in numbers (lint::AppendSecretWords): how many
// secrets, then kSecretWords numbers for each. A plain export, not an
// embind function: the facade calls it once per text, often a small one,
// where embind's eval-free invoker (-sDYNAMIC_EXECUTION=0) costs as much as
// scanning a kilobyte. The answer stays valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const uint32_t* mcp_builder_scan_secrets(uintptr_t address, size_t length) {
  static auto* words = new std::vector<uint32_t>();  // NOLINT(bugprone-dynamic-static-initializers)
  words->assign(1, 0);
  mcp_builder::lint::AppendSecretWords(Bytes(address, length), words);
  (*words)[0] = static_cast<uint32_t>((words->size() - 1) / mcp_builder::lint::kSecretWords);
  return words->data();
}

namespace {

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
  emscripten::function("secretRuleIds", &SecretRuleIds);
  emscripten::function("secretWords", &SecretWordsPerFinding);
}
