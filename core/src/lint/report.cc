// Lint output: JSON (DESIGN.md's contract), text (one finding per line, as
// compilers print them) and SARIF 2.1.0 (OASIS; what GitHub code scanning
// uploads: docs.github.com "SARIF support for code scanning").
#include <charconv>
#include <map>

#include "gen/emit.h"
#include "lint/analysis.h"
#include "lint/secret_scan.h"
#include "mcp_builder/json_writer.h"
#include "mcp_builder/secrets.h"
#include "mcp_builder/version.h"
#include "swar.h"

namespace mcp_builder {
namespace lint {

namespace {

void Str(std::string* out, std::string_view key, std::string_view value) {
  json::AppendQuoted(out, key);
  out->push_back(':');
  json::AppendQuoted(out, value);
}

// ,"key":n
void AppendNumber(std::string* out, std::string_view key, size_t n) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out->push_back(',');
  json::AppendQuoted(out, key);
  out->push_back(':');
  out->append(digits, static_cast<size_t>(end - digits));
}

void AppendFinding(std::string* out, const Finding& f) {
  out->push_back('{');
  Str(out, "rule", f.rule);
  out->push_back(',');
  Str(out, "severity", SeverityName(f.severity));
  out->push_back(',');
  Str(out, "message", f.message);
  AppendNumber(out, "line", f.line);
  AppendNumber(out, "column", f.column);
  AppendNumber(out, "offset", f.offset);
  AppendNumber(out, "length", f.length);
  out->push_back(',');
  Str(out, "pointer", f.pointer);
  if (!f.fix.empty()) {
    out->push_back(',');
    Str(out, "fix", f.fix);
  }
  out->push_back('}');
}

void AppendFindings(std::string* out, std::string_view key, const std::vector<Finding>& findings) {
  json::AppendQuoted(out, key);
  *out += ":[";
  for (size_t i = 0; i < findings.size(); ++i) {
    if (i) out->push_back(',');
    AppendFinding(out, findings[i]);
  }
  out->push_back(']');
}

// What each rule family checks, for SARIF's rule descriptions.
std::string RuleDescription(std::string_view rule) {
  static const std::map<std::string_view, std::string_view> kRules = {
      {"syntax/json", "The file is not valid JSON"},
      {"syntax/toml", "The file is not valid TOML"},
      {"syntax/yaml", "The file is not valid YAML (or uses YAML this tool does not read)"},
      {"syntax/trailing-comma", "A trailing comma in a file the client reads as strict JSON"},
      {"syntax/comment", "A comment in a file the client reads as strict JSON"},
      {"syntax/too-large", "The file is larger than the linter reads"},
      {"syntax/too-deep", "The file nests deeper than the linter reads"},
      {"syntax/encoding", "The file is not valid UTF-8"},
      {"schema/top-level-key", "The servers are under another client's top-level key, so this client ignores them"},
      {"schema/no-servers", "The file configures no MCP servers"},
      {"schema/wrong-type", "A value has the wrong JSON type for the client"},
      {"schema/missing-command", "A server has neither a command nor a URL"},
      {"schema/command-and-url", "A server has both a command and a URL"},
      {"schema/type-mismatch", "A server's type does not match its command or URL"},
      {"schema/type-value", "A transport type spelled as another client spells it"},
      {"schema/missing-type", "A server without the type the client requires"},
      {"schema/field-name", "A field spelled as another client spells it, so this client ignores it"},
      {"schema/unknown-key", "A field the client does not read"},
      {"schema/duplicate-key", "The same key twice in one object"},
      {"schema/missing-name", "A list entry without a name"},
      {"schema/server-name", "A server name the client refuses or skips"},
      {"schema/remote-unsupported", "A remote server in a file that only runs local ones"},
      {"schema/url-without-type", "A URL entry without a type, taken as SSE"},
      {"schema/undefined-input", "A ${input:id} reference without its inputs entry"},
      {"schema/inline-bearer-token", "An inline bearer token, which the client rejects"},
      {"schema/legacy-location", "Servers configured where the client no longer wants them"},
      {"schema/foreign-placeholder", "A variable reference in another client's syntax, passed on as text"},
      {"exec/unpinned-package", "A package or image run without an exact version"},
      {"exec/shell-command", "A server started through a shell command line"},
      {"exec/shell-operator", "Shell operators or command substitution in arguments"},
      {"exec/pipe-to-shell", "A downloaded script piped into a shell"},
      {"exec/sudo", "A server run as root"},
      {"exec/sensitive-path", "A server given a location that holds keys or credentials"},
      {"exec/broad-filesystem-root", "A filesystem server rooted at the disk or home directory"},
      {"exec/docker-privileged", "A container run with --privileged"},
      {"exec/docker-socket", "The Docker socket mounted into a container"},
      {"exec/docker-host-mount", "The disk or home directory mounted into a container"},
      {"exec/docker-cap-add", "Capabilities added without dropping all first"},
      {"exec/docker-host-namespace", "A container sharing the host's network, PID or IPC namespace"},
      {"exec/auto-approve", "Every tool of a server runs without confirmation"},
      {"net/insecure-http", "Plain HTTP to a host other than this machine"},
      {"net/private-address", "A private or cloud metadata address"},
      {"net/url-credentials", "A password in a URL"},
      {"net/secret-in-url", "A secret in a URL's query string"},
      {"net/bind-all-interfaces", "A server listening on every network interface"},
  };
  if (const auto it = kRules.find(rule); it != kRules.end()) return std::string(it->second);
  if (rule.rfind("secret/", 0) == 0) {
    for (const secrets::Rule& r : secrets::Rules()) {
      if (rule.substr(7) == r.id) return "Hard-coded " + std::string(r.title);
    }
    return "Hard-coded secret";
  }
  return std::string(rule);
}

// GitHub ranks security alerts by this 0.0-10.0 score.
const char* SecuritySeverity(std::string_view rule, Severity severity) {
  if (rule.rfind("secret/", 0) == 0) return "9.0";
  if (rule.rfind("exec/", 0) == 0 || rule.rfind("net/", 0) == 0) {
    return severity == Severity::kError ? "8.0" : "5.0";
  }
  return nullptr;
}

const char* SarifLevel(Severity s) {
  return s == Severity::kError ? "error" : s == Severity::kWarning ? "warning" : "note";
}

// The file as a URI reference: relative paths stay relative (what code
// scanning wants: relative to the repository root), absolute ones become
// file:// URIs; '/' kept, the rest percent-encoded.
std::string FileUri(std::string_view file) {
  if (file.empty() || file == "-") return "stdin";
  const bool drive = file.size() > 2 && file[1] == ':' && (file[2] == '\\' || file[2] == '/');
  std::string out = file[0] == '/' ? "file://" : drive ? "file:///" : "";
  for (size_t i = 0; i < file.size(); ++i) {
    const char c = file[i];
    if (c == '\\') {
      out += '/';
    } else if (c == '/' || (drive && i == 1)) {
      out += c;
    } else {
      out += gen::PercentEncode(file.substr(i, 1));
    }
  }
  return out;
}

}  // namespace

std::string ReportToJson(const Report& report) {
  std::string out = "{";
  Str(&out, "client", report.client);
  out += ',';
  Str(&out, "format", report.format);
  out += ',';
  Str(&out, "detected", report.detected);
  out += ",\"parsed\":" + std::string(report.parsed ? "true" : "false") + ",";
  AppendFindings(&out, "findings", report.findings);
  out += ",\"omitted\":" + std::to_string(report.omitted) + "}";
  return out;
}

std::string ReportToText(const Report& report, std::string_view file) {
  std::string out;
  const std::string name = PrintableText(file.empty() ? "-" : file);
  for (const Finding& f : report.findings) {
    out += name + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " +
           SeverityName(f.severity) + " " + f.rule + " " + PrintableText(f.message) + "\n";
  }
  if (report.omitted) out += name + ": " + std::to_string(report.omitted) + " more findings not listed\n";
  return out;
}

std::string ReportToSarif(const Report& report, std::string_view file) {
  std::vector<std::string_view> rules;
  std::map<std::string_view, size_t> index;
  for (const Finding& f : report.findings) {
    if (index.insert({f.rule, rules.size()}).second) rules.push_back(f.rule);
  }
  std::string out =
      "{\"$schema\":\"https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/"
      "sarif-schema-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{"
      "\"name\":\"mcp-builder\",";
  Str(&out, "semanticVersion", Version());
  out += ",\"rules\":[";
  for (size_t i = 0; i < rules.size(); ++i) {
    const std::string_view id = rules[i];
    Severity level = Severity::kInfo;
    for (const Finding& f : report.findings) {
      if (f.rule == id && f.severity < level) level = f.severity;
    }
    const std::string description = RuleDescription(id);
    if (i) out += ',';
    out += '{';
    Str(&out, "id", id);
    out += ",\"shortDescription\":{";
    Str(&out, "text", description);
    out += "},\"fullDescription\":{";
    Str(&out, "text", description + " (mcp-builder rule " + std::string(id) + ").");
    out += "},\"help\":{";
    Str(&out, "text", "Run `mcp-builder lint` for the details of each finding and `mcp-builder fix` "
                      "to apply the automatic fixes.");
    out += "},\"defaultConfiguration\":{\"level\":\"" + std::string(SarifLevel(level)) + "\"}";
    const char* score = SecuritySeverity(id, level);
    out += ",\"properties\":{\"tags\":[\"";
    out += score ? "security" : "correctness";
    out += "\"]";
    if (score) out += ",\"security-severity\":\"" + std::string(score) + "\"";
    out += "}}";
  }
  // The run's exit code (0, 1 or 2, as `mcp-builder lint`) in its invocation.
  out += "]}},\"invocations\":[{\"executionSuccessful\":true,\"exitCode\":" + std::to_string(report.ExitCode()) +
         "}],\"columnKind\":\"unicodeCodePoints\",\"results\":[";
  const std::string uri = FileUri(file);
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    if (i) out += ',';
    out += '{';
    Str(&out, "ruleId", f.rule);
    out += ",\"ruleIndex\":" + std::to_string(index[f.rule]) + ",\"level\":\"" + SarifLevel(f.severity) +
           "\",\"message\":{";
    Str(&out, "text", f.message + (f.fix.empty() ? "" : " Fix: " + f.fix + "."));
    out += "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{";
    Str(&out, "uri", uri);
    out += "},\"region\":{\"startLine\":" + std::to_string(f.line) +
           ",\"startColumn\":" + std::to_string(f.column) + "}}";
    if (!f.pointer.empty()) {
      out += ",\"logicalLocations\":[{";
      Str(&out, "fullyQualifiedName", f.pointer);
      out += ",\"kind\":\"member\"}]";
    }
    out += "}]}";
  }
  out += "]}]}";
  return out;
}

