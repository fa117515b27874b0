// The token formats the secret scanner knows. Facts (prefixes, alphabets,
// lengths) come from /work/shared/reference/security.md §2 (which quotes
// gitleaks "GL" config/gitleaks.toml, trufflehog "TH", detect-secrets "DS"
// and secretlint "SL") or from the vendor's own documentation of a prefix;
// each rule says which. The regexes are written here: the token is group 1,
// the edges around the match are checked by the scanner (Edge in
// secret_scan.h).
//
// "observed" marks a length or alphabet seen in issued tokens but not stated
// by the vendor: those rules may miss a token of another length, never
// report a string without the prefix.
#include "lint/secret_scan.h"

namespace mcp_builder {
namespace secrets {
namespace {

// Separator between a key name and its value in JSON, YAML, .env, INI and
// command lines: `"KEY": "v"`, `KEY=v`, `key: 'v'`, `key => v`, `--key v`,
// and a flag and its value as two items of an argument list, in JSON or
// TOML (`"--secret-access-key", "v"`) or as a YAML sequence, one item per
// line (`- --secret-access-key` then `- v`).
#define SEP R"(["']?(?:[ \t]*(?:=>|:=|=|:|,)[ \t]*|[ \t]+|[ \t]*\r?\n[ \t]*-[ \t]+)["']?)"

// Between BEGIN and END of a PEM block: anything, shortest first (real line
// breaks or JSON "\n" escapes, PGP armor and Proc-Type headers), except a
// run of two dashes: so a placeholder block ("-----BEGIN ... KEY-----
// YOUR_KEY_HERE -----END ... KEY-----") never runs on into the next block's
// END and swallows everything between. Kept lazy and unbounded; RE2 stays
// linear (security.md §2.3 recipe 4).
#define PEM_BODY R"((?:[^-]|-[^-]){64,}?)"

// Password part of a URL's userinfo: up to '@', outside quotes and spaces.
#define URL_USER R"([^\s:/@?#"'<>\\]*)"
#define URL_PASSWORD R"(([^\s/@?#"'<>\\]+))"

constexpr Edge kNone = Edge::kNone;
constexpr Edge kWord = Edge::kWord;
constexpr Edge kWordDash = Edge::kWordDash;
constexpr Edge kAlnum = Edge::kAlnum;
constexpr Edge kDigit = Edge::kDigit;
constexpr Edge kBase64 = Edge::kBase64;
constexpr Edge kToken68 = Edge::kToken68;

const std::vector<RuleSpec>* BuildRules() {
  return new std::vector<RuleSpec>{
      // GitHub. GL github-pat/-oauth/-app-token/-refresh-token ({36}), DS
      // GitHubToken, TH github v2 (36-255 characters): security.md §2.2 1-3.
      {"github-pat", "GitHub personal access token (classic)",
       R"((ghp_[A-Za-z0-9]{36,255}))", kWord, kWord, 3.0},
      {"github-fine-grained-pat", "GitHub fine-grained personal access token",
       R"((github_pat_[A-Za-z0-9_]{82}))", kWord, kWord, 3.0},
      {"github-oauth-token", "GitHub OAuth access token",
       R"((gho_[A-Za-z0-9]{36,255}))", kWord, kWord, 3.0},
      {"github-user-to-server-token", "GitHub App user-to-server token",
       R"((ghu_[A-Za-z0-9]{36,255}))", kWord, kWord, 3.0},
      {"github-app-installation-token",
       "GitHub App installation (server-to-server) token",
       R"((ghs_[A-Za-z0-9]{36,255}))", kWord, kWord, 3.0},
      {"github-refresh-token", "GitHub refresh token",
       R"((ghr_[A-Za-z0-9]{36,255}))", kWord, kWord, 3.0},

      // GitLab. GL gitlab-* and DS GitLabToken (security.md §2.2 4); the
      // prefixes are GitLab's own (docs "Token prefixes", MR !138438 gldt-).
      {"gitlab-pat", "GitLab personal access token",
       R"((glpat-[A-Za-z0-9_-]{20}))", kWord, kWordDash, 3.0},
      // Routable: GL's one-dot form, and TH v3's current two-dot one
      // (".01." before the 9-character suffix).
      {"gitlab-pat-routable", "GitLab personal access token (routable)",
       R"((glpat-[A-Za-z0-9_-]{27,300}\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9}))", kWord, kWordDash, 4.0},
      {"gitlab-pipeline-trigger-token", "GitLab pipeline trigger token",
       R"((glptt-[0-9a-f]{40}))", kWord, kWord, 3.0},
      {"gitlab-runner-token", "GitLab runner authentication token",
       R"((glrt-(?:t[0-9]_[A-Za-z0-9_-]{27,300}\.[0-9a-z]{9})"
       R"(|[A-Za-z0-9_-]{20})))",
       kWord, kWordDash, 3.0},
      {"gitlab-runner-registration-token", "GitLab runner registration token",
       R"((GR1348941[A-Za-z0-9_-]{20}))", kWord, kWordDash, 3.0},
      {"gitlab-deploy-token", "GitLab deploy token",
       R"((gldt-[A-Za-z0-9_-]{20}))", kWord, kWordDash, 3.0},
      {"gitlab-feed-token", "GitLab feed token", R"((glft-[A-Za-z0-9_-]{20}))",
       kWord, kWordDash, 3.0},
      {"gitlab-oauth-app-secret", "GitLab OAuth application secret",
       R"((gloas-[A-Za-z0-9_-]{64}))", kWord, kWordDash, 3.0},
      {"gitlab-cicd-job-token", "GitLab CI/CD job token",
       R"((glcbt-[A-Za-z0-9]{1,5}_[A-Za-z0-9_-]{20}))", kWord, kWordDash, 3.0},
      {"gitlab-scim-token", "GitLab SCIM token",
       R"((glsoat-[A-Za-z0-9_-]{20}))", kWord, kWordDash, 3.0},
      {"gitlab-agent-token", "GitLab agent for Kubernetes token",
       R"((glagent-[A-Za-z0-9_-]{50}))", kWord, kWordDash, 3.0},
      {"gitlab-incoming-mail-token", "GitLab incoming mail token",
       R"((glimt-[A-Za-z0-9_-]{25}))", kWord, kWordDash, 3.0},
      {"gitlab-feature-flags-token", "GitLab feature flags client token",
       R"((glffct-[A-Za-z0-9_-]{20}))", kWord, kWordDash, 3.0},

      // Slack. GL slack-*, TH slack, SL slack (security.md §2.2 5-6); config
      // tokens "xoxe.xoxp-" / "xoxe-" from Slack's tooling.tokens.rotate docs.
      {"slack-bot-token", "Slack bot token",
       R"((xoxb-[0-9]{8,14}-(?:[0-9]{8,14}-)?[A-Za-z0-9]{18,34}))", kWord,
       kWordDash, 3.0},
      {"slack-user-token", "Slack user token",
       R"((xoxp-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[A-Za-z0-9]{28,34}))",
       kWord, kWordDash, 3.0},
      // Lengths of the parts: observed (GL and SL take any length).
      {"slack-app-token", "Slack app-level token",
       R"((xapp-[0-9]-[A-Z0-9]{8,14}-[0-9]{8,16}-[A-Za-z0-9]{32,80}))", kWord,
       kWordDash, 3.0},
      {"slack-config-access-token", "Slack app configuration access token",
       R"((xoxe\.xox[bp]-[0-9]-[A-Za-z0-9]{163,166}))", kWord, kWordDash, 3.0},
      {"slack-config-refresh-token", "Slack app configuration refresh token",
       R"((xoxe-[0-9]-[A-Za-z0-9]{146}))", kWord, kWordDash, 3.0},
      {"slack-legacy-token", "Slack legacy or workspace token",
       R"((xox[ar]-(?:[0-9]-)?[A-Za-z0-9]{8,48})"
       R"(|xox[os]-[0-9]+-[0-9]+-[0-9]+-[A-Fa-f0-9]+))",
       kWord, kWordDash, 3.0},
      // services/T…/B…/<24>: TH; workflows and triggers: GL.
      {"slack-webhook-url", "Slack incoming webhook URL",
       R"(((?:https?://)?hooks\.slack\.com/(?:services/T[A-Z0-9]{6,12})"
       R"(/B[A-Z0-9]{6,12}/[A-Za-z0-9]{23,25})"
       R"(|(?:workflows|triggers)/[A-Za-z0-9/]{43,80})))",
       kWord, kAlnum, 3.0},

      // AWS. Access key id: GL aws-access-token, TH, SL, DS (security.md
      // §2.2 7): AKIA (long-term), ASIA (temporary), ABIA, ACCA + 16 base32.
      // The tools' "A3T[A-Z0-9]" is left out: AWS's list of unique-id
      // prefixes does not have it, and its class defeats the literal
      // prefilter. The secret access key has no prefix, so only with its key
      // name (SL's context-anchored shape, §2.2 8); 40 hex digits are a
      // SHA-1, not a key (TH FalsePositiveSecretPat).
      {"aws-access-key-id", "AWS access key ID",
       R"(((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}))", kWord, kAlnum, 3.0},
      {"aws-secret-access-key", "AWS secret access key",
       R"((?i:secret[_-]?access[_-]?key))" SEP R"(([A-Za-z0-9/+]{40}))", kAlnum,
       kBase64, 3.5, 2, Check::kNotHex},

      // OpenAI: GL openai-api-key, TH, SL, DS (security.md §2.2 9); the
      // lengths around "T3BlbkFJ" (base64 "OpenAI") are GL's 58 or 74.
      {"openai-api-key", "OpenAI API key (user key)",
       R"((sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}))", kWordDash, kWordDash,
       3.0},
      {"openai-project-key", "OpenAI project, service-account or admin key",
       R"((sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{58,74}T3BlbkFJ)"
       R"([A-Za-z0-9_-]{58,74}))",
       kWordDash, kWordDash, 3.0},

      // Anthropic: GL anthropic-api-key / anthropic-admin-api-key, TH
      // (security.md §2.2 10).
      {"anthropic-api-key", "Anthropic API key",
       R"((sk-ant-api03-[A-Za-z0-9_-]{93}AA))", kWordDash, kWordDash, 3.0},
      {"anthropic-admin-key", "Anthropic Admin API key",
       R"((sk-ant-admin01-[A-Za-z0-9_-]{93}AA))", kWordDash, kWordDash, 3.0},

      // Google. API key: GL gcp-api-key, TH googlegemini (security.md §2.2
      // 11). OAuth client secrets carry Google's "GOCSPX-" prefix and OAuth
      // access tokens "ya29." (Google OAuth 2.0 docs); lengths observed.
      {"google-api-key", "Google API key", R"((AIza[A-Za-z0-9_-]{35}))", kWord,
       kWordDash, 4.0},
      {"google-oauth-client-secret", "Google OAuth client secret",
       R"((GOCSPX-[A-Za-z0-9_-]{28}))", kWord, kWordDash, 3.5},
      {"google-oauth-access-token", "Google OAuth access token",
       R"((ya29\.[A-Za-z0-9_-]{30,}))", kWord, kWordDash, 3.5},

      // Stripe: GL stripe-access-token, TH (20-247), DS (24), SL (24-99)
      // (security.md §2.2 12). Webhook signing secrets start "whsec_"
      // (Stripe webhook docs); length observed.
      {"stripe-secret-key", "Stripe secret key",
       R"((sk_(?:live|test)_[A-Za-z0-9]{24,247}))", kWord, kWord, 3.0},
      {"stripe-restricted-key", "Stripe restricted key",
       R"((rk_(?:live|test)_[A-Za-z0-9]{24,247}))", kWord, kWord, 3.0},
      {"stripe-webhook-secret", "Stripe webhook signing secret",
       R"((whsec_[A-Za-z0-9]{32,64}))", kWord, kWord, 3.5},

      // Notion: GL notion-api-token and SL "ntn_"; TH the older "secret_"
      // integration token (security.md §2.2 13).
      {"notion-token", "Notion integration token",
       R"((ntn_[0-9]{11}[A-Za-z0-9]{35}))", kWord, kWord, 3.5},
      {"notion-legacy-token", "Notion integration token (secret_ format)",
       R"((secret_[A-Za-z0-9]{43}))", kWord, kWord, 3.5},

      // Linear: GL linear-api-key, TH (security.md §2.2 14).
      {"linear-api-key", "Linear API key", R"((lin_api_[A-Za-z0-9]{40}))",
       kWord, kWord, 3.0},

      // Atlassian: GL atlassian-api-token "ATATT3" + 186 (security.md §2.2
      // 15).
      {"atlassian-api-token", "Atlassian (Jira, Confluence) API token",
       R"((ATATT3[A-Za-z0-9_=-]{186}))", kWord, kWordDash, 3.5},

      // Sentry: GL/TH sentry-user-token and sentry-org-token (security.md
      // §2.2 16). A legacy DSN (Sentry docs) carries a secret key after the
      // public key: https://<32 hex>:<32 hex>@host/project.
      {"sentry-user-token", "Sentry user auth token",
       R"((sntryu_[a-f0-9]{64}))", kWord, kWord, 3.0},
      {"sentry-org-token", "Sentry organization auth token",
       R"((sntrys_eyJ[A-Za-z0-9+/]{40,400}={0,2}_[A-Za-z0-9+/]{43}))", kWord,
       kBase64, 4.0},
      {"sentry-dsn-secret", "Sentry DSN with secret key",
       R"(https?://[0-9a-f]{32}:([0-9a-f]{32})@)", kWord, kNone, 3.0, 2},

      // Supabase: TH supabasetoken "sbp_" + 40 (security.md §2.2 18);
      // "sb_secret_" secret API keys (Supabase API keys docs), length
      // observed. Service-role keys are JWTs (jwt rule).
      {"supabase-access-token", "Supabase personal access token",
       R"((sbp_[a-z0-9]{40}))", kWord, kWord, 3.0},
      {"supabase-secret-key", "Supabase secret API key",
       R"((sb_secret_[A-Za-z0-9_-]{24,64}))", kWord, kWordDash, 3.5},

      // Perplexity: GL perplexity-api-key (security.md §2.2 "also worth
      // including").
      {"perplexity-api-key", "Perplexity API key", R"((pplx-[A-Za-z0-9]{48}))",
       kWord, kWordDash, 4.0},

      // npm: GL npm-access-token, TH v2 (security.md §2.2 20).
      {"npm-access-token", "npm access token", R"((npm_[A-Za-z0-9]{36}))",
       kWord, kWord, 3.0},
      // PyPI: GL pypi-upload-token; "pypi-" tokens are macaroons whose
      // location "pypi.org" / "test.pypi.org" encodes as below (PyPI docs).
      {"pypi-upload-token", "PyPI API token",
       R"((pypi-Ag(?:EIcHlwaS5vcmc|ENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,}))",
       kWord, kWordDash, 3.5},

      // Hugging Face: GL (letters) and TH (letters and digits), 34
      // characters (security.md §2.2 23).
      {"huggingface-access-token", "Hugging Face access token",
       R"((hf_[A-Za-z0-9]{34}))", kWord, kWord, 3.0},
      {"huggingface-org-token", "Hugging Face organization API token",
       R"((api_org_[A-Za-z0-9]{34}))", kWord, kWord, 3.0},

      // Twilio: GL twilio-api-key, TH, DS (security.md §2.2 24). The
      // account SID (AC…) is an identifier, not a secret.
      {"twilio-api-key", "Twilio API key", R"((SK[0-9a-fA-F]{32}))", kWord,
       kWord, 3.0},

      // SendGrid: DS 22 + 43 (security.md §2.2 25); Brevo (Sendinblue):
      // GL sendinblue-api-token.
      {"sendgrid-api-key", "SendGrid API key",
       R"((SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}))", kWord, kWordDash, 3.5},
      {"brevo-api-key", "Brevo (Sendinblue) API key",
       R"((xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}))", kWord, kWord, 3.0},
      // Mailgun: GL mailgun-private-api-token "key-" + 32 hex.
      {"mailgun-api-key", "Mailgun private API key", R"((key-[0-9a-f]{32}))",
       kWordDash, kWord, 3.0},
      // Mailchimp: DS Mailchimp plugin (security.md §1.3), GL
      // mailchimp-api-key: 32 hex + "-us" + data center.
      {"mailchimp-api-key", "Mailchimp API key",
       R"(([0-9a-f]{32}-us[0-9]{1,2}))", kWord, kWord, 3.0, 3, Check::kNone, true,
       {"-us", 32, 32}},

      // Databricks: SL databricks (security.md §1.4), GL
      // databricks-api-token "dapi" + 32 hex.
      {"databricks-token", "Databricks personal access token",
       R"((dapi[0-9a-f]{32}(?:-[0-9])?))", kWord, kWordDash, 3.0},

      // Cloudflare: SL cloudflare (security.md §1.4); API tokens and global
      // keys have no prefix, so only with their key name (GL cloudflare-
      // api-key 40, cloudflare-global-api-key 37 hex); Origin CA keys
      // "v1.0-" (GL cloudflare-origin-ca-key).
      {"cloudflare-api-token", "Cloudflare API token or global API key",
       R"((?i:(?:cloudflare|cf)[_-]?(?:global[_-]?)?api[_-]?(?:token|key)))" SEP
       R"(([A-Za-z0-9_-]{40}|[a-f0-9]{37}))",
       kAlnum, kWordDash, 3.0, 2},
      {"cloudflare-origin-ca-key", "Cloudflare Origin CA key",
       R"((v1\.0-[a-f0-9]{24}-[a-f0-9]{146}))", kWordDash, kWord, 3.0},

      // DigitalOcean: dop_v1_ / doo_v1_ / dor_v1_ (DigitalOcean's 2021
      // prefixed tokens; GL digitalocean-*).
      {"digitalocean-pat", "DigitalOcean personal access token",
       R"((dop_v1_[a-f0-9]{64}))", kWord, kWord, 3.0},
      {"digitalocean-oauth-token", "DigitalOcean OAuth access token",
       R"((doo_v1_[a-f0-9]{64}))", kWord, kWord, 3.0},
      {"digitalocean-refresh-token", "DigitalOcean OAuth refresh token",
       R"((dor_v1_[a-f0-9]{64}))", kWord, kWord, 3.0},

      // Heroku: "HRKU-" API keys (GL heroku-api-key-v2); older keys are
      // UUIDs, only with a Heroku key name (GL heroku-api-key).
      {"heroku-api-key", "Heroku API key", R"((HRKU-AA[A-Za-z0-9_-]{58}))",
       kWord, kWordDash, 4.0},
      {"heroku-api-key-legacy", "Heroku API key (UUID format)",
       R"((?i:heroku[_-]?(?:api[_-]?)?(?:key|token)))" SEP
       R"(([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4})"
       R"(-[0-9a-fA-F]{12}))",
       kAlnum, kWordDash, 3.0, 2},

      // Shopify: SL shopify (security.md §1.4), GL shopify-*: prefix + 32
      // hex.
      {"shopify-access-token", "Shopify access token",
       R"((shpat_[a-fA-F0-9]{32}))", kWord, kWord, 3.0},
      {"shopify-custom-app-token", "Shopify custom app access token",
       R"((shpca_[a-fA-F0-9]{32}))", kWord, kWord, 3.0},
      {"shopify-private-app-token", "Shopify private app access token",
       R"((shppa_[a-fA-F0-9]{32}))", kWord, kWord, 3.0},
      {"shopify-shared-secret", "Shopify app shared secret",
       R"((shpss_[a-fA-F0-9]{32}))", kWord, kWord, 3.0},

      // Discord: DS bot token shape (security.md §2.2 26; newer tokens have
      // a 38-character third part, observed). Webhook URLs:
      // https://discord.com/api/webhooks/{id}/{token} (Discord docs); token
      // length observed.
      {"discord-bot-token", "Discord bot token",
       R"(([MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}))",
       kWordDash, kWordDash, 3.5},
      {"discord-webhook-url", "Discord webhook URL",
       R"((https://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/api/)"
       R"((?:v[0-9]{1,2}/)?webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,68}))",
       kWord, kWordDash, 3.0},

      // Telegram: DS TelegramBotToken (security.md §1.3), GL
      // telegram-bot-api-token: bot id, ':', 'A' + 34. Left edge: digits
      // only, so "…/bot123:AA…" URLs are found.
      {"telegram-bot-token", "Telegram bot token",
       R"(([0-9]{5,16}:A[A-Za-z0-9_-]{34}))", kDigit, kWordDash, 3.5, 3,
       Check::kNone, true, {":A", 5, 16}},

      // JWT: three base64url parts, the first two JSON objects ("eyJ" is
      // base64 of '{"'); GL jwt, TH (security.md §2.2 21). The signature is
      // required: an unsigned token proves nothing.
      {"jwt", "JSON Web Token",
       R"((eyJ[A-Za-z0-9_-]{10,}={0,2}\.eyJ[A-Za-z0-9_-]{10,}={0,2})"
       R"(\.[A-Za-z0-9_-]{10,}={0,2}))",
       kWordDash, kWordDash, 3.5, 1},

      // PEM private keys: GL private-key, TH, SL, DS literal markers
      // (security.md §2.2 22). The body is checked (Check::kPem) instead of
      // the placeholder rules: real key bodies contain runs like "AAAAAAAA".
      {"private-key-rsa", "RSA private key",
       R"((-----BEGIN RSA PRIVATE KEY-----)" PEM_BODY
       R"(-----END RSA PRIVATE KEY-----))",
       kNone, kNone, 0, 3, Check::kPem, false},
      {"private-key-ec", "EC private key",
       R"((-----BEGIN EC PRIVATE KEY-----)" PEM_BODY
       R"(-----END EC PRIVATE KEY-----))",
       kNone, kNone, 0, 3, Check::kPem, false},
      {"private-key-openssh", "OpenSSH private key",
       R"((-----BEGIN OPENSSH PRIVATE KEY-----)" PEM_BODY
       R"(-----END OPENSSH PRIVATE KEY-----))",
       kNone, kNone, 0, 3, Check::kPem, false},
      {"private-key-dsa", "DSA private key",
       R"((-----BEGIN DSA PRIVATE KEY-----)" PEM_BODY
       R"(-----END DSA PRIVATE KEY-----))",
       kNone, kNone, 0, 3, Check::kPem, false},
      {"private-key-pgp", "PGP private key block",
       R"((-----BEGIN PGP PRIVATE KEY BLOCK-----)" PEM_BODY
       R"(-----END PGP PRIVATE KEY BLOCK-----))",
       kNone, kNone, 0, 3, Check::kPem, false},
      {"private-key", "Private key (PKCS #8 or other PEM)",
       R"((-----BEGIN[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----)" PEM_BODY
       R"(-----END[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----))",
       kNone, kNone, 0, 1, Check::kPem, false},

      // Passwords in connection URIs: TH postgres/uri, SL
      // database-connection-string and basicauth (security.md §2.2 19, §6.7
      // SEC-03). The secret is the password; templated passwords (${X},
      // $X, %X%) are placeholders.
      {"postgres-uri-password", "PostgreSQL connection URI with a password",
       R"((?i:postgres(?:ql)?)://)" URL_USER ":" URL_PASSWORD "@", kWord, kNone,
       0, 1},
      {"mysql-uri-password", "MySQL connection URI with a password",
       R"((?i:mysqlx?|mariadb)://)" URL_USER ":" URL_PASSWORD "@", kWord, kNone,
       0, 1},
      {"mongodb-uri-password", "MongoDB connection URI with a password",
       R"((?i:mongodb(?:\+srv)?)://)" URL_USER ":" URL_PASSWORD "@", kWord,
       kNone, 0, 1},
      {"redis-uri-password", "Redis connection URI with a password",
       R"((?i:rediss?)://)" URL_USER ":" URL_PASSWORD "@", kWord, kNone, 0, 1},
      {"amqp-uri-password", "AMQP (RabbitMQ) connection URI with a password",
       R"((?i:amqps?)://)" URL_USER ":" URL_PASSWORD "@", kWord, kNone, 0, 1},
      {"url-basic-auth", "Password in a URL (basic auth credentials)",
       R"((?i:https?|ftps?|wss?)://)" URL_USER ":" URL_PASSWORD "@", kWord,
       kNone, 0, 1},

      // Authorization header values (security.md §6.7 SEC-05; GitHub's
      // http_bearer_authentication_header / http_basic_authentication_
      // header non-provider patterns). Bearer: RFC 6750 b64token, at least
      // 24 characters (shorter values are too often words and ids).
      {"bearer-token", "Bearer token in an Authorization header",
       R"((?i:bearer)[ \t]+([A-Za-z0-9._~+/-]{24,}=*))", kWord, kToken68, 3.5,
       0, Check::kNotIdentifier},
      {"basic-auth-header", "Basic credentials in an Authorization header",
       R"((?i:basic)[ \t]+([A-Za-z0-9+/]{8,}={0,2}))", kWord, kBase64, 0, 1,
       Check::kBasicAuth},

      // Azure: storage account keys (64 bytes, 88 base64) and Service Bus /
      // Event Hubs shared access keys (32 bytes, 44 base64) appear in
      // connection strings "...;AccountKey=...;" (Azure Storage and Service
      // Bus connection string docs). Entra ID (Azure AD) client secrets:
      // GL azure-ad-client-secret ("Q~" after 4 characters).
      {"azure-storage-account-key", "Azure storage account key",
       R"((?i:AccountKey)=([A-Za-z0-9+/]{86}==))", kAlnum, kBase64, 4.0, 2},
      {"azure-shared-access-key",
       "Azure Service Bus / Event Hubs shared access key",
       R"((?i:SharedAccessKey)=([A-Za-z0-9+/]{43}=))", kAlnum, kBase64, 4.0, 2},
      {"azure-ad-client-secret", "Microsoft Entra ID (Azure AD) client secret",
       R"(([A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}))", kWordDash,
       kWordDash, 3.0, 3, Check::kNone, true, {"Q~", 4, 4}},

      // Square: GL square-access-token / square secret; Square documents
      // "EAAA" access tokens (64 characters) and legacy "sq0atp-" /
      // "sq0csp-".
      {"square-access-token", "Square access token",
       R"((EAAA[A-Za-z0-9_-]{60}))", kWord, kWordDash, 3.5},
      {"square-legacy-access-token", "Square access token (sq0atp- format)",
       R"((sq0atp-[A-Za-z0-9_-]{22}))", kWord, kWordDash, 3.0},
      {"square-oauth-secret", "Square OAuth application secret",
       R"((sq0csp-[A-Za-z0-9_-]{43}))", kWord, kWordDash, 3.5},
      // PayPal Braintree: "access_token$production$<merchant>$<hash>"
      // (Braintree API credential docs).
      {"braintree-access-token", "PayPal Braintree access token",
       R"((access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}))",
       kWord, kWord, 3.0},

      // Mapbox: secret tokens "sk." + base64url JSON + "." + 22 (Mapbox
      // access token docs; "pk." public tokens are not secret).
      {"mapbox-secret-token", "Mapbox secret access token",
       R"((sk\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{22}))", kWord, kWordDash,
       3.5},

      // AI and search APIs used by MCP servers. Groq: SL groq (security.md
      // §1.4), "gsk_" + 52 (observed). OpenRouter: "sk-or-v1-" + 64 hex
      // (OpenRouter docs; length observed). Tavily: "tvly-" (Tavily docs
      // quickstart; length observed). Firecrawl: "fc-" (Firecrawl docs;
      // 32 hex observed). Brave: no documented format (security.md §2.2
      // 17: "Treat it as a context rule"), so only as BRAVE_API_KEY or the
      // X-Subscription-Token header. Exa keys have no prefix: generic rule.
      {"groq-api-key", "Groq API key", R"((gsk_[A-Za-z0-9]{52}))", kWord, kWord,
       3.5},
      {"openrouter-api-key", "OpenRouter API key", R"((sk-or-v1-[0-9a-f]{64}))",
       kWordDash, kWordDash, 3.0},
      {"tavily-api-key", "Tavily API key",
       R"((tvly-(?:dev-|prod-)?[A-Za-z0-9]{24,48}))", kWordDash, kWordDash,
       3.5},
      {"firecrawl-api-key", "Firecrawl API key", R"((fc-[0-9a-f]{32}))",
       kWordDash, kWordDash, 3.0},
      {"brave-search-api-key", "Brave Search API key",
       R"((?i:brave[_-]?(?:search[_-]?)?api[_-]?key|x-subscription-token))" SEP
       R"(([A-Za-z0-9_-]{20,64}))",
       kAlnum, kWordDash, 3.5, 2},

      // Developer platforms, all with a vendor prefix: GL rules of the same
      // name give the lengths; the vendors document the prefixes (age: its
      // spec's Bech32 "AGE-SECRET-KEY-1"; Doppler, Dynatrace, Postman, New
      // Relic, RubyGems, Pulumi, PlanetScale, Docker, 1Password, Grafana,
      // HashiCorp Vault and Terraform, Tailscale, Contentful, Airtable
      // token-format docs).
      {"age-secret-key", "age encryption secret key",
       R"((AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}))", kWordDash,
       kAlnum, 3.5},
      {"doppler-token", "Doppler token",
       R"((dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}))", kWord, kWord,
       3.5},
      {"dynatrace-api-token", "Dynatrace API token",
       R"((dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}))", kWord, kWord, 3.5},
      {"postman-api-key", "Postman API key",
       R"((PMAK-[a-f0-9]{24}-[a-f0-9]{34}))", kWordDash, kWordDash, 3.0},
      {"new-relic-user-api-key", "New Relic user API key",
       R"((NRAK-[A-Z0-9]{27}))", kWordDash, kWordDash, 3.0},
      {"rubygems-api-key", "RubyGems API key", R"((rubygems_[a-f0-9]{48}))",
       kWord, kWord, 3.0},
      {"pulumi-access-token", "Pulumi access token", R"((pul-[a-f0-9]{40}))",
       kWordDash, kWordDash, 3.0},
      {"planetscale-token", "PlanetScale token or password",
       R"((pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_=.-]{32,64}))", kWord, kToken68,
       3.5},
      {"docker-hub-token", "Docker Hub personal or organization access token",
       R"((dckr_(?:pat|oat)_[A-Za-z0-9_-]{27}))", kWord, kWordDash, 3.5},
      {"1password-service-account-token", "1Password service account token",
       R"((ops_eyJ[A-Za-z0-9+/]{250,}={0,3}))", kWord, kBase64, 4.0},
      {"grafana-service-account-token", "Grafana service account token",
       R"((glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}))", kWord, kWord, 3.5},
      {"grafana-cloud-token", "Grafana Cloud access policy token",
       R"((glc_[A-Za-z0-9+/]{32,400}={0,3}))", kWord, kBase64, 4.0},
      // Vault: GL has hvs. 90-120 and hvb. 138-300; one range for both keeps
      // the literal prefilter working (an alternation of the two did not).
      {"vault-token", "HashiCorp Vault service or batch token",
       R"((hv[sb]\.[A-Za-z0-9_-]{90,300}))", kWord, kWordDash, 4.0},
      {"terraform-cloud-token", "HCP Terraform (Terraform Cloud) API token",
       R"(([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}))", kWord, kWordDash,
       3.5, 3, Check::kNone, true, {".atlasv1.", 14, 14}},
      {"tailscale-key", "Tailscale auth key or API access token",
       R"((tskey-(?:auth|api|client|scim|webhook)-[A-Za-z0-9]{6,20})"
       R"(-[A-Za-z0-9]{20,64}))",
       kWordDash, kWordDash, 3.5},
      {"contentful-pat", "Contentful personal access token",
       R"((CFPAT-[A-Za-z0-9_-]{43}))", kWordDash, kWordDash, 3.5},
      {"airtable-pat", "Airtable personal access token",
       R"((pat[A-Za-z0-9]{14}\.[a-f0-9]{64}))", kWord, kWord, 3.5},
  };
}

#undef SEP
#undef PEM_BODY
#undef URL_USER
#undef URL_PASSWORD

}  // namespace

const std::vector<RuleSpec>& RuleSpecs() {
  static const std::vector<RuleSpec>* const rules = BuildRules();
  return *rules;
}

}  // namespace secrets
}  // namespace mcp_builder
