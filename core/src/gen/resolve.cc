#include "gen/resolve.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "gen/emit.h"
#include "text_checks.h"
#include "utf8.h"

namespace mcp_builder {
namespace gen {

using config::Text;
using registry::Argument;
using registry::ArgumentType;
using registry::Input;
using registry::KeyValueInput;
using registry::Variable;

namespace {

std::string_view DefaultRuntime(std::string_view registry_type) {
  if (registry_type == "npm") return "npx";
  if (registry_type == "pypi") return "uvx";
  if (registry_type == "oci") return "docker";
  if (registry_type == "nuget") return "dnx";
  return "";
}

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    const size_t n = utf8::SequenceLength(p, end);
    if (n == 0) return false;
    p += n;
  }
  return true;
}

std::string StripDashes(std::string_view flag) {
  while (!flag.empty() && flag.front() == '-') flag.remove_prefix(1);
  return std::string(flag);
}

// Where a value lands, for the characters it may not hold there.
enum class Field {
  kAny,      // an argument or environment variable: any text but NUL
  kHeader,   // an HTTP header value (or part of one)
  kUrlPart,  // a {variable} inside a remote URL (validation makes every
             // remote URL start with http:// or https://, so never its start)
};

bool HasControl(std::string_view value, bool allow_tab) {
  return std::any_of(value.begin(), value.end(), [&](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && !(allow_tab && c == '\t')) || u == 0x7f;
  });
}

// True if `value`, put inside a URL, would change more than its own part.
bool BreaksUrl(std::string_view value) {
  return value.find_first_of("/?#@\\ ") != std::string_view::npos || HasControl(value, false);
}
constexpr const char* kUrlPartRule =
    "a {variable} inside a URL cannot hold '/', '?', '#', '@', '\\', spaces or control characters";

// Why `value` is not acceptable for `input` in `field`, or "" when it is.
// Secret values are never quoted back.
std::string Rejection(const Input& input, std::string_view value, bool secret, Field field) {
  if (value.find('\0') != std::string_view::npos) return "contains a NUL character";
  if (!IsValidUtf8(value)) return "is not valid UTF-8";
  // A line break in a header value would start another header (RFC 9110
  // allows no control characters but tab there).
  if (field == Field::kHeader && HasControl(value, true)) {
    return "a header value cannot hold a line break or control character";
  }
  // Inside a URL a value is one component: '/', '?', '#', '@' or '\\' in
  // it would move the rest of the URL (https://{tenant}.example.com with
  // "evil.com/#" is https://evil.com/, where headers and tokens then go).
  if (field == Field::kUrlPart && BreaksUrl(value)) return kUrlPartRule;
  const std::string shown = secret ? std::string("the value") : text::Quoted(value);
  if (!input.choices.empty() &&
      std::find(input.choices.begin(), input.choices.end(), value) == input.choices.end()) {
    std::string list;
    for (const std::string& c : input.choices) list += (list.empty() ? "" : ", ") + text::Quoted(c);
    return shown + " is not one of the allowed choices: " + list;
  }
  if (input.format == "number" && !text::IsDecimal(value)) return shown + " is not a decimal number";
  if (input.format == "boolean" && value != "true" && value != "false") {
    return shown + " is not \"true\" or \"false\"";
  }
  if (input.format == "filepath" && (value.empty() || value.find_first_of("\r\n") != std::string_view::npos)) {
    return "a file path must be one non-empty line";
  }
  return "";
}

class Resolver {
 public:
  Resolver(const ResolveScope& scope, config::ServerEntry* entry) : scope_(scope), entry_(entry) {}

  bool Run(const registry::Server& server);

 private:
  void Note(Severity severity, std::string rule, std::string input, std::string message) {
    if (severity == Severity::kError) failed_ = true;
    scope_.notes->push_back(
        {std::move(rule), severity, std::move(message), entry_->name, std::move(input)});
  }

  void Declare(std::string_view name) { declared_.emplace_back(name); }
  void DeclareInput(const registry::InputWithVariables& input) {
    for (const Variable& v : input.variables) Declare(v.name);
  }
  void DeclareArguments(const std::vector<Argument>& args);
  bool CheckOwnValues();

