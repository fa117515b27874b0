// Secret scanner tests, in the manner of gitleaks' rule tests: for every rule,
// tokens generated from its documented format (prefix + random characters of
// its alphabet and length, fixed-seed PRNG; no real tokens) must be found in
// several placements, and near misses must not be.
#include "lint/secret_scan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "mcp_builder/secrets.h"

namespace mcp_builder {
namespace secrets {
namespace {

// ---------------------------------------------------------------------------
// Token templates. "{A36}" is 36 random characters of alphabet A; a '!' after
// the length marks the part the "one character too short" case shortens (its
// length is the format's minimum). "[[" and "]]" delimit the secret when it
// is not the whole sample (passwords in URIs, values after a key name).

std::string_view Alphabet(char code) {
  switch (code) {
    case 'A':
      return "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    case 'a':
      return "abcdefghijklmnopqrstuvwxyz0123456789";
    case 'U':
      return "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    case 'h':
      return "0123456789abcdef";
    case 'd':
      return "0123456789";
    case 'w':
      return "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    case 'b':
      return "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    case '2':
      return "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    case 'x':
      return "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";  // Bech32
    default:
      return "";
  }
}

std::string Base64(std::string_view in) {
  static constexpr char kChars[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const uint32_t v =
        static_cast<uint32_t>(static_cast<unsigned char>(in[i])) << 16 |
        static_cast<uint32_t>(static_cast<unsigned char>(in[i + 1])) << 8 |
        static_cast<unsigned char>(in[i + 2]);
    for (int s : {18, 12, 6, 0}) out += kChars[(v >> s) & 63];
  }
  if (i + 1 == in.size()) {
    const uint32_t v = static_cast<uint32_t>(static_cast<unsigned char>(in[i]))
                       << 16;
    out += kChars[(v >> 18) & 63];
    out += kChars[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    const uint32_t v =
        static_cast<uint32_t>(static_cast<unsigned char>(in[i])) << 16 |
        static_cast<uint32_t>(static_cast<unsigned char>(in[i + 1])) << 8;
    out += kChars[(v >> 18) & 63];
    out += kChars[(v >> 12) & 63];
    out += kChars[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

enum class Variant {
  kRandom,   // the token as documented
  kShorter,  // the '!' part one character short, else an empty secret
  kFiller,   // every random part one repeated character ("ghp_AAAA...")
};

struct Sample {
  std::string text;
  size_t offset = 0;  // of the secret in text
  size_t length = 0;
  std::string literal_prefix;  // text before the first random part
  bool has_short_part = false;
};

// Expands a template; "{B}" is a Basic credential: base64 of "svc:" + 18
// random characters.
Sample Expand(std::string_view tmpl, Variant variant, std::mt19937_64& rng) {
  Sample out;
  bool open = false, seen_random = false;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl.substr(i, 2) == "[[") {
      out.offset = out.text.size();
      open = true;
      ++i;
    } else if (tmpl.substr(i, 2) == "]]") {
      out.length = out.text.size() - out.offset;
      open = false;
      ++i;
    } else if (tmpl[i] == '{') {
      const size_t close = tmpl.find('}', i);
      const std::string_view spec = tmpl.substr(i + 1, close - i - 1);
      i = close;
      if (!seen_random) out.literal_prefix = out.text;
      seen_random = true;
      const char code = spec[0];
      if (code == 'B') {
        std::string user_pass = "svc:";
        for (int k = 0; k < 18; ++k) {
          user_pass += variant == Variant::kFiller
                           ? 'A'
                           : Alphabet('A')[rng() % Alphabet('A').size()];
        }
        out.text += Base64(user_pass);
        continue;
      }
      const bool shortened = spec.back() == '!';
      out.has_short_part = out.has_short_part || shortened;
      size_t n = std::stoul(
          std::string(spec.substr(1, spec.size() - 1 - (shortened ? 1 : 0))));
      if (shortened && variant == Variant::kShorter) --n;
      const std::string_view alphabet = Alphabet(code);
      for (size_t k = 0; k < n; ++k) {
        out.text += variant == Variant::kFiller
                        ? alphabet[0]
                        : alphabet[rng() % alphabet.size()];
      }
    } else {
      out.text += tmpl[i];
    }
  }
  EXPECT_FALSE(open) << tmpl;
  if (out.length == 0) {
    out.offset = 0;
    out.length = out.text.size();
  }
  if (!seen_random) out.literal_prefix = out.text;
  if (variant == Variant::kShorter && !out.has_short_part) {
    // No minimum length (a password): the shortest miss is an empty one.
    out.text.erase(out.offset, out.length);
    out.length = 0;
    out.has_short_part = true;
  }
  return out;
}

struct TokenSpec {
  std::string_view id;
  std::string_view tmpl;
  // The sample cannot be glued to a preceding word: "a" + sample is not a
  // secret. False where the rule has no left edge (PEM, Telegram's digits)
  // or the sample starts with context (a connection string, a key name).
  bool word_edge = true;
  // Shortened, the sample is no secret at all. False where what remains is
  // still another rule's secret (a Sentry DSN's key is a URL password).
  bool short_is_clean = true;
};

#define PEM(type) "-----BEGIN " type "-----\\n{b64!}\\n-----END " type "-----"

const std::vector<TokenSpec>& TokenSpecs() {
  static const std::vector<TokenSpec> specs = {
      {"github-pat", "ghp_{A36!}"},
      {"github-fine-grained-pat", "github_pat_{A22}_{A59!}"},
      {"github-oauth-token", "gho_{A36!}"},
      {"github-user-to-server-token", "ghu_{A36!}"},
      {"github-app-installation-token", "ghs_{A36!}"},
      {"github-refresh-token", "ghr_{A36!}"},
      {"gitlab-pat", "glpat-{w20!}"},
      {"gitlab-pat-routable", "glpat-{w27!}.{a9}"},
      {"gitlab-pipeline-trigger-token", "glptt-{h40!}"},
      {"gitlab-runner-token", "glrt-{w20!}"},
      {"gitlab-runner-registration-token", "GR1348941{w20!}"},
      {"gitlab-deploy-token", "gldt-{w20!}"},
      {"gitlab-feed-token", "glft-{w20!}"},
      {"gitlab-oauth-app-secret", "gloas-{w64!}"},
      {"gitlab-cicd-job-token", "glcbt-{A3}_{w20!}"},
      {"gitlab-scim-token", "glsoat-{w20!}"},
      {"gitlab-agent-token", "glagent-{w50!}"},
      {"gitlab-incoming-mail-token", "glimt-{w25!}"},
      {"gitlab-feature-flags-token", "glffct-{w20!}"},
      {"slack-bot-token", "xoxb-{d12}-{d13}-{A18!}"},
      {"slack-user-token", "xoxp-{d12}-{d12}-{d13}-{A28!}"},
      {"slack-app-token", "xapp-1-A{U10}-{d13}-{h32!}"},
      {"slack-config-access-token", "xoxe.xoxp-1-{A163!}"},
      {"slack-config-refresh-token", "xoxe-1-{A146!}"},
      {"slack-legacy-token", "xoxa-2-{A8!}"},
      {"slack-webhook-url",
       "https://hooks.slack.com/services/T{U9}/B{U9}/{A23!}", false},
      {"aws-access-key-id", "AKIA{216!}"},
      {"aws-secret-access-key", "aws_secret_access_key = [[{b40!}]]", false},
      {"openai-api-key", "sk-{A20}T3BlbkFJ{A20!}"},
      {"openai-project-key", "sk-proj-{w58}T3BlbkFJ{w58!}"},
      {"anthropic-api-key", "sk-ant-api03-{w93!}AA"},
      {"anthropic-admin-key", "sk-ant-admin01-{w93!}AA"},
      {"google-api-key", "AIza{w35!}"},
      {"google-oauth-client-secret", "GOCSPX-{w28!}"},
      {"google-oauth-access-token", "ya29.{w30!}"},
      {"stripe-secret-key", "sk_live_{A24!}"},
      {"stripe-restricted-key", "rk_live_{A24!}"},
      {"stripe-webhook-secret", "whsec_{A32!}"},
      {"notion-token", "ntn_{d11}{A35!}"},
      {"notion-legacy-token", "secret_{A43!}"},
      {"linear-api-key", "lin_api_{A40!}"},
      {"atlassian-api-token", "ATATT3{w186!}"},
      {"sentry-user-token", "sntryu_{h64!}"},
      {"sentry-org-token", "sntrys_eyJ{b40!}_{b43}"},
      {"sentry-dsn-secret", "https://{h32}:[[{h32!}]]@o1.ingest.sentry.io/42",
       true, false},
      {"supabase-access-token", "sbp_{a40!}"},
      {"supabase-secret-key", "sb_secret_{w24!}"},
      {"perplexity-api-key", "pplx-{A48!}"},
      {"npm-access-token", "npm_{A36!}"},
      {"pypi-upload-token", "pypi-AgEIcHlwaS5vcmc{w50!}"},
      {"huggingface-access-token", "hf_{A34!}"},
      {"huggingface-org-token", "api_org_{A34!}"},
      {"twilio-api-key", "SK{h32!}"},
      {"sendgrid-api-key", "SG.{w22}.{w43!}"},
      {"brevo-api-key", "xkeysib-{h64}-{A16!}"},
      {"mailgun-api-key", "key-{h32!}"},
      {"mailchimp-api-key", "{h32!}-us14"},
      {"databricks-token", "dapi{h32!}"},
      {"cloudflare-api-token", "CLOUDFLARE_API_TOKEN=[[{w40!}]]"},
      {"cloudflare-origin-ca-key", "v1.0-{h24}-{h146!}"},
      {"digitalocean-pat", "dop_v1_{h64!}"},
      {"digitalocean-oauth-token", "doo_v1_{h64!}"},
      {"digitalocean-refresh-token", "dor_v1_{h64!}"},
      {"heroku-api-key", "HRKU-AA{w58!}"},
      {"heroku-api-key-legacy",
       "HEROKU_API_KEY=[[{h8}-{h4}-{h4}-{h4}-{h12!}]]"},
      {"shopify-access-token", "shpat_{h32!}"},
      {"shopify-custom-app-token", "shpca_{h32!}"},
      {"shopify-private-app-token", "shppa_{h32!}"},
      {"shopify-shared-secret", "shpss_{h32!}"},
      {"discord-bot-token", "M{w24}.{w6}.{w27!}"},
      {"discord-webhook-url", "https://discord.com/api/webhooks/{d18}/{w60!}"},
      {"telegram-bot-token", "{d10}:A{w34!}", false},
      {"jwt", "eyJ{w30}.eyJ{w60}.{w10!}"},
      {"private-key-rsa", PEM("RSA PRIVATE KEY"), false},
      {"private-key-ec", PEM("EC PRIVATE KEY"), false},
      {"private-key-openssh", PEM("OPENSSH PRIVATE KEY"), false},
      {"private-key-dsa", PEM("DSA PRIVATE KEY"), false},
      {"private-key-pgp", PEM("PGP PRIVATE KEY BLOCK"), false},
      {"private-key", PEM("PRIVATE KEY"), false},
      {"postgres-uri-password",
       "postgres://app:[[{A16}]]@db.internal:5432/app"},
      {"mysql-uri-password", "mysql://root:[[{A16}]]@localhost:3306/app"},
      {"mongodb-uri-password",
       "mongodb+srv://admin:[[{A16}]]@cluster0.mongodb.net/db"},
      {"redis-uri-password", "redis://:[[{A16}]]@cache:6379/0"},
      {"amqp-uri-password", "amqp://guest:[[{A16}]]@mq:5672/"},
      {"url-basic-auth", "https://deploy:[[{A16}]]@git.internal.test/r.git"},
      {"bearer-token", "Bearer [[{A24!}]]"},
      {"basic-auth-header", "Basic [[{B}]]"},
      {"azure-storage-account-key",
       "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=[[{b86!}==]]"
       ";EndpointSuffix=core.windows.net",
       false},
      {"azure-shared-access-key",
       "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;"
       "SharedAccessKey=[[{b43!}=]]",
       false},
      {"azure-ad-client-secret", "{A3}{d1}Q~{w31!}"},
      {"square-access-token", "EAAA{w60!}"},
      {"square-legacy-access-token", "sq0atp-{w22!}"},
      {"square-oauth-secret", "sq0csp-{w43!}"},
      {"braintree-access-token", "access_token$production${a16}${h32!}"},
      {"mapbox-secret-token", "sk.eyJ{w30}.{w22!}"},
      {"groq-api-key", "gsk_{A52!}"},
      {"openrouter-api-key", "sk-or-v1-{h64!}"},
      {"tavily-api-key", "tvly-dev-{A24!}"},
      {"firecrawl-api-key", "fc-{h32!}"},
      {"brave-search-api-key", "BRAVE_API_KEY=[[{w20!}]]"},
      {"age-secret-key", "AGE-SECRET-KEY-1{x58!}"},
      {"doppler-token", "dp.pt.{A40!}"},
      {"dynatrace-api-token", "dt0c01.{U24}.{U64!}"},
      {"postman-api-key", "PMAK-{h24}-{h34!}"},
      {"new-relic-user-api-key", "NRAK-{U27!}"},
      {"rubygems-api-key", "rubygems_{h48!}"},
      {"pulumi-access-token", "pul-{h40!}"},
      {"planetscale-token", "pscale_tkn_{A32!}"},
      {"docker-hub-token", "dckr_pat_{w27!}"},
      {"1password-service-account-token", "ops_eyJ{b250!}"},
      {"grafana-service-account-token", "glsa_{A32}_{h8!}"},
      {"grafana-cloud-token", "glc_{b32!}"},
      {"vault-token", "hvs.{w90!}"},
      {"terraform-cloud-token", "{A14}.atlasv1.{w60!}"},
      {"tailscale-key", "tskey-auth-{A12}-{A20!}"},
      {"contentful-pat", "CFPAT-{w43!}"},
      {"airtable-pat", "pat{A14}.{h64!}"},
  };
  return specs;
}

#undef PEM

// Where a secret appears in an MCP client config.
struct Placement {
  std::string_view name;
  std::string_view before, after;
};
constexpr Placement kPlacements[] = {
    {"json-env",
     R"({"mcpServers": {"demo": {"command": "npx", "env": {"API_KEY": ")",
     R"("}}}})"},
    {"cli-argument", R"({"args": ["-y", "@scope/server", "--token=)",
     R"(", "--verbose"]})"},
    {"http-header",
     R"({"url": "https://mcp.test/sse", "headers": {"Authorization": "Bearer )",
     R"("}})"},
    {"url-query", R"({"url": "https://api.test/v1?key=)", R"(&v=1"})"},
};

