// server.json walk: reporting infrastructure and the document structure
// (server, repository, icons, packages, transports, remotes).
#include "registry_reader.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>

#include "text_checks.h"

namespace mcp_builder {
namespace registry {

using json::Type;
using json::Value;

namespace {

std::string JoinQuoted(std::initializer_list<const char*> items) {
  std::string out;
  size_t i = 0;
  for (const char* item : items) {
    if (i > 0) out += (i + 1 == items.size()) ? " or " : ", ";
    out += "'" + std::string(item) + "'";
    ++i;
  }
  return out;
}

const char* WithArticle(Type type) {
  switch (type) {
    case Type::kObject: return "an object";
    case Type::kArray: return "an array";
    case Type::kString: return "a string";
    case Type::kNumber: return "a number";
    case Type::kBool: return "a boolean";
    case Type::kNull: return "null";
  }
  return "a value";
}

constexpr std::string_view kServerKeys[] = {
    "$schema", "name",     "title",    "description", "version", "websiteUrl",
    "repository", "icons", "packages", "remotes",     "_meta"};

}  // namespace

// ---------------------------------------------------------------- reporting

std::string Reader::Pointer() const {
  std::string pointer;
  for (const Segment& s : path_) {
    if (s.is_index) {
      pointer += '/';
      pointer += std::to_string(s.index);
    } else {
      json::AppendPointerToken(&pointer, s.key);
    }
  }
  return pointer;
}

void Reader::Report(const char* rule, Severity severity,
                    const json::Position& pos, std::string message) {
  if (report_->diagnostics.size() >= options_.max_diagnostics) {
    ++dropped_;
    return;
  }
  Diagnostic d;
  d.rule = rule;
  d.severity = severity;
  d.message = std::move(message);
  d.line = pos.line;
  d.column = pos.column;
  d.offset = pos.offset;
  d.pointer = Pointer();
  report_->diagnostics.push_back(std::move(d));
}

void Reader::Finish() {
  std::stable_sort(report_->diagnostics.begin(), report_->diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return a.offset < b.offset;
                   });
  if (dropped_ == 0) return;
  Diagnostic d;
  d.rule = "report/truncated";
  d.severity = Severity::kInfo;
  d.message = std::to_string(dropped_) +
              " more findings not shown (limit " +
              std::to_string(options_.max_diagnostics) + " per document)";
  if (!report_->diagnostics.empty()) {
    d.line = report_->diagnostics.back().line;
    d.column = report_->diagnostics.back().column;
    d.offset = report_->diagnostics.back().offset;
  }
  report_->diagnostics.push_back(std::move(d));
}

void Reader::CheckDuplicateKeys(const Value& object) {
  const auto& m = object.members;
  auto report = [&](size_t first, size_t dup) {
    Scope scope(this, m[dup].key);
    Report("json/duplicate-key", Severity::kError, m[dup].key_pos,
           "duplicate key " + text::Quoted(m[dup].key) + " (first at line " +
               std::to_string(m[first].key_pos.line) + ", column " +
               std::to_string(m[first].key_pos.column) +
               "); JSON readers disagree on which one counts");
  };
  if (m.size() <= 16) {
    for (size_t i = 1; i < m.size(); ++i) {
      for (size_t j = 0; j < i; ++j) {
        if (m[j].key == m[i].key) {
          report(j, i);
          break;
        }
      }
    }
    return;
  }
  std::unordered_map<std::string_view, size_t> seen;
  seen.reserve(m.size());
  for (size_t i = 0; i < m.size(); ++i) {
    auto inserted = seen.emplace(m[i].key, i);
    if (!inserted.second) report(inserted.first->second, i);
  }
}

// For subtrees the schema leaves open (_meta, unknown members).
void Reader::CheckDuplicateKeysDeep(const Value& value, int depth) {
  if (depth > options_.max_depth) return;  // the parser already bounds this
  if (value.is_object()) {
    CheckDuplicateKeys(value);
    for (const json::Member& m : value.members) {
      Scope scope(this, m.key);
      CheckDuplicateKeysDeep(m.value, depth + 1);
    }
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.items.size(); ++i) {
      Scope scope(this, i);
      CheckDuplicateKeysDeep(value.items[i], depth + 1);
    }
  }
}

