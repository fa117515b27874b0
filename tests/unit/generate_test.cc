#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gen/emit.h"
#include "gen/writer.h"
#include "mcp_builder/catalog.h"
#include "mcp_builder/generate.h"
#include "mcp_builder/registry.h"

namespace mcp_builder {
namespace gen {
namespace {

// The wasm build has no catalog compiled in; load the bundle it ships.
class CatalogEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    if (!catalog::Entries().empty()) return;
    std::ifstream in(MCP_BUILDER_CATALOG_BUNDLE, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::string error;
    ASSERT_TRUE(catalog::Load(text.str(), &error)) << error;
  }
};
const ::testing::Environment* const kCatalog =
    ::testing::AddGlobalTestEnvironment(new CatalogEnvironment);

constexpr const char* kSecretValue = "s3cr3t-VALUE-never-in-output";

// A value every input accepts: its first choice, or one of its format.
std::string ValueFor(const registry::Input& in) {
  if (!in.choices.empty()) return in.choices[0];
  if (in.format == "number") return "1";
  if (in.format == "boolean") return "true";
  if (in.format == "filepath") return "/tmp/mcp";
  return "value";
}

void AddRequired(const registry::InputWithVariables& in, const std::string& name, bool secret,
                 std::vector<InputValue>* values) {
  for (const registry::Variable& v : in.variables) {
    if (v.input.is_required) values->push_back({v.name, {v.input.is_secret || secret ? kSecretValue : ValueFor(v.input)}});
  }
  if (!in.value && (in.is_required || in.is_secret) && !name.empty()) {
    values->push_back({name, {in.is_secret || secret ? kSecretValue : ValueFor(in)}});
  }
}

// Values for what the server's first package (or remote) requires, secrets
// set to kSecretValue.
std::vector<InputValue> RequiredValues(const registry::Server& s, Prefer prefer) {
  std::vector<InputValue> values;
  const registry::Package* pkg = nullptr;
  for (const registry::Package& p : s.packages) {
    if (!pkg && p.registry_type != "mcpb") pkg = &p;
  }
  if (pkg && !(prefer == Prefer::kRemote && !s.remotes.empty())) {
    for (const auto* args : {&pkg->runtime_arguments, &pkg->package_arguments}) {
      for (const registry::Argument& a : *args) {
        AddRequired(a, a.type == registry::ArgumentType::kNamed ? a.name : a.value_hint, false, &values);
      }
    }
    for (const registry::KeyValueInput& e : pkg->environment_variables) AddRequired(e, e.name, false, &values);
  } else if (!s.remotes.empty()) {
    for (const registry::Variable& v : s.remotes[0].variables) {
      if (v.input.is_required) values.push_back({v.name, {v.input.is_secret ? kSecretValue : ValueFor(v.input)}});
    }
    for (const registry::KeyValueInput& h : s.remotes[0].headers) AddRequired(h, h.name, false, &values);
  }
  return values;
}

GenerateResult GenerateOne(const std::string& client, const std::string& server_json,
                           std::vector<InputValue> values = {},
                           SecretMode mode = SecretMode::kPlaceholder) {
  GenerateRequest r;
  r.client = client;
  r.secrets = mode;
  r.servers.emplace_back();
  r.servers.back().server_json = server_json;
  r.servers.back().name = "srv";
  r.servers.back().values = std::move(values);
  return Generate(r);
}

std::string Rules(const GenerateResult& r) {
  std::string out;
  for (const Note& n : r.notes) out += n.rule + " (" + n.message + ")\n";
  return out;
}

bool HasRule(const GenerateResult& r, const std::string& rule, const std::string& input = "") {
  for (const Note& n : r.notes) {
    if (n.rule == rule && (input.empty() || n.input == input)) return true;
  }
  return false;
}

TEST(Catalog, EveryEntryIsAValidServerJsonWithoutWarnings) {
  const std::set<std::string> categories = {
      "reference", "developer-tools", "browser-automation", "search", "data", "cloud",
      "productivity", "communication", "observability", "ai-ml", "knowledge", "payments"};
  ASSERT_GE(catalog::Entries().size(), 40u);
  std::string previous;
  for (const catalog::Entry& e : catalog::Entries()) {
    SCOPED_TRACE(std::string(e.id));
    EXPECT_LT(previous, std::string(e.id));  // sorted, unique
    previous = std::string(e.id);
    EXPECT_TRUE(categories.count(std::string(e.category)));
    EXPECT_FALSE(e.keywords.empty());
    const ValidationReport report = registry::ValidateServerJson(e.server_json);
    EXPECT_EQ(report.Count(Severity::kError) + report.Count(Severity::kWarning), 0u);
  }
  EXPECT_EQ(catalog::Find("no-such-server"), nullptr);
  ASSERT_NE(catalog::Find("filesystem"), nullptr);
}

TEST(Catalog, LoadRejectsAMalformedBundleAndKeepsTheCatalog) {
  const size_t before = catalog::Entries().size();
  std::string error;
  for (const char* bad : {"", "{}", R"({"servers": [{"id": "x"}]})", R"({"servers": [1]})"}) {
    EXPECT_FALSE(catalog::Load(bad, &error)) << bad;
    EXPECT_NE(error.find("catalog bundle"), std::string::npos);
  }
  EXPECT_EQ(catalog::Entries().size(), before);
}

TEST(Catalog, LoadKeepsEscapedTextAndRestores) {
  // Escapes are decoded into the parser's memory, which Load must not keep
  // pointing into (the ASan run checks this).
  const std::string original(catalog::Find("memory")->server_json);
  const size_t full_size = catalog::Entries().size();
  const std::string bundle = R"({"servers": [{"id": "m\u0065m", "category": "r\u0065ference",
      "keywords": ["gr\u0061ph", "c\u002b\u002b"], "server": )" + original + "}]}";
  std::string error;
  ASSERT_TRUE(catalog::Load(bundle, &error)) << error;
  ASSERT_EQ(catalog::Entries().size(), 1u);
  const catalog::Entry* e = catalog::Find("mem");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->category, "reference");
  EXPECT_EQ(std::vector<std::string_view>(e->keywords.begin(), e->keywords.end()),
            (std::vector<std::string_view>{"graph", "c++"}));
  EXPECT_EQ(e->server_json, original);
  EXPECT_EQ(catalog::Model(*e).name, registry::ReadServerJson(original).server.name);
  // Put the full catalog back for the other tests.
  std::ifstream in(MCP_BUILDER_CATALOG_BUNDLE, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  ASSERT_TRUE(catalog::Load(text.str(), &error)) << error;
  EXPECT_EQ(catalog::Entries().size(), full_size);
}