std::string Describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings) {
    out += f.rule + "@" + std::to_string(f.offset) + "+" +
           std::to_string(f.length) + " ";
  }
  return out.empty() ? "(none)" : out;
}

class SecretRuleTest : public ::testing::TestWithParam<TokenSpec> {
 protected:
  std::mt19937_64 rng_{Fnv1a(GetParam().id)};
  std::string rule_ = "secret/" + std::string(GetParam().id);
};

TEST_P(SecretRuleTest, FoundInEveryPlacement) {
  for (const Placement& p : kPlacements) {
    const Sample sample = Expand(GetParam().tmpl, Variant::kRandom, rng_);
    const std::string text =
        std::string(p.before) + sample.text + std::string(p.after);
    const std::string_view secret = std::string_view(text).substr(
        p.before.size() + sample.offset, sample.length);
    const auto findings = Scan(text);
    ASSERT_EQ(findings.size(), 1u)
        << p.name << ": " << Describe(findings) << "\n"
        << text;
    EXPECT_EQ(findings[0].rule, rule_) << p.name;
    EXPECT_EQ(findings[0].offset, p.before.size() + sample.offset) << p.name;
    EXPECT_EQ(findings[0].length, sample.length) << p.name;
    EXPECT_EQ(findings[0].masked, Mask(secret)) << p.name;
    EXPECT_EQ(findings[0].masked.find(secret), std::string::npos) << p.name;
  }
}