  // The user's values for `name`: this server's own first, then the shared
  // ones (which are then marked used).
  const std::vector<std::string>* Lookup(std::string_view name);
  const std::vector<std::string>* LookupArgument(const Argument& arg);

  std::string RegisterSecret(std::string id, const Input& input);
  std::optional<Text> Resolve(const Input& input, const std::vector<Variable>& variables,
                              std::string_view name, const std::vector<std::string>* user,
                              bool secret, const std::string& secret_id, size_t occurrence);
  std::optional<Text> Substitute(std::string_view value, const std::vector<Variable>& variables,
                                 bool secret, size_t occurrence);

  void AddArguments(const std::vector<Argument>& args, std::vector<Text>* out);
  void AddEnvironment(const std::vector<KeyValueInput>& vars);
  void AddHeaders(const std::vector<KeyValueInput>& headers);
  bool RunPackage(const registry::Package& pkg);
  void RunRemote(const registry::Transport& remote);
  Text SubstitutePackageUrl(std::string_view url);

  const ResolveScope& scope_;
  config::ServerEntry* entry_;
  std::vector<std::string> declared_;
  std::vector<std::pair<std::string, Text>> named_values_;  // for package URLs
  Field field_ = Field::kAny;  // where the value being resolved goes
  bool failed_ = false;
};

void Resolver::DeclareArguments(const std::vector<Argument>& args) {
  for (const Argument& a : args) {
    if (a.type == ArgumentType::kNamed) {
      Declare(a.name);
      Declare(StripDashes(a.name));
    } else if (!a.value_hint.empty()) {
      Declare(a.value_hint);
    }
    DeclareInput(a);
  }
}

bool Resolver::CheckOwnValues() {
  std::vector<std::string_view> candidates(declared_.begin(), declared_.end());
  for (const InputValue& v : *scope_.own) {
    if (std::find(declared_.begin(), declared_.end(), v.name) != declared_.end()) continue;
    std::string message = "this server declares no input named " + text::Quoted(v.name);
    const std::string guess = text::DidYouMean(v.name, candidates);
    if (!guess.empty()) message += "; did you mean " + text::Quoted(guess) + "?";
    Note(Severity::kError, "generate/unknown-input", v.name, message);
  }
  return !failed_;
}

const std::vector<std::string>* Resolver::Lookup(std::string_view name) {
  for (const InputValue& v : *scope_.own) {
    if (v.name == name) return &v.values;
  }
  for (size_t i = 0; i < scope_.shared->size(); ++i) {
    if ((*scope_.shared)[i].name == name) {
      (*scope_.shared_used)[i] = true;
      return &(*scope_.shared)[i].values;
    }
  }
  return nullptr;
}

const std::vector<std::string>* Resolver::LookupArgument(const Argument& arg) {
  if (arg.type == ArgumentType::kPositional) {
    return arg.value_hint.empty() ? nullptr : Lookup(arg.value_hint);
  }
  const std::vector<std::string>* found = Lookup(arg.name);
  return found ? found : Lookup(StripDashes(arg.name));
}

std::string Resolver::RegisterSecret(std::string id, const Input& input) {
  for (config::SecretInfo& s : *scope_.secret_list) {
    if (s.id != id) continue;
    if (s.server.find(entry_->name) == std::string::npos) s.server += ", " + entry_->name;
    return id;
  }
  scope_.secret_list->push_back({id, input.description, entry_->name});
  return id;
}