TEST(Catalog, CoversTheReferenceServersAndEveryKindOfPackage) {
  for (const char* id : {"filesystem", "memory", "fetch", "git", "time", "sequential-thinking", "everything"}) {
    EXPECT_NE(catalog::Find(id), nullptr) << id;
  }
  std::set<std::string> kinds;
  for (const catalog::Entry& e : catalog::Entries()) {
    const registry::Server s = registry::ReadServerJson(e.server_json).server;
    for (const registry::Package& p : s.packages) kinds.insert(p.registry_type);
    if (!s.remotes.empty()) kinds.insert("remote");
    for (const registry::Package& p : s.packages) {
      EXPECT_NE(p.version, "latest") << e.id;
      if (p.registry_type == "npm" || p.registry_type == "pypi") {
        EXPECT_FALSE(p.version.empty()) << e.id;
      }
    }
  }
  for (const char* kind : {"npm", "pypi", "oci", "remote"}) EXPECT_TRUE(kinds.count(kind)) << kind;
}

TEST(Catalog, SearchMatchesEveryTermCaseInsensitively) {
  const auto all = nlohmann::json::parse(catalog::SearchToJson({}));
  EXPECT_EQ(all.size(), catalog::Entries().size());
  const auto fs = nlohmann::json::parse(catalog::SearchToJson({"FILESYSTEM"}));
  ASSERT_GE(fs.size(), 1u);
  bool found = false;
  for (const auto& e : fs) found |= e["id"] == "filesystem";
  EXPECT_TRUE(found);
  EXPECT_EQ(nlohmann::json::parse(catalog::SearchToJson({"filesystem", "zzzz-nothing"})).size(), 0u);
}