TEST_P(SecretRuleTest, FoundAloneAndAtTheEdgesOfTheText) {
  const Sample sample = Expand(GetParam().tmpl, Variant::kRandom, rng_);
  const auto findings = Scan(sample.text);
  ASSERT_EQ(findings.size(), 1u) << Describe(findings);
  EXPECT_EQ(findings[0].rule, rule_);
  EXPECT_EQ(findings[0].offset, sample.offset);
  EXPECT_EQ(findings[0].length, sample.length);
}

TEST_P(SecretRuleTest, OneCharacterTooShortIsNotFound) {
  const Sample sample = Expand(GetParam().tmpl, Variant::kShorter, rng_);
  ASSERT_TRUE(sample.has_short_part);
  const std::string text = std::string(kPlacements[0].before) + sample.text +
                           std::string(kPlacements[0].after);
  const auto findings = Scan(text);
  for (const Finding& f : findings) EXPECT_NE(f.rule, rule_) << text;
  if (GetParam().short_is_clean) {
    EXPECT_EQ(Describe(findings), "(none)") << text;
  } else {
    EXPECT_EQ(Describe(findings),
              "secret/url-basic-auth@" +
                  std::to_string(kPlacements[0].before.size() + sample.offset) +
                  "+" + std::to_string(sample.length) + " ");
  }
}

TEST_P(SecretRuleTest, PrefixAloneIsNotFound) {
  const Sample sample = Expand(GetParam().tmpl, Variant::kRandom, rng_);
  ASSERT_LT(sample.literal_prefix.size(), sample.text.size());
  for (const Placement& p : kPlacements) {
    const std::string text =
        std::string(p.before) + sample.literal_prefix + std::string(p.after);
    EXPECT_EQ(Describe(Scan(text)), "(none)") << p.name << ": " << text;
  }
}

TEST_P(SecretRuleTest, RepeatedFillerIsAPlaceholder) {
  const Sample sample = Expand(GetParam().tmpl, Variant::kFiller, rng_);
  for (const Placement& p : kPlacements) {
    const std::string text =
        std::string(p.before) + sample.text + std::string(p.after);
    EXPECT_EQ(Describe(Scan(text)), "(none)") << p.name << ": " << text;
  }
}

// Rules that start at a key name: "MY_BRAVE_API_KEY" is still that key, so
// '_' before it is an edge (see ContextRulesAcceptPrefixedKeyNames).
bool StartsAtKeyName(std::string_view id) {
  return id == "cloudflare-api-token" || id == "heroku-api-key-legacy" ||
         id == "brave-search-api-key";
}

TEST_P(SecretRuleTest, GluedToALongerWordIsNotFound) {
  if (!GetParam().word_edge)
    GTEST_SKIP() << "no left edge, or the sample starts with context";
  const Sample sample = Expand(GetParam().tmpl, Variant::kRandom, rng_);
  for (std::string_view glue : {"a", "Z", "9", "_"}) {
    if (glue == "_" && StartsAtKeyName(GetParam().id)) continue;
    const std::string text = std::string(kPlacements[0].before) +
                             std::string(glue) + sample.text +
                             std::string(kPlacements[0].after);
    EXPECT_EQ(Describe(Scan(text)), "(none)") << text;
  }
}

void PrintTo(const TokenSpec& spec, std::ostream* os) { *os << spec.id; }

// The scanner matches most rules with a LinearMatcher instead of RE2; it
// must find exactly RE2's match, at every start, in samples of the rule's
// format, its near misses and random edits of them (a byte swapped for one
// that ends or continues a run, a byte dropped, a part doubled).
TEST_P(SecretRuleTest, LinearMatcherAgreesWithRe2) {
  const auto& specs = RuleSpecs();
  const auto it = std::find_if(specs.begin(), specs.end(), [&](const RuleSpec& s) { return s.id == GetParam().id; });
  ASSERT_NE(it, specs.end());
  const int rule = static_cast<int>(it - specs.begin());
  if (!HasLinearMatcher(rule)) GTEST_SKIP() << "matched by RE2 alone";
  constexpr std::string_view kEdits = "-_.=+/:@ \"'\n\taA0zZ9$";
  std::vector<std::string> texts;
  for (Variant variant : {Variant::kRandom, Variant::kShorter, Variant::kFiller}) {
    const Sample sample = Expand(GetParam().tmpl, variant, rng_);
    for (const Placement& placement : kPlacements) {
      texts.push_back(std::string(placement.before) + sample.text + std::string(placement.after));
    }
    for (int k = 0; k < 24 && !sample.text.empty(); ++k) {
      std::string edited = sample.text;
      const size_t at = rng_() % edited.size();
      switch (k % 3) {
        case 0:
          edited[at] = kEdits[rng_() % kEdits.size()];
          break;
        case 1:
          edited.erase(at, 1);
          break;
        default:
          edited.insert(at, edited.substr(at, 1 + rng_() % 8));
      }
      texts.push_back("x " + edited + "\" y");
    }
  }
  size_t matches = 0;
  for (const std::string& text : texts) {
    for (size_t start = 0; start <= text.size(); ++start) {
      const auto linear = MatchRuleAt(rule, text, start, /*use_linear=*/true);
      const auto re2 = MatchRuleAt(rule, text, start, /*use_linear=*/false);
      ASSERT_EQ(linear, re2) << "at " << start << " in " << text;
      matches += re2.has_value();
    }
  }
  EXPECT_GT(matches, 0u);  // the comparison saw matches, not only misses
}

