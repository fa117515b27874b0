// mcp-builder-native: the core's operations from a native command line, for
// tests and benchmarks. Output and exit codes match the Node CLI
// (wasm/bin/mcp-builder.js), which is the one users run.
//
//   mcp-builder-native validate <file|-> [--format text|json]
//   exit 0 valid, 1 invalid, 2 usage error, unreadable input or not JSON
//   mcp-builder-native generate-json <request.json|->
//   the JS API's generate() request in, its result JSON out; exit 0 ok, 1 not
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "mcp_builder/diagnostic.h"
#include "mcp_builder/generate.h"
#include "mcp_builder/registry.h"
#include "mcp_builder/version.h"

namespace {

constexpr int kExitValid = 0;
constexpr int kExitInvalid = 1;
constexpr int kExitUsage = 2;

int Usage() {
  std::cerr << "usage: mcp-builder-native validate <server.json|-> "
               "[--format text|json]\n"
               "       mcp-builder-native generate-json <request.json|->\n";
  return kExitUsage;
}

bool ReadAll(const std::string& path, std::string* out, std::string* error) {
  if (path == "-") {
    out->assign(std::istreambuf_iterator<char>(std::cin), {});
    return true;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    *error = "is a directory";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = std::strerror(errno);
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  if (in.bad()) {
    *error = "read error";
    return false;
  }
  return true;
}

std::string Summary(const mcp_builder::ValidationReport& r) {
  using mcp_builder::Severity;
  auto plural = [](size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  return plural(r.Count(Severity::kError), "error") + ", " +
         plural(r.Count(Severity::kWarning), "warning") + ", " +
         plural(r.Count(Severity::kInfo), "note");
}

}  // namespace

int main(int argc, char** argv) {
  std::string command, path, format = "text";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--format" && i + 1 < argc) {
      format = argv[++i];
    } else if (arg == "--version") {
      std::cout << mcp_builder::Version() << "\n";
      return kExitValid;
    } else if (command.empty()) {
      command = arg;
    } else if (path.empty()) {
      path = arg;
    } else {
      return Usage();
    }
  }
  if (command == "generate-json" && !path.empty()) {
    std::string text, error;
    if (!ReadAll(path, &text, &error)) {
      std::cerr << "mcp-builder: cannot read " << path << ": " << error << "\n";
      return kExitUsage;
    }
    const auto result = mcp_builder::gen::GenerateFromJson(text);  // text inline
    std::cout << mcp_builder::gen::ResultToJson(result) << "\n";
    return result.ok ? kExitValid : kExitInvalid;
  }
  if (command != "validate" || path.empty() ||
      (format != "text" && format != "json")) {
    return Usage();
  }
  std::string text, error;
  const std::string shown = path == "-" ? "<stdin>" : path;
  if (!ReadAll(path, &text, &error)) {
    std::cerr << "mcp-builder: cannot read " << shown << ": " << error << "\n";
    return kExitUsage;
  }
  const mcp_builder::ValidationReport report =
      mcp_builder::registry::ValidateServerJson(text);
  if (format == "json") {
    std::cout << mcp_builder::ReportToJson(report) << "\n";
  } else {
    for (const mcp_builder::Diagnostic& d : report.diagnostics) {
      std::cout << shown << ":" << d.line << ":" << d.column << ": "
                << mcp_builder::SeverityName(d.severity) << " " << d.rule
                << " " << d.message;
      // Messages are printable already; pointers keep document keys exact.
      if (!d.pointer.empty()) {
        std::cout << " [" << mcp_builder::PrintableText(d.pointer) << "]";
      }
      std::cout << "\n";
    }
    std::cout << shown << ": "
              << (!report.parsed ? "not readable as JSON"
                                 : report.valid() ? "valid" : "invalid")
              << " (" << Summary(report) << ")\n";
  }
  if (!report.parsed) return kExitUsage;
  return report.valid() ? kExitValid : kExitInvalid;
}