// Every catalog entry, local and remote, through every target: generation
// succeeds once its required inputs are set, and a secret's value never
// reaches any part of the result in placeholder mode.
TEST(Generate, EveryCatalogEntryForEveryTargetKeepsSecretsOut) {
  std::vector<std::string_view> targets = ClientIds();
  targets.insert(targets.end(), DeploymentIds().begin(), DeploymentIds().end());
  for (const catalog::Entry& e : catalog::Entries()) {
    const registry::Server s = registry::ReadServerJson(e.server_json).server;
    for (Prefer prefer : {Prefer::kLocal, Prefer::kRemote}) {
      for (std::string_view target : targets) {
        SCOPED_TRACE(std::string(e.id) + " -> " + std::string(target));
        GenerateRequest r;
        r.client = std::string(target);
        r.prefer = prefer;
        r.servers.emplace_back();
        r.servers.back().catalog_id = std::string(e.id);
        r.servers.back().values = RequiredValues(s, prefer);
        const GenerateResult result = Generate(r);
        ASSERT_TRUE(result.ok) << Rules(result);
        EXPECT_FALSE(result.text.empty());
        EXPECT_EQ(ResultToJson(result).find(kSecretValue), std::string::npos);
        if (target != "codex" && target != "continue" && target != "goose" && target != "compose" &&
            target != "dockerfile" && target != "env-example") {
          EXPECT_TRUE(nlohmann::json::accept(result.text)) << result.text;
        }
      }
    }
  }
}

const char* kNpmServer = R"({
  "name": "io.example/tool", "description": "d", "version": "1.2.3",
  "packages": [{
    "registryType": "npm", "identifier": "@ex/tool", "version": "1.2.3",
    "transport": {"type": "stdio"},
    "packageArguments": [
      {"type": "positional", "value": "serve"},
      {"type": "positional", "valueHint": "dir", "isRequired": true, "isRepeated": true},
      {"type": "named", "name": "--mode", "choices": ["fast", "safe"], "default": "safe"},
      {"type": "named", "name": "--port", "format": "number"},
      {"type": "named", "name": "--verbose", "format": "boolean"},
      {"type": "named", "name": "-c", "value": "conf={cfg}", "variables": {"cfg": {"default": "a.toml"}}}
    ],
    "environmentVariables": [
      {"name": "API_KEY", "isRequired": true, "isSecret": true, "description": "key"},
      {"name": "REGION", "default": "eu"}
    ]
  }]
})";

TEST(Generate, NpmPackageArgumentsFollowRegistrySemantics) {
  const GenerateResult r = GenerateOne(
      "claude-code", kNpmServer,
      {{"dir", {"/a", "/b c"}}, {"port", {"8080"}}, {"verbose", {"true"}}});
  ASSERT_TRUE(r.ok) << Rules(r);
  const auto j = nlohmann::json::parse(r.text)["mcpServers"]["srv"];
  EXPECT_EQ(j["type"], "stdio");
  EXPECT_EQ(j["command"], "npx");
  EXPECT_EQ(j["args"], nlohmann::json::parse(R"(["-y", "@ex/tool@1.2.3", "serve", "/a", "/b c",
      "--mode=safe", "--port=8080", "--verbose", "-c", "conf=a.toml"])"));
  EXPECT_EQ(j["env"]["API_KEY"], "${API_KEY}");
  EXPECT_EQ(j["env"]["REGION"], "eu");
  ASSERT_EQ(r.secrets.size(), 1u);
  EXPECT_EQ(r.secrets[0].id, "API_KEY");
}