void Reader::Require(const Value& object,
                     std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (object.Find(name) == nullptr) {
      Report("schema/required", Severity::kError, object.pos,
             std::string("missing required field '") + name + "'");
    }
  }
}

bool Reader::ExpectType(const Value& v, Type type) {
  if (v.type == type) return true;
  Report("schema/type", Severity::kError, v.pos,
         std::string("expected ") + WithArticle(type) + ", found " +
             WithArticle(v.type));
  return false;
}

std::string_view Reader::String(const Value& v) {
  return ExpectType(v, Type::kString) ? v.text : std::string_view();
}

bool Reader::Bool(const Value& v) {
  return ExpectType(v, Type::kBool) && v.boolean;
}

std::vector<std::string> Reader::StringArray(const Value& v) {
  std::vector<std::string> out;
  if (!ExpectType(v, Type::kArray)) return out;
  for (size_t i = 0; i < v.items.size(); ++i) {
    Scope scope(this, i);
    out.emplace_back(String(v.items[i]));
  }
  return out;
}

void Reader::Enum(const Value& v, std::string_view value,
                  std::initializer_list<const char*> allowed) {
  if (!v.is_string()) return;
  if (std::any_of(allowed.begin(), allowed.end(),
                  [&](const char* a) { return value == a; })) {
    return;
  }
  Report("schema/enum", Severity::kError, v.pos,
         text::Quoted(value) + " is not allowed here; expected " +
             JoinQuoted(allowed));
}

void Reader::Uri(const Value& v, std::string_view value) {
  if (!v.is_string() || text::IsUri(value)) return;
  Report("schema/format-uri", Severity::kError, v.pos,
         text::Quoted(value) + " is not an absolute URI (scheme:..., no spaces)");
}

void Reader::Length(const Value& v, std::string_view value, size_t min,
                    size_t max, const char* rule) {
  if (!v.is_string()) return;
  const size_t n = text::CodePointLength(value);
  if (n >= min && n <= max) return;
  // Name the field: the last key on the path ("description", "src", ...).
  std::string field = "value";
  if (!path_.empty() && !path_.back().is_index) field = std::string(path_.back().key);
  auto characters = [](size_t k) {
    return std::to_string(k) + (k == 1 ? " character" : " characters");
  };
  if (n < min) {
    Report(rule, Severity::kError, v.pos,
           min == 1 ? field + " must not be empty"
                    : field + " is " + characters(n) +
                          " long; the minimum is " + std::to_string(min));
  } else {
    Report(rule, Severity::kError, v.pos,
           field + " is " + characters(n) + " long; the maximum is " +
               std::to_string(max));
  }
}

void Reader::ServerVersion(const Value& v, std::string_view value) {
  if (!v.is_string()) return;
  if (value.empty()) {
    Report("schema/version-empty", Severity::kError, v.pos,
           "version must not be empty");
  } else if (value == "latest") {
    Report("schema/version-latest", Severity::kError, v.pos,
           "version 'latest' is reserved; give the exact version released");
  } else if (text::IsVersionRange(value)) {
    Report("schema/version-range", Severity::kError, v.pos,
           "version " + text::Quoted(value) +
               " is a range; the registry needs one exact version");
  } else if (!text::IsSemver(value)) {
    Report("semantic/version-not-semver", Severity::kInfo, v.pos,
           "version " + text::Quoted(value) +
               " is not semantic versioning (MAJOR.MINOR.PATCH), so it may "
               "not sort as expected");
  }
  Length(v, value, 0, 255, "schema/version-length");
}

