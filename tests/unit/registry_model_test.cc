#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "mcp_builder/registry.h"

namespace mcp_builder {
namespace registry {
namespace {

std::string Fixture(const char* name) {
  std::ifstream in(std::string(MCP_BUILDER_TEST_DATA "/valid/") + name,
                   std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST(RegistryModel, ReadsOciPackageWithArgumentsAndVariables) {
  // The model owns its strings: the text may go away after reading.
  ServerReadResult r = ReadServerJson(Fixture("oci-github.json"));
  ASSERT_TRUE(r.report.valid());
  const Server& s = r.server;
  EXPECT_EQ(s.name, "io.github.github/github-mcp-server");
  EXPECT_EQ(s.title, "GitHub");
  EXPECT_EQ(s.version, "0.20.2");
  ASSERT_EQ(s.icons.size(), 2u);
  EXPECT_EQ(s.icons[1].mime_type, "image/png");
  EXPECT_EQ(s.icons[1].sizes, (std::vector<std::string>{"32x32", "64x64"}));
  EXPECT_EQ(s.icons[1].theme, "dark");
  ASSERT_EQ(s.packages.size(), 1u);
  const Package& p = s.packages[0];
  EXPECT_EQ(p.registry_type, "oci");
  EXPECT_EQ(p.identifier, "ghcr.io/github/github-mcp-server:0.20.2");
  EXPECT_TRUE(p.version.empty());
  EXPECT_EQ(p.runtime_hint, "docker");
  EXPECT_EQ(p.transport.type, "stdio");
  ASSERT_EQ(p.runtime_arguments.size(), 2u);
  const Argument& mount = p.runtime_arguments[1];
  EXPECT_EQ(mount.type, ArgumentType::kNamed);
  EXPECT_EQ(mount.name, "--mount");
  EXPECT_TRUE(mount.is_repeated);
  EXPECT_EQ(mount.value, "type=bind,src={source_path},dst={target_path}");
  ASSERT_EQ(mount.variables.size(), 2u);
  EXPECT_EQ(mount.variables[0].name, "source_path");
  EXPECT_EQ(mount.variables[0].input.format, "filepath");
  EXPECT_TRUE(mount.variables[0].input.is_required);
  EXPECT_EQ(mount.variables[1].input.default_value, "/data");
  ASSERT_EQ(p.environment_variables.size(), 2u);
  EXPECT_EQ(p.environment_variables[0].name, "GITHUB_PERSONAL_ACCESS_TOKEN");
  EXPECT_TRUE(p.environment_variables[0].is_secret);
  EXPECT_TRUE(p.environment_variables[0].is_required);
  EXPECT_FALSE(p.environment_variables[0].default_value.has_value());
  EXPECT_EQ(p.environment_variables[1].default_value, "repos,issues,pull_requests");
}

TEST(RegistryModel, ReadsRemotesHeadersAndUrlVariables) {
  ServerReadResult r = ReadServerJson(Fixture("remote-tenant.json"));
  ASSERT_TRUE(r.report.valid());
  ASSERT_EQ(r.server.remotes.size(), 2u);
  const Transport& t = r.server.remotes[0];
  EXPECT_EQ(t.type, "streamable-http");
  EXPECT_EQ(t.url, "https://{tenant_id}.api.example.com/mcp");
  ASSERT_EQ(t.variables.size(), 1u);
  EXPECT_EQ(t.variables[0].name, "tenant_id");
  ASSERT_EQ(t.headers.size(), 3u);
  EXPECT_EQ(t.headers[0].name, "X-API-Key");
  EXPECT_TRUE(t.headers[0].is_secret);
  EXPECT_EQ(t.headers[1].choices, (std::vector<std::string>{"us-east-1", "eu-west-1"}));
  EXPECT_EQ(t.headers[2].value, "Bearer {token}");
  EXPECT_TRUE(t.headers[2].variables[0].input.is_secret);
  EXPECT_EQ(r.server.remotes[1].type, "sse");
}

TEST(RegistryModel, ReadsPositionalArgumentsAndRepository) {
  ServerReadResult r = ReadServerJson(Fixture("npm-filesystem.json"));
  const Package& p = r.server.packages.at(0);
  ASSERT_EQ(p.package_arguments.size(), 1u);
  EXPECT_EQ(p.package_arguments[0].type, ArgumentType::kPositional);
  EXPECT_EQ(p.package_arguments[0].value_hint, "allowed_directory");
  EXPECT_TRUE(p.package_arguments[0].is_repeated);
  EXPECT_EQ(p.runtime_arguments.at(0).value, "-y");
  ASSERT_TRUE(r.server.repository.has_value());
  EXPECT_EQ(r.server.repository->subfolder, "src/filesystem");
  EXPECT_EQ(r.server.website_url,
            "https://github.com/modelcontextprotocol/servers/tree/main/src/filesystem");
}

TEST(RegistryModel, InputDefaultsFollowTheSchema) {
  ServerReadResult r = ReadServerJson(
      R"({"name":"io.a/b","description":"d","version":"1.0.0","packages":[{"registryType":"npm","identifier":"x","version":"1","transport":{"type":"stdio"},"environmentVariables":[{"name":"A"}]}]})");
  const KeyValueInput& e = r.server.packages.at(0).environment_variables.at(0);
  EXPECT_EQ(e.format, "string");
  EXPECT_FALSE(e.is_required);
  EXPECT_FALSE(e.is_secret);
  EXPECT_FALSE(e.value.has_value());
  EXPECT_FALSE(e.placeholder.has_value());
}

TEST(RegistryModel, UnknownFieldsAreKeptVerbatimAtEveryLevel) {
  const std::string text =
      R"({"name":"io.a/b","description":"d","version":"1.0.0",)"
      R"("x-future": {"nested": [1, 2, "\u00e9"]},)"
      R"("_meta":{"io.modelcontextprotocol.registry/publisher-provided":{"tool":"x"}},)"
      R"("packages":[{"registryType":"npm","identifier":"x","version":"1","x-pkg":true,)"
      R"("transport":{"type":"stdio","x-t":null},)"
      R"("environmentVariables":[{"name":"A","x-input":"v"}]}]})";
  ServerReadResult r = ReadServerJson(text);
  EXPECT_TRUE(r.report.valid());
  ASSERT_EQ(r.server.extra.size(), 1u);
  EXPECT_EQ(r.server.extra[0].key, "x-future");
  EXPECT_EQ(r.server.extra[0].json, R"({"nested": [1, 2, "\u00e9"]})");
  EXPECT_EQ(nlohmann::json::parse(r.server.extra[0].json)["nested"][2], "\xC3\xA9");
  ASSERT_TRUE(r.server.meta.has_value());
  EXPECT_EQ(nlohmann::json::parse(*r.server.meta)
                ["io.modelcontextprotocol.registry/publisher-provided"]["tool"],
            "x");
  const Package& p = r.server.packages.at(0);
  ASSERT_EQ(p.extra.size(), 1u);
  EXPECT_EQ(p.extra[0].json, "true");
  ASSERT_EQ(p.transport.extra.size(), 1u);
  EXPECT_EQ(p.transport.extra[0].key, "x-t");
  EXPECT_EQ(p.transport.extra[0].json, "null");
  ASSERT_EQ(p.environment_variables.at(0).extra.size(), 1u);
  EXPECT_EQ(p.environment_variables[0].extra[0].json, "\"v\"");
}

TEST(RegistryModel, WrongTypesLeaveFieldsEmptyAndAreReported) {
  ServerReadResult r = ReadServerJson(
      R"({"name":["io.a/b"],"description":"d","version":"1.0.0","packages":[{"registryType":"npm","identifier":"x","version":"1","transport":{"type":"stdio"},"environmentVariables":[{"name":"A","isRequired":"true"}]}]})");
  EXPECT_TRUE(r.server.name.empty());
  EXPECT_FALSE(r.server.packages.at(0).environment_variables.at(0).is_required);
  EXPECT_FALSE(r.report.valid());
  EXPECT_EQ(r.report.Count(Severity::kError), 2u);
}

TEST(RegistryModel, ModelOutlivesTheInputText) {
  ServerReadResult r;
  {
    std::string text = Fixture("remote-tenant.json");
    r = ReadServerJson(text);
    text.assign(text.size(), '#');  // clobber the source
  }
  EXPECT_EQ(r.server.remotes.at(0).headers.at(2).value, "Bearer {token}");
  EXPECT_EQ(r.server.name, "com.example/analytics");
}

}  // namespace
}  // namespace registry
}  // namespace mcp_builder

namespace mcp_builder {
namespace registry {
namespace {

// Found by fuzzing (tests/fuzz/regressions/server_json): a second
// "packages" key merged into the first one's model and the validator then
// looked for a member that was not there.
TEST(RegistryModel, DuplicateArrayKeyKeepsTheLastOccurrenceOnly) {
  const char* doc = R"({"name": "io.example/x", "description": "d", "version": "1.0.0",
    "packages": [{"registryType": "npm", "identifier": "a", "version": "1.0.0",
                  "transport": {"type": "stdio"},
                  "runtimeArguments": [{"type": "positional", "value": "-y"}]}],
    "packages": [{"registryType": "npm", "identifier": "b", "version": "2.0.0",
                  "transport": {"type": "stdio"}}]})";
  const ServerReadResult r = ReadServerJson(doc);
  ASSERT_EQ(r.server.packages.size(), 1u);
  EXPECT_EQ(r.server.packages[0].identifier, "b");
  EXPECT_TRUE(r.server.packages[0].runtime_arguments.empty());
  bool duplicate = false;
  for (const Diagnostic& d : r.report.diagnostics) duplicate |= d.rule == "json/duplicate-key";
  EXPECT_TRUE(duplicate);
}

}  // namespace
}  // namespace registry
}  // namespace mcp_builder