TEST(Generate, RejectsValuesBeforeWritingAnything) {
  struct Case {
    std::vector<InputValue> values;
    const char* rule;
    const char* input;
  } cases[] = {
      {{}, "generate/missing-required", "dir"},
      {{{"dir", {"/a"}}, {"mode", {"turbo"}}}, "generate/invalid-value", "--mode"},
      {{{"dir", {"/a"}}, {"port", {"80a"}}}, "generate/invalid-value", "--port"},
      {{{"dir", {"/a"}}, {"verbose", {"yes"}}}, "generate/invalid-value", "--verbose"},
      {{{"dir", {"/a"}}, {"-c", {"x"}}}, "generate/fixed-value", "-c"},
      {{{"dir", {"/a"}}, {"NOT_DECLARED", {"x"}}}, "generate/unknown-input", "NOT_DECLARED"},
      {{{"dir", {std::string("/a\0b", 4)}}}, "generate/invalid-value", "dir"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.rule);
    const GenerateResult r = GenerateOne("cursor", kNpmServer, c.values);
    EXPECT_FALSE(r.ok);
    EXPECT_TRUE(r.text.empty());
    EXPECT_TRUE(HasRule(r, c.rule, c.input)) << Rules(r);
  }
}

TEST(Generate, InlineSecretsAreWrittenWithAWarningAndRequired) {
  GenerateResult r = GenerateOne("cursor", kNpmServer, {{"dir", {"/a"}}}, SecretMode::kInline);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(HasRule(r, "generate/missing-required", "API_KEY"));
  r = GenerateOne("cursor", kNpmServer, {{"dir", {"/a"}}, {"API_KEY", {kSecretValue}}},
                  SecretMode::kInline);
  ASSERT_TRUE(r.ok) << Rules(r);
  EXPECT_NE(r.text.find(kSecretValue), std::string::npos);
  EXPECT_TRUE(HasRule(r, "generate/inline-secrets"));
}

TEST(Generate, RemoteHeadersAndUrlVariables) {
  const char* remote = R"({"name": "io.example/r", "description": "d", "version": "1.0.0",
    "remotes": [{"type": "streamable-http", "url": "https://{tenant}.example.com/mcp",
      "variables": {"tenant": {"isRequired": true}},
      "headers": [{"name": "Authorization", "value": "Bearer {token}",
        "variables": {"token": {"isRequired": true, "isSecret": true, "description": "t"}}}]}]})";
  GenerateResult r = GenerateOne("vscode", remote, {{"tenant", {"acme"}}});
  ASSERT_TRUE(r.ok) << Rules(r);
  auto j = nlohmann::json::parse(r.text);
  EXPECT_EQ(j["servers"]["srv"]["url"], "https://acme.example.com/mcp");
  EXPECT_EQ(j["servers"]["srv"]["type"], "http");
  EXPECT_EQ(j["servers"]["srv"]["headers"]["Authorization"], "Bearer ${input:srv-token}");
  EXPECT_EQ(j["inputs"][0]["id"], "srv-token");
  EXPECT_EQ(j["inputs"][0]["password"], true);

  r = GenerateOne("codex", remote, {{"tenant", {"acme"}}});
  ASSERT_TRUE(r.ok);
  EXPECT_NE(r.text.find("bearer_token_env_var = \"SRV_TOKEN\""), std::string::npos) << r.text;

  r = GenerateOne("claude-desktop", remote, {{"tenant", {"acme"}}});
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(HasRule(r, "generate/remote-bridged"));
  j = nlohmann::json::parse(r.text)["mcpServers"]["srv"];
  EXPECT_EQ(j["command"], "npx");
  EXPECT_EQ(j["args"][1], kMcpRemote);
  EXPECT_EQ(j["args"][2], "https://acme.example.com/mcp");
}