namespace {

// Line and column of offsets asked for in increasing order, read forward
// from the last one: scanSecrets answers for many small texts with a
// finding or two each, where indexing every line first costs more.
class ForwardPositions {
 public:
  explicit ForwardPositions(std::string_view text) : text_(text) {}
  json::Position At(size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < at_.offset) at_ = json::Position{};  // out of order: from the start
    const auto* const data = reinterpret_cast<const unsigned char*>(text_.data());
    // Line breaks counted 8 bytes at a time (lines are short next to the
    // text between two findings); then the column from the last one.
    size_t i = at_.offset;
    uint32_t breaks = 0;
    for (; i + 8 <= offset; i += 8) breaks += static_cast<uint32_t>(swar::CountByte(swar::Load(data + i), '\n'));
    for (; i < offset; ++i) breaks += data[i] == '\n';
    size_t from = at_.offset;
    if (breaks != 0) {
      at_.line += breaks;
      at_.column = 1;
      from = offset;
      while (data[from - 1] != '\n') --from;
    }
    for (i = from; i < offset; ++i) at_.column += (data[i] & 0xC0) != 0x80;
    at_.offset = static_cast<uint32_t>(offset);
    return at_;
  }

 private:
  std::string_view text_;
  json::Position at_;
};

}  // namespace

