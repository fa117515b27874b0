// The secret scanner's rule table and helpers. Private to core/ (and tests).
#ifndef MCP_BUILDER_SRC_LINT_SECRET_SCAN_H_
#define MCP_BUILDER_SRC_LINT_SECRET_SCAN_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mcp_builder {
namespace secrets {

/// What may stand right before and right after a rule's match. RE2 has no
/// lookaround and a consumed boundary character would defeat its literal
/// prefix acceleration, so the scanner checks the two neighbouring bytes in
/// C++ (security.md §2.3: "check the next byte in C++ after the match").
/// Classes are ASCII bytes; the start and end of the text always qualify.
enum class Edge : uint8_t {
  kNone,      // no condition (the pattern carries its own context)
  kWord,      // not [A-Za-z0-9_]
  kWordDash,  // not [A-Za-z0-9_-]
  kAlnum,     // not [A-Za-z0-9]
  kDigit,     // not [0-9] (left of "123:AA..." inside ".../bot123:AA...")
  kBase64,    // not [A-Za-z0-9+/=]
  kToken68,   // not [A-Za-z0-9._~+/=-] (RFC 6750 b64token)
};

/// Extra validation of a match, beyond entropy and the placeholder checks.
enum class Check : uint8_t {
  kNone,
  kPem,            // the key body holds >= 64 base64 characters of entropy
  kBasicAuth,      // base64 that decodes to printable "user:password"
  kNotHex,         // not 40 hex digits (a SHA-1, not an AWS secret key)
  kNotIdentifier,  // not only [a-z_] (a word, not a bearer token)
};

/// A literal every match holds at a fixed or bounded distance from its
/// start, for the few formats that start with a broad class (32 hex digits,
/// a bot id): the scanner looks for the literal and tries the rule between
/// `back_min` and `back_max` bytes before it. Other rules need none: the
/// scanner derives the first two bytes of their matches from the pattern.
struct Anchor {
  std::string_view literal;  // two bytes or more, case-sensitive
  uint8_t back_min = 0;
  uint8_t back_max = 0;
};

/// One token format. `pattern` has exactly one capturing group: the secret.
/// Patterns are compiled as Latin-1: every byte, NUL and invalid UTF-8
/// included, is one character.
struct RuleSpec {
  std::string_view id;
  std::string_view title;
  std::string_view pattern;
  Edge left = Edge::kWord;
  Edge right = Edge::kWord;
  double min_entropy = 0;   // Shannon bits per byte of the secret; 0: none
  uint8_t specificity = 3;  // breaks ties between equal-length overlaps:
                            // 3 vendor token, 2 vendor context, 1 generic
                            // format, 0 bearer header value
  Check check = Check::kNone;
  bool placeholder_check = true;  // IsPlaceholder(secret) drops the match
  Anchor anchor = {};
};

/// The token formats (secret_rules.cc), without generic-high-entropy.
const std::vector<RuleSpec>& RuleSpecs();

/// Shannon entropy of the bytes of `s` in bits per byte (0 for "").
double ShannonEntropy(std::string_view s);

/// For tests: whether every rule and the combined matcher compiled; the
/// first error otherwise.
bool MatchersCompiled(std::string* error);

/// A secret Scan reports, before it becomes a Finding: its bytes in the
/// scanned text and its rule (index in RuleSpecs()).
struct SecretMatch {
  size_t offset;
  size_t length;
  int rule;
};

/// What Scan reports, in offset order (at most kMaxFindings), without the
/// strings of a Finding: for callers that write the findings out directly.
std::vector<SecretMatch> FindSecrets(std::string_view text);

/// Appends Mask(secret) to *out.
void AppendMask(std::string* out, std::string_view secret);

/// What Mask(secret) is made of: the code points it shows (none for a
/// secret shorter than kMaskRevealMinLength; controls and malformed bytes
/// as U+FFFD) and the secret's length in code points.
struct MaskParts {
  std::array<uint32_t, 4> shown{};
  size_t shown_count = 0;
  size_t length = 0;
};
MaskParts MaskPartsOf(std::string_view secret);

/// For tests: whether rule `rule` (index in RuleSpecs()) is matched by a
/// LinearMatcher (secret_linear.h) rather than RE2.
bool HasLinearMatcher(int rule);

/// For tests: rule `rule` matched anchored at `start` as the scanner does,
/// by its LinearMatcher (use_linear, where it has one) or by RE2: the end
/// of the match and the secret's [begin, end), or nullopt for no match.
std::optional<std::array<size_t, 3>> MatchRuleAt(int rule, std::string_view text, size_t start, bool use_linear);

/// For tests: what triggers a try of each rule (indexed like RuleSpecs()).
struct RuleTrigger {
  /// How many two-byte pairs: the first two bytes of a match, its Anchor,
  /// or (after_edge) a byte its left edge allows and its first byte. 0 for
  /// a rule the scanner must walk through the whole text instead, which no
  /// rule of the table needs.
  size_t pairs = 0;
  bool after_edge = false;
};
std::vector<RuleTrigger> RuleTriggers();

}  // namespace secrets
}  // namespace mcp_builder

#endif  // MCP_BUILDER_SRC_LINT_SECRET_SCAN_H_