// Issue 6 (injection suite): a URL variable's value could move the host
// ("evil.com/#" in https://{tenant}.example.com gave https://evil.com/#...,
// where the Authorization header then goes), and a header value could hold
// a line break (a second header for clients that pass it through).
TEST(Generate, UrlVariablesAndHeaderValuesCannotBreakOut) {
  const char* remote = R"({"name": "io.example/r", "description": "d", "version": "1.0.0",
    "remotes": [{"type": "streamable-http", "url": "https://{tenant}.example.com/mcp",
      "variables": {"tenant": {"isRequired": true}},
      "headers": [{"name": "X-Key", "value": "Bearer {key}", "variables": {"key": {}}},
                  {"name": "X-Plain"}]}]})";
  for (const char* tenant : {"evil.com/#", "evil.com?", "a@evil.com", "a b", "a\\b", "a\nb"}) {
    SCOPED_TRACE(tenant);
    const GenerateResult r = GenerateOne("cursor", remote, {{"tenant", {tenant}}});
    EXPECT_FALSE(r.ok);
    EXPECT_TRUE(r.text.empty());
    EXPECT_TRUE(HasRule(r, "generate/invalid-value", "tenant")) << Rules(r);
    EXPECT_FALSE(HasRule(r, "generate/missing-required")) << Rules(r);  // one error, the right one
  }
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"key", "k\r\nX-Evil: 1"}, {"X-Plain", "a\nb"}, {"X-Plain", "a\rb"}, {"key", "\x1b[2J"}}) {
    SCOPED_TRACE(name);
    const GenerateResult r = GenerateOne("cursor", remote, {{"tenant", {"acme"}}, {name, {value}}});
    EXPECT_FALSE(r.ok);
    EXPECT_TRUE(HasRule(r, "generate/invalid-value", name)) << Rules(r);
  }
  // What belongs there still goes through: a tab and any text in a header,
  // dots, dashes, ports and percent escapes in a URL part.
  const GenerateResult r = GenerateOne(
      "cursor", remote, {{"tenant", {"eu-1.acme:8443%41"}}, {"key", {"a\tb \"c\" $d"}}, {"X-Plain", {"é"}}});
  ASSERT_TRUE(r.ok) << Rules(r);
  const auto j = nlohmann::json::parse(r.text)["mcpServers"]["srv"];
  EXPECT_EQ(j["url"], "https://eu-1.acme:8443%41.example.com/mcp");
  EXPECT_EQ(j["headers"]["X-Key"], "Bearer a\tb \"c\" $d");
  EXPECT_EQ(j["headers"]["X-Plain"], "é");
  // A package's own transport URL takes argument values the same way:
  // http://localhost:{port} with "1@evil.com" would point at evil.com.
  const char* http = R"({"name": "io.example/h", "description": "d", "version": "1.0.0",
    "packages": [{"registryType": "npm", "identifier": "h", "version": "1.0.0",
      "transport": {"type": "streamable-http", "url": "http://localhost:{port}/mcp"},
      "packageArguments": [{"type": "named", "name": "--port", "default": "8080"}]}]})";
  for (const char* port : {"1@evil.com", "80/x#", "80\n"}) {
    SCOPED_TRACE(port);
    const GenerateResult p = GenerateOne("cursor", http, {{"port", {port}}});
    EXPECT_FALSE(p.ok);
    EXPECT_TRUE(HasRule(p, "generate/invalid-value", "port")) << Rules(p);
  }
  EXPECT_TRUE(GenerateOne("cursor", http, {{"port", {"9000"}}}).ok);
}

TEST(Generate, OptionalHeaderWithoutItsVariableIsLeftOut) {
  const char* remote = R"({"name": "io.example/r", "description": "d", "version": "1.0.0",
    "remotes": [{"type": "streamable-http", "url": "https://example.com/mcp",
      "headers": [{"name": "Authorization", "value": "Bearer {token}",
        "variables": {"token": {"isSecret": true}}}]}]})";
  GenerateResult r = GenerateOne("claude-code", remote);
  ASSERT_TRUE(r.ok) << Rules(r);
  EXPECT_FALSE(nlohmann::json::parse(r.text)["mcpServers"]["srv"].contains("headers")) << r.text;
  r = GenerateOne("claude-code", remote, {{"token", {kSecretValue}}});
  ASSERT_TRUE(r.ok) << Rules(r);
  EXPECT_EQ(nlohmann::json::parse(r.text)["mcpServers"]["srv"]["headers"]["Authorization"],
            "Bearer ${SRV_TOKEN}");
}

