// Secret scanner: finds credentials (API tokens, private keys, passwords in
// URLs) in text, for the config linter and the "replace with a placeholder"
// feature. Nothing here logs, prints or returns a secret: a Finding holds its
// position and a masked form only.
//
//   for (const auto& f : secrets::Scan(text)) {
//     // f.rule == "secret/github-pat", text.substr(f.offset, f.length) is
//     // the token, f.masked == "ghp_…(40 chars)" is safe to show.
//   }
//   if (auto f = secrets::ScanKeyValue("OPENAI_KEY", value)) { ... }
//
// Token formats, their sources and the matching design are documented in
// src/lint/secret_rules.cc and src/lint/secret_scan.cc.
#ifndef MCP_BUILDER_SECRETS_H_
#define MCP_BUILDER_SECRETS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mcp_builder {
namespace secrets {

/// One kind of secret the scanner reports.
struct Rule {
  std::string_view id;     // "github-pat", reported as "secret/github-pat"
  std::string_view title;  // "GitHub personal access token (classic)"
};

/// Every rule a Finding can carry: the token formats (in table order), then
/// "generic-high-entropy" (ScanKeyValue). Ids are unique and [a-z0-9-]+.
const std::vector<Rule>& Rules();

/// A secret found in scanned text.
struct Finding {
  std::string rule;    // "secret/<id>"
  size_t offset = 0;   // byte offset of the secret in the scanned text
  size_t length = 0;   // byte length of the secret
  std::string masked;  // Mask(secret): never the secret itself
};

/// Most findings one Scan returns; the rest of the text is not reported.
inline constexpr size_t kMaxFindings = 1000;

/// Every secret in `text`, in offset order: one pass of a combined matcher
/// over the text, then exact positions only for the rules that matched.
/// Overlapping findings keep the longest, then the most specific one.
/// Placeholders and documented example keys are never reported
/// (IsPlaceholder / allowlist). Any bytes are accepted (NUL, invalid UTF-8);
/// time is linear in the size of `text`.
std::vector<Finding> Scan(std::string_view text);

/// The generic-rule thresholds (gitleaks' generic-api-key uses 3.5 bits per
/// character; detect-secrets uses 3.0 for hex strings). Shorter values and
/// lower entropies are not reported by ScanKeyValue.
inline constexpr size_t kGenericMinLength = 16;
inline constexpr double kGenericMinEntropy = 3.5;
inline constexpr double kGenericMinEntropyHex = 3.0;

/// Context rule: `key` names a secret (api_key, token, password, secret,
/// authorization, credential, ...: case- and separator-insensitive, and not
/// an *_ID / *_URL / *_FILE / *_PATH style key) and `value` is a literal of
/// at least kGenericMinLength bytes, without spaces, with Shannon entropy of
/// at least kGenericMinEntropy (kGenericMinEntropyHex for hex), that is not a
/// placeholder, path or URL. An auth scheme ("Bearer ", "Basic ", "token ")
/// is skipped. Returns rule "secret/generic-high-entropy" with offsets
/// relative to `value`.
std::optional<Finding> ScanKeyValue(std::string_view key,
                                    std::string_view value);

/// Secrets of this many code points or more show their first 4 in Mask().
inline constexpr size_t kMaskRevealMinLength = 16;

/// "ghp_…(40 chars)": the first 4 code points (not bytes) and the length in
/// code points; secrets shorter than kMaskRevealMinLength show no characters
/// ("…(8 chars)"). Control characters and malformed UTF-8 in the shown part
/// become U+FFFD, so the result is always valid UTF-8.
std::string Mask(std::string_view secret);

/// True for values that stand for a secret instead of being one:
/// ${VAR}, ${VAR:-x}, ${input:x}, ${env:X}, ${{ secrets.X }}, {{x}},
/// <YOUR_KEY>, <anything>, $VAR, $(cmd), %VAR%, {name}, [YOUR_KEY],
/// "your-api-key"-style text, runs of one repeated character (xxxxxxxx,
/// 00000000, ***), ascending runs (abcdefgh, 12345678), truncations ("sk-..."),
/// and obvious fakes (EXAMPLE, REDACTED, changeme, password, ...). A leading
/// auth scheme ("Bearer ${TOKEN}") is skipped.
bool IsPlaceholder(std::string_view value);

}  // namespace secrets
}  // namespace mcp_builder

#endif  // MCP_BUILDER_SECRETS_H_
