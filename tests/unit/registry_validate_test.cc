#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "mcp_builder/diagnostic.h"
#include "mcp_builder/registry.h"

namespace mcp_builder {
namespace registry {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string Describe(const ValidationReport& r) {
  std::string out;
  for (const Diagnostic& d : r.diagnostics) {
    out += "  " + std::to_string(d.line) + ":" + std::to_string(d.column) + " " +
           SeverityName(d.severity) + " " + d.rule + " " + d.pointer + " " +
           d.message + "\n";
  }
  return out;
}

// A valid document with `members` spliced in (each starting with a comma).
std::string Doc(const std::string& members) {
  return R"({"name":"io.github.a/b","description":"d","version":"1.0.0")" +
         members + "}";
}

std::string Pkg(const std::string& members) {
  return Doc(R"(,"packages":[{"registryType":"npm","identifier":"x","version":"1.0.0","transport":{"type":"stdio"})" +
             members + "}]");
}

struct RuleCase {
  const char* name;
  std::string text;  // one line, so the column is the marker's position
  const char* rule;
  Severity severity;
  const char* pointer;
  const char* marker;  // the text the diagnostic must point at
};

class RuleTest : public testing::TestWithParam<RuleCase> {};

TEST_P(RuleTest, ReportsRuleAtExactPlace) {
  const RuleCase& c = GetParam();
  const ValidationReport r = ValidateServerJson(c.text);
  ASSERT_TRUE(r.parsed) << c.text;
  const size_t at = c.text.find(c.marker);
  ASSERT_NE(at, std::string::npos) << "bad test: marker not in text";
  bool found = false;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule != c.rule) continue;
    found = true;
    EXPECT_EQ(d.severity, c.severity) << d.message;
    EXPECT_EQ(d.pointer, c.pointer) << d.message;
    EXPECT_EQ(d.line, 1u);
    EXPECT_EQ(d.column, at + 1) << d.message;
    EXPECT_FALSE(d.message.empty());
  }
  EXPECT_TRUE(found) << "no " << c.rule << " in:\n" << Describe(r);
  EXPECT_EQ(r.valid(), c.severity != Severity::kError) << Describe(r);
}

const Severity E = Severity::kError;
const Severity W = Severity::kWarning;
const Severity I = Severity::kInfo;