std::optional<Text> Resolver::Resolve(const Input& input, const std::vector<Variable>& variables,
                                      std::string_view name, const std::vector<std::string>* user,
                                      bool secret, const std::string& secret_id,
                                      size_t occurrence) {
  secret = secret || input.is_secret;
  if (input.value) {
    if (user) {
      Note(Severity::kError, "generate/fixed-value", std::string(name),
           text::Quoted(name) + " has a fixed value in server.json and cannot be set");
      return std::nullopt;
    }
    std::optional<Text> text = Substitute(*input.value, variables, secret, occurrence);
    if (!text && input.is_required) {
      Note(Severity::kError, "generate/missing-required", std::string(name),
           text::Quoted(name) + " is required, and a {variable} in its value has no value");
    }
    return text;
  }
  if (secret && scope_.secrets == SecretMode::kPlaceholder) {
    if (!user && !input.is_required) return std::nullopt;
    if (user) {
      Note(Severity::kInfo, "generate/secret-not-written", std::string(name),
           "the value given for secret " + text::Quoted(name) +
               " is not written (placeholder mode; --secrets inline writes it)");
    }
    return Text::Secret(RegisterSecret(secret_id, input));
  }
  std::optional<std::string> value;
  if (user && !user->empty()) {
    value = (*user)[std::min(occurrence, user->size() - 1)];
  } else if (input.default_value) {
    value = *input.default_value;
  }
  if (!value) {
    if (input.is_required) {
      std::string message = text::Quoted(name) + " is required";
      if (!input.description.empty()) message += " (" + text::Abbreviate(input.description, 80) + ")";
      Note(Severity::kError, "generate/missing-required", std::string(name), message);
    }
    return std::nullopt;
  }
  const std::string why = Rejection(input, *value, secret, field_);
  if (!why.empty()) {
    Note(Severity::kError, "generate/invalid-value", std::string(name),
         "value of " + text::Quoted(name) + ": " + why);
    return std::nullopt;
  }
  return secret ? Text::SecretValue(*value) : Text::Literal(*value);
}

// The value with its {variables} replaced; nullopt when a variable has no
// value (an optional input is then left out, e.g. "Bearer {token}" with
// no token).
std::optional<Text> Resolver::Substitute(std::string_view value,
                                         const std::vector<Variable>& variables, bool secret,
                                         size_t occurrence) {
  Text out;
  size_t at = 0;
  for (const text::Reference& ref : text::FindReferences(value)) {
    const auto var = std::find_if(variables.begin(), variables.end(),
                                  [&](const Variable& v) { return v.name == ref.name; });
    // The schema: an identifier not in `variables` stays as written.
    if (var == variables.end()) continue;
    out.Append(Text::Literal(std::string(value.substr(at, ref.offset - at))));
    const std::string id = SecretIdFrom(entry_->name + "_" + ref.name);
    std::optional<Text> resolved =
        Resolve(var->input, {}, ref.name, Lookup(ref.name), secret, id, occurrence);
    if (!resolved) return std::nullopt;
    out.Append(*resolved);
    at = ref.offset + ref.name.size() + 2;
  }
  out.Append(Text::Literal(std::string(value.substr(at))));
  return out;
}

void Resolver::AddArguments(const std::vector<Argument>& args, std::vector<Text>* out) {
  for (const Argument& arg : args) {
    const bool named = arg.type == ArgumentType::kNamed;
    const std::string& label = named ? arg.name : arg.value_hint;
    const std::vector<std::string>* user = LookupArgument(arg);
    // Repeated arguments appear once per value given (to them, or to the
    // {variables} in their fixed value).
    size_t count = 1;
    if (arg.is_repeated) {
      if (user && !arg.value) count = std::max<size_t>(1, user->size());
      for (const Variable& v : arg.variables) {
        if (const auto* vals = Lookup(v.name)) count = std::max(count, vals->size());
      }
    }
    const std::string id = SecretIdFrom(entry_->name + "_" + StripDashes(label));
    for (size_t i = 0; i < count; ++i) {
      std::optional<Text> value = Resolve(arg, arg.variables, label, user, false, id, i);
      if (!value) break;
      if (!named) {
        out->push_back(std::move(*value));
        continue;
      }
      if (arg.format == "boolean" && !value->HasSecret() && value->pieces.size() == 1) {
        // A boolean flag is present or absent; "--flag=true" is not what
        // command-line parsers expect.
        if (value->pieces[0].text == "true") out->push_back(Text::Literal(arg.name));
        continue;
      }
      // Long flags as one "--flag=value" word (the 2025-12-11 schema's
      // form); short flags ("-e") as two words, since "-e=x" means "=x".
      if (arg.name.rfind("--", 0) == 0) {
        Text joined = Text::Literal(arg.name + "=");
        joined.Append(*value);
        out->push_back(std::move(joined));
      } else {
        out->push_back(Text::Literal(arg.name));
        out->push_back(std::move(*value));
      }
    }
  }
}

