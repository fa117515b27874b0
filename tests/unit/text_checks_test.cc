#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text_checks.h"

namespace mcp_builder {
namespace text {
namespace {

TEST(TextChecks, IsUri) {
  for (const char* ok : {"https://example.com", "http://localhost:8080/a?b=c#d",
                         "https://user@host.io/p%20q", "urn:isbn:0451450523",
                         "mailto:a@b.io", "HTTPS://EXAMPLE.COM"}) {
    EXPECT_TRUE(IsUri(ok)) << ok;
  }
  for (const char* bad : {"", "example.com", "//example.com", "https://",
                          "https://exa mple.com", "http://:80/", "1http://x",
                          "https://x.io/%zz", "https://x.io/\xC3\xA9", "https://x.io/<a>"}) {
    EXPECT_FALSE(IsUri(bad)) << bad;
  }
}

TEST(TextChecks, IsVersionRange) {
  for (const char* range : {"^1.2.3", "~1.2.3", ">=1.2.3", "<2", "=1.0.0", "1.x",
                            "1.*", "*", "x", "1.2.X", "1.0.0 - 2.0.0", "1 || 2"}) {
    EXPECT_TRUE(IsVersionRange(range)) << range;
  }
  for (const char* exact : {"1.2.3", "0.4.0-beta", "1.0.0-x.1", "2025.8.21",
                            "1.0.0+build.x", "v1.2.3", "1"}) {
    EXPECT_FALSE(IsVersionRange(exact)) << exact;
  }
}

TEST(TextChecks, IsSemver) {
  EXPECT_TRUE(IsSemver("1.2.3"));
  EXPECT_TRUE(IsSemver("0.4.0-beta.1+sha.5114f85"));
  EXPECT_FALSE(IsSemver("1.2"));
  EXPECT_FALSE(IsSemver("01.2.3"));
  EXPECT_FALSE(IsSemver("v1.2.3"));
}

TEST(TextChecks, SchemaPatterns) {
  EXPECT_TRUE(MatchesServerName("io.github.user/weather"));
  EXPECT_TRUE(MatchesServerName("com.example/my_server-2.0"));
  EXPECT_FALSE(MatchesServerName("io.github.user/weather/x"));
  EXPECT_FALSE(MatchesServerName("io_github/weather"));  // '_' only after '/'
  EXPECT_FALSE(MatchesServerName("/weather"));
  EXPECT_TRUE(MatchesIconSize("48x48"));
  EXPECT_TRUE(MatchesIconSize("any"));
  EXPECT_FALSE(MatchesIconSize("48"));
  EXPECT_FALSE(MatchesIconSize("48x48 "));
  EXPECT_TRUE(MatchesSha256(std::string(64, 'a')));
  EXPECT_FALSE(MatchesSha256(std::string(64, 'A')));
  EXPECT_FALSE(MatchesSha256(std::string(63, 'a')));
  EXPECT_TRUE(MatchesTransportUrl("http://localhost:{port}/mcp"));
  EXPECT_FALSE(MatchesTransportUrl("https://x.io/a b"));
  EXPECT_FALSE(MatchesTransportUrl("ws://x.io"));
}

TEST(TextChecks, FindReferences) {
  const auto refs = FindReferences("https://{tenant}.x.io/{a.b-c_d}/{} {no space} {{x}}");
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[0].name, "tenant");
  EXPECT_EQ(refs[0].offset, 8u);
  EXPECT_EQ(refs[1].name, "a.b-c_d");
  EXPECT_EQ(refs[2].name, "x");
  EXPECT_TRUE(FindReferences(R"({"json": 1})").empty());
}

TEST(TextChecks, DidYouMean) {
  const std::vector<std::string_view> keys = {"isSecret", "environmentVariables",
                                              "websiteUrl", "name"};
  EXPECT_EQ(DidYouMean("is_secret", keys), "isSecret");
  EXPECT_EQ(DidYouMean("environment_variables", keys), "environmentVariables");
  EXPECT_EQ(DidYouMean("websiteURL", keys), "websiteUrl");
  EXPECT_EQ(DidYouMean("isSecrte", keys), "isSecret");
  EXPECT_EQ(DidYouMean("nam", keys), "");  // too short for a fuzzy guess
  EXPECT_EQ(DidYouMean("homepage", keys), "");
}

TEST(TextChecks, NamesAndLengths) {
  EXPECT_TRUE(IsEnvVarName("GITHUB_TOKEN"));
  EXPECT_TRUE(IsEnvVarName("_x1"));
  EXPECT_FALSE(IsEnvVarName("1X"));
  EXPECT_FALSE(IsEnvVarName("A-B"));
  EXPECT_FALSE(IsEnvVarName(""));
  EXPECT_TRUE(IsHeaderName("X-API-Key"));
  EXPECT_FALSE(IsHeaderName("X API"));
  EXPECT_FALSE(IsHeaderName("X:Y"));
  EXPECT_EQ(CodePointLength("a\xC3\xA9\xF0\x9F\x98\x80"), 3u);
  EXPECT_EQ(Abbreviate("abcdef", 3), "abc...");
  EXPECT_EQ(Abbreviate("\xC3\xA9\xC3\xA9\xC3\xA9", 2), "\xC3\xA9\xC3\xA9...");
  EXPECT_EQ(Quoted("ab"), "'ab'");
  // No raw control character (terminal escape, line break) reaches a message.
  EXPECT_EQ(Abbreviate("a\x1b[31mb\nc\x7f"), "a\\x1B[31mb\\x0Ac\\x7F");
}

}  // namespace
}  // namespace text
}  // namespace mcp_builder

TEST(HasAnyOf, FindsAnyByteOfTheSetAnywhere) {
  EXPECT_TRUE(mcp_builder::text::HasAnyOf("npx -y pkg && curl", "$`&|;<>"));
  EXPECT_TRUE(mcp_builder::text::HasAnyOf("a>", "$`&|;<>"));  // the last byte
  EXPECT_TRUE(mcp_builder::text::HasAnyOf("\xFF", std::string_view("\xFF", 1)));  // bytes above 0x7F
  EXPECT_FALSE(mcp_builder::text::HasAnyOf("@scope/pkg@1.2.3", "$`&|;<>"));
  EXPECT_FALSE(mcp_builder::text::HasAnyOf("", "$"));
  EXPECT_FALSE(mcp_builder::text::HasAnyOf("abc", ""));
}

TEST(QueryParams, SplitsNameValuePartsInOrder) {
  const auto params = mcp_builder::text::QueryParams("v=2&api_key=x=y&flag&=z&empty=&&t=");
  std::vector<std::string> got;
  for (const auto& p : params) got.push_back(std::string(p.name) + "|" + std::string(p.value));
  // A part without '=' is left out; the value runs to the next '&'.
  EXPECT_EQ(got, (std::vector<std::string>{"v|2", "api_key|x=y", "|z", "empty|", "t|"}));
  EXPECT_TRUE(mcp_builder::text::QueryParams("").empty());
  EXPECT_TRUE(mcp_builder::text::QueryParams("a&b").empty());
}