std::string ParamName(const ::testing::TestParamInfo<TokenSpec>& info) {
  std::string name(info.param.id);
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(SecretRules, SecretRuleTest,
                         ::testing::ValuesIn(TokenSpecs()), ParamName);

// ---------------------------------------------------------------------------
// The table.

TEST(SecretScan, EveryRuleCompiles) {
  std::string error;
  EXPECT_TRUE(MatchersCompiled(&error)) << error;
}

// Which rules RE2 matches: those a LinearMatcher cannot take (a lazy PEM
// body, a repeat that overlaps what follows it, too many ways through). A rule
// that leaves or joins this list changes the scanner's speed; say so here.
TEST(SecretScan, RulesMatchedByRe2Alone) {
  std::set<std::string_view> by_re2;
  const auto& specs = RuleSpecs();
  for (size_t i = 0; i < specs.size(); ++i) {
    if (!HasLinearMatcher(static_cast<int>(i))) by_re2.insert(specs[i].id);
  }
  const std::set<std::string_view> expected = {
      "openai-project-key",  // [A-Za-z0-9_-]{58,74} then T3BlbkFJ
      // A key name's alternatives times SEP's: more ways than kMaxBranches.
      "cloudflare-api-token", "heroku-api-key-legacy",
      "private-key-rsa", "private-key-ec", "private-key-openssh", "private-key-dsa", "private-key-pgp",
      "private-key"};  // PEM_BODY is a lazy repeat
  EXPECT_EQ(by_re2, expected);
}

// Scan tries a rule only where one of its leading pairs of bytes (or its
// anchor) occurs. Every rule must have such pairs, and few enough that they
// stay rare in text: a rule starting with a broad class (32 hex digits)
// names an Anchor instead, or it would be tried at nearly every word. A rule
// starting with a few bytes that never starts inside a word ([MNO] of a
// Discord token) is triggered by the byte on its left and its first byte:
// its left edge must then rule out letters and digits.
TEST(SecretScan, EveryRuleIsTriggeredByFewPairs) {
  const std::vector<RuleTrigger> triggers = RuleTriggers();
  ASSERT_EQ(triggers.size(), RuleSpecs().size());
  size_t after_edge = 0;
  for (size_t i = 0; i < triggers.size(); ++i) {
    const RuleSpec& spec = RuleSpecs()[i];
    EXPECT_GT(triggers[i].pairs, 0u) << spec.id << " would be walked through the whole text";
    if (triggers[i].after_edge) {
      ++after_edge;
      EXPECT_TRUE(spec.left != Edge::kNone && spec.left != Edge::kDigit) << spec.id;
      // At most 6 first bytes after one of the ~190 bytes an edge allows.
      EXPECT_LE(triggers[i].pairs, 6u * 256) << spec.id;
    } else {
      // The broadest: 32 hex digits would be 256.
      EXPECT_LE(triggers[i].pairs, 200u) << spec.id << " starts too broadly: give it an Anchor";
    }
  }
  // Discord's [MNO], AWS key ids' A, Twilio's SK: upper-case starts, whose
  // first two bytes are common inside words.
  EXPECT_EQ(after_edge, 3u);
  for (size_t i = 0; i < triggers.size(); ++i) {
    const std::string_view id = RuleSpecs()[i].id;
    if (id == "discord-bot-token" || id == "aws-access-key-id") {
      EXPECT_TRUE(triggers[i].after_edge) << id;
    }
  }
}

// A try looks ahead (a bounded stretch) for a byte every match of its rule
// holds: URL credentials need their '@', a Discord token its '.'. Past the
// stretch RE2 decides, so a long user name still yields its password; a
// URL without '@' before its path, or a Discord-shaped word without '.',
// never reaches RE2 and is no finding.
TEST(SecretScan, ByteEveryMatchHoldsIsLookedForBeforeRe2) {
  const std::string long_user(300, 'u');
  const auto found = Scan("https://" + long_user + ":Zx9-Kq2-Wv7-Pn4@example.com/");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "secret/url-basic-auth");
  EXPECT_EQ(found[0].offset, 8 + long_user.size() + 1);
  for (const Finding& f : Scan("https://example.com/path?user=a:b@c")) EXPECT_NE(f.rule, "secret/url-basic-auth");
  EXPECT_TRUE(Scan("\"MTk4NjIyNDgzNDcxOTI1MjQ4Cl2FMQZnCjm1XVW7vRze4b7Cq4se7kKWs\"").empty());
  // The same token with its dots is one.
  EXPECT_EQ(Scan("\"MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs\"").size(), 1u);
}

// A rule triggered by the byte on its left still finds a match with no
// byte on its left (offset 0), and one that ends the text.
TEST(SecretScan, EdgeTriggeredRulesMatchAtTheEdgesOfTheText) {
  const std::string discord = std::string("MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.") + "ZnCjm1XVW7vRze4b7Cq4se7kKWs";
  const std::string aws = std::string("AKIA") + "QYLPMN5HHHFPZAM2";
  for (const std::string& token : {discord, aws}) {
    const auto at_start = Scan(token + " rest");
    ASSERT_EQ(at_start.size(), 1u) << token.substr(0, 4);
    EXPECT_EQ(at_start[0].offset, 0u);
    EXPECT_EQ(at_start[0].length, token.size());
    const auto alone = Scan(token);
    ASSERT_EQ(alone.size(), 1u) << token.substr(0, 4);
    const auto at_end = Scan("key=" + token);
    ASSERT_EQ(at_end.size(), 1u) << token.substr(0, 4);
    EXPECT_EQ(at_end[0].offset, 4u);
    // Inside a word it is no token.
    EXPECT_TRUE(Scan("x" + token).empty()) << token.substr(0, 4);
  }
  const auto uri = Scan("mysql://app:S3cr3tPassw0rd@db:3306/x");
  ASSERT_EQ(uri.size(), 1u);
  EXPECT_EQ(uri[0].rule, "secret/mysql-uri-password");
  EXPECT_EQ(uri[0].offset, 12u);
}

TEST(SecretScan, RuleTable) {
  const auto& rules = Rules();
  EXPECT_GE(rules.size(), 60u);
  EXPECT_EQ(rules.size(), RuleSpecs().size() + 1);
  EXPECT_EQ(rules.back().id, "generic-high-entropy");
  std::set<std::string_view> ids;
  for (const Rule& rule : rules) {
    EXPECT_TRUE(ids.insert(rule.id).second) << "duplicate " << rule.id;
    EXPECT_FALSE(rule.id.empty());
    EXPECT_FALSE(rule.title.empty()) << rule.id;
    for (char c : rule.id) {
      EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
          << rule.id;
    }
    EXPECT_NE(rule.id.front(), '-');
    EXPECT_NE(rule.id.back(), '-');
  }
}