TEST(Generate, WindowsWrapsNpxInCmdForClientsThatNeedIt) {
  GenerateRequest r;
  r.client = "claude-code";
  r.os = TargetOs::kWindows;
  r.servers.emplace_back();
  r.servers.back().server_json = kNpmServer;
  r.servers.back().values = {{"dir", {"C:\\x"}}};
  GenerateResult result = Generate(r);
  ASSERT_TRUE(result.ok);
  auto j = nlohmann::json::parse(result.text)["mcpServers"]["tool"];
  EXPECT_EQ(j["command"], "cmd");
  EXPECT_EQ(j["args"][0], "/c");
  EXPECT_EQ(j["args"][1], "npx");
  r.client = "vscode";  // VS Code starts npx itself
  result = Generate(r);
  EXPECT_EQ(nlohmann::json::parse(result.text)["servers"]["tool"]["command"], "npx");
}

TEST(Generate, NamesAreSanitizedAndUnique) {
  GenerateRequest r;
  r.client = "claude-code";
  for (const char* name : {"my server!", "my server!", "workspace", "9lives"}) {
    r.servers.emplace_back();
    r.servers.back().catalog_id = "memory";
    r.servers.back().name = name;
  }
  const GenerateResult result = Generate(r);
  ASSERT_TRUE(result.ok) << Rules(result);
  const auto j = nlohmann::json::parse(result.text)["mcpServers"];
  for (const char* name : {"my-server", "my-server-2", "workspace-server", "mcp-9lives"}) {
    EXPECT_TRUE(j.contains(name)) << name << "\n" << result.text;
  }
}

TEST(Generate, UnknownClientAndServerSuggestAlternatives) {
  GenerateRequest r;
  r.client = "vscod";
  r.servers.emplace_back();
  r.servers.back().catalog_id = "memory";
  GenerateResult result = Generate(r);
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.notes[0].message.find("'vscode'"), std::string::npos);
  r.client = "vscode";
  r.servers.back().catalog_id = "memroy";
  result = Generate(r);
  EXPECT_TRUE(HasRule(result, "generate/unknown-server"));
  EXPECT_NE(result.notes[0].message.find("'memory'"), std::string::npos);
}

TEST(Generate, RequestJsonErrorsAreNotes) {
  for (const char* bad : {"", "[]", R"({"client": 1})", R"({"client": "cursor"})",
                          R"({"client": "cursor", "servers": [{}]})",
                          R"({"client": "cursor", "servers": [], "secrets": "maybe"})",
                          R"({"client": "cursor", "servers": [{"catalogId": "memory", "values": {"A": 1}}]})"}) {
    const GenerateResult r = GenerateFromJson(bad);
    EXPECT_FALSE(r.ok) << bad;
    EXPECT_TRUE(HasRule(r, "generate/bad-request")) << bad << Rules(r);
  }
}

TEST(Generate, HttpPackageNoteNeverShowsAnInlineSecret) {
  const char* http = R"({"name": "io.example/h", "description": "d", "version": "1.0.0",
    "packages": [{"registryType": "npm", "identifier": "h", "version": "1.0.0",
      "transport": {"type": "streamable-http", "url": "http://localhost:{port}/mcp"},
      "packageArguments": [
        {"type": "named", "name": "--port", "default": "8080"},
        {"type": "named", "name": "--token", "isSecret": true, "isRequired": true}]}]})";
  for (SecretMode mode : {SecretMode::kPlaceholder, SecretMode::kInline}) {
    const GenerateResult r = GenerateOne("cursor", http, {{"token", {kSecretValue}}}, mode);
    ASSERT_TRUE(r.ok) << Rules(r);
    EXPECT_TRUE(HasRule(r, "generate/start-server"));
    EXPECT_EQ(nlohmann::json::parse(r.text)["mcpServers"]["srv"]["url"], "http://localhost:8080/mcp");
    EXPECT_EQ(ResultToJson(r).find(kSecretValue), std::string::npos);
  }
}