void Reader::PackageVersion(const Value& v, std::string_view value) {
  if (!v.is_string()) return;
  if (value.empty()) {
    Report("schema/version-empty", Severity::kError, v.pos,
           "package version must not be empty; omit it or give the exact "
           "version");
  } else if (value == "latest") {
    Report("schema/version-latest", Severity::kError, v.pos,
           "package version must not be 'latest'; pin the exact version");
  } else if (text::IsVersionRange(value)) {
    Report("schema/version-range", Severity::kError, v.pos,
           "package version " + text::Quoted(value) +
               " is a range; pin one exact version");
  }
  Length(v, value, 0, 255, "schema/version-length");
}

// ------------------------------------------------------------ the document

void Reader::ReadServer(const Value& root, Server* out) {
  if (!ExpectType(root, Type::kObject)) return;
  ForEachMember(root, kServerKeys, &out->extra,
                [&](std::string_view key, const Value& v) {
    if (key == "$schema") {
      ReadSchemaUrl(v, &out->schema);
    } else if (key == "name") {
      out->name = String(v);
      Length(v, out->name, 3, 200, "schema/name-length");
      if (v.is_string() && !text::MatchesServerName(out->name)) {
        Report("schema/name-pattern", Severity::kError, v.pos,
               "name " + text::Quoted(out->name) +
                   " must be reverse-DNS 'namespace/server' with exactly one "
                   "'/' (letters, digits, '.', '-' before it; also '_' after "
                   "it), e.g. 'io.github.user/weather'");
      }
    } else if (key == "title") {
      out->title = String(v);
      Length(v, out->title, 1, 100, "schema/title-length");
    } else if (key == "description") {
      out->description = String(v);
      Length(v, out->description, 1, 100, "schema/description-length");
    } else if (key == "version") {
      out->version = String(v);
      ServerVersion(v, out->version);
    } else if (key == "websiteUrl") {
      out->website_url = String(v);
      Uri(v, out->website_url);
    } else if (key == "repository") {
      out->repository.emplace();
      ReadRepository(v, &*out->repository);
    } else if (key == "icons") {
      ReadArray(v, &out->icons,
                [&](const Value& item, Icon* icon) { ReadIcon(item, icon); });
    } else if (key == "packages") {
      ReadArray(v, &out->packages, [&](const Value& item, Package* p) {
        ReadPackage(item, p);
      });
    } else if (key == "remotes") {
      ReadArray(v, &out->remotes, [&](const Value& item, Transport* t) {
        ReadTransport(item, /*remote=*/true, t);
      });
    } else if (key == "_meta") {
      if (ExpectType(v, Type::kObject)) CheckDuplicateKeysDeep(v, 1);
      out->meta = SourceOf(v);
    }
  });
  Require(root, {"name", "description", "version"});
}

void Reader::ReadSchemaUrl(const Value& v, std::string* out) {
  *out = String(v);
  Uri(v, *out);
  // Registry schema URLs look like .../schemas/<date>/server.schema.json.
  static constexpr std::string_view kMarker = "/schemas/";
  const size_t at = out->find(kMarker);
  if (at == std::string::npos) return;
  const size_t start = at + kMarker.size();
  const size_t end = out->find('/', start);
  if (end == std::string::npos) return;
  const std::string date = out->substr(start, end - start);
  if (date != kSchemaVersion) {
    Report("semantic/schema-version", Severity::kInfo, v.pos,
           "document declares schema " + text::Quoted(date) + "; it was checked "
           "against " + kSchemaVersion + ", the newest released schema");
  }
}

void Reader::ReadRepository(const Value& v, Repository* out) {
  if (!ExpectType(v, Type::kObject)) return;
  static constexpr std::string_view kKeys[] = {"url", "source", "id",
                                               "subfolder"};
  ForEachMember(v, kKeys, &out->extra,
                [&](std::string_view key, const Value& f) {
    if (key == "url") {
      out->url = String(f);
      Uri(f, out->url);
    } else if (key == "source") {
      out->source = String(f);
    } else if (key == "id") {
      out->id = String(f);
    } else if (key == "subfolder") {
      out->subfolder = String(f);
      const std::string& s = out->subfolder;
      if (f.is_string() && (s.empty() || s[0] == '/' || s[0] == '\\' ||
                            s == ".." || s.rfind("../", 0) == 0 ||
                            s.find("/../") != std::string::npos ||
                            s.find('\\') != std::string::npos)) {
        Report("semantic/subfolder-path", Severity::kWarning, f.pos,
               "subfolder " + text::Quoted(s) + " must be a clean relative path "
               "inside the repository (no leading '/', no '..', no '\\')");
      }
    }
  });
  Require(v, {"url", "source"});
}

