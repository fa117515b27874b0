// Lint, fix and convert with arbitrary bytes as any client's file (the
// first byte picks the client, "auto" included, and the convert target).
// Then: no crash; every finding has a rule, a message and a position
// inside the text; fix is idempotent (a second run changes nothing); a
// fixed or converted file that was parsed is parsed again by its client.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "mcp_builder/generate.h"
#include "mcp_builder/lint.h"

namespace {

using namespace mcp_builder;

void Check(bool ok, const char* what) {
  if (!ok) {
    fprintf(stderr, "lint_fuzzer: %s\n", what);
    abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const auto& ids = gen::ClientIds();
  const size_t pick = data[0] % (ids.size() + 1);
  const std::string client = pick == ids.size() ? "auto" : std::string(ids[pick]);
  const std::string target(ids[(data[0] / 13) % ids.size()]);
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  const lint::Report report = lint::Lint(text, {client});
  for (const lint::Finding& f : report.findings) {
    Check(!f.rule.empty() && !f.message.empty(), "finding without rule or message");
    Check(f.offset <= text.size() && f.line >= 1 && f.column >= 1, "finding outside the text");
  }
  const int code = report.ExitCode();
  Check(code >= 0 && code <= 2, "exit code");

  const lint::FixResult fixed = lint::Fix(text, {client});
  if (fixed.ok) {
    const lint::FixResult again = lint::Fix(fixed.text, {fixed.client});
    Check(again.ok, "fixed text no longer parses");
    Check(again.text == fixed.text, "fix is not idempotent");
  }

  const lint::ConvertResult converted = lint::Convert(text, client, target);
  if (converted.ok) {
    const lint::Report back = lint::Lint(converted.text, {target});
    Check(back.parsed, "converted text does not parse as its client");
  }
  return 0;
}