TEST(Generate, WireFormCarriesTextsRawWithUtf16LengthsAndSharedSecrets) {
  GenerateResult a, b, c;
  a.ok = b.ok = true;
  a.client = "x";
  a.text = "{\"q\": \"\xC3\xA9\xF0\x9F\x98\x80\"}\n";  // é (1 unit) and an emoji (2 units)
  a.secrets = {{"TOKEN", "a token", "srv"}};
  b.client = "y";
  b.text = "plain";
  b.secrets = a.secrets;
  c.client = "z";  // a failed target: no secrets
  const std::string wire = ResultsToWire({a, b, c});
  const size_t newline = wire.find('\n');
  const auto meta = nlohmann::json::parse(wire.substr(0, newline));
  ASSERT_EQ(meta["results"].size(), 3u);
  EXPECT_FALSE(meta["results"][0].contains("text"));
  EXPECT_EQ(meta["results"][0]["textLength"], 13);  // {"q": "éX"}\n with X two units
  EXPECT_EQ(meta["results"][1]["textLength"], 5);
  EXPECT_EQ(meta["results"][2]["textLength"], 0);
  ASSERT_EQ(meta["secretLists"].size(), 2u);  // one shared by x and y, one empty
  EXPECT_EQ(meta["results"][0]["secretsRef"], meta["results"][1]["secretsRef"]);
  EXPECT_EQ(meta["secretLists"][meta["results"][0]["secretsRef"].get<size_t>()][0]["id"], "TOKEN");
  EXPECT_EQ(meta["secretLists"][meta["results"][2]["secretsRef"].get<size_t>()].size(), 0u);
  EXPECT_EQ(wire.substr(newline + 1), a.text + b.text);
}

TEST(Emit, EscapesForEachSyntax) {
  EXPECT_EQ(TomlString("a\"b\\c\n\x01\x7f"), "\"a\\\"b\\\\c\\n\\u0001\\u007F\"");
  EXPECT_EQ(TomlKey("a-b_c"), "a-b_c");
  EXPECT_EQ(TomlKey("a.b"), "\"a.b\"");
  EXPECT_EQ(YamlString("x\"\\\n\t\x1b\xE2\x80\xA8"), "\"x\\\"\\\\\\n\\t\\x1B\\L\"");
  EXPECT_EQ(YamlKey("API_KEY"), "API_KEY");
  EXPECT_EQ(YamlKey("yes"), "\"yes\"");
  EXPECT_EQ(YamlKey("X-Api Key"), "\"X-Api Key\"");
  EXPECT_EQ(ShellWord("plain/path-1.2@x"), "plain/path-1.2@x");
  EXPECT_EQ(ShellWord("it's $(x)"), "'it'\\''s $(x)'");
  EXPECT_EQ(ShellWord(""), "''");
  EXPECT_EQ(PercentEncode("a b/é~"), "a%20b%2F%C3%A9~");
  EXPECT_EQ(Base64(""), "");
  EXPECT_EQ(Base64("f"), "Zg==");
  EXPECT_EQ(Base64("fo"), "Zm8=");
  EXPECT_EQ(Base64("foobar"), "Zm9vYmFy");
  JsonOut out;
  out.BeginObject();
  out.Key("a");
  out.BeginArray();
  out.EndArray();
  out.Key("b");
  out.BeginArray();
  out.String("x");
  out.Bool(true);
  out.EndArray();
  out.EndObject();
  EXPECT_EQ(out.Finish(), "{\n  \"a\": [],\n  \"b\": [\n    \"x\",\n    true\n  ]\n}\n");
  EXPECT_EQ(CompactJson("{\n  \"a b\": [\n    \"x: y\"\n  ]\n}\n"), "{\"a b\":[\"x: y\"]}");
}

}  // namespace
}  // namespace gen
}  // namespace mcp_builder