void Reader::ReadIcon(const Value& v, Icon* out) {
  if (!ExpectType(v, Type::kObject)) return;
  static constexpr std::string_view kKeys[] = {"src", "mimeType", "sizes",
                                               "theme"};
  ForEachMember(v, kKeys, &out->extra,
                [&](std::string_view key, const Value& f) {
    if (key == "src") {
      out->src = String(f);
      Uri(f, out->src);
      Length(f, out->src, 0, 255, "schema/icon-src-length");
      if (f.is_string() && out->src.rfind("https://", 0) != 0) {
        Report("schema/icon-https", Severity::kError, f.pos,
               "icon src " + text::Quoted(out->src) + " must be an https:// URL");
      }
    } else if (key == "mimeType") {
      out->mime_type = String(f);
      Enum(f, out->mime_type, {"image/png", "image/jpeg", "image/jpg",
                               "image/svg+xml", "image/webp"});
    } else if (key == "sizes") {
      out->sizes = StringArray(f);
      for (size_t i = 0; f.is_array() && i < f.items.size(); ++i) {
        const Value& item = f.items[i];
        if (item.is_string() && !text::MatchesIconSize(item.text)) {
          Scope scope(this, i);
          Report("schema/icon-size", Severity::kError, item.pos,
                 "icon size " + text::Quoted(item.text) +
                     " must be WIDTHxHEIGHT (e.g. '48x48') or 'any'");
        }
      }
    } else if (key == "theme") {
      out->theme = String(f);
      Enum(f, out->theme, {"light", "dark"});
    }
  });
  Require(v, {"src"});
}

void Reader::ReadPackage(const Value& v, Package* out) {
  if (!ExpectType(v, Type::kObject)) return;
  static constexpr std::string_view kKeys[] = {
      "registryType", "registryBaseUrl", "identifier", "version", "fileSha256",
      "runtimeHint", "transport", "runtimeArguments", "packageArguments",
      "environmentVariables"};
  ForEachMember(v, kKeys, &out->extra,
                [&](std::string_view key, const Value& f) {
    if (key == "registryType") {
      out->registry_type = String(f);
      const std::string& t = out->registry_type;
      if (f.is_string() && t != "npm" && t != "pypi" && t != "oci" &&
          t != "nuget" && t != "mcpb") {
        Report("semantic/registry-type", Severity::kWarning, f.pos,
               "registryType " + text::Quoted(t) + " is not one clients know "
               "('npm', 'pypi', 'oci', 'nuget' or 'mcpb')");
      }
    } else if (key == "registryBaseUrl") {
      out->registry_base_url = String(f);
      Uri(f, out->registry_base_url);
    } else if (key == "identifier") {
      out->identifier = String(f);
      if (f.is_string() && out->identifier.empty()) {
        Report("semantic/empty-identifier", Severity::kError, f.pos,
               "identifier must name the package (or, for mcpb, its URL)");
      }
    } else if (key == "version") {
      out->version = String(f);
      PackageVersion(f, out->version);
    } else if (key == "fileSha256") {
      out->file_sha256 = String(f);
      if (f.is_string() && !text::MatchesSha256(out->file_sha256)) {
        Report("schema/sha256-pattern", Severity::kError, f.pos,
               "fileSha256 must be 64 lowercase hex digits, found " +
                   text::Quoted(out->file_sha256));
      }
    } else if (key == "runtimeHint") {
      out->runtime_hint = String(f);
    } else if (key == "transport") {
      ReadTransport(f, /*remote=*/false, &out->transport);
    } else if (key == "runtimeArguments" || key == "packageArguments") {
      auto* args = key == "runtimeArguments" ? &out->runtime_arguments
                                             : &out->package_arguments;
      ReadArray(f, args,
                [&](const Value& item, Argument* a) { ReadArgument(item, a); });
    } else if (key == "environmentVariables") {
      ReadArray(f, &out->environment_variables,
                [&](const Value& item, KeyValueInput* kv) {
                  ReadKeyValue(item, KeyKind::kEnv, kv);
                });
      CheckUniqueNames(f, out->environment_variables, KeyKind::kEnv);
    }
  });
  Require(v, {"registryType", "identifier", "transport"});
  CheckPackage(v, *out);
}