INSTANTIATE_TEST_SUITE_P(
    Schema, RuleTest,
    testing::Values(
        RuleCase{"RootNotObject", "[1]", "schema/type", E, "", "["},
        RuleCase{"MissingName", R"({"description":"d","version":"1"})",
                 "schema/required", E, "", "{"},
        RuleCase{"NameWrongType", R"({"name":5,"description":"d","version":"1.0.0"})",
                 "schema/type", E, "/name", "5"},
        RuleCase{"NamePatternNoSlash",
                 R"({"name":"weather","description":"d","version":"1.0.0"})",
                 "schema/name-pattern", E, "/name", "\"weather\""},
        RuleCase{"NamePatternTwoSlashes",
                 R"({"name":"a/b/c","description":"d","version":"1.0.0"})",
                 "schema/name-pattern", E, "/name", "\"a/b/c\""},
        RuleCase{"NamePatternSpace",
                 R"({"name":"io.x/my server","description":"d","version":"1.0.0"})",
                 "schema/name-pattern", E, "/name", "\"io.x/my"},
        RuleCase{"NameTooShort", R"({"name":"a/","description":"d","version":"1.0.0"})",
                 "schema/name-length", E, "/name", "\"a/\""},
        RuleCase{"NameTooLong",
                 R"({"name":"io.a/)" + std::string(200, 'b') +
                     R"(","description":"d","version":"1.0.0"})",
                 "schema/name-length", E, "/name", "\"io.a/"},
        RuleCase{"DescriptionEmpty",
                 R"({"name":"io.a/b","description":"","version":"1.0.0"})",
                 "schema/description-length", E, "/description", "\"\""},
        RuleCase{"DescriptionTooLong",
                 R"({"name":"io.a/b","description":")" + std::string(101, 'd') +
                     R"(","version":"1.0.0"})",
                 "schema/description-length", E, "/description", "\"ddd"},
        RuleCase{"TitleTooLong", Doc(R"(,"title":")" + std::string(101, 't') + "\""),
                 "schema/title-length", E, "/title", "\"ttt"},
        RuleCase{"VersionCaret", R"({"name":"io.a/b","description":"d","version":"^1.2.3"})",
                 "schema/version-range", E, "/version", "\"^1.2.3\""},
        RuleCase{"VersionWildcard", R"({"name":"io.a/b","description":"d","version":"1.x"})",
                 "schema/version-range", E, "/version", "\"1.x\""},
        RuleCase{"VersionLatest", R"({"name":"io.a/b","description":"d","version":"latest"})",
                 "schema/version-latest", E, "/version", "\"latest\""},
        RuleCase{"VersionEmpty", R"({"name":"io.a/b","description":"d","version":""})",
                 "schema/version-empty", E, "/version", "\"\""},
        RuleCase{"VersionTooLong",
                 R"({"name":"io.a/b","description":"d","version":"1.0.0-)" +
                     std::string(255, 'a') + "\"}",
                 "schema/version-length", E, "/version", "\"1.0.0-"},
        RuleCase{"WebsiteNotUri", Doc(R"(,"websiteUrl":"example dot com")"),
                 "schema/format-uri", E, "/websiteUrl", "\"example dot"},
        RuleCase{"RepositoryMissingSource",
                 Doc(R"(,"repository":{"url":"https://github.com/a/b"})"),
                 "schema/required", E, "/repository", "{\"url\""},
        RuleCase{"RepositoryUrlNotUri", Doc(R"(,"repository":{"url":"github.com/a","source":"github"})"),
                 "schema/format-uri", E, "/repository/url", "\"github.com/a\""},
        RuleCase{"IconNotHttps", Doc(R"(,"icons":[{"src":"http://x.io/i.png"}])"),
                 "schema/icon-https", E, "/icons/0/src", "\"http://x.io"},
        RuleCase{"IconMimeEnum", Doc(R"(,"icons":[{"src":"https://x.io/i.gif","mimeType":"image/gif"}])"),
                 "schema/enum", E, "/icons/0/mimeType", "\"image/gif\""},
        RuleCase{"IconSize", Doc(R"(,"icons":[{"src":"https://x.io/i.png","sizes":["48"]}])"),
                 "schema/icon-size", E, "/icons/0/sizes/0", "\"48\""},
        RuleCase{"IconTheme", Doc(R"(,"icons":[{"src":"https://x.io/i.png","theme":"blue"}])"),
                 "schema/enum", E, "/icons/0/theme", "\"blue\""},
        RuleCase{"IconSrcTooLong",
                 Doc(R"(,"icons":[{"src":"https://x.io/)" + std::string(250, 'i') + "\"}]"),
                 "schema/icon-src-length", E, "/icons/0/src", "\"https://x.io/i"},
        RuleCase{"PackagesNotArray", Doc(R"(,"packages":{})"), "schema/type", E,
                 "/packages", "{}"},
        RuleCase{"PackageMissingTransport",
                 Doc(R"(,"packages":[{"registryType":"npm","identifier":"x","version":"1.0.0"}])"),
                 "schema/required", E, "/packages/0", "{\"registryType\""},
        RuleCase{"Sha256Pattern", Pkg(R"(,"fileSha256":"ABC")"), "schema/sha256-pattern", E,
                 "/packages/0/fileSha256", "\"ABC\""},
        RuleCase{"TransportTypeEnum",
                 Doc(R"(,"packages":[{"registryType":"npm","identifier":"x","version":"1.0.0","transport":{"type":"websocket"}}])"),
                 "schema/enum", E, "/packages/0/transport/type", "\"websocket\""},
        RuleCase{"HttpTransportNeedsUrl",
                 Doc(R"(,"packages":[{"registryType":"npm","identifier":"x","version":"1.0.0","transport":{"type":"sse"}}])"),
                 "schema/required", E, "/packages/0/transport", "{\"type\":\"sse\"}"},
        RuleCase{"TransportUrlPattern",
                 Doc(R"(,"remotes":[{"type":"sse","url":"ftp://x.io/sse"}])"),
                 "schema/url-pattern", E, "/remotes/0/url", "\"ftp://"},
        RuleCase{"RemoteStdioNotAllowed",
                 Doc(R"(,"remotes":[{"type":"stdio","url":"https://x.io"}])"),
                 "schema/enum", E, "/remotes/0/type", "\"stdio\""},
        RuleCase{"ArgumentTypeEnum", Pkg(R"(,"packageArguments":[{"type":"flag","name":"-v"}])"),
                 "schema/enum", E, "/packages/0/packageArguments/0/type", "\"flag\""},
        RuleCase{"PositionalNeedsHintOrValue",
                 Pkg(R"(,"packageArguments":[{"type":"positional","description":"dir"}])"),
                 "schema/argument-shape", E, "/packages/0/packageArguments/0",
                 "{\"type\":\"positional\""},
        RuleCase{"NamedNeedsName", Pkg(R"(,"packageArguments":[{"type":"named","value":"1"}])"),
                 "schema/required", E, "/packages/0/packageArguments/0",
                 "{\"type\":\"named\""},
        RuleCase{"InputFormatEnum",
                 Pkg(R"(,"environmentVariables":[{"name":"A","format":"int"}])"),
                 "schema/enum", E, "/packages/0/environmentVariables/0/format", "\"int\""},
        RuleCase{"IsSecretWrongType",
                 Pkg(R"(,"environmentVariables":[{"name":"A","isSecret":"yes"}])"),
                 "schema/type", E, "/packages/0/environmentVariables/0/isSecret", "\"yes\""},
        RuleCase{"EnvNeedsName", Pkg(R"(,"environmentVariables":[{"description":"x"}])"),
                 "schema/required", E, "/packages/0/environmentVariables/0",
                 "{\"description\""},
        RuleCase{"DuplicateKey", R"({"name":"io.a/b","description":"d","version":"1.0.0","name":"io.a/c"})",
                 "json/duplicate-key", E, "/name", "\"name\":\"io.a/c\""},
        RuleCase{"DuplicateKeyInsideMeta",
                 Doc(R"(,"_meta":{"x":{"k":1,"k":2}})"), "json/duplicate-key", E,
                 "/_meta/x/k", "\"k\":2"},
        RuleCase{"MisspelledField", Doc(R"(,"websiteURL":"https://x.io")"),
                 "schema/misspelled-field", W, "/websiteURL", "\"websiteURL\""},
        RuleCase{"LegacySnakeCase", Pkg(R"(,"environment_variables":[])"),
                 "schema/misspelled-field", W, "/packages/0/environment_variables",
                 "\"environment_variables\""},
        RuleCase{"UnknownField", Doc(R"(,"homepage":"https://x.io")"),
                 "schema/unknown-field", I, "/homepage", "\"homepage\""}),
    [](const testing::TestParamInfo<RuleCase>& param) {
      return std::string(param.param.name);
    });

INSTANTIATE_TEST_SUITE_P(
    Semantic, RuleTest,
    testing::Values(
        RuleCase{"SecretWithDefault",
                 Pkg(R"(,"environmentVariables":[{"name":"TOKEN","isSecret":true,"default":"abc"}])"),
                 "semantic/secret-default", E,
                 "/packages/0/environmentVariables/0/default", "\"abc\""},
        RuleCase{"SecretWithFixedValue",
                 Pkg(R"(,"environmentVariables":[{"name":"TOKEN","isSecret":true,"value":"abc"}])"),
                 "semantic/secret-value", W,
                 "/packages/0/environmentVariables/0/value", "\"abc\""},
        RuleCase{"DuplicateEnvName",
                 Pkg(R"(,"environmentVariables":[{"name":"A"},{"name":"B"},{"name":"A"}])"),
                 "semantic/duplicate-name", E,
                 "/packages/0/environmentVariables/2/name", "\"A\"}]"},
        RuleCase{"DuplicateHeaderIgnoresCase",
                 Doc(R"(,"remotes":[{"type":"sse","url":"https://x.io","headers":[{"name":"X-Key"},{"name":"x-key"}]}])"),
                 "semantic/duplicate-name", E, "/remotes/0/headers/1/name", "\"x-key\""},
        RuleCase{"HeaderName",
                 Doc(R"(,"remotes":[{"type":"sse","url":"https://x.io","headers":[{"name":"X Key"}]}])"),
                 "semantic/header-name", E, "/remotes/0/headers/0/name", "\"X Key\""},
        RuleCase{"EnvName", Pkg(R"(,"environmentVariables":[{"name":"1-A"}])"),
                 "semantic/env-name", W, "/packages/0/environmentVariables/0/name",
                 "\"1-A\""},
        RuleCase{"RemoteUrlUndefinedVariable",
                 Doc(R"(,"remotes":[{"type":"streamable-http","url":"https://{tenant}.x.io/mcp"}])"),
                 "semantic/undefined-variable", E, "/remotes/0/url", "\"https://{tenant}"},
        RuleCase{"RemoteUnusedVariable",
                 Doc(R"(,"remotes":[{"type":"streamable-http","url":"https://x.io/mcp","variables":{"tenant":{}}}])"),
                 "semantic/unused-variable", W, "/remotes/0/variables/tenant",
                 "\"tenant\":{}"},
        RuleCase{"PackageUrlUndefinedVariable",
                 Doc(R"(,"packages":[{"registryType":"npm","identifier":"x","version":"1.0.0","transport":{"type":"streamable-http","url":"http://localhost:{port}/mcp"}}])"),
                 "semantic/undefined-variable", E, "/packages/0/transport/url",
                 "\"http://localhost"},
        RuleCase{"ValueUndefinedVariable",
                 Pkg(R"(,"environmentVariables":[{"name":"A","value":"Bearer {token}"}])"),
                 "semantic/undefined-variable", W,
                 "/packages/0/environmentVariables/0/value", "\"Bearer"},
        RuleCase{"ValueUnusedVariable",
                 Pkg(R"(,"environmentVariables":[{"name":"A","value":"x","variables":{"v":{}}}])"),
                 "semantic/unused-variable", W,
                 "/packages/0/environmentVariables/0/variables/v", "\"v\":{}"},
        RuleCase{"RuntimeArgsWithoutHint",
                 Pkg(R"(,"runtimeArguments":[{"type":"positional","value":"-y"}])"),
                 "semantic/runtime-hint-missing", W, "/packages/0/runtimeArguments",
                 "[{\"type\":\"positional\""},
        RuleCase{"McpbNeedsSha",
                 Doc(R"(,"packages":[{"registryType":"mcpb","identifier":"https://x.io/a.mcpb","transport":{"type":"stdio"}}])"),
                 "semantic/mcpb-sha256", E, "/packages/0", "{\"registryType\":\"mcpb\""},
        RuleCase{"NpmWithoutVersion",
                 Doc(R"(,"packages":[{"registryType":"npm","identifier":"x","transport":{"type":"stdio"}}])"),
                 "semantic/package-version-missing", W, "/packages/0",
                 "{\"registryType\":\"npm\""},
        RuleCase{"OciUntagged",
                 Doc(R"(,"packages":[{"registryType":"oci","identifier":"ghcr.io/a/b","transport":{"type":"stdio"}}])"),
                 "semantic/package-version-missing", W, "/packages/0",
                 "{\"registryType\":\"oci\""},
        RuleCase{"UnknownRegistryType",
                 Doc(R"(,"packages":[{"registryType":"apt","identifier":"x","version":"1","transport":{"type":"stdio"}}])"),
                 "semantic/registry-type", W, "/packages/0/registryType", "\"apt\""},
        RuleCase{"EmptyIdentifier",
                 Doc(R"(,"packages":[{"registryType":"npm","identifier":"","version":"1","transport":{"type":"stdio"}}])"),
                 "semantic/empty-identifier", E, "/packages/0/identifier", "\"\","},
        RuleCase{"DefaultNotInChoices",
                 Pkg(R"(,"environmentVariables":[{"name":"R","default":"mars","choices":["us","eu"]}])"),
                 "semantic/not-in-choices", E,
                 "/packages/0/environmentVariables/0/default", "\"mars\""},
        RuleCase{"EmptyChoices",
                 Pkg(R"(,"environmentVariables":[{"name":"R","choices":[]}])"),
                 "semantic/empty-choices", W,
                 "/packages/0/environmentVariables/0/choices", "[]"},
        RuleCase{"NumberFormatMismatch",
                 Pkg(R"(,"environmentVariables":[{"name":"P","format":"number","default":"eighty"}])"),
                 "semantic/format-mismatch", E,
                 "/packages/0/environmentVariables/0/default", "\"eighty\""},
        RuleCase{"BooleanChoiceMismatch",
                 Pkg(R"(,"environmentVariables":[{"name":"B","format":"boolean","choices":["yes"]}])"),
                 "semantic/format-mismatch", E,
                 "/packages/0/environmentVariables/0/choices/0", "\"yes\""},
        RuleCase{"EmptyNamedFlag", Pkg(R"(,"packageArguments":[{"type":"named","name":""}])"),
                 "semantic/empty-name", E, "/packages/0/packageArguments/0/name",
                 "\"\"}"},
        RuleCase{"StdioWithUrl",
                 Doc(R"(,"packages":[{"registryType":"npm","identifier":"x","version":"1","transport":{"type":"stdio","url":"https://x.io"}}])"),
                 "semantic/stdio-url", W, "/packages/0/transport/url", "\"https://x.io\""},
        RuleCase{"SubfolderEscapes",
                 Doc(R"(,"repository":{"url":"https://github.com/a/b","source":"github","subfolder":"../x"})"),
                 "semantic/subfolder-path", W, "/repository/subfolder", "\"../x\""},
        RuleCase{"OlderSchema",
                 R"({"$schema":"https://static.modelcontextprotocol.io/schemas/2025-10-17/server.schema.json","name":"io.a/b","description":"d","version":"1.0.0"})",
                 "semantic/schema-version", I, "/$schema", "\"https://static"},
        RuleCase{"NotSemver", R"({"name":"io.a/b","description":"d","version":"2024.1"})",
                 "semantic/version-not-semver", I, "/version", "\"2024.1\""}),
    [](const testing::TestParamInfo<RuleCase>& param) {
      return std::string(param.param.name);
    });

TEST(RegistryValidate, PackageVersionLatestPointsAtPackageVersion) {
  // (The table's marker cannot tell the server and package versions apart.)
  const std::string text =
      R"({"name":"io.a/b","description":"d","version":"1.0.0","packages":[{"registryType":"npm","identifier":"x","version":"latest","transport":{"type":"stdio"}}]})";
  const ValidationReport r = ValidateServerJson(text);
  ASSERT_EQ(r.diagnostics.size(), 1u) << Describe(r);
  EXPECT_EQ(r.diagnostics[0].rule, "schema/version-latest");
  EXPECT_EQ(r.diagnostics[0].pointer, "/packages/0/version");
  EXPECT_EQ(r.diagnostics[0].column, text.find("\"latest\"") + 1);
}

// Found by the server_json fuzzer (tests/fuzz/regressions/server_json/
// argument-named-only-dashes): a named argument "--" made the package URL
// check take substr(npos) of its name, which threw and aborted.
TEST(RegistryValidate, ArgumentNamedOnlyDashesIsReportedNotACrash) {
  const std::string text =
      R"({"name":"io.a/b","description":"d","version":"1.0.0","packages":[{"registryType":"npm","identifier":"x","version":"1.0.0","transport":{"type":"streamable-http","url":"http://localhost:{port}/mcp"},"packageArguments":[{"type":"named","name":"--"}]}]})";
  const ValidationReport r = ValidateServerJson(text);
  bool undefined_port = false;
  for (const Diagnostic& d : r.diagnostics) {
    undefined_port = undefined_port || (d.rule == "semantic/undefined-variable" &&
                                        d.pointer == "/packages/0/transport/url");
  }
  EXPECT_TRUE(undefined_port) << Describe(r);
}

TEST(RegistryValidate, EveryValidFixtureHasNoFindings) {
  int seen = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(MCP_BUILDER_TEST_DATA "/valid")) {
    const ValidationReport r = ValidateServerJson(ReadFile(entry.path()));
    EXPECT_TRUE(r.parsed) << entry.path();
    EXPECT_TRUE(r.valid()) << entry.path() << "\n" << Describe(r);
    EXPECT_TRUE(r.diagnostics.empty()) << entry.path() << "\n" << Describe(r);
    ++seen;
  }
  EXPECT_GE(seen, 7);  // npm, pypi, oci, nuget, mcpb, remote, package http
}

TEST(RegistryValidate, MultiLinePositionsAndDocumentOrder) {
  const std::string text =
      "{\n"
      "  \"name\": \"bad name\",\n"
      "  \"description\": \"d\",\n"
      "  \"version\": \"~1.0\",\n"
      "  \"packages\": [\n"
      "    {\n"
      "      \"registryType\": \"npm\",\n"
      "      \"identifier\": \"x\",\n"
      "      \"transport\": { \"type\": \"stdio\" },\n"
      "      \"environmentVariables\": [\n"
      "        { \"name\": \"K\", \"isSecret\": true, \"default\": \"s\" }\n"
      "      ]\n"
      "    }\n"
      "  ]\n"
      "}\n";
  const ValidationReport r = ValidateServerJson(text);
  ASSERT_EQ(r.diagnostics.size(), 4u) << Describe(r);
  EXPECT_EQ(r.diagnostics[0].rule, "schema/name-pattern");
  EXPECT_EQ(r.diagnostics[0].line, 2u);
  EXPECT_EQ(r.diagnostics[0].column, 11u);
  EXPECT_EQ(r.diagnostics[1].rule, "schema/version-range");
  EXPECT_EQ(r.diagnostics[1].line, 4u);
  EXPECT_EQ(r.diagnostics[1].column, 14u);
  EXPECT_EQ(r.diagnostics[2].rule, "semantic/package-version-missing");
  EXPECT_EQ(r.diagnostics[2].line, 6u);
  EXPECT_EQ(r.diagnostics[2].column, 5u);
  EXPECT_EQ(r.diagnostics[3].rule, "semantic/secret-default");
  EXPECT_EQ(r.diagnostics[3].line, 11u);
  EXPECT_EQ(r.diagnostics[3].column, 53u);
  EXPECT_EQ(r.diagnostics[3].pointer,
            "/packages/0/environmentVariables/0/default");
}

TEST(RegistryValidate, PointerEscapesKeys) {
  const ValidationReport r =
      ValidateServerJson(Doc(R"(,"_meta":{"a/b~c":{"k":1,"k":2}})"));
  ASSERT_EQ(r.diagnostics.size(), 1u) << Describe(r);
  EXPECT_EQ(r.diagnostics[0].pointer, "/_meta/a~1b~0c/k");
}

TEST(RegistryValidate, ParseErrorsBecomeOneJsonDiagnostic) {
  const ValidationReport r = ValidateServerJson("{\n  \"name\": \"a/b\",\n}");
  EXPECT_FALSE(r.parsed);
  EXPECT_FALSE(r.valid());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].rule, "json/syntax");
  EXPECT_EQ(r.diagnostics[0].line, 2u);
  EXPECT_EQ(r.diagnostics[0].column, 16u);
}

TEST(RegistryValidate, SizeLimitIsExplicit) {
  ValidateOptions options;
  options.max_bytes = 100;
  std::string doc = Doc("");
  doc.insert(doc.size() - 1, std::string(100 - doc.size(), ' '));
  ASSERT_EQ(doc.size(), 100u);
  EXPECT_TRUE(ValidateServerJson(doc, options).valid());
  const ValidationReport r = ValidateServerJson(doc + " ", options);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].rule, "json/too-large");
  EXPECT_EQ(ValidateOptions().max_bytes, 4u << 20);
}

TEST(RegistryValidate, DepthLimitIsExplicit) {
  const int limit = ValidateOptions().max_depth;
  auto nested = [](int depth) {
    return Doc(R"(,"deep":)" + std::string(depth - 1, '[') +
               std::string(depth - 1, ']'));
  };
  EXPECT_TRUE(ValidateServerJson(nested(limit)).valid());  // root is level 1
  const ValidationReport r = ValidateServerJson(nested(limit + 1));
  ASSERT_EQ(r.diagnostics.size(), 1u) << Describe(r);
  EXPECT_EQ(r.diagnostics[0].rule, "json/too-deep");
}

TEST(RegistryValidate, DiagnosticsAreCappedWithASummary) {
  std::string envs;
  for (int i = 0; i < 500; ++i) envs += std::string(i ? "," : "") + R"({"name":"A"})";
  ValidateOptions options;
  options.max_diagnostics = 10;
  const ValidationReport r = ValidateServerJson(Pkg(R"(,"environmentVariables":[)" + envs + "]"), options);
  ASSERT_EQ(r.diagnostics.size(), 11u);
  EXPECT_EQ(r.diagnostics.back().rule, "report/truncated");
  EXPECT_EQ(r.diagnostics.back().severity, Severity::kInfo);
  EXPECT_NE(r.diagnostics.back().message.find("489 more"), std::string::npos)
      << r.diagnostics.back().message;
  EXPECT_FALSE(r.valid());
}

TEST(RegistryValidate, ReportJsonIsValidJsonWithEveryField) {
  const ValidationReport r = ValidateServerJson(
      R"({"name":"bad <name>","description":"d","version":"1.0.0"})");
  const nlohmann::json j = nlohmann::json::parse(ReportToJson(r));
  EXPECT_EQ(j["valid"], false);
  EXPECT_EQ(j["parsed"], true);
  ASSERT_EQ(j["diagnostics"].size(), 1u);
  const auto& d = j["diagnostics"][0];
  EXPECT_EQ(d["rule"], "schema/name-pattern");
  EXPECT_EQ(d["severity"], "error");
  EXPECT_EQ(d["line"], 1);
  EXPECT_EQ(d["column"], 9);
  EXPECT_EQ(d["pointer"], "/name");
  EXPECT_NE(d["message"].get<std::string>().find("'bad <name>'"), std::string::npos);
  // '<' is escaped in the text so the report is safe to embed in HTML.
  EXPECT_EQ(ReportToJson(r).find('<'), std::string::npos);
}

TEST(RegistryValidate, LongValuesAreAbbreviatedInMessages) {
  const ValidationReport r = ValidateServerJson(
      R"({"name":")" + std::string(5000, 'x') + R"(","description":"d","version":"1.0.0"})");
  ASSERT_FALSE(r.diagnostics.empty());
  for (const Diagnostic& d : r.diagnostics) EXPECT_LT(d.message.size(), 400u);
}

}  // namespace
}  // namespace registry
}  // namespace mcp_builder
