// Lint, fix and convert: every rule with a failing and a passing example
// (exact line, column and pointer), client recognition, strict JSON versus
// JSONC, secrets in each placement with the fix and its idempotence for
// every client, and conversion between every pair of clients.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "mcp_builder/generate.h"
#include "lint/analysis.h"
#include "mcp_builder/lint.h"

namespace mcp_builder {
namespace lint {
namespace {

// A token the scanner reports (GitHub classic PAT shape); built at run
// time so this file holds no secret-looking literal.
const std::string kToken = "ghp_" + std::string("Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz2Xc4Vb6");

const Finding* Find(const Report& r, const std::string& rule) {
  for (const Finding& f : r.findings) {
    if (f.rule == rule) return &f;
  }
  return nullptr;
}

std::string Rules(const Report& r) {
  std::string out;
  for (const Finding& f : r.findings) {
    out += std::to_string(f.line) + ":" + std::to_string(f.column) + " " + f.rule + " " + f.pointer + " " +
           f.message + "\n";
  }
  return out;
}

struct RuleCase {
  const char* name;
  const char* client;
  std::string text;
  const char* rule;
  const char* at;  // the finding starts where this first occurs; null: not reported
  const char* pointer;
};

// 1-based line and column of the first occurrence of `marker` (ASCII text).
std::pair<uint32_t, uint32_t> PositionOf(const std::string& text, const std::string& marker) {
  const size_t at = text.find(marker);
  EXPECT_NE(at, std::string::npos) << marker;
  uint32_t line = 1, column = 1;
  for (size_t i = 0; i < at && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

class LintRuleTest : public ::testing::TestWithParam<RuleCase> {};

TEST_P(LintRuleTest, ReportsExactlyWhereOrNotAtAll) {
  const RuleCase& c = GetParam();
  const Report r = Lint(c.text, Options{c.client});
  const Finding* f = Find(r, c.rule);
  if (!c.at) {
    EXPECT_EQ(f, nullptr) << Rules(r);
    return;
  }
  ASSERT_NE(f, nullptr) << Rules(r);
  const auto [line, column] = PositionOf(c.text, c.at);
  EXPECT_EQ(f->line, line) << Rules(r);
  EXPECT_EQ(f->column, column) << Rules(r);
  EXPECT_EQ(f->pointer, c.pointer) << Rules(r);
  EXPECT_FALSE(f->message.empty());
}

std::string Stdio(const std::string& args, const std::string& command = "npx") {
  return "{\"mcpServers\": {\"s\": {\"command\": \"" + command + "\", \"args\": [" + args + "]}}}";
}

const RuleCase kRuleCases[] = {
    // syntax/*
    {"trailing_comma_strict", "claude-desktop", "{\"mcpServers\": {},\n}", "syntax/trailing-comma", ",\n}", ""},
    {"trailing_comma_jsonc_ok", "vscode", "{\"servers\": {},\n}", "syntax/trailing-comma", nullptr, ""},
    {"comment_strict", "cursor", "{\n  // note\n  \"mcpServers\": {}\n}", "syntax/comment", "// note", ""},
    {"comment_jsonc_ok", "zed", "{\n  // note\n  \"context_servers\": {}\n}", "syntax/comment", nullptr, ""},
    {"json_error", "claude-code", "{\"mcpServers\": {\"a\": [}}", "syntax/json", "}}", ""},
    {"toml_error", "codex", "[mcp_servers.a]\ncommand = @\n", "syntax/toml", "@", ""},
    {"yaml_error", "goose", "extensions:\n  a: [1,\n", "syntax/yaml", "[1", ""},
    // schema/*
    {"top_level_key_vscode", "vscode", "{\n  \"mcpServers\": {}\n}", "schema/top-level-key", "\"mcpServers\"", "/mcpServers"},
    {"top_level_key_claude_code", "claude-code", "{\"servers\": {}}", "schema/top-level-key", "\"servers\"", "/servers"},
    {"top_level_key_ok", "claude-code", "{\"mcpServers\": {}}", "schema/top-level-key", nullptr, ""},
    {"no_servers", "cursor", "{\"other\": 1}", "schema/no-servers", "{", ""},
    {"field_name_serverUrl_in_cursor", "cursor", "{\"mcpServers\": {\"r\": {\"serverUrl\": \"https://x.example/mcp\"}}}",
     "schema/field-name", "\"serverUrl\"", "/mcpServers/r/serverUrl"},
    {"field_name_ok_windsurf", "windsurf", "{\"mcpServers\": {\"r\": {\"serverUrl\": \"https://x.example/mcp\"}}}",
     "schema/field-name", nullptr, ""},
    {"field_name_url_in_goose", "goose", "extensions:\n  r:\n    type: streamable_http\n    url: https://x.example/mcp\n",
     "schema/field-name", "url:", "/extensions/r/url"},
    {"field_name_httpUrl_in_claude_code", "claude-code",
     "{\"mcpServers\": {\"r\": {\"type\": \"http\", \"httpUrl\": \"https://x.example\"}}}", "schema/field-name",
     "\"httpUrl\"", "/mcpServers/r/httpUrl"},
    {"wrong_type_args", "claude-desktop", "{\"mcpServers\": {\"s\": {\"command\": \"x\", \"args\": \"-y\"}}}",
     "schema/wrong-type", "\"-y\"", "/mcpServers/s/args"},
    {"wrong_type_env_number", "claude-desktop",
     "{\"mcpServers\": {\"s\": {\"command\": \"x\", \"env\": {\"PORT\": 8080}}}}", "schema/wrong-type", "8080",
     "/mcpServers/s/env/PORT"},
    {"wrong_type_ok", "claude-desktop", Stdio("\"-y\""), "schema/wrong-type", nullptr, ""},
    {"missing_command", "claude-desktop", "{\"mcpServers\": {\"s\": {\"args\": []}}}", "schema/missing-command",
     "{\"args\"", "/mcpServers/s"},
    {"command_and_url", "cursor", "{\"mcpServers\": {\"s\": {\"command\": \"x\", \"url\": \"https://a.example\"}}}",
     "schema/command-and-url", "{\"command\"", "/mcpServers/s"},
    {"unknown_key", "claude-desktop", "{\"mcpServers\": {\"s\": {\"command\": \"x\", \"argz\": []}}}",
     "schema/unknown-key", "\"argz\"", "/mcpServers/s/argz"},
    {"unknown_key_extra_ok", "cline", "{\"mcpServers\": {\"s\": {\"command\": \"x\", \"autoApprove\": []}}}",
     "schema/unknown-key", nullptr, ""},
    {"type_value", "vscode", "{\"servers\": {\"r\": {\"type\": \"streamable-http\", \"url\": \"https://a.example\"}}}",
     "schema/type-value", "\"streamable-http\"", "/servers/r/type"},
    {"type_value_ok", "continue", "mcpServers:\n  - name: r\n    type: streamable-http\n    url: https://a.example\n",
     "schema/type-value", nullptr, ""},
    {"type_mismatch", "claude-code", "{\"mcpServers\": {\"s\": {\"type\": \"http\", \"command\": \"x\"}}}",
     "schema/type-mismatch", "\"http\"", "/mcpServers/s/type"},
    {"missing_type_vscode", "vscode", "{\"servers\": {\"s\": {\"command\": \"x\"}}}", "schema/missing-type",
     "{\"command\"", "/servers/s"},
    {"duplicate_key", "claude-desktop", "{\"mcpServers\": {\"s\": {\"command\": \"x\", \"command\": \"y\"}}}",
     "schema/duplicate-key", "\"command\": \"y\"", "/mcpServers/s/command"},
    {"remote_in_claude_desktop", "claude-desktop", "{\"mcpServers\": {\"r\": {\"url\": \"https://a.example\"}}}",
     "schema/remote-unsupported", "{\"url\"", "/mcpServers/r"},
    {"server_name_claude_code", "claude-code", "{\"mcpServers\": {\"my server\": {\"command\": \"x\"}}}",
     "schema/server-name", "\"my server\"", "/mcpServers/my server"},
    {"cline_url_without_type", "cline", "{\"mcpServers\": {\"r\": {\"url\": \"https://a.example\"}}}",
     "schema/url-without-type", "\"https", "/mcpServers/r/url"},
    {"undefined_input", "vscode",
     "{\"servers\": {\"s\": {\"type\": \"stdio\", \"command\": \"x\", \"env\": {\"K\": \"${input:k}\"}}}}",
     "schema/undefined-input", "\"${input:k}\"", "/servers/s/env/K"},
    {"defined_input_ok", "vscode",
     "{\"inputs\": [{\"type\": \"promptString\", \"id\": \"k\", \"description\": \"K\", \"password\": true}], "
     "\"servers\": {\"s\": {\"type\": \"stdio\", \"command\": \"x\", \"env\": {\"K\": \"${input:k}\"}}}}",
     "schema/undefined-input", nullptr, ""},
    // A reference in another client's syntax reaches the server as text.
    {"foreign_input_in_cursor", "cursor", "{\"mcpServers\": {\"s\": {\"command\": \"x\", \"env\": {\"K\": \"${input:k}\"}}}}",
     "schema/foreign-placeholder", "${input:k}", "/mcpServers/s/env/K"},
    {"foreign_secrets_in_claude_code", "claude-code",
     "{\"mcpServers\": {\"s\": {\"command\": \"x\", \"args\": [\"--key=${{ secrets.K }}\"]}}}",
     "schema/foreign-placeholder", "${{", "/mcpServers/s/args/0"},
    {"foreign_env_colon_in_claude_desktop", "claude-desktop",
     "{\"mcpServers\": {\"r\": {\"command\": \"x\", \"env\": {\"K\": \"a-${env:K}\"}}}}",
     "schema/foreign-placeholder", "${env:K}", "/mcpServers/r/env/K"},
    {"foreign_dollar_brace_in_vscode", "vscode",
     "{\"servers\": {\"s\": {\"type\": \"stdio\", \"command\": \"x\", \"env\": {\"K\": \"${K}\"}}}}",
     "schema/foreign-placeholder", "${K}", "/servers/s/env/K"},
    {"own_syntax_ok", "cursor", "{\"mcpServers\": {\"s\": {\"command\": \"x\", \"env\": {\"K\": \"${env:K}\"}}}}",
     "schema/foreign-placeholder", nullptr, ""},
    {"vscode_predefined_variable_ok", "vscode",
     "{\"servers\": {\"s\": {\"type\": \"stdio\", \"command\": \"x\", \"args\": [\"${workspaceFolder}\"]}}}",
     "schema/foreign-placeholder", nullptr, ""},
    // mcp-remote expands ${NAME} in its arguments itself.
    {"dollar_brace_in_claude_desktop_ok", "claude-desktop",
     "{\"mcpServers\": {\"s\": {\"command\": \"npx\", \"args\": [\"--header\", \"A:${AUTH}\"], "
     "\"env\": {\"AUTH\": \"x\"}}}}",
     "schema/foreign-placeholder", nullptr, ""},
    {"continue_missing_name", "continue", "mcpServers:\n  - command: npx\n", "schema/missing-name", "command:",
     "/mcpServers/0"},
    {"codex_inline_bearer", "codex", "[mcp_servers.r]\nurl = \"https://a.example/mcp\"\nbearer_token = \"abc\"\n",
     "schema/inline-bearer-token", "\"abc\"", "/mcp_servers/r/bearer_token"},
    {"goose_builtin_skipped", "goose", "extensions:\n  developer:\n    type: builtin\n    enabled: true\n",
     "schema/missing-command", nullptr, ""},
    // exec/*
    {"unpinned_npx", "claude-desktop", Stdio("\"-y\", \"@modelcontextprotocol/server-memory\""),
     "exec/unpinned-package", "\"@model", "/mcpServers/s/args/1"},
    {"unpinned_latest", "claude-desktop", Stdio("\"-y\", \"pkg@latest\""), "exec/unpinned-package", "\"pkg@",
     "/mcpServers/s/args/1"},
    {"pinned_npx_ok", "claude-desktop", Stdio("\"-y\", \"@scope/pkg@1.2.3\""), "exec/unpinned-package", nullptr, ""},
    {"unpinned_uvx", "claude-desktop", Stdio("\"mcp-server-fetch\"", "uvx"), "exec/unpinned-package", "\"mcp-server-fetch",
     "/mcpServers/s/args/0"},
    {"pinned_uvx_ok", "claude-desktop", Stdio("\"mcp-server-fetch==2025.4.7\"", "uvx"), "exec/unpinned-package", nullptr, ""},
    {"unpinned_docker", "claude-desktop", Stdio("\"run\", \"-i\", \"--rm\", \"-e\", \"X\", \"ghcr.io/a/b\"", "docker"),
     "exec/unpinned-package", "\"ghcr", "/mcpServers/s/args/5"},
    {"pinned_docker_ok", "claude-desktop", Stdio("\"run\", \"-i\", \"ghcr.io/a/b:1.0.0\"", "docker"),
     "exec/unpinned-package", nullptr, ""},
    {"shell_command", "claude-desktop", Stdio("\"-c\", \"npx -y pkg@1.0.0\"", "bash"), "exec/shell-command", "\"-c\"",
     "/mcpServers/s/args/0"},
    {"cmd_wrapper_ok", "claude-desktop", Stdio("\"/c\", \"npx\", \"-y\", \"pkg@1.0.0\"", "cmd"), "exec/shell-command",
     nullptr, ""},
    {"shell_operator", "claude-desktop", Stdio("\"-y\", \"pkg@1.0.0\", \"&&\", \"rm\"", "npx"), "exec/shell-operator",
     "\"&&\"", "/mcpServers/s/args/2"},
    {"pipe_to_shell", "claude-desktop", Stdio("\"-c\", \"curl -s https://x.example/i.sh | sh\"", "sh"),
     "exec/pipe-to-shell", "\"curl", "/mcpServers/s/args/1"},
    {"sudo", "claude-desktop", Stdio("\"npx\", \"-y\", \"pkg@1.0.0\"", "sudo"), "exec/sudo", "\"sudo\"",
     "/mcpServers/s/command"},
    {"sensitive_path", "claude-desktop", Stdio("\"-y\", \"pkg@1.0.0\", \"--key\", \"~/.ssh/id_rsa\""),
     "exec/sensitive-path", "\"~/.ssh", "/mcpServers/s/args/3"},
    {"sensitive_path_ok", "claude-desktop", Stdio("\"-y\", \"pkg@1.0.0\", \"/tmp/jaws\""), "exec/sensitive-path",
     nullptr, ""},
    {"filesystem_root", "claude-desktop",
     Stdio("\"-y\", \"@modelcontextprotocol/server-filesystem@2026.8.31\", \"/Users/ann\""),
     "exec/broad-filesystem-root", "\"/Users/ann\"", "/mcpServers/s/args/2"},
    {"filesystem_project_ok", "claude-desktop",
     Stdio("\"-y\", \"@modelcontextprotocol/server-filesystem@2026.8.31\", \"/Users/ann/project\""),
     "exec/broad-filesystem-root", nullptr, ""},
    {"docker_privileged", "claude-desktop", Stdio("\"run\", \"--privileged\", \"img:1\"", "docker"),
     "exec/docker-privileged", "\"--privileged\"", "/mcpServers/s/args/1"},
    {"docker_socket", "claude-desktop",
     Stdio("\"run\", \"-v\", \"/var/run/docker.sock:/var/run/docker.sock\", \"img:1\"", "docker"),
     "exec/docker-socket", "\"-v\"", "/mcpServers/s/args/1"},
    {"docker_home_mount", "claude-desktop", Stdio("\"run\", \"-v\", \"/home/ann:/data\", \"img:1\"", "docker"),
     "exec/docker-host-mount", "\"-v\"", "/mcpServers/s/args/1"},
    {"docker_project_mount_ok", "claude-desktop", Stdio("\"run\", \"-v\", \"/home/ann/p:/data\", \"img:1\"", "docker"),
     "exec/docker-host-mount", nullptr, ""},
    {"docker_cap_add", "claude-desktop", Stdio("\"run\", \"--cap-add\", \"NET_ADMIN\", \"img:1\"", "docker"),
     "exec/docker-cap-add", "\"--cap-add\"", "/mcpServers/s/args/1"},
    {"docker_cap_drop_ok", "claude-desktop",
     Stdio("\"run\", \"--cap-drop\", \"ALL\", \"--cap-add\", \"NET_ADMIN\", \"img:1\"", "docker"), "exec/docker-cap-add",
     nullptr, ""},
    {"docker_host_network", "claude-desktop", Stdio("\"run\", \"--network=host\", \"img:1\"", "docker"),
     "exec/docker-host-namespace", "\"--network", "/mcpServers/s/args/1"},
    {"gemini_trust", "gemini-cli", "{\"mcpServers\": {\"s\": {\"command\": \"x\", \"trust\": true}}}",
     "exec/auto-approve", "true", "/mcpServers/s/trust"},
    // net/*
    {"insecure_http", "cursor", "{\"mcpServers\": {\"r\": {\"url\": \"http://mcp.example.com/mcp\"}}}",
     "net/insecure-http", "\"http:", "/mcpServers/r/url"},
    {"loopback_http_ok", "cursor", "{\"mcpServers\": {\"r\": {\"url\": \"http://127.0.0.1:3000/mcp\"}}}",
     "net/insecure-http", nullptr, ""},
    {"metadata_address", "cursor", "{\"mcpServers\": {\"r\": {\"url\": \"https://169.254.169.254/latest\"}}}",
     "net/private-address", "\"https", "/mcpServers/r/url"},
    {"private_address", "cursor", "{\"mcpServers\": {\"r\": {\"url\": \"https://10.1.2.3/mcp\"}}}", "net/private-address",
     "\"https", "/mcpServers/r/url"},
    {"public_address_ok", "cursor", "{\"mcpServers\": {\"r\": {\"url\": \"https://8.8.8.8/mcp\"}}}", "net/private-address",
     nullptr, ""},
    {"secret_in_query", "cursor", "{\"mcpServers\": {\"r\": {\"url\": \"https://a.example/mcp?api_key=s3cr3tvalue\"}}}",
     "net/secret-in-url", "\"https", "/mcpServers/r/url"},
    {"placeholder_in_query_ok", "cursor",
     "{\"mcpServers\": {\"r\": {\"url\": \"https://a.example/mcp?api_key=${env:KEY}\"}}}", "net/secret-in-url", nullptr, ""},
    // A password in a URL is the scanner's (secret/url-basic-auth); the net
    // rule covers the rest and never reports the same value twice.
    {"url_credentials_secret", "cursor", "{\"mcpServers\": {\"r\": {\"url\": \"https://bob:hunter2x@a.example/mcp\"}}}",
     "secret/url-basic-auth", "hunter2x", "/mcpServers/r/url"},
    {"url_credentials_not_twice", "cursor", "{\"mcpServers\": {\"r\": {\"url\": \"https://bob:hunter2x@a.example/mcp\"}}}",
     "net/url-credentials", nullptr, ""},
    {"bind_all", "claude-desktop", Stdio("\"-y\", \"pkg@1.0.0\", \"--host\", \"0.0.0.0\""), "net/bind-all-interfaces",
     "\"0.0.0.0\"", "/mcpServers/s/args/3"},
    {"bind_all_env", "claude-desktop", "{\"mcpServers\": {\"s\": {\"command\": \"x\", \"env\": {\"HOST\": \"0.0.0.0\"}}}}",
     "net/bind-all-interfaces", "\"0.0.0.0\"", "/mcpServers/s/env/HOST"},
    {"bind_loopback_ok", "claude-desktop", Stdio("\"-y\", \"pkg@1.0.0\", \"--host\", \"127.0.0.1\""),
     "net/bind-all-interfaces", nullptr, ""},
    // secret/* placements (the scanner's own suite covers every format)
    {"secret_in_env", "claude-desktop", "{\"mcpServers\": {\"s\": {\"command\": \"x\", \"env\": {\"T\": \"" + kToken + "\"}}}}",
     "secret/github-pat", "ghp_", "/mcpServers/s/env/T"},
    {"secret_in_arg", "claude-desktop", Stdio("\"--token=" + kToken + "\""), "secret/github-pat", "ghp_",
     "/mcpServers/s/args/0"},
    {"secret_in_header", "cursor", "{\"mcpServers\": {\"r\": {\"url\": \"https://a.example\", \"headers\": "
     "{\"Authorization\": \"Bearer " + kToken + "\"}}}}", "secret/github-pat", "ghp_", "/mcpServers/r/headers/Authorization"},
    {"secret_in_url", "cursor", "{\"mcpServers\": {\"r\": {\"url\": \"https://a.example/mcp?t=" + kToken + "\"}}}",
     "secret/github-pat", "ghp_", "/mcpServers/r/url"},
    {"secret_placeholder_ok", "claude-code", "{\"mcpServers\": {\"s\": {\"command\": \"x\", \"env\": {\"T\": \"${T}\"}}}}",
     "secret/github-pat", nullptr, ""},
    {"secret_context_rule", "claude-desktop",
     "{\"mcpServers\": {\"s\": {\"command\": \"x\", \"env\": {\"MY_API_KEY\": \"q8Zr2mX4vT9wL1pK7sN3\"}}}}",
     "secret/generic-high-entropy", "q8Zr", "/mcpServers/s/env/MY_API_KEY"},
    {"secret_context_rule_in_query", "cursor",
     "{\"mcpServers\": {\"r\": {\"url\": \"https://a.example/mcp?v=2&api_key=q8Zr2mX4vT9wL1pK7sN3#top\"}}}",
     "secret/generic-high-entropy", "q8Zr", "/mcpServers/r/url"},
    {"secret_context_rule_in_query_short_ok", "cursor",
     "{\"mcpServers\": {\"r\": {\"url\": \"https://a.example/mcp?api_key=s3cr3tvalue\"}}}",
     "secret/generic-high-entropy", nullptr, ""},
};

INSTANTIATE_TEST_SUITE_P(Lint, LintRuleTest, ::testing::ValuesIn(kRuleCases),
                         [](const ::testing::TestParamInfo<RuleCase>& i) { return std::string(i.param.name); });

TEST(Lint, SyntaxErrorsExitTwoWithPositionAndExpectation) {
  const Report r = Lint("{\"mcpServers\": {\"a\": 1,,}}", Options{"claude-desktop"});
  EXPECT_EQ(r.ExitCode(), 2);
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings[0].rule, "syntax/json");
  EXPECT_NE(r.findings[0].message.find("expected"), std::string::npos) << r.findings[0].message;
  EXPECT_EQ(Lint("{\"mcpServers\": {},\n}", Options{"claude-desktop"}).ExitCode(), 2);
  EXPECT_EQ(Lint("{\"servers\": {},\n}", Options{"vscode"}).ExitCode(), 0);
  EXPECT_EQ(Lint(Stdio("\"-y\", \"pkg@1.0.0\"")).ExitCode(), 0);
  EXPECT_EQ(Lint(Stdio("\"-y\", \"pkg@1.0.0\", \"&&\"")).ExitCode(), 1);
}

TEST(Lint, RecognisesEachClientFromItsShape) {
  struct Case {
    const char* text;
    const char* client;
  };
  const Case cases[] = {
      {"{\"servers\": {\"s\": {\"type\": \"stdio\", \"command\": \"x\"}}}", "vscode"},
      {"{\"context_servers\": {\"s\": {\"command\": \"x\"}}}", "zed"},
      {"[mcp_servers.s]\ncommand = \"x\"\n", "codex"},
      {"extensions:\n  s:\n    type: stdio\n    cmd: x\n", "goose"},
      {"mcpServers:\n  - name: s\n    command: x\n", "continue"},
      {"{\"mcpServers\": {\"s\": {\"serverUrl\": \"https://a.example\"}}}", "windsurf"},
      {"{\"mcpServers\": {\"s\": {\"httpUrl\": \"https://a.example\"}}}", "gemini-cli"},
      {"{\"mcpServers\": {\"s\": {\"type\": \"streamableHttp\", \"url\": \"https://a.example\"}}}", "cline"},
      {"{\"mcpServers\": {\"s\": {\"command\": \"x\", \"env\": {\"K\": \"${env:K}\"}}}}", "cursor"},
      {"{\"mcpServers\": {\"s\": {\"type\": \"stdio\", \"command\": \"x\"}}}", "claude-code"},
      {"{\"mcpServers\": {\"s\": {\"command\": \"x\", \"args\": [\"--key=${API_KEY}\"]}}}", "claude-code"},
      {"{\"mcpServers\": {\"s\": {\"command\": \"x\"}}}", "claude-desktop"},
      // mcp-remote expands ${AUTH_HEADER} itself, from the entry's env: the
      // pattern its README gives for Claude Desktop, not Claude Code syntax.
      {"{\"mcpServers\": {\"s\": {\"command\": \"npx\", \"args\": [\"mcp-remote@0.1.15\", \"https://a.example/sse\", "
       "\"--header\", \"Authorization:${AUTH_HEADER}\"], \"env\": {\"AUTH_HEADER\": \"Bearer x\"}}}}",
       "claude-desktop"},
  };
  for (const Case& c : cases) {
    const Report r = Lint(c.text);
    EXPECT_EQ(r.client, c.client) << c.text;
    EXPECT_FALSE(r.detected.empty()) << c.text;
    EXPECT_TRUE(r.parsed) << c.text << Rules(r);
  }
  EXPECT_TRUE(Lint("{\"mcpServers\": {}}", Options{"cursor"}).detected.empty());
  const Report unknown = Lint("{}", Options{"curser"});
  EXPECT_EQ(unknown.ExitCode(), 2);
  ASSERT_FALSE(unknown.findings.empty());
  EXPECT_NE(unknown.findings[0].message.find("cursor"), std::string::npos);
}

// VS Code's servers in user settings.json ("mcp", the older place) and in
// devcontainer.json ("customizations.vscode.mcp") are read and checked like
// mcp.json's, and fix puts "inputs" beside them.
TEST(Lint, VsCodeServersInSettingsAndDevContainerFiles) {
  const std::string settings = "{\n  \"editor.fontSize\": 14,\n  \"mcp\": {\n    \"servers\": {\n      \"gh\": {\"type\": "
                               "\"stdio\", \"command\": \"npx\", \"args\": [\"-y\", \"pkg\"], \"env\": {\"TOKEN\": \"" +
                               kToken + "\"}}\n    }\n  }\n}\n";
  const Report r = Lint(settings);
  EXPECT_EQ(r.client, "vscode");
  EXPECT_NE(r.detected.find("settings.json"), std::string::npos) << r.detected;
  std::set<std::string> found;
  for (const Finding& f : r.findings) found.insert(f.rule + " " + f.pointer);
  EXPECT_TRUE(found.count("schema/legacy-location /mcp")) << Rules(r);
  EXPECT_TRUE(found.count("secret/github-pat /mcp/servers/gh/env/TOKEN")) << Rules(r);
  EXPECT_TRUE(found.count("exec/unpinned-package /mcp/servers/gh/args/1")) << Rules(r);
  EXPECT_FALSE(found.count("schema/no-servers ")) << Rules(r);

  const FixResult fixed = Fix(settings, Options{"auto"});
  ASSERT_TRUE(fixed.ok);
  EXPECT_NE(fixed.text.find("  \"mcp\": {\n    \"inputs\": [\n      {\"type\": \"promptString\", \"id\": \"token\""),
            std::string::npos)
      << fixed.text;
  EXPECT_NE(fixed.text.find("\"TOKEN\": \"${input:token}\""), std::string::npos) << fixed.text;
  EXPECT_NE(fixed.text.find("\"editor.fontSize\": 14"), std::string::npos);
  const Report after = Lint(fixed.text);
  EXPECT_EQ(Rules(after).find("secret/"), std::string::npos) << Rules(after);
  EXPECT_EQ(Rules(after).find("undefined-input"), std::string::npos) << Rules(after);
  EXPECT_EQ(Fix(fixed.text, Options{"auto"}).text, fixed.text);
  const Report undefined = Lint("{\"mcp\": {\"inputs\": [{\"id\": 1}], \"servers\": {\"s\": {\"type\": \"stdio\", "
                                "\"command\": \"x\", \"env\": {\"K\": \"${input:k}\"}}}}}");
  std::set<std::string> undefined_found;
  for (const Finding& f : undefined.findings) undefined_found.insert(f.rule + " " + f.pointer);
  EXPECT_TRUE(undefined_found.count("schema/wrong-type /mcp/inputs/0")) << Rules(undefined);
  EXPECT_TRUE(undefined_found.count("schema/undefined-input /mcp/servers/s/env/K")) << Rules(undefined);

  const std::string devcontainer = "{\"name\": \"dev\", \"customizations\": {\"vscode\": {\"mcp\": {\"servers\": "
                                   "{\"fetch\": {\"type\": \"stdio\", \"command\": \"uvx\", \"args\": [\"mcp-server-fetch==2025.4.7\"]}}}}}}";
  const Report dev = Lint(devcontainer);
  EXPECT_EQ(dev.client, "vscode");
  EXPECT_EQ(Rules(dev), "") << Rules(dev);
  const ConvertResult converted = Convert(devcontainer, "auto", "claude-code");
  ASSERT_TRUE(converted.ok);
  EXPECT_NE(converted.text.find("\"fetch\": {"), std::string::npos) << converted.text;
  // Servers at the top level win: "mcp" is not looked into.
  EXPECT_EQ(Lint("{\"servers\": {}, \"mcp\": {\"servers\": {\"s\": {\"command\": \"x\"}}}}").findings.size(), 0u);
}

// A server whose env, argument, header and URL each hold the same secret,
// for every client: the secret is reported in each place, masked, and Fix
// replaces every one with the client's placeholder; a second Fix changes
// nothing.
std::string ServerJson() {
  return R"({
  "$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",
  "name": "io.example/demo", "description": "Demo", "version": "1.0.0",
  "packages": [{"registryType": "npm", "identifier": "@example/demo", "version": "1.0.0",
    "transport": {"type": "stdio"},
    "packageArguments": [{"type": "named", "name": "--token", "isSecret": true, "isRequired": true}],
    "environmentVariables": [{"name": "GITHUB_TOKEN", "isSecret": true, "isRequired": true},
                             {"name": "LOG_LEVEL", "default": "info"}]}],
  "remotes": [{"type": "streamable-http", "url": "https://mcp.example.com/mcp",
    "headers": [{"name": "Authorization", "value": "Bearer {token}", "isSecret": true,
                 "variables": {"token": {"isRequired": true, "isSecret": true}}}]}]
})";
}

std::string Generated(const std::string& client, gen::SecretMode mode, gen::Prefer prefer) {
  gen::GenerateRequest r;
  r.client = client;
  r.secrets = mode;
  r.prefer = prefer;
  r.installs = false;
  if (prefer == gen::Prefer::kRemote) {
    r.servers.push_back({"", ServerJson(), "demo", {{"token", {kToken}}}});
  } else {
    r.servers.push_back({"", ServerJson(), "demo", {{"GITHUB_TOKEN", {kToken}}, {"--token", {kToken}}}});
  }
  const gen::GenerateResult g = gen::Generate(r);
  EXPECT_TRUE(g.ok) << client;
  return g.text;
}

TEST(Lint, SecretsInEveryClientAreFoundMaskedAndFixedOnce) {
  for (std::string_view id : gen::ClientIds()) {
    const std::string client(id);
    for (gen::Prefer prefer : {gen::Prefer::kLocal, gen::Prefer::kRemote}) {
      const std::string text = Generated(client, gen::SecretMode::kInline, prefer);
      ASSERT_NE(text.find(kToken), std::string::npos) << client;
      const Report r = Lint(text, Options{client});
      ASSERT_TRUE(r.parsed) << client << Rules(r) << text;
      size_t secrets = 0;
      for (const Finding& f : r.findings) {
        EXPECT_EQ(f.message.find(kToken), std::string::npos) << client;
        EXPECT_EQ(f.fix.find(kToken), std::string::npos) << client;
        if (f.rule.rfind("secret/", 0) != 0) continue;
        ++secrets;
        EXPECT_NE(f.message.find("ghp_"), std::string::npos) << f.message;  // the masked form
        EXPECT_EQ(text.substr(f.offset, f.length), kToken) << client << " " << f.pointer;
        EXPECT_FALSE(f.pointer.empty()) << client;
      }
      EXPECT_GE(secrets, 1u) << client << "\n" << text << Rules(r);
      const FixResult fixed = Fix(text, Options{client});
      ASSERT_TRUE(fixed.ok) << client;
      EXPECT_EQ(fixed.text.find(kToken), std::string::npos) << client << "\n" << fixed.text;
      for (const Finding& f : fixed.remaining) {
        EXPECT_NE(f.rule.rfind("secret/", 0), 0u) << client << " " << f.rule << "\n" << fixed.text;
        EXPECT_NE(f.severity == Severity::kError && f.rule.rfind("syntax/", 0) == 0, true) << client;
      }
      ASSERT_FALSE(fixed.secrets.empty()) << client;
      EXPECT_NE(fixed.env_template.find(fixed.secrets[0].id + "="), std::string::npos);
      const FixResult again = Fix(fixed.text, Options{client});
      EXPECT_EQ(again.text, fixed.text) << client;
      EXPECT_EQ(again.changes, 0u) << client;
    }
  }
}

TEST(Fix, ChangesOnlyTheSecretBytesAndAddsVsCodeInputs) {
  const std::string text = "{\n  // keep this comment\n  \"servers\": {\n    \"gh\": {\"type\": \"stdio\", \"command\": "
                           "\"npx\",   \"env\": {\"GITHUB_TOKEN\": \"" + kToken + "\"}}\n  }\n}\n";
  const FixResult r = Fix(text, Options{"vscode"});
  ASSERT_TRUE(r.ok);
  EXPECT_NE(r.text.find("// keep this comment"), std::string::npos);
  EXPECT_NE(r.text.find("\"command\": \"npx\",   \"env\": {\"GITHUB_TOKEN\": \"${input:github-token}\"}"),
            std::string::npos) << r.text;
  EXPECT_NE(r.text.find("\"inputs\": [\n    {\"type\": \"promptString\", \"id\": \"github-token\""),
            std::string::npos) << r.text;
  EXPECT_NE(r.text.find("\"password\": true}"), std::string::npos);
  const Report after = Lint(r.text, Options{"vscode"});
  EXPECT_EQ(after.ExitCode(), 0) << Rules(after);
}

TEST(Fix, PlaceholderSyntaxPerClient) {
  struct Case {
    const char* client;
    std::string text;
    const char* expected;
  };
  const std::string env = "{\"mcpServers\": {\"s\": {\"command\": \"npx\", \"env\": {\"API_KEY\": \"" + kToken + "\"}}}}";
  const Case cases[] = {
      {"claude-code", env, "\"API_KEY\": \"${API_KEY}\""},
      {"cursor", env, "\"API_KEY\": \"${env:API_KEY}\""},
      {"windsurf", env, "\"API_KEY\": \"${env:API_KEY}\""},
      {"gemini-cli", env, "\"API_KEY\": \"${API_KEY}\""},
      {"claude-desktop", env, "\"API_KEY\": \"<API_KEY>\""},
      {"continue", "mcpServers:\n  - name: s\n    command: npx\n    env:\n      API_KEY: " + kToken + "\n",
       "API_KEY: \"${{ secrets.API_KEY }}\""},
      {"codex", "[mcp_servers.s]\ncommand = \"npx\"\nenv = { API_KEY = \"" + kToken + "\", LOG = \"1\" }\n",
       "[mcp_servers.s]\ncommand = \"npx\"\nenv = { LOG = \"1\" }\nenv_vars = [\"API_KEY\"]\n"},
      {"codex", "[mcp_servers.s]\ncommand = \"npx\"\n\n[mcp_servers.s.env]\nLOG = \"1\"\nAPI_KEY = \"" + kToken + "\"\n",
       "[mcp_servers.s]\ncommand = \"npx\"\nenv_vars = [\"API_KEY\"]\n\n[mcp_servers.s.env]\nLOG = \"1\"\n"},
      {"codex", "[mcp_servers.r]\nurl = \"https://a.example/mcp\"\nhttp_headers = { Authorization = \"Bearer " + kToken + "\" }\n",
       "[mcp_servers.r]\nurl = \"https://a.example/mcp\"\nhttp_headers = { }\nbearer_token_env_var = \"R_TOKEN\"\n"},
      {"codex", "[mcp_servers.s]\ncommand = \"npx\"\nargs = [\"--key=" + kToken + "\"]\n", "--key=<S_KEY>"},
      // Dotted keys: the line goes, and the name goes under the table's
      // header (the key's line may be the table's last).
      {"codex", "[mcp_servers.s]\ncommand = \"npx\"\nenv.LOG = \"1\"\nenv.\"API_KEY\" = \"" + kToken + "\"\n\n[mcp_servers.t]\n",
       "[mcp_servers.s]\nenv_vars = [\"API_KEY\"]\ncommand = \"npx\"\nenv.LOG = \"1\"\n\n[mcp_servers.t]\n"},
      {"codex", "[mcp_servers.r]\nurl = \"https://a.example/mcp\"\nhttp_headers.Authorization = \"Bearer " + kToken + "\"\n",
       "[mcp_servers.r]\nbearer_token_env_var = \"R_TOKEN\"\nurl = \"https://a.example/mcp\"\n"},
      {"goose", "extensions:\n  s:\n    cmd: npx\n    envs:\n      A: x\n      API_KEY: " + kToken + "\n    env_keys: []\n",
       "extensions:\n  s:\n    cmd: npx\n    envs:\n      A: x\n    env_keys: [\"API_KEY\"]\n"},
      {"goose", "extensions:\n  s:\n    cmd: npx\n    envs:\n      API_KEY: " + kToken + "  # mine\n    timeout: 300\n",
       "extensions:\n  s:\n    cmd: npx\n    envs: {}  # mine\n    timeout: 300\n    env_keys:\n      - \"API_KEY\"\n"},
      {"goose", "extensions:\n  s:\n    cmd: npx\n    envs:\n      API_KEY: " + kToken + "\n    env_keys:\n      - B\n",
       "    envs: {}\n    env_keys:\n      - B\n      - \"API_KEY\"\n"},
  };
  for (const Case& c : cases) {
    const FixResult r = Fix(c.text, Options{c.client});
    EXPECT_NE(r.text.find(c.expected), std::string::npos) << c.client << "\n" << r.text;
  }
}

// A reference in another client's syntax becomes the client's own: the
// same variable where the client reads the environment (VS Code's
// ${env:NAME} for ${NAME}), else the placeholder a secret there would get,
// named for its place. A second run changes nothing.
TEST(Fix, ForeignPlaceholdersBecomeTheClientsOwn) {
  const struct {
    const char* client;
    std::string text;
    const char* expected;
  } cases[] = {
      {"cursor", "{\"mcpServers\": {\"s\": {\"command\": \"x\", \"env\": {\"API_KEY\": \"${input:api-key}\"}}}}",
       "\"API_KEY\": \"${env:API_KEY}\""},
      {"claude-code", "{\"mcpServers\": {\"s\": {\"command\": \"x\", \"env\": {\"API_KEY\": \"${{ secrets.K }}\"}}}}",
       "\"API_KEY\": \"${API_KEY}\""},
      {"vscode",
       "{\"servers\": {\"s\": {\"type\": \"stdio\", \"command\": \"x\", \"env\": {\"A\": \"${HOME}/a\", "
       "\"API_KEY\": \"${env:API_KEY}\"}}}}",
       "\"A\": \"${env:HOME}/a\", \"API_KEY\": \"${env:API_KEY}\""},
      {"claude-desktop", "{\"mcpServers\": {\"s\": {\"command\": \"x\", \"args\": [\"--token\", \"${input:t}\"]}}}",
       "\"--token\", \"<S_TOKEN>\""},
      {"codex", "[mcp_servers.s]\ncommand = \"x\"\nenv = { API_KEY = \"${env:API_KEY}\" }\n",
       "env = { }\nenv_vars = [\"API_KEY\"]\n"},
  };
  for (const auto& c : cases) {
    const FixResult once = Fix(c.text, Options{c.client});
    EXPECT_NE(once.text.find(c.expected), std::string::npos) << c.client << "\n" << once.text;
    EXPECT_EQ(Fix(once.text, Options{c.client}).text, once.text) << c.client;
    EXPECT_EQ(Rules(Lint(once.text, Options{c.client})).find("foreign-placeholder"), std::string::npos) << once.text;
  }
  // In VS Code, ${NAME} keeps reading the environment: no input is added.
  const FixResult vscode = Fix(cases[2].text, Options{"vscode"});
  EXPECT_EQ(vscode.text.find("inputs"), std::string::npos) << vscode.text;
}

// A YAML merge key in an env map is named as one: YAML 1.2, which the
// reader follows, has none.
TEST(Lint, YamlMergeKeyInEnvIsNamed) {
  const Report r = Lint("extensions:\n  s:\n    cmd: npx\n    envs:\n      <<: {A: \"1\"}\n      B: \"2\"\n",
                        Options{"goose"});
  const Finding* f = Find(r, "schema/wrong-type");
  ASSERT_NE(f, nullptr) << Rules(r);
  EXPECT_NE(f->message.find("merge key"), std::string::npos) << f->message;
  EXPECT_EQ(f->pointer, "/extensions/s/envs/<<");
  EXPECT_EQ(f->line, 5u);
}

// --client auto: other clients' reference syntaxes are not Claude Code's
// ${NAME}.
TEST(Lint, ForeignReferencesDoNotMakeAFileClaudeCodes) {
  const Report r = Lint("{\"mcpServers\": {\"s\": {\"command\": \"x\", \"env\": {\"A\": \"${input:a}\", "
                        "\"B\": \"${{ secrets.B }}\"}}}}",
                        Options{"auto"});
  EXPECT_EQ(r.client, "claude-desktop");
  EXPECT_EQ(Lint("{\"mcpServers\": {\"s\": {\"command\": \"x\", \"env\": {\"A\": \"${TOKEN:-x}\"}}}}",
                 Options{"auto"}).client,
            "claude-code");
}

// Goose: a name env_keys lists already is not listed again; a name twice in
// envs (the reader keeps one pair) gets a placeholder where it is, since
// cutting one pair would bring the other to light in the next run (found
// by the lint fuzzer). Either way a second run changes nothing.
TEST(Fix, GooseListsANameOnceAndLeavesDuplicatePairsInPlace) {
  const std::string listed =
      "extensions:\n  s:\n    cmd: npx\n    envs:\n      API_KEY: " + kToken + "\n      A: x\n    env_keys:\n      - API_KEY\n";
  const std::string twice =
      "extensions:\n  s:\n    cmd: npx\n    envs:\n      API_KEY: " + kToken + "\n      API_KEY: " + kToken + "\n      LOG: x\n";
  const FixResult once = Fix(listed, Options{"goose"});
  EXPECT_EQ(once.text, "extensions:\n  s:\n    cmd: npx\n    envs:\n      A: x\n    env_keys:\n      - API_KEY\n");
  EXPECT_EQ(Fix(once.text, Options{"goose"}).text, once.text);
  const FixResult dup = Fix(twice, Options{"goose"});
  EXPECT_NE(dup.text.find("API_KEY: \"<API_KEY>\""), std::string::npos) << dup.text;
  EXPECT_EQ(dup.text.find("env_keys"), std::string::npos) << dup.text;
  EXPECT_EQ(Fix(dup.text, Options{"goose"}).text, dup.text);
}

// A secret that is only part of its value gets a placeholder named for the
// part: asked for DATABASE_URI, a user would paste a whole URI where only
// its password goes.
TEST(Fix, PartOfAValueIsNamedForThePart) {
  const std::string password = "S3cr3tP4ssw0rd!x";
  const std::string uri = "postgresql://admin:" + password + "@db.internal.example.com:5432/prod";
  const struct {
    const char* client;
    std::string text;
    const char* expected;
    const char* id;
    const char* description;
  } cases[] = {
      {"claude-code", "{\"mcpServers\": {\"pg\": {\"command\": \"uvx\", \"env\": {\"DATABASE_URI\": \"" + uri + "\"}}}}",
       "\"DATABASE_URI\": \"postgresql://admin:${DATABASE_URI_PASSWORD}@db.internal", "DATABASE_URI_PASSWORD",
       "Password in DATABASE_URI for the pg MCP server"},
      {"codex", "[mcp_servers.pg]\ncommand = \"uvx\"\nenv = { DATABASE_URI = \"" + uri + "\" }\n",
       "DATABASE_URI = \"postgresql://admin:<DATABASE_URI_PASSWORD>@db", "DATABASE_URI_PASSWORD",
       "Password in DATABASE_URI for the pg MCP server"},
      {"claude-code", "{\"mcpServers\": {\"s\": {\"command\": \"npx\", \"env\": {\"AUTH\": \"Bearer " + kToken + "\"}}}}",
       "\"AUTH\": \"Bearer ${AUTH_SECRET}\"", "AUTH_SECRET", "Secret in AUTH for the s MCP server"},
      {"claude-code", "{\"mcpServers\": {\"r\": {\"type\": \"http\", \"url\": \"https://u:" + password + "@mcp.example.com/mcp\"}}}",
       "\"url\": \"https://u:${R_PASSWORD}@mcp.example.com/mcp\"", "R_PASSWORD",
       "Password in the URL of the r MCP server"},
      // The whole value: the variable's own name.
      {"claude-code", "{\"mcpServers\": {\"s\": {\"command\": \"npx\", \"env\": {\"API_KEY\": \"" + kToken + "\"}}}}",
       "\"API_KEY\": \"${API_KEY}\"", "API_KEY", "Secret for the s MCP server"},
  };
  for (const auto& c : cases) {
    const FixResult r = Fix(c.text, Options{c.client});
    EXPECT_NE(r.text.find(c.expected), std::string::npos) << c.client << "\n" << r.text;
    ASSERT_EQ(r.secrets.size(), 1u) << r.text;
    EXPECT_EQ(r.secrets[0].id, c.id);
    EXPECT_EQ(r.secrets[0].description, c.description);
    EXPECT_NE(r.env_template.find(std::string(c.id) + "="), std::string::npos) << r.env_template;
    EXPECT_EQ(Fix(r.text, Options{c.client}).text, r.text) << c.client;
  }
}

// A hosted server's key in its URL's query ("?api_key=..."): reported once
// (as a secret, not also as net/secret-in-url), and replaced in place by a
// placeholder named after the server and the parameter.
TEST(Fix, SecretInAUrlQueryGetsAPlaceholderInPlace) {
  const std::string key = "q8Zr2mX4vT9wL1pK7sN3";
  const std::string token = "Zx9Yw8Vu7Ts6Rq5Po4Nm";
  const struct {
    const char* client;
    std::string text;
    const char* expected;
  } cases[] = {
      {"cursor", "{\"mcpServers\": {\"r\": {\"url\": \"https://a.example/mcp?api_key=" + key + "&v=2\"}}}",
       "\"url\": \"https://a.example/mcp?api_key=${env:R_API_KEY}&v=2\""},
      {"vscode", "{\"servers\": {\"r\": {\"type\": \"http\", \"url\": \"https://a.example/mcp?api_key=" + key + "&token=" +
                     token + "\"}}}",
       "\"url\": \"https://a.example/mcp?api_key=${input:r-api-key}&token=${input:r-token}\""},
      {"claude-desktop", Stdio("\"-y\", \"mcp-remote@0.1.2\", \"https://a.example/sse?token=" + key + "\""),
       "\"https://a.example/sse?token=<S_TOKEN>\""},
  };
  for (const auto& c : cases) {
    const Report before = Lint(c.text, Options{c.client});
    EXPECT_EQ(Rules(before).find("net/secret-in-url"), std::string::npos) << Rules(before);
    EXPECT_NE(Rules(before).find("secret/generic-high-entropy"), std::string::npos) << Rules(before);
    const FixResult r = Fix(c.text, Options{c.client});
    EXPECT_NE(r.text.find(c.expected), std::string::npos) << c.client << "\n" << r.text;
    EXPECT_EQ(r.text.find(key), std::string::npos) << r.text;
    EXPECT_EQ(Fix(r.text, Options{c.client}).text, r.text) << c.client;
    const Report after = Lint(r.text, Options{c.client});
    EXPECT_EQ(Rules(after).find("secret/"), std::string::npos) << Rules(after);
    EXPECT_EQ(Rules(after).find("net/secret-in-url"), std::string::npos) << Rules(after);
  }
}

// The fuzzer's case (tests/fuzz/regressions/lint/fix-replaced-a-glued-copy-
// of-the-secret): the value holds the token's characters first as the start
// of a longer run the scanner rejects (a filler of W's), then the real
// token. Fix must replace the real one, or a second run finds it again.
TEST(Fix, ReplacesTheTokenNotAGluedCopyOfIt) {
  const std::string filler = kToken + "WWWWWWWWWWWWWWWWWWW";
  const std::string text = "[mcp_servers.s]\ncommand = \"npx\"\nargs = [\"--x=" + filler + "+" + kToken + "+y\"]\n";
  const FixResult once = Fix(text, Options{"codex"});
  ASSERT_TRUE(once.ok);
  EXPECT_NE(once.text.find("--x=" + filler + "+<S_X>+y"), std::string::npos) << once.text;
  EXPECT_EQ(Fix(once.text, Options{"codex"}).text, once.text);
}

// The fuzzer's case (tests/fuzz/regressions/lint/env-name-holding-a-secret):
// an env var whose name holds a token. Goose and Codex hand a secret on by
// its variable's name; this name is no variable name and holds a secret, so
// the value gets a placeholder named after the server instead, and neither
// the token nor its letters reach env_keys, env_vars or the placeholder.
TEST(Fix, EnvNameHoldingASecretIsNotHandedOnByName) {
  const std::string name = "A " + kToken + " B";
  const std::string upper_token = "GHP_QW3ER5TY7UI9OP1AS3DF5GH7JK9LZ2XC4VB6";
  const struct {
    const char* client;
    std::string text;
  } cases[] = {
      {"goose", "extensions:\n  s:\n    cmd: npx\n    envs:\n      " + name + ": " + kToken + "x1\n"},
      {"codex", "[mcp_servers.s]\ncommand = \"npx\"\nenv = { \"" + name + "\" = \"" + kToken + "x1\" }\n"},
  };
  for (const auto& c : cases) {
    const FixResult once = Fix(c.text, Options{c.client});
    ASSERT_TRUE(once.ok) << c.client;
    EXPECT_EQ(once.text.find("env_keys"), std::string::npos) << c.client << "\n" << once.text;
    EXPECT_EQ(once.text.find("env_vars"), std::string::npos) << c.client << "\n" << once.text;
    EXPECT_NE(once.text.find("<S_SECRET>"), std::string::npos) << c.client << "\n" << once.text;
    EXPECT_EQ(once.text.find(upper_token), std::string::npos) << c.client << "\n" << once.text;
    EXPECT_EQ(Fix(once.text, Options{c.client}).text, once.text) << c.client;
  }
}

TEST(Fix, TrailingCommaAndWrongKeysAreRepaired) {
  const FixResult r = Fix("{\n  \"mcpServers\": {\"s\": {\"type\": \"stdio\", \"command\": \"x\"}},\n}\n", Options{"vscode"});
  EXPECT_EQ(r.text, "{\n  \"servers\": {\"s\": {\"type\": \"stdio\", \"command\": \"x\"}},\n}\n");
  const FixResult strict = Fix("{\"mcpServers\": {\"s\": {\"command\": \"x\"}},\n}", Options{"claude-desktop"});
  EXPECT_EQ(strict.text, "{\"mcpServers\": {\"s\": {\"command\": \"x\"}}\n}");
  // Found by fuzzing: a secret under a misspelled key is fixed in the same
  // run as the key, so a second run has nothing left to do.
  const std::string envs = "mcpServers:\n  - name: d\n    command: npx\n    envs:\n      T: \"" + kToken + "\"\n";
  const FixResult once = Fix(envs, Options{"continue"});
  EXPECT_EQ(once.text, "mcpServers:\n  - name: d\n    command: npx\n    env:\n      T: \"${{ secrets.T }}\"\n");
  EXPECT_EQ(Fix(once.text, Options{"continue"}).changes, 0u);
  // Found by fuzzing: every trailing comma goes in one run, not one per run.
  const FixResult commas = Fix("{\"mcpServers\": {\"s\": {\"command\": \"x\", \"args\": [\"a\", /* c */ ],},},\n}",
                               Options{"claude-desktop"});
  EXPECT_EQ(commas.text, "{\"mcpServers\": {\"s\": {\"command\": \"x\", \"args\": [\"a\" /* c */ ]}}\n}");
  EXPECT_EQ(commas.changes, 4u);
  const FixResult url = Fix("{\"mcpServers\": {\"r\": {\"serverUrl\": \"https://a.example\"}}}", Options{"cursor"});
  EXPECT_EQ(url.text, "{\"mcpServers\": {\"r\": {\"url\": \"https://a.example\"}}}");
}

// The neutral facts a round trip must keep: each server's name, transport,
// command, arguments (secrets as ${ID}), environment names, URL and header
// names. Environment and header order may change (Codex and Goose keep
// forwarded names apart from values).
std::string Model(const std::string& text, const std::string& client) {
  const std::unique_ptr<Analysis> a = Analyze(text, client);
  if (!a->has_tree) return "unparsed";
  std::string out;
  const auto ref = [](const std::string& id) { return "${" + id + "}"; };
  for (const ReadEntry& re : a->read->entries) {
    const config::ServerEntry& e = re.entry;
    out += e.name + " " + std::to_string(static_cast<int>(e.transport)) + " " + e.command;
    for (const config::Text& t : e.args) out += " " + t.Render(ref);
    std::set<std::string> env, headers;
    for (const config::NamedText& v : e.env) env.insert(v.name);
    for (const config::NamedText& h : e.headers) headers.insert(h.name);
    out += " env:";
    for (const std::string& n : env) out += n + ",";
    out += " url:" + e.url.Render(ref) + " headers:";
    for (const std::string& n : headers) out += n + ",";
    out += "\n";
  }
  return out;
}

std::string SchemaErrors(const std::string& text, const std::string& client) {
  const Report r = Lint(text, Options{client});
  std::string out;
  for (const Finding& f : r.findings) {
    if (f.severity == Severity::kError && f.rule.rfind("secret/", 0) != 0) out += f.rule + " " + f.message + "\n";
  }
  return out;
}

TEST(Convert, EveryPairRoundTripsServersCommandsArgumentsAndEnvNames) {
  for (gen::Prefer prefer : {gen::Prefer::kLocal, gen::Prefer::kRemote}) {
    for (std::string_view a : gen::ClientIds()) {
      const std::string from(a);
      const std::string source = Generated(from, gen::SecretMode::kPlaceholder, prefer);
      const std::string model = Model(source, from);
      ASSERT_NE(model, "") << from;
      for (std::string_view b : gen::ClientIds()) {
        const std::string to(b);
        const ConvertResult there = Convert(source, from, to);
        ASSERT_TRUE(there.ok) << from << " -> " << to;
        EXPECT_EQ(SchemaErrors(there.text, to), "") << from << " -> " << to << "\n" << there.text;
        const ConvertResult back = Convert(there.text, to, from);
        ASSERT_TRUE(back.ok) << from << " -> " << to << " -> " << from;
        // Claude Desktop (and Codex for SSE) hold remotes as an mcp-remote
        // bridge: a local command from then on, by design.
        const bool bridged = prefer == gen::Prefer::kRemote && (to == "claude-desktop" || from == "claude-desktop");
        if (!bridged) {
          EXPECT_EQ(Model(back.text, from), model) << from << " -> " << to << " -> " << from << "\n" << there.text;
        }
      }
    }
  }
}

// The fuzzer's case (tests/fuzz/regressions/lint/duplicate-env-key-to-toml):
// a key given twice is read once, from its last occurrence (as JSON.parse
// reads it; the duplicate-key rule reports the other), so the TOML written
// from it has no duplicate key.
TEST(Convert, AKeyGivenTwiceIsReadOnceFromItsLastOccurrence) {
  const std::string text =
      R"({"mcpServers": {"s": {"command": "npx", "env": {"A": "1"}, "env": {"A": "2", "B": "3"}, "args": ["x"], "args": ["y"]}}})";
  const ConvertResult r = Convert(text, "claude-desktop", "codex");
  ASSERT_TRUE(r.ok);
  EXPECT_NE(r.text.find("A = \"2\""), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("A = \"1\""), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("args = [\"y\"]"), std::string::npos) << r.text;
  EXPECT_TRUE(Lint(r.text, Options{"codex"}).parsed) << r.text;
  const ConvertResult dup_in_map =
      Convert(R"({"mcpServers": {"s": {"command": "npx", "env": {"A": "1", "A": "2"}}}})", "claude-desktop", "codex");
  ASSERT_TRUE(dup_in_map.ok);
  EXPECT_TRUE(Lint(dup_in_map.text, Options{"codex"}).parsed) << dup_in_map.text;
  EXPECT_NE(dup_in_map.text.find("A = \"2\""), std::string::npos) << dup_in_map.text;
}

TEST(Convert, WarnsForEveryFieldTheTargetCannotHold) {
  const std::string text = "{\"mcpServers\": {\"s\": {\"command\": \"x\", \"cwd\": \"/w\", \"timeout\": 30, "
                           "\"autoApprove\": [\"t\"]}}}";
  const ConvertResult r = Convert(text, "cline", "claude-code");
  ASSERT_TRUE(r.ok);
  std::set<std::string> fields;
  for (const Finding& n : r.notes) {
    if (n.rule == "convert/unsupported-field") fields.insert(n.pointer);
  }
  EXPECT_EQ(fields, (std::set<std::string>{"/mcpServers/s/cwd", "/mcpServers/s/timeout", "/mcpServers/s/autoApprove"}));
  const ConvertResult defaults = Convert(
      "{\"mcpServers\": {\"s\": {\"command\": \"x\", \"argz\": 1, \"env\": {\"K\": \"${K:-v}\"}}}}", "claude-code",
      "cursor");
  std::set<std::string> rules;
  for (const Finding& n : defaults.notes) rules.insert(n.rule + " " + n.pointer);
  EXPECT_TRUE(rules.count("convert/default-dropped /mcpServers/s/env/K")) << defaults.text;
  EXPECT_TRUE(rules.count("schema/unknown-key /mcpServers/s/argz"));
  EXPECT_NE(defaults.text.find("\"K\": \"${env:K}\""), std::string::npos) << defaults.text;
  const ConvertResult bad = Convert(text, "cline", "clude-code");
  EXPECT_FALSE(bad.ok);
  ASSERT_FALSE(bad.notes.empty());
  EXPECT_NE(bad.notes[0].message.find("claude-code"), std::string::npos);
}

// A server turned off in the source ("disabled": true, "enabled": false)
// stays off in the clients that can say so, both ways; elsewhere it is
// written on, with a warning, never silently.
TEST(Convert, ATurnedOffServerStaysOffWhereTheTargetCanSaySo) {
  const std::string cline = R"({"mcpServers": {"on": {"command": "x"}, "off": {"command": "y", "disabled": true}}})";
  const struct {
    const char* to;
    const char* off;
    const char* flag;  // how the target turns a server off
  } cases[] = {
      {"goose", "  \"off\":\n    name: \"off\"\n    enabled: false\n", "enabled: false"},  // "off" is a YAML 1.1 boolean
      {"codex", "[mcp_servers.off]\nenabled = false\ncommand = \"y\"", "enabled = false"},
      {"windsurf", "\"off\": {\n      \"command\": \"y\",\n      \"args\": [],\n      \"disabled\": true\n", "\"disabled\""},
      {"cline", "\"disabled\": true", "\"disabled\""},
  };
  for (const auto& c : cases) {
    const ConvertResult r = Convert(cline, "cline", c.to);
    ASSERT_TRUE(r.ok) << c.to;
    EXPECT_NE(r.text.find(c.off), std::string::npos) << c.to << "\n" << r.text;
    EXPECT_EQ(r.text.find(c.flag), r.text.rfind(c.flag)) << c.to << ": only 'off' is turned off\n" << r.text;
    EXPECT_EQ(SchemaErrors(r.text, c.to), "") << c.to << "\n" << r.text;
    for (const Finding& n : r.notes) EXPECT_NE(n.rule, "convert/unsupported-field") << c.to << " " << n.message;
    const ConvertResult back = Convert(r.text, c.to, "cline");
    ASSERT_TRUE(back.ok) << c.to;
    EXPECT_NE(back.text.find("\"disabled\": true"), std::string::npos) << c.to << " -> cline\n" << back.text;
    EXPECT_EQ(back.text.find("\"disabled\""), back.text.rfind("\"disabled\"")) << back.text;
  }
  const ConvertResult code = Convert(cline, "cline", "claude-code");
  ASSERT_TRUE(code.ok);
  EXPECT_EQ(code.text.find("disabled"), std::string::npos) << code.text;
  std::set<std::string> notes;
  for (const Finding& n : code.notes) notes.insert(n.rule + " " + n.pointer);
  EXPECT_TRUE(notes.count("convert/disabled-written-on /mcpServers/off")) << code.text;
  EXPECT_EQ(notes.count("convert/disabled-written-on /mcpServers/on"), 0u);
  // Zed's file has no such setting this project knows of: its "enabled" stays a field convert warns about.
  const ConvertResult zed = Convert(R"({"context_servers": {"z": {"command": "x", "enabled": false}}})", "zed", "goose");
  ASSERT_TRUE(zed.ok);
  EXPECT_NE(zed.text.find("enabled: true"), std::string::npos) << zed.text;
  bool warned = false;
  for (const Finding& n : zed.notes) warned = warned || (n.rule == "convert/unsupported-field" && n.pointer == "/context_servers/z/enabled");
  EXPECT_TRUE(warned);
}

TEST(Convert, RemoteServersBecomeBridgesWhereTheTargetHasNoRemotes) {
  const std::string remote = Generated("claude-code", gen::SecretMode::kPlaceholder, gen::Prefer::kRemote);
  const ConvertResult r = Convert(remote, "claude-code", "claude-desktop");
  ASSERT_TRUE(r.ok);
  EXPECT_NE(r.text.find("mcp-remote@"), std::string::npos) << r.text;
  bool warned = false;
  for (const Finding& n : r.notes) warned = warned || n.severity == Severity::kWarning;
  EXPECT_TRUE(warned);
}

TEST(Report, FormatsCarryTheSameFindings) {
  const std::string text = Stdio("\"-y\", \"pkg\", \"" + kToken + "\"");
  const Report r = Lint(text);
  const std::string json = ReportToJson(r), txt = ReportToText(r, "dir/a b.json"), sarif = ReportToSarif(r, "dir/a b.json");
  for (const std::string* s : {&json, &txt, &sarif}) EXPECT_EQ(s->find(kToken), std::string::npos);
  EXPECT_NE(txt.find("dir/a b.json:1:"), std::string::npos) << txt;
  EXPECT_NE(txt.find(": warning exec/unpinned-package "), std::string::npos) << txt;
  EXPECT_NE(sarif.find("\"uri\":\"dir/a%20b.json\""), std::string::npos) << sarif;
  EXPECT_NE(sarif.find("\"version\":\"2.1.0\""), std::string::npos);
  EXPECT_NE(json.find("\"rule\":\"secret/github-pat\""), std::string::npos) << json;
}

TEST(Lint, HostileInputGetsAFindingNotACrash) {
  const std::string deep(100000, '[');
  EXPECT_EQ(Lint(deep, Options{"claude-desktop"}).ExitCode(), 2);
  EXPECT_EQ(Lint(std::string(100000, '{')).ExitCode(), 2);
  EXPECT_EQ(Lint(std::string("{\"mcpServers\": {\"\xff\": 1}}")).ExitCode(), 2);
  EXPECT_EQ(Lint(std::string("{\"mcpServers\"\0: {}}", 19)).ExitCode(), 2);
  EXPECT_EQ(Lint("").ExitCode(), 2);
  // Found by fuzzing: a "url" without "://" read before the start of the value.
  EXPECT_EQ(Lint("{\"mcpServers\": {\"r\": {\"url\": \"h.1/mcp?t=x\"}}}", Options{"cursor"}).ExitCode(), 0);
  EXPECT_EQ(Lint("mcpServers: [\n", Options{"continue"}).ExitCode(), 2);
  EXPECT_EQ(Lint("[mcp_servers.a\n", Options{"codex"}).ExitCode(), 2);
  const std::string big = "{\"mcpServers\": {\"s\": {\"command\": \"" + std::string(2 << 20, 'a') + "\"}}}";
  EXPECT_LE(Lint(big).ExitCode(), 1);
  const std::string huge(kMaxBytes + 1, ' ');
  const Report r = Lint(huge);
  EXPECT_EQ(r.ExitCode(), 2);
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings[0].rule, "syntax/too-large");
}

}  // namespace
}  // namespace lint
}  // namespace mcp_builder