void Reader::CheckPackage(const Value& v, const Package& p) {
  const std::string& type = p.registry_type;
  if (type == "mcpb" && p.file_sha256.empty()) {
    Report("semantic/mcpb-sha256", Severity::kError, v.pos,
           "an mcpb package needs fileSha256 so clients can verify the "
           "download");
  }
  if (!p.runtime_arguments.empty() && p.runtime_hint.empty()) {
    // The arguments may have come in under another spelling, which has
    // been reported already; then point at the package.
    const Value* args = v.Find("runtimeArguments");
    Scope scope(this, "runtimeArguments");
    Report("semantic/runtime-hint-missing", Severity::kWarning, args ? args->pos : v.pos,
           "runtimeArguments are given without a runtimeHint (npx, uvx, "
           "docker, dnx...), so clients cannot tell which runtime they are for");
  }
  const bool has_version = v.Find("version") != nullptr;
  if (!has_version && (type == "npm" || type == "pypi" || type == "nuget")) {
    Report("semantic/package-version-missing", Severity::kWarning, v.pos,
           "no version: clients cannot pin this " + type +
               " package and will run whatever is newest");
  }
  if (!has_version && type == "oci") {
    const std::string& id = p.identifier;
    const size_t slash = id.rfind('/');
    const bool tagged =
        id.find('@') != std::string::npos ||
        id.find(':', slash == std::string::npos ? 0 : slash) !=
            std::string::npos;
    if (!id.empty() && !tagged) {
      Report("semantic/package-version-missing", Severity::kWarning, v.pos,
             "the image " + text::Quoted(id) + " has no tag or digest and no "
             "version, so clients would run ':latest'");
    }
  }
  // A package transport URL may reference argument valueHints, argument
  // names and environment variable names of this package.
  const Value* transport = v.Find("transport");
  const Value* url = transport && transport->is_object()
                         ? transport->Find("url") : nullptr;
  if (url == nullptr || !url->is_string()) return;
  std::vector<std::string> declared;
  for (const auto* list : {&p.runtime_arguments, &p.package_arguments}) {
    for (const Argument& a : *list) {
      if (!a.value_hint.empty()) declared.push_back(a.value_hint);
      if (!a.name.empty()) {
        declared.push_back(a.name);
        // "--port" is also {port}; a name of dashes only ("--") has no bare form.
        const size_t bare = a.name.find_first_not_of('-');
        if (bare != std::string::npos) declared.push_back(a.name.substr(bare));
      }
    }
  }
  for (const KeyValueInput& e : p.environment_variables) declared.push_back(e.name);
  Scope s1(this, "transport");
  Scope s2(this, "url");
  CheckUrlReferences(*url, url->text, declared,
                     "an argument valueHint or name, or an environment "
                     "variable of this package");
}