void Resolver::AddEnvironment(const std::vector<KeyValueInput>& vars) {
  for (const KeyValueInput& var : vars) {
    std::optional<Text> value =
        Resolve(var, var.variables, var.name, Lookup(var.name), false, var.name, 0);
    if (value) {
      named_values_.emplace_back(var.name, *value);
      entry_->env.push_back({var.name, std::move(*value)});
    }
  }
}

void Resolver::AddHeaders(const std::vector<KeyValueInput>& headers) {
  field_ = Field::kHeader;
  for (const KeyValueInput& header : headers) {
    const std::string id = SecretIdFrom(entry_->name + "_" + header.name);
    std::optional<Text> value =
        Resolve(header, header.variables, header.name, Lookup(header.name), false, id, 0);
    if (value) entry_->headers.push_back({header.name, std::move(*value)});
  }
  field_ = Field::kAny;
}

Text Resolver::SubstitutePackageUrl(std::string_view url) {
  // In a package's transport URL, {name} refers to the package's argument
  // valueHints and names and its environment variables.
  Text out;
  size_t at = 0;
  for (const text::Reference& ref : text::FindReferences(url)) {
    const auto found = std::find_if(named_values_.begin(), named_values_.end(),
                                    [&](const auto& nv) { return nv.first == ref.name; });
    if (found == named_values_.end()) {
      Note(Severity::kWarning, "generate/unresolved-reference", ref.name,
           "the transport URL refers to {" + ref.name + "}, which no argument or variable defines");
      continue;
    }
    // The same rule as for remote URL variables: http://localhost:{port}
    // with "1@evil.com" would be a URL whose host is evil.com.
    for (const config::Piece& piece : found->second.pieces) {
      if (piece.secret.empty() && BreaksUrl(piece.text)) {
        Note(Severity::kError, "generate/invalid-value", ref.name,
             "value of " + text::Quoted(ref.name) + " (used in the transport URL): " + kUrlPartRule);
        break;
      }
    }
    out.Append(Text::Literal(std::string(url.substr(at, ref.offset - at))));
    out.Append(found->second);
    at = ref.offset + ref.name.size() + 2;
  }
  out.Append(Text::Literal(std::string(url.substr(at))));
  return out;
}