TEST(SecretScan, EveryRuleHasGeneratedTests) {
  std::set<std::string_view> tested;
  for (const TokenSpec& spec : TokenSpecs()) {
    EXPECT_TRUE(tested.insert(spec.id).second) << "twice: " << spec.id;
  }
  for (const RuleSpec& rule : RuleSpecs()) {
    EXPECT_EQ(tested.count(rule.id), 1u) << "untested rule " << rule.id;
  }
  EXPECT_EQ(tested.size(), RuleSpecs().size());
}

// ---------------------------------------------------------------------------
// Allowlists and placeholders in context.

TEST(SecretScan, DocumentedExampleKeysAreNotReported) {
  const std::string examples[] = {
      "AKIAIOSFODNN7EXAMPLE",
      "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
      "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
      "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6"
      "IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
      "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_"
      "adQssw5c",
  };
  for (const std::string& example : examples) {
    EXPECT_EQ(Describe(Scan("\"KEY\": \"" + example + "\"")), "(none)")
        << example;
  }
  // The same shapes one character away are reported: the allowlist, not the
  // format, is what keeps the examples out.
  const std::pair<std::string, std::string> near[] = {
      {"AKIAIOSFODNN7EXAMPLQ", "secret/aws-access-key-id"},
      {"aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYZXAMPLEKEY",
       "secret/aws-secret-access-key"},
      {"sk_test_4eC39HqLyjWDarjtT1zdp7dd", "secret/stripe-secret-key"},
      {"sk_test_BQokikJOvBiI2HlWgH4olfQ3", "secret/stripe-secret-key"},
      {"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
       "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI"
       "6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
       "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJ"
       "V_adQssw5d",
       "secret/jwt"},
  };
  for (const auto& [text, rule] : near) {
    const auto findings = Scan("\"KEY\": \"" + text + "\"");
    ASSERT_EQ(findings.size(), 1u) << text << ": " << Describe(findings);
    EXPECT_EQ(findings[0].rule, rule);
  }
}

TEST(SecretScan, LowEntropyTokensAreNotReported) {
  // Right format, no placeholder marker, but too little entropy: only the
  // rule's entropy threshold keeps these out.
  std::string ab;
  for (int i = 0; i < 18; ++i) ab += "ab";
  std::string cycle;
  while (cycle.size() < 35) cycle += "q7w3e9r1t5y2";
  cycle.resize(35);
  const std::pair<std::string, double> cases[] = {
      {"ghp_" + ab, 3.0},     // github-pat: 1.4 bits
      {"AIza" + cycle, 4.0},  // google-api-key: 3.9 bits
      {"npm_" + ab, 3.0},
  };
  for (const auto& [token, threshold] : cases) {
    ASSERT_FALSE(IsPlaceholder(token)) << token;
    ASSERT_LT(ShannonEntropy(token), threshold) << token;
    EXPECT_EQ(Describe(Scan("\"KEY\": \"" + token + "\"")), "(none)") << token;
  }
  // The same shapes with random bodies are reported.
  EXPECT_EQ(Scan("ghp_Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz2Xc4Vb6").size(), 1u);
  EXPECT_EQ(Scan("AIzaSyQw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz2Xc4").size(), 1u);
}

TEST(SecretScan, PlaceholdersInConfigsAreNotReported) {
  const char* texts[] = {
      R"({"env": {"GITHUB_TOKEN": "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}})",
      R"({"env": {"GITHUB_TOKEN": "${input:github-token}"}})",
      R"({"headers": {"Authorization": "Bearer ${input:api-token}"}})",
      R"({"headers": {"Authorization": "Bearer <YOUR_TOKEN_HERE>"}})",
      R"({"headers": {"Authorization": "Bearer YOUR_API_KEY_GOES_HERE_1234"}})",
      R"(["--dsn", "postgres://user:${DB_PASSWORD}@db:5432/app"])",
      R"(["--dsn", "postgres://user:$DB_PASSWORD@db:5432/app"])",
      R"(["--dsn", "postgres://user:%DB_PASSWORD%@db:5432/app"])",
      R"(["--dsn", "postgres://user:password@localhost/app"])",
      R"(["--dsn", "mysql://root:changeme@localhost/app"])",
      R"({"url": "https://user:{{ secrets.PASSWORD }}@host.test/x"})",
      "OPENAI_API_KEY=sk-proj-...",
      "STRIPE_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
      "SLACK_WEBHOOK=https://hooks.slack.com/services/T00000000/B00000000/"
      "XXXXXXXXXXXXXXXXXXXXXXXX",
      "aws_secret_access_key = ${{ secrets.AWS_SECRET_ACCESS_KEY }}",
      "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
      "Authorization: Basic dXNlcjpwYXNzd29yZA==",  // user:password
      "Authorization: Basic configuration",         // not base64 user:pass
  };
  for (const char* text : texts) {
    EXPECT_EQ(Describe(Scan(text)), "(none)") << text;
  }
}

// ---------------------------------------------------------------------------
// Overlaps, order, limits.

TEST(SecretScan, OverlapsKeepTheLongestThenTheMostSpecific) {
  const std::string token =
      "ghp_" + std::string("a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8");
  ASSERT_EQ(token.size(), 40u);
  // The same span as a bearer value and as a URL password: the vendor rule.
  for (const std::string& text :
       {"Authorization: Bearer " + token,
        "https://x-access-token:" + token + "@github.com/o/r.git"}) {
    const auto findings = Scan(text);
    ASSERT_EQ(findings.size(), 1u) << text << ": " << Describe(findings);
    EXPECT_EQ(findings[0].rule, "secret/github-pat");
    EXPECT_EQ(findings[0].offset, text.find(token));
    EXPECT_EQ(findings[0].length, token.size());
  }
  // A typed PEM block is also a generic one: the typed rule wins.
  std::string body;
  std::mt19937_64 rng(7);
  for (int i = 0; i < 200; ++i) body += Alphabet('b')[rng() % 64];
  const std::string pem = "-----BEGIN EC PRIVATE KEY-----\n" + body +
                          "\n-----END EC PRIVATE KEY-----\n";
  const auto findings = Scan(pem);
  ASSERT_EQ(findings.size(), 1u) << Describe(findings);
  EXPECT_EQ(findings[0].rule, "secret/private-key-ec");
  EXPECT_EQ(findings[0].length, pem.size() - 1);
}

TEST(SecretScan, PemBlocksWithRealLineBreaksAndHeaders) {
  std::mt19937_64 rng(11);
  std::string lines;
  for (int line = 0; line < 6; ++line) {
    for (int i = 0; i < 64; ++i) lines += Alphabet('b')[rng() % 64];
    lines += "\r\n";
  }
  const std::string encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\r\n" +
                                lines + "-----END ENCRYPTED PRIVATE KEY-----";
  auto findings = Scan("key.pem:\n" + encrypted + "\n");
  ASSERT_EQ(findings.size(), 1u) << Describe(findings);
  EXPECT_EQ(findings[0].rule, "secret/private-key");
  EXPECT_EQ(findings[0].offset, 9u);
  EXPECT_EQ(findings[0].length, encrypted.size());
  const std::string pgp =
      "-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: x\n"
      "Comment: https://example.test - key\n\n" +
      lines + "=AbCd\n-----END PGP PRIVATE KEY BLOCK-----";
  findings = Scan(pgp);
  ASSERT_EQ(findings.size(), 1u) << Describe(findings);
  EXPECT_EQ(findings[0].rule, "secret/private-key-pgp");
  EXPECT_EQ(findings[0].length, pgp.size());
  // No END marker: not a key block.
  EXPECT_EQ(Describe(Scan("-----BEGIN RSA PRIVATE KEY-----\n" + lines)),
            "(none)");
}

