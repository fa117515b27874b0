#include "mcp_builder/diagnostic.h"

#include <string>

#include "mcp_builder/json_writer.h"

namespace mcp_builder {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "info";
  }
  return "error";
}

std::string PrintableText(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

bool ValidationReport::valid() const {
  return parsed && Count(Severity::kError) == 0;
}

size_t ValidationReport::Count(Severity severity) const {
  size_t n = 0;
  for (const Diagnostic& d : diagnostics) n += d.severity == severity;
  return n;
}

std::string ReportToJson(const ValidationReport& report) {
  std::string out;
  out.reserve(64 + report.diagnostics.size() * 160);
  out.append("{\"valid\":");
  out.append(report.valid() ? "true" : "false");
  out.append(",\"parsed\":");
  out.append(report.parsed ? "true" : "false");
  out.append(",\"diagnostics\":[");
  bool first = true;
  for (const Diagnostic& d : report.diagnostics) {
    if (!first) out.push_back(',');
    first = false;
    out.append("{\"rule\":");
    json::AppendQuoted(&out, d.rule);
    out.append(",\"severity\":\"");
    out.append(SeverityName(d.severity));
    out.append("\",\"message\":");
    json::AppendQuoted(&out, d.message);
    out.append(",\"line\":");
    out.append(std::to_string(d.line));
    out.append(",\"column\":");
    out.append(std::to_string(d.column));
    out.append(",\"pointer\":");
    json::AppendQuoted(&out, d.pointer);
    out.push_back('}');
  }
  out.append("]}");
  return out;
}

}  // namespace mcp_builder