bool Resolver::RunPackage(const registry::Package& pkg) {
  const std::string& type = pkg.registry_type;
  const std::string_view runtime =
      pkg.runtime_hint.empty() ? DefaultRuntime(type) : std::string_view(pkg.runtime_hint);
  if (runtime.empty()) {
    Note(Severity::kError, "generate/unsupported-package", "",
         "packages of registry type " + text::Quoted(type) + " cannot be run by MCP clients");
    return false;
  }
  if (pkg.version.empty() && type != "oci") {
    Note(Severity::kWarning, "generate/unpinned", "",
         "the package has no version, so the command runs whatever version is newest");
  }
  entry_->command = std::string(runtime);
  std::vector<Text>& args = entry_->args;
  entry_->origin.registry_type = type;
  entry_->origin.version = pkg.version;
  std::vector<Text> runtime_args;
  AddArguments(pkg.runtime_arguments, &runtime_args);
  std::vector<Text> package_args;
  AddArguments(pkg.package_arguments, &package_args);
  entry_->origin.identifier = pkg.identifier;
  entry_->origin.package_args = package_args;
  AddEnvironment(pkg.environment_variables);
  const auto add = [&](std::string s) { args.push_back(Text::Literal(std::move(s))); };
  const auto append_all = [&](std::vector<Text>& v) {
    for (Text& t : v) args.push_back(std::move(t));
  };
  const bool default_registry_npm = pkg.registry_base_url.empty() ||
                                    pkg.registry_base_url == "https://registry.npmjs.org";
  if (type == "npm") {
    if (runtime_args.empty() && runtime == "npx") add("-y");  // never prompt to install
    append_all(runtime_args);
    if (!default_registry_npm) add("--registry=" + pkg.registry_base_url);
    add(pkg.identifier + (pkg.version.empty() ? "" : "@" + pkg.version));
    append_all(package_args);
  } else if (type == "pypi") {
    append_all(runtime_args);
    if (!pkg.registry_base_url.empty() && pkg.registry_base_url != "https://pypi.org") {
      add("--index-url");
      add(pkg.registry_base_url);
    }
    add(pkg.identifier + (pkg.version.empty() ? "" : "==" + pkg.version));
    append_all(package_args);
  } else if (type == "oci") {
    add("run");
    add("-i");
    add("--rm");
    const std::vector<Text> declared_runtime = runtime_args;
    append_all(runtime_args);
    for (const config::NamedText& e : entry_->env) {
      // Forward each variable from the client's env into the container,
      // unless the server's own runtime arguments already do.
      bool forwarded = false;
      for (size_t i = 0; i + 1 < declared_runtime.size(); ++i) {
        const std::string flag = declared_runtime[i].Render([](const std::string&) { return ""; });
        const std::string next = declared_runtime[i + 1].Render([](const std::string&) { return ""; });
        if ((flag == "-e" || flag == "--env") && next == e.name) forwarded = true;
      }
      if (forwarded) continue;
      add("-e");
      add(e.name);
    }
    std::string image = pkg.identifier;
    const size_t slash = image.find('/');
    const std::string_view first = slash == std::string::npos ? "" : std::string_view(image).substr(0, slash);
    const bool has_host = first.find_first_of(".:") != std::string_view::npos || first == "localhost";
    if (!has_host && !pkg.registry_base_url.empty() && pkg.registry_base_url != "https://docker.io") {
      std::string host = pkg.registry_base_url.substr(pkg.registry_base_url.find("://") + 3);
      while (!host.empty() && host.back() == '/') host.pop_back();
      image = host + "/" + image;
    }
    const size_t last_part = image.rfind('/') == std::string::npos ? 0 : image.rfind('/');
    const bool tagged = image.find(':', last_part) != std::string::npos ||
                        image.find('@') != std::string::npos;
    if (!tagged && !pkg.version.empty()) image += ":" + pkg.version;
    if (!tagged && pkg.version.empty()) {
      Note(Severity::kWarning, "generate/unpinned", "",
           "the image " + text::Quoted(image) + " has no tag or digest, so docker runs 'latest'");
    }
    add(image);
    entry_->origin.identifier = image;
    append_all(package_args);
  } else if (type == "nuget") {
    append_all(runtime_args);
    add(pkg.identifier + (pkg.version.empty() ? "" : "@" + pkg.version));
    add("--yes");  // dnx would otherwise ask before downloading
    if (!package_args.empty()) {
      add("--");
      append_all(package_args);
    }
  } else {
    append_all(runtime_args);
    add(pkg.identifier);
    append_all(package_args);
  }
  if (pkg.transport.type == "streamable-http" || pkg.transport.type == "sse") {
    // {references} in the URL name the package's arguments (the values
    // the command line got) and its environment variables.
    for (const Argument& a : pkg.package_arguments) {
      const std::vector<std::string>* user = LookupArgument(a);
      const std::string key = a.type == ArgumentType::kNamed ? StripDashes(a.name) : a.value_hint;
      std::string v = user && !user->empty() ? user->front()
                      : a.value               ? *a.value
                      : a.default_value       ? *a.default_value
                                              : "";
      named_values_.emplace_back(key, Text::Literal(v));
      if (a.type == ArgumentType::kNamed) named_values_.emplace_back(a.name, Text::Literal(v));
    }
    const std::string started = CommandLine(*entry_);
    entry_->transport = pkg.transport.type == "sse" ? config::TransportKind::kSse
                                                    : config::TransportKind::kHttp;
    entry_->url = SubstitutePackageUrl(pkg.transport.url);
    AddHeaders(pkg.transport.headers);
    Note(Severity::kWarning, "generate/start-server", "",
         "this package serves HTTP: start it yourself with `" + started +
             "`; the client connects to its URL");
    entry_->command.clear();
    entry_->args.clear();
    entry_->env.clear();
    entry_->origin = {};
  }
  return !failed_;
}