TEST(SecretScan, AdjacentTokensAndTextEdges) {
  const std::string a =
      "npm_" + std::string("Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe9Dc8");
  const std::string b =
      "npm_" + std::string("Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2");
  ASSERT_EQ(a.size(), 40u);
  const std::string text = a + "," + b;
  const auto findings = Scan(text);
  ASSERT_EQ(findings.size(), 2u) << Describe(findings);
  EXPECT_EQ(findings[0].offset, 0u);
  EXPECT_EQ(findings[1].offset, a.size() + 1);
  EXPECT_EQ(findings[1].offset + findings[1].length, text.size());
  // Glued together, neither has an edge.
  EXPECT_EQ(Describe(Scan(a + b)), "(none)");
}

TEST(SecretScan, RightEdgeOfFixedLengthTokens) {
  for (std::string_view id :
       {"npm-access-token", "aws-access-key-id", "twilio-api-key",
        "digitalocean-pat", "gitlab-pat", "anthropic-api-key", "linear-api-key",
        "huggingface-access-token", "perplexity-api-key",
        "shopify-access-token", "age-secret-key"}) {
    const auto it =
        std::find_if(TokenSpecs().begin(), TokenSpecs().end(),
                     [&](const TokenSpec& s) { return s.id == id; });
    ASSERT_NE(it, TokenSpecs().end()) << id;
    std::mt19937_64 rng(Fnv1a(id) + 1);
    const Sample sample = Expand(it->tmpl, Variant::kRandom, rng);
    EXPECT_EQ(Scan(" " + sample.text + " ").size(), 1u) << id;
    EXPECT_EQ(Describe(Scan(" " + sample.text + "Q ")), "(none)") << id;
  }
}

TEST(SecretScan, ContextRulesAcceptPrefixedKeyNames) {
  const std::string value = "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2";
  for (const std::string& text :
       {"MY_BRAVE_API_KEY=" + value, "brave-search-api-key: " + value,
        "\"X-Subscription-Token\": \"" + value + "\"",
        "--brave-api-key " + value}) {
    const auto findings = Scan(text);
    ASSERT_EQ(findings.size(), 1u) << text << ": " << Describe(findings);
    EXPECT_EQ(findings[0].rule, "secret/brave-search-api-key");
    EXPECT_EQ(findings[0].offset, text.find(value));
  }
  // A flag and its value as two items of a YAML sequence (Goose, Continue).
  for (const std::string& text : {"args:\n  - --brave-api-key\n  - " + value + "\n",
                                   "args:\r\n  - \"--brave-api-key\"\r\n  - '" + value + "'\r\n"}) {
    const auto findings = Scan(text);
    ASSERT_EQ(findings.size(), 1u) << text << ": " << Describe(findings);
    EXPECT_EQ(findings[0].offset, text.find(value));
  }
  EXPECT_EQ(Describe(Scan("BRAVE_API_KEYS=" + value)), "(none)");
  EXPECT_EQ(Describe(Scan("BRAVE_API_KEY_FILE=" + value)), "(none)");
}

TEST(SecretScan, TelegramTokenInsideABotUrl) {
  const std::string token = "7312406598:AAH" + std::string(31, 'k') + "9";
  // Repeated 'k': a placeholder. A random one is found after ".../bot".
  EXPECT_EQ(Describe(Scan("https://api.telegram.org/bot" + token + "/getMe")),
            "(none)");
  const std::string real = "7312406598:AAHf3kZ_q9XbW2mRtY8vLp0sNdC4eGjU1oI";
  const std::string url = "https://api.telegram.org/bot" + real + "/getMe";
  const auto findings = Scan(url);
  ASSERT_EQ(findings.size(), 1u) << Describe(findings);
  EXPECT_EQ(findings[0].rule, "secret/telegram-bot-token");
  EXPECT_EQ(findings[0].offset, url.find(real));
  EXPECT_EQ(findings[0].length, real.size());
}

TEST(SecretScan, FindingsAreInOffsetOrderAndCapped) {
  std::mt19937_64 rng(3);
  std::string text;
  std::vector<size_t> offsets;
  for (int i = 0; i < 1500; ++i) {
    const Sample s =
        Expand(i % 2 ? "ghp_{A36}" : "sk_live_{A30}", Variant::kRandom, rng);
    text += "\"k" + std::to_string(i) + "\": \"";
    offsets.push_back(text.size());
    text += s.text + "\",\n";
  }
  const auto findings = Scan(text);
  ASSERT_EQ(findings.size(), kMaxFindings);
  for (size_t i = 0; i < findings.size(); ++i) {
    EXPECT_EQ(findings[i].offset, offsets[i]) << i;
    EXPECT_EQ(findings[i].rule,
              i % 2 ? "secret/github-pat" : "secret/stripe-secret-key");
  }
}

TEST(SecretScan, AnyBytesAreSafe) {
  const std::string token =
      "ghp_" + std::string("Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz2Xc4Vb6");
  ASSERT_EQ(token.size(), 40u);
  // NUL bytes and invalid UTF-8 around a token: it is still found.
  for (const std::string& text :
       {std::string("\0\0", 2) + token + std::string("\0", 1),
        "\xFF\xFE" + token + "\xC3", "\xE2\x80" + token + "\xF0\x9F"}) {
    const auto findings = Scan(text);
    ASSERT_EQ(findings.size(), 1u) << Describe(findings);
    EXPECT_EQ(findings[0].offset, text.find(token));
    EXPECT_EQ(findings[0].length, token.size());
  }
  EXPECT_TRUE(Scan("").empty());
  EXPECT_TRUE(Scan(std::string(1 << 16, '\0')).empty());
  // 1 MB of random bytes, then the same with tokens planted in it.
  std::mt19937_64 rng(2024);
  std::string noise(1 << 20, '\0');
  for (char& c : noise) c = static_cast<char>(rng() & 0xFF);
  for (const Finding& f : Scan(noise)) {
    EXPECT_LE(f.offset + f.length, noise.size());
    EXPECT_EQ(f.rule.rfind("secret/", 0), 0u);
  }
  for (size_t at = 1000; at < noise.size(); at += 100000) {
    noise.replace(at, token.size() + 2, " " + token + " ");
  }
  size_t planted = 0;
  for (const Finding& f : Scan(noise)) {
    if (std::string_view(noise).substr(f.offset, f.length) == token) ++planted;
  }
  EXPECT_EQ(planted, 11u);
  // Long runs that look like the start of tokens.
  std::string runs;
  while (runs.size() < (1 << 20)) runs += "eyJeyJ.ghp_ghp_sk-ant-xoxb-12345";
  EXPECT_TRUE(Scan(runs).empty());
}

// ---------------------------------------------------------------------------
// Mask.

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80         ? 1
               : (c >> 5) == 6  ? 2
               : (c >> 4) == 14 ? 3
               : (c >> 3) == 30 ? 4
                                : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

