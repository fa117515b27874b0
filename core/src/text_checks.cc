#include "text_checks.h"

#include <algorithm>
#include <bitset>
#include <cctype>

#include "mcp_builder/diagnostic.h"
#include "re2/re2.h"

namespace mcp_builder {
namespace text {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Patterns from the 2025-12-11 schema are compiled once, as function-local
// statics. RE2 guarantees linear time; FullMatch treats a pattern that failed
// to compile as "no match", and a unit test checks every pattern matches.
RE2::Options PatternOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(1 << 20);
  return options;
}

bool FullMatch(std::string_view s, const RE2& re) {
  return re.ok() && RE2::FullMatch(re2::StringPiece(s.data(), s.size()), re);
}

std::string Fold(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '_' || c == '-') continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// RFC 3986 unreserved and reserved characters: what a URI may hold as is.
struct UriCharTable {
  bool v[256];
  constexpr UriCharTable() : v() {
    for (int c = 'a'; c <= 'z'; ++c) v[c] = true;
    for (int c = 'A'; c <= 'Z'; ++c) v[c] = true;
    for (int c = '0'; c <= '9'; ++c) v[c] = true;
    for (char c : "-._~:/?#[]@!$&'()*+,;=") v[static_cast<unsigned char>(c)] = c != 0;
  }
  constexpr bool operator[](unsigned char c) const { return v[c]; }
};
constexpr UriCharTable kUriChar;

}  // namespace

size_t CodePointLength(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool IsUri(std::string_view s) {
  // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
  if (s.empty() || !IsAlpha(s[0])) return false;
  size_t i = 1;
  while (i < s.size() && (IsAlpha(s[i]) || IsDigit(s[i]) || s[i] == '+' ||
                          s[i] == '-' || s[i] == '.')) {
    ++i;
  }
  if (i == s.size() || s[i] != ':') return false;
  const std::string_view scheme = s.substr(0, i);
  const std::string_view rest = s.substr(i + 1);
  for (size_t k = 0; k < rest.size(); ++k) {
    const char c = rest[k];
    if (kUriChar[static_cast<unsigned char>(c)]) continue;
    if (c == '%' && k + 2 < rest.size() && IsHex(rest[k + 1]) &&
        IsHex(rest[k + 2])) {
      k += 2;
      continue;
    }
    return false;
  }
  auto scheme_is = [&](std::string_view want) {
    return scheme.size() == want.size() &&
           std::equal(scheme.begin(), scheme.end(), want.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == b;
           });
  };
  if (scheme_is("http") || scheme_is("https")) {
    // hier-part must be "//" authority with a non-empty host.
    if (rest.size() < 3 || rest.substr(0, 2) != "//") return false;
    const std::string_view authority =
        rest.substr(2, rest.find_first_of("/?#", 2) - 2);
    const size_t at = authority.rfind('@');
    const std::string_view host_port =
        at == std::string_view::npos ? authority : authority.substr(at + 1);
    if (host_port.empty() || host_port[0] == ':') return false;
  }
  return true;
}

bool IsVersionRange(std::string_view s) {
  if (s.empty()) return false;
  if (std::string_view("^~<>=").find(s[0]) != std::string_view::npos) return true;
  if (s.find("||") != std::string_view::npos) return true;
  for (char c : s) {
    if (c == ' ' || c == '\t') return true;  // "1.2.3 - 2.0.0", ">= 1"
  }
  // Wildcard components in the version core: "1.x", "1.*", "*", "x".
  const std::string_view core = s.substr(0, s.find_first_of("-+"));
  size_t start = 0;
  while (start <= core.size()) {
    size_t end = core.find('.', start);
    if (end == std::string_view::npos) end = core.size();
    const std::string_view part = core.substr(start, end - start);
    if (part == "x" || part == "X" || part == "*") return true;
    start = end + 1;
  }
  return false;
}

bool IsSemver(std::string_view s) {
  static const RE2 re(
      "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)"
      "(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?",
      PatternOptions());
  return FullMatch(s, re);
}

bool MatchesServerName(std::string_view s) {
  static const RE2 re("[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+", PatternOptions());
  return FullMatch(s, re);
}

bool MatchesIconSize(std::string_view s) {
  static const RE2 re("[0-9]+x[0-9]+|any", PatternOptions());
  return FullMatch(s, re);
}

bool MatchesSha256(std::string_view s) {
  static const RE2 re("[a-f0-9]{64}", PatternOptions());
  return FullMatch(s, re);
}

bool MatchesTransportUrl(std::string_view s) {
  // \S in the schema's ECMAScript regex; RE2's \s is ASCII-only, so
  // Unicode spaces are ruled out separately by IsUri-style callers.
  static const RE2 re("https?://[^\\s]+", PatternOptions());
  return FullMatch(s, re);
}

std::vector<Reference> FindReferences(std::string_view s) {
  std::vector<Reference> refs;
  for (size_t i = s.find('{'); i < s.size(); ++i) {
    if (s[i] != '{') continue;
    size_t j = i + 1;
    while (j < s.size() && (IsAlpha(s[j]) || IsDigit(s[j]) || s[j] == '_' ||
                            s[j] == '.' || s[j] == '-')) {
      ++j;
    }
    if (j > i + 1 && j < s.size() && s[j] == '}') {
      refs.push_back({std::string(s.substr(i + 1, j - i - 1)), i});
      i = j;
    }
  }
  return refs;
}

bool IsDecimal(std::string_view s) {
  if (s.empty()) return false;
  size_t i = s[0] == '-' || s[0] == '+' ? 1 : 0;
  bool digits = false, dot = false;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') {
      digits = true;
    } else if (s[i] == '.' && !dot) {
      dot = true;
    } else {
      return false;
    }
  }
  return digits;
}

std::string DidYouMean(std::string_view key,
                       const std::vector<std::string_view>& candidates) {
  const std::string folded = Fold(key);
  std::string best;
  size_t best_distance = 3;
  for (std::string_view candidate : candidates) {
    if (Fold(candidate) == folded) return std::string(candidate);
    if (key.size() < 4) continue;
    const size_t d = EditDistance(key, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(candidate);
    }
  }
  return best;
}

bool IsEnvVarName(std::string_view s) {
  if (s.empty() || IsDigit(s[0])) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return IsAlpha(c) || IsDigit(c) || c == '_';
  });
}

bool IsHeaderName(std::string_view s) {
  static constexpr std::string_view kTokenPunct = "!#$%&'*+-.^_`|~";
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return IsAlpha(c) || IsDigit(c) || kTokenPunct.find(c) != std::string_view::npos;
  });
}

std::string Abbreviate(std::string_view s, size_t max) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (count++ == max) return PrintableText(s.substr(0, i)) + "...";
  }
  return PrintableText(s);
}

std::string Quoted(std::string_view s) { return "'" + Abbreviate(s) + "'"; }

std::vector<QueryParam> QueryParams(std::string_view query) {
  std::vector<QueryParam> params;
  for (size_t at = 0; at < query.size();) {
    const size_t amp = std::min(query.find('&', at), query.size());
    const std::string_view part = query.substr(at, amp - at);
    at = amp + 1;
    const size_t eq = part.find('=');
    if (eq != std::string_view::npos) params.push_back({part.substr(0, eq), part.substr(eq + 1)});
  }
  return params;
}

bool HasAnyOf(std::string_view s, std::string_view set) {
  std::bitset<256> in;
  for (const char c : set) in.set(static_cast<unsigned char>(c));
  return std::any_of(s.begin(), s.end(), [&](char c) { return in[static_cast<unsigned char>(c)]; });
}

}  // namespace text
}  // namespace mcp_builder