void Resolver::RunRemote(const registry::Transport& remote) {
  entry_->transport =
      remote.type == "sse" ? config::TransportKind::kSse : config::TransportKind::kHttp;
  field_ = Field::kUrlPart;
  std::optional<Text> url = Substitute(remote.url, remote.variables, false, 0);
  field_ = Field::kAny;
  if (!url) {
    if (failed_) return;  // a value was refused: that error says why
    Note(Severity::kError, "generate/missing-required", "",
         "the remote URL " + text::Quoted(remote.url) + " has a {variable} with no value");
    return;
  }
  entry_->url = std::move(*url);
  AddHeaders(remote.headers);
}

bool Resolver::Run(const registry::Server& server) {
  entry_->title = server.title;
  entry_->description = server.description;
  const registry::Package* package = nullptr;
  const registry::Package* bundle = nullptr;
  for (const registry::Package& p : server.packages) {
    if (p.registry_type == "mcpb") {
      if (!bundle) bundle = &p;
    } else if (!package) {
      package = &p;
    }
  }
  const registry::Transport* remote = server.remotes.empty() ? nullptr : server.remotes.data();
  const bool use_remote = remote && (!package || scope_.prefer == Prefer::kRemote);
  if (use_remote) {
    for (const KeyValueInput& h : remote->headers) {
      Declare(h.name);
      DeclareInput(h);
    }
    for (const Variable& v : remote->variables) Declare(v.name);
    if (!CheckOwnValues()) return false;
    RunRemote(*remote);
    return !failed_;
  }
  if (package) {
    DeclareArguments(package->runtime_arguments);
    DeclareArguments(package->package_arguments);
    for (const KeyValueInput& e : package->environment_variables) {
      Declare(e.name);
      DeclareInput(e);
    }
    for (const KeyValueInput& h : package->transport.headers) {
      Declare(h.name);
      DeclareInput(h);
    }
    if (!CheckOwnValues()) return false;
    return RunPackage(*package);
  }
  if (bundle) {
    Note(Severity::kError, "generate/mcpb-bundle", "",
         "this server ships only as an MCP bundle (.mcpb), which is installed by opening the "
         "file in Claude Desktop, not from a config file: download " +
             text::Abbreviate(bundle->identifier, 200) +
             (bundle->file_sha256.empty() ? "" : " and check its SHA-256 is " + bundle->file_sha256));
    return false;
  }
  Note(Severity::kError, "generate/nothing-to-run", "",
       "server.json declares no package and no remote, so there is nothing to run");
  return false;
}

}  // namespace

std::string SecretIdFrom(std::string_view s) {
  std::string id;
  for (const char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      id.push_back(c);
    } else if (c >= 'a' && c <= 'z') {
      id.push_back(static_cast<char>(c - 32));
    } else if (!id.empty() && id.back() != '_') {
      id.push_back('_');
    }
  }
  while (!id.empty() && id.back() == '_') id.pop_back();
  if (id.empty() || (id[0] >= '0' && id[0] <= '9')) id.insert(0, "SECRET_");
  return id;
}

std::string CommandLine(const config::ServerEntry& entry) {
  std::string line = ShellWord(entry.command);
  for (const Text& arg : entry.args) {
    std::string word;
    for (const config::Piece& p : arg.pieces) {
      // Messages never hold a secret, not even one the user asked to write
      // inline into the file.
      word += !p.secret.empty() ? "${" + p.secret + "}" : p.sensitive ? "<secret>" : p.text;
    }
    line += " " + ShellWord(word);
  }
  return line;
}

bool ResolveServer(const registry::Server& server, const ResolveScope& scope,
                   config::ServerEntry* entry) {
  return Resolver(scope, entry).Run(server);
}

}  // namespace gen
}  // namespace mcp_builder