void AppendSecretWords(std::string_view text, std::vector<uint32_t>* out) {
  const std::vector<secrets::SecretMatch> matches = secrets::FindSecrets(text);
  ForwardPositions positions(text);  // matches come in text order
  out->reserve(out->size() + kSecretWords * matches.size());
  for (const secrets::SecretMatch& match : matches) {
    const json::Position at = positions.At(match.offset);
    const secrets::MaskParts mask = secrets::MaskPartsOf(text.substr(match.offset, match.length));
    // Texts are at most kMaxBytes (16 MiB): every number fits.
    out->insert(out->end(), {static_cast<uint32_t>(match.rule), at.line, at.column, static_cast<uint32_t>(match.offset),
                             static_cast<uint32_t>(match.length), static_cast<uint32_t>(mask.shown_count), mask.shown[0],
                             mask.shown[1], mask.shown[2], mask.shown[3], static_cast<uint32_t>(mask.length)});
  }
}

std::string FixToJson(const FixResult& r) {
  std::string out = "{\"ok\":" + std::string(r.ok ? "true" : "false") + ",";
  Str(&out, "client", r.client);
  out += ',';
  Str(&out, "text", r.text);
  out += ",\"changes\":" + std::to_string(r.changes) + ",\"secrets\":[";
  for (size_t i = 0; i < r.secrets.size(); ++i) {
    if (i) out += ',';
    out += '{';
    Str(&out, "id", r.secrets[i].id);
    out += ',';
    Str(&out, "description", r.secrets[i].description);
    out += ',';
    Str(&out, "server", r.secrets[i].server);
    out += '}';
  }
  out += "],";
  Str(&out, "envTemplate", r.env_template);
  out += ',';
  AppendFindings(&out, "remaining", r.remaining);
  return out + "}";
}

std::string ConvertToJson(const ConvertResult& r) {
  std::string out = "{\"ok\":" + std::string(r.ok ? "true" : "false") + ",";
  Str(&out, "from", r.from);
  out += ',';
  Str(&out, "to", r.to);
  out += ',';
  Str(&out, "text", r.text);
  out += ',';
  AppendFindings(&out, "notes", r.notes);
  return out + "}";
}

}  // namespace lint
}  // namespace mcp_builder