TEST(SecretMask, ShowsTheFirstFourCodePointsAndTheLength) {
  const std::string token =
      "ghp_" + std::string("Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz2Xc4Vb6");
  const std::string masked = Mask(token);
  EXPECT_EQ(masked, "ghp_\xE2\x80\xA6(40 chars)");
  // No five consecutive characters of the secret survive.
  for (size_t i = 0; i + 5 <= token.size(); ++i) {
    EXPECT_EQ(masked.find(token.substr(i, 5)), std::string::npos) << i;
  }
  // Code points, not bytes: 20 Cyrillic letters are 40 bytes.
  EXPECT_EQ(Mask("\xD0\xBF\xD0\xB0\xD1\x80\xD0\xBE\xD0\xBB\xD1\x8C"
                 "\xD0\xBF\xD0\xB0\xD1\x80\xD0\xBE\xD0\xBB\xD1\x8C"
                 "\xD0\xBF\xD0\xB0\xD1\x80\xD0\xBE\xD0\xBB\xD1\x8C"
                 "\xD0\xBF\xD0\xB0"),
            "\xD0\xBF\xD0\xB0\xD1\x80\xD0\xBE\xE2\x80\xA6(20 chars)");
  EXPECT_EQ(Mask("\xF0\x9F\x94\x91"
                 "abcdefghijklmno1"),
            "\xF0\x9F\x94\x91"
            "abc\xE2\x80\xA6(17 chars)");
}

TEST(SecretMask, ShortSecretsShowNoCharacters) {
  EXPECT_EQ(Mask("hunter2"), "\xE2\x80\xA6(7 chars)");
  EXPECT_EQ(Mask("a"), "\xE2\x80\xA6(1 char)");
  EXPECT_EQ(Mask(""), "\xE2\x80\xA6(0 chars)");
  EXPECT_EQ(Mask(std::string(kMaskRevealMinLength - 1, 'q')),
            "\xE2\x80\xA6(15 chars)");
  EXPECT_EQ(Mask("Tr0ub4dor&3xyzw1"), "Tr0u\xE2\x80\xA6(16 chars)");
}

TEST(SecretMask, ControlAndMalformedBytesAreReplaced) {
  const std::string masked = Mask(std::string("\0\xFF\x1B"
                                              "a",
                                              4) +
                                  "bcdefghijklmnopqrstu");
  EXPECT_EQ(masked,
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
            "a\xE2\x80\xA6(24 chars)");
  std::mt19937_64 rng(5);
  for (int i = 0; i < 200; ++i) {
    std::string bytes(static_cast<size_t>(rng() % 40), '\0');
    for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
    EXPECT_TRUE(IsValidUtf8(Mask(bytes))) << i;
  }
}

// ---------------------------------------------------------------------------
// IsPlaceholder.

TEST(SecretPlaceholder, TemplatesAndFakes) {
  for (const char* value : {"${VAR}",
                            "${VAR:-default}",
                            "${input:api-token}",
                            "${env:GITHUB_TOKEN}",
                            "${{ secrets.GITHUB_TOKEN }}",
                            "{{ .Values.token }}",
                            "<YOUR_KEY>",
                            "<anything at all>",
                            "$VAR",
                            "$GITHUB_TOKEN",
                            "$(cat /run/secret)",
                            "%APPDATA%",
                            "%API_KEY%",
                            "{name}",
                            "{api_key}",
                            "[YOUR_API_KEY]",
                            "your-api-key",
                            "YOUR_API_KEY",
                            "your_token_here",
                            "YourApiKey",
                            "sk-your-key-here",
                            "xxxxxxxx",
                            "XXXXXXXXXXXX",
                            "00000000",
                            "********",
                            "***",
                            "sk-...",
                            "ghp_\xE2\x80\xA6",
                            "EXAMPLE",
                            "AKIAIOSFODNN7EXAMPLE",
                            "REDACTED",
                            "changeme",
                            "change-me",
                            "password",
                            "Password",
                            "secret",
                            "token",
                            "null",
                            "dummy-token-value",
                            "placeholder",
                            "insert_key_here",
                            "Bearer ${TOKEN}",
                            "bearer <token>",
                            "\"${VAR}\"",
                            "  $VAR  ",
                            "abcdefghijklmnop",
                            "12345678",
                            "sk_live_12345678abcd",
                            "",
                            "   "}) {
    EXPECT_TRUE(IsPlaceholder(value)) << value;
  }
}

// Each marker of example text, in any case, anywhere in a value. Several
// begin with the same two bytes ("redacted", "replace_me"; "your_", "yourkey"):
// each is compared, not only the first with its pair.
TEST(SecretPlaceholder, FakeMarkersAnywhere) {
  for (const char* marker :
       {"example", "redacted", "placeholder", "changeme", "change_me", "change-me", "replace_me", "replace-me",
        "replaceme", "dummy", "your_", "your-", "your ", "yourkey", "yourapi", "yourtoken", "yoursecret", "yourpass",
        "insert_", "insert-", "_here", "-here", "notreal", "not_real", "not-real", "xxxxx"}) {
    const std::string lower = std::string("Zq7Rt0") + marker + "Q2wE9";
    std::string upper = lower;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_TRUE(IsPlaceholder(lower)) << lower;
    EXPECT_TRUE(IsPlaceholder(upper)) << upper;
    // One byte short of the marker is not one ("exampl" is no marker).
    const std::string cut = std::string("Zq7Rt0") + std::string(marker).substr(0, std::strlen(marker) - 1) + "Q2wE9";
    EXPECT_FALSE(IsPlaceholder(cut)) << cut;
  }
}

TEST(SecretPlaceholder, RealLookingValues) {
  for (const char* value :
       {"ghp_Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz2Xc4Vb6", "hunter2",
        "S3cure!Pass#2024", "Tr0ub4dor&3", "postgres", "a1b2c3d4e5f6",
        "correct horse battery staple", "$2a$10$N9qo8uLOickgx2ZMRZoMye",
        "sk-ant-api03-Zx9", "{\"a\": 1}", "<", "abc", "Bearer Zx9Yw8Vu7Ts6",
        "aabbccdd", "x"}) {
    EXPECT_FALSE(IsPlaceholder(value)) << value;
  }
}

// ---------------------------------------------------------------------------
// ScanKeyValue.

std::string RandomValue(std::mt19937_64& rng, size_t n, char code = 'A') {
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += Alphabet(code)[rng() % Alphabet(code).size()];
  }
  return out;
}

TEST(SecretKeyValue, SecretNamedKeysWithHighEntropyValues) {
  std::mt19937_64 rng(9);
  for (const char* key : {"API_KEY",
                          "apiKey",
                          "api-key",
                          "Api.Key",
                          "x-api-key",
                          "OPENAI_KEY",
                          "KEY",
                          "GITHUB_PERSONAL_ACCESS_TOKEN",
                          "SLACK_BOT_TOKEN",
                          "client_secret",
                          "DB_PASSWORD",
                          "dbPasswd",
                          "SSH_PASSPHRASE",
                          "Authorization",
                          "AUTH",
                          "MY_CREDENTIALS",
                          "privateKey",
                          "PAT",
                          "secretAccessKey",
                          "session_cookie"}) {
    const std::string value = RandomValue(rng, 32);
    const auto finding = ScanKeyValue(key, value);
    ASSERT_TRUE(finding.has_value()) << key;
    EXPECT_EQ(finding->rule, "secret/generic-high-entropy");
    EXPECT_EQ(finding->offset, 0u);
    EXPECT_EQ(finding->length, 32u);
    EXPECT_EQ(finding->masked, Mask(value));
  }
}