void Reader::ReadTransport(const Value& v, bool remote, Transport* out) {
  if (!ExpectType(v, Type::kObject)) return;
  // Remotes also take URL "variables"; package transports do not.
  static constexpr std::string_view kKeys[] = {"type", "url", "headers",
                                               "variables"};
  const auto keys = remote ? KeyList{kKeys, 4} : KeyList{kKeys, 3};
  ForEachMember(v, keys, &out->extra,
                [&](std::string_view key, const Value& f) {
    if (key == "type") {
      out->type = String(f);
      if (remote) {
        Enum(f, out->type, {"streamable-http", "sse"});
      } else {
        Enum(f, out->type, {"stdio", "streamable-http", "sse"});
      }
    } else if (key == "url") {
      out->url = String(f);
      if (f.is_string() && !text::MatchesTransportUrl(out->url)) {
        Report("schema/url-pattern", Severity::kError, f.pos,
               "url " + text::Quoted(out->url) +
                   " must start with http:// or https:// and contain no "
                   "whitespace");
      }
    } else if (key == "headers") {
      ReadArray(f, &out->headers, [&](const Value& item, KeyValueInput* kv) {
        ReadKeyValue(item, KeyKind::kHeader, kv);
      });
      CheckUniqueNames(f, out->headers, KeyKind::kHeader);
    } else if (key == "variables") {
      ReadVariables(f, &out->variables);
    }
  });
  Require(v, {"type"});
  if (out->type == "stdio") {
    if (const Value* url = v.Find("url")) {
      Scope scope(this, "url");
      Report("semantic/stdio-url", Severity::kWarning, url->pos,
             "a stdio transport has no URL; this url is ignored (use "
             "streamable-http or sse for a server reached over HTTP)");
    }
  } else if (!out->type.empty() || remote) {
    Require(v, {"url"});
  }
  if (remote) CheckRemoteUrl(v, *out);
}

void Reader::CheckRemoteUrl(const Value& v, const Transport& t) {
  std::vector<std::string> declared;
  for (const Variable& var : t.variables) declared.push_back(var.name);
  if (const Value* url = v.Find("url"); url != nullptr && url->is_string()) {
    Scope scope(this, "url");
    CheckUrlReferences(*url, url->text, declared,
                       "a key of this remote's variables");
  }
  const Value* vars = v.Find("variables");
  if (vars == nullptr || !vars->is_object()) return;
  std::vector<std::string> used;
  for (const text::Reference& r : text::FindReferences(t.url)) {
    used.push_back(r.name);
  }
  Scope scope(this, "variables");
  for (const json::Member& m : vars->members) {
    if (std::find(used.begin(), used.end(), m.key) == used.end()) {
      Scope member(this, m.key);
      Report("semantic/unused-variable", Severity::kWarning, m.key_pos,
             "variable " + text::Quoted(m.key) + " is declared but the url has no {" +
                 std::string(m.key) + "}");
    }
  }
}

void Reader::CheckUrlReferences(const Value& url_value, std::string_view url,
                                const std::vector<std::string>& declared,
                                const char* what) {
  for (const text::Reference& r : text::FindReferences(url)) {
    if (std::find(declared.begin(), declared.end(), r.name) != declared.end()) {
      continue;
    }
    Report("semantic/undefined-variable", Severity::kError, url_value.pos,
           "url references {" + r.name + "}, which is not " + what);
  }
}

// ------------------------------------------------------------- entry points

ServerReadResult ReadServerJson(std::string_view text,
                                const ValidateOptions& options) {
  ServerReadResult result;
  json::ParseOptions parse_options;
  parse_options.max_bytes = options.max_bytes;
  parse_options.max_depth = options.max_depth;
  json::ParseResult parsed = json::Parse(text, parse_options);
  if (!parsed.ok()) {
    Diagnostic d;
    d.rule = json::ParseErrorRule(parsed.error.code);
    d.severity = Severity::kError;
    d.message = std::move(parsed.error.message);
    d.line = parsed.error.pos.line;
    d.column = parsed.error.pos.column;
    d.offset = parsed.error.pos.offset;
    result.report.diagnostics.push_back(std::move(d));
    return result;
  }
  result.report.parsed = true;
  Reader reader(text, options, &result.report);
  reader.ReadServer(parsed.value, &result.server);
  reader.Finish();
  return result;
}

ValidationReport ValidateServerJson(std::string_view text,
                                    const ValidateOptions& options) {
  return ReadServerJson(text, options).report;
}

}  // namespace registry
}  // namespace mcp_builder
