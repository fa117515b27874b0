// embind surface of the lint module (mcp-builder-lint.wasm): lint, fix,
// convert and the secret scanner, on top of everything bindings.cc binds.
// A separate module because the scanner's rule table and the TOML and YAML
// readers would push the site's first download past its 200 KB budget; the
// site loads this one when the user opens the linter (wasm/DESIGN.md).
#include <emscripten/bind.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "bindings_common.h"
#include "mcp_builder/lint.h"

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

size_t ScanSecrets(uintptr_t address, size_t length) {
  Answer() = mcp_builder::lint::SecretsToJson(Bytes(address, length));
  return Answer().size();
}

// The largest file lint, fix, convert and scanSecrets read.
size_t LintMaxBytes() { return mcp_builder::lint::kMaxBytes; }

}  // namespace

EMSCRIPTEN_BINDINGS(mcp_builder_lint) {
  emscripten::function("lintMaxBytes", &LintMaxBytes);
  emscripten::function("lint", &Lint);
  emscripten::function("fix", &Fix);
  emscripten::function("convert", &Convert);
  emscripten::function("scanSecrets", &ScanSecrets);
}