TEST(SecretKeyValue, OtherKeysAreNotSecrets) {
  std::mt19937_64 rng(10);
  for (const char* key :
       {"LOG_LEVEL", "HOME", "PATH", "API_KEY_ID", "AWS_ACCESS_KEY_ID",
        "TOKEN_URL", "token_endpoint", "PASSWORD_FILE", "SECRET_NAME",
        "PUBLIC_KEY", "publicKey", "primary_key", "AUTHOR", "MONKEY",
        "KEYBOARD_LAYOUT", "TOKENIZER_PATH", "api_version", ""}) {
    EXPECT_FALSE(ScanKeyValue(key, RandomValue(rng, 32)).has_value()) << key;
  }
}

TEST(SecretKeyValue, ValuesBelowTheThresholdsAreNotReported) {
  std::mt19937_64 rng(12);
  for (const char* value :
       {"hunter2", "aaaaaaaabbbbbbbb", "passwordpassword", "${input:api-key}",
        "<YOUR_API_KEY>", "your-api-key-goes-here", "xxxxxxxxxxxxxxxxxxxxxxxx",
        "/etc/secrets/api.key", "~/.config/token", "./token.txt",
        "C:\\secrets\\token.txt", "https://vault.test/v1/secret",
        "two words here and more", "1234567890123456789", "true"}) {
    EXPECT_FALSE(ScanKeyValue("API_KEY", value).has_value()) << value;
  }
  // Length: 15 characters are too short, 16 are enough.
  const std::string value = RandomValue(rng, 16);
  ASSERT_GE(ShannonEntropy(value), kGenericMinEntropy);
  EXPECT_FALSE(ScanKeyValue("API_KEY", value.substr(0, 15)).has_value());
  EXPECT_TRUE(ScanKeyValue("API_KEY", value).has_value());
  // Entropy: ten distinct characters twice each is log2(10) = 3.32 bits,
  // enough for hex (threshold 3.0) but not for other text (3.5).
  EXPECT_NEAR(ShannonEntropy("aabbccddeeff00112233"), 3.32, 0.01);
  EXPECT_TRUE(ScanKeyValue("API_KEY", "aabbccddeeff00112233").has_value());
  EXPECT_FALSE(ScanKeyValue("API_KEY", "gghhiijjkkllmmnnoopp").has_value());
}

TEST(SecretKeyValue, OffsetsAreRelativeToTheValue) {
  std::mt19937_64 rng(13);
  const std::string token = RandomValue(rng, 40, 'w');
  auto finding = ScanKeyValue("Authorization", "Bearer " + token);
  ASSERT_TRUE(finding.has_value());
  EXPECT_EQ(finding->offset, 7u);
  EXPECT_EQ(finding->length, token.size());
  finding = ScanKeyValue("TOKEN", "  " + token + "\n");
  ASSERT_TRUE(finding.has_value());
  EXPECT_EQ(finding->offset, 2u);
  EXPECT_EQ(finding->length, token.size());
  EXPECT_FALSE(ScanKeyValue("Authorization", "Bearer ${input:token}"));
}

TEST(SecretKeyValue, AnyBytesAreSafe) {
  std::mt19937_64 rng(14);
  for (int i = 0; i < 500; ++i) {
    std::string key(static_cast<size_t>(rng() % 24), '\0');
    std::string value(static_cast<size_t>(rng() % 64), '\0');
    for (char& c : key) c = static_cast<char>(rng() & 0xFF);
    for (char& c : value) c = static_cast<char>(rng() & 0xFF);
    const auto finding = ScanKeyValue(i % 2 ? "API_KEY" : key, value);
    if (finding) {
      EXPECT_LE(finding->offset + finding->length, value.size());
    }
  }
}

TEST(SecretScan, ShannonEntropy) {
  EXPECT_EQ(ShannonEntropy(""), 0.0);
  EXPECT_EQ(ShannonEntropy("aaaa"), 0.0);
  EXPECT_DOUBLE_EQ(ShannonEntropy("ab"), 1.0);
  EXPECT_DOUBLE_EQ(ShannonEntropy("0123456789abcdef"), 4.0);
}

TEST(SecretScan, GitLabRoutableTokenWithTheTwoDotSuffix) {
  // GitLab's current routable framing ".01." before the suffix (TH v3).
  const std::string token = "glpat-" + std::string("Zq8Wk2Lm5Np7Rt1Vx4Bz6Cd9Fg3Hj0Ks") + ".01." + "a1b2c3d4e";
  const auto found = Scan("{\"GITLAB_TOKEN\": \"" + token + "\"}");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "secret/gitlab-pat-routable");
  EXPECT_EQ(found[0].length, token.size());
}

TEST(SecretScan, APlaceholderKeyBlockDoesNotSwallowTheRealOneAfterIt) {
  // A placeholder body must not run on to the next block's END marker.
  std::string body;
  for (int i = 0; i < 20; ++i) body += "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC" + std::to_string(i * 7919) + "\n";
  const std::string text = "A=-----BEGIN PRIVATE KEY-----\nYOUR_KEY_HERE\n-----END PRIVATE KEY-----\n"
                           "B=\"ghp_" + std::string("Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz2Xc4Vb6") + "\"\n"
                           "C=-----BEGIN PRIVATE KEY-----\n" + body + "-----END PRIVATE KEY-----\n";
  const auto found = Scan(text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].rule, "secret/github-pat");
  EXPECT_EQ(found[1].rule, "secret/private-key");
  EXPECT_EQ(text.substr(found[1].offset, 27), "-----BEGIN PRIVATE KEY-----");
  EXPECT_GT(found[1].offset, text.find("C="));
}

TEST(SecretScan, AnAngleBracketPlaceholderInsideAValueIsAPlaceholder) {
  // What Fix leaves when a token ran up to a character it stops at (found
  // by fuzzing: the rest must not be reported again).
  EXPECT_TRUE(IsPlaceholder("<GITHUB_TOKEN>+b6"));
  EXPECT_TRUE(IsPlaceholder("Bearer <API_TOKEN>"));
  EXPECT_FALSE(IsPlaceholder("<b>q8Zr2mX4vT9wL1pK7sN3"));
  EXPECT_FALSE(ScanKeyValue("GITHUB_TOKEN", "<GITHUB_TOKEN>+b6").has_value());
}

TEST(SecretScan, AwsSecretKeyAsTheNextArgument) {
  const std::string key = "wJalrXUtnFEMI/K7MDENG/" + std::string("bPxRfiCYz8Qk3mNvLp");
  const auto found = Scan("\"args\": [\"--secret-access-key\", \"" + key + "\"]");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "secret/aws-secret-access-key");
  EXPECT_EQ(found[0].length, 40u);
}

}  // namespace
}  // namespace secrets
}  // namespace mcp_builder
