// The secret scanner.
//
// Design (security.md §3.4): one pass of a literal prefilter over the text,
// then positions only for the rules it leaves.
//  1. FilteredRE2 derives from every rule's pattern the literals a match must
//     contain ("atoms": "ghp_", "sk-ant-api03-", "-----begin", ...).
//  2. A case-insensitive RE2::Set of those ~180 literals, UNANCHORED, reads
//     the text once and names the atoms present; AllPotentials() turns them
//     into the candidate rules. Rules with no atom of kMinAtomLength
//     characters (Twilio "SK", Telegram, Discord bot tokens) are always
//     candidates.
//  3. Candidates that start with a literal ("ghp_", "-----BEGIN"; 94 of
//     117, found with RE2::PossibleMatchRange) are matched ANCHORED where
//     their literal occurs: one pass over the text looks up each pair of
//     bytes in a table of the literals' first two bytes. The other
//     candidates' RE2 walks the text from match to match. Group 1 is the
//     secret. Edges are checked on the two neighbouring bytes in C++.
//     Why anchored: an unanchored DFA over text dense in near-matches
//     (long alphanumeric runs against counted repetitions) builds a new
//     state at almost every byte; on a 1 MB config holding 978 secrets it
//     cut a Scan from 52 to 35 ms, with the larger DFA caches below.
// Tried and measured first: an RE2::Set of the full patterns (one DFA over
// all rules). Its DFA has too many states on real configs (counted
// repetitions of ~120 rules): 68 MB/s and a 236 ms first pass on a 1 MB
// config, against 500+ MB/s and no warm-up for the literal Set.
//
// Cost, measured natively (Release build, one thread, on the project's
// 2-core machine): building the matchers once, 13-18 ms; a 5 KB MCP config,
// 0.6-0.9 ms for the first Scan (lazy DFA construction) and 50-60 us after;
// a 1 MB JSON config holding 565 secrets of 24 kinds, prefilter 2-2.5 ms
// (420-510 MB/s) and the whole Scan 17 ms (62 MB/s); 1 MB of random bytes,
// 7 ms; 1 MB of text dense in atoms but without secrets, 20-22 ms. If the
// literal Set ever ran out of memory (Set::Match reports kOutOfMemory) every
// rule would run: slower, same result.
//
// Limits: time is linear in the text (RE2; each walk resumes after its
// match, and after an edge failure skips to the next possible start); at
// most kMaxMatchesPerRule accepted matches per rule and kMaxFindings
// findings (the first in the text) are kept.
#include "lint/secret_scan.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <map>

#include "mcp_builder/secrets.h"
#include "re2/filtered_re2.h"
#include "re2/re2.h"
#include "re2/set.h"
#include "utf8.h"

namespace mcp_builder {
namespace secrets {
namespace {

// Each rule's RE2: small programs; the DFA cache grows only as needed. A
// rule matched anchored at its literal prefix needs few DFA states; one
// walking the text unanchored needs many more on text dense in
// near-matches, and with a small cache RE2 throws its states away and
// rebuilds them (measured: 2 MB -> 8 MB cut a dense 1 MB Scan by a quarter).
// Worst case, all caches full: 23 x 8 MB + 94 x 1 MB.
constexpr int64_t kPrefixedRuleMaxMem = 1 << 20;
constexpr int64_t kRuleMaxMem = 8 << 20;
// The atom Set: ~180 short literals.
constexpr int64_t kAtomSetMaxMem = 8 << 20;
// Shortest literal worth prefiltering on (FilteredRE2 min_atom_len).
constexpr int kMinAtomLength = 3;
constexpr size_t kMaxMatchesPerRule = kMaxFindings;
// Longest match a prefixed rule is tried for: far above any token or PEM
// key (a 16384-bit RSA key is ~12 KB).
constexpr size_t kMaxMatchLength = 64 << 10;

// Documented example keys: never reported even though they match a format.
constexpr std::array<std::string_view, 5> kDocumentedExamples = {
    "AKIAIOSFODNN7EXAMPLE",                      // AWS docs, access key id
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",  // AWS docs, secret key
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc",          // Stripe docs
    "sk_test_BQokikJOvBiI2HlWgH4olfQ2",          // Stripe docs (older)
    // jwt.io's example token (HS256, "John Doe").
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6"
    "IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_"
    "adQssw5c",
};

RE2::Options MatcherOptions(int64_t max_mem) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  // Every byte is one character: invalid UTF-8 and NUL are just bytes.
  options.set_encoding(RE2::Options::EncodingLatin1);
  return options;
}

RE2::Options AtomOptions() {
  RE2::Options options = MatcherOptions(kAtomSetMaxMem);
  options.set_case_sensitive(false);  // atoms are lowercased
  return options;
}

// Whether `c` may stand next to a token with this edge (see Edge).
bool EdgeAllows(Edge edge, unsigned char c) {
  const bool digit = c >= '0' && c <= '9';
  const bool alnum = digit || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  switch (edge) {
    case Edge::kNone:
      return true;
    case Edge::kWord:
      return !alnum && c != '_';
    case Edge::kWordDash:
      return !alnum && c != '_' && c != '-';
    case Edge::kAlnum:
      return !alnum;
    case Edge::kDigit:
      return !digit;
    case Edge::kBase64:
      return !alnum && c != '+' && c != '/' && c != '=';
    case Edge::kToken68:
      return !alnum && c != '.' && c != '_' && c != '~' && c != '+' &&
             c != '/' && c != '=' && c != '-';
  }
  return false;
}

// Whether a pattern starts (after its group's "(") with kMinAtomLength
// literal characters: the rules Scan matches anchored at their prefix.
bool HasLiteralLead(std::string_view pattern) {
  size_t i = pattern.substr(0, 1) == "(" && pattern.substr(0, 2) != "(?" ? 1 : 0, n = 0;
  while (i < pattern.size() && (std::isalnum(static_cast<unsigned char>(pattern[i])) || pattern[i] == '_' ||
                                pattern[i] == '-' || pattern[i] == ' ')) {
    ++i, ++n;
  }
  return n >= static_cast<size_t>(kMinAtomLength);
}

// The compiled rules (owned by the FilteredRE2) and the literal Set; see the
// design note at the top. The literal Set's DFA has a few states per atom,
// so its memory budget is never near.
struct Matchers {
  re2::FilteredRE2 filter{kMinAtomLength};
  RE2::Set atoms{AtomOptions(), RE2::UNANCHORED};
  std::vector<int> rule_of_id;  // FilteredRE2 id -> index in RuleSpecs()
  std::vector<int> id_of_rule;  // index in RuleSpecs() -> id, or -1
  // Per rule: the literal every match starts with ("ghp_", "-----BEGIN"),
  // when it has one of kMinAtomLength bytes or more; else "".
  std::vector<std::string> prefix_of_rule;
  // The rules whose prefix starts with each pair of bytes (index b0 << 8 |
  // b1), and whether any does: Scan's one pass over the text.
  std::vector<std::vector<int>> rules_by_pair = std::vector<std::vector<int>>(1 << 16);
  std::vector<bool> pair_used = std::vector<bool>(1 << 16, false);
  bool ok = true;
  std::string error;
};

const Matchers& GetMatchers() {
  static const Matchers* const matchers = [] {
    auto* m = new Matchers;
    auto fail = [m](std::string message) {
      if (m->ok) m->error = std::move(message);
      m->ok = false;
    };
    const auto& specs = RuleSpecs();
    for (size_t i = 0; i < specs.size(); ++i) {
      int id = -1;
      const RE2::ErrorCode code = m->filter.Add(
          specs[i].pattern, MatcherOptions(HasLiteralLead(specs[i].pattern) ? kPrefixedRuleMaxMem : kRuleMaxMem),
          &id);
      if (code != RE2::NoError) {
        fail(std::string(specs[i].id) + ": error " + std::to_string(code));
        m->id_of_rule.push_back(-1);
        continue;
      }
      if (m->filter.GetRE2(id).NumberOfCapturingGroups() != 1) {
        fail(std::string(specs[i].id) + ": needs exactly one group");
      }
      m->id_of_rule.push_back(id);
      m->rule_of_id.push_back(static_cast<int>(i));
    }
    // Every string a rule matches lies between min and max: their common
    // start is a literal prefix of every match.
    for (size_t i = 0; i < specs.size(); ++i) {
      std::string min, max, prefix;
      const int id = m->id_of_rule[i];
      if (id >= 0 && m->filter.GetRE2(id).PossibleMatchRange(&min, &max, 64)) {
        while (prefix.size() < min.size() && prefix.size() < max.size() &&
               min[prefix.size()] == max[prefix.size()]) {
          prefix.push_back(min[prefix.size()]);
        }
      }
      if (prefix.size() < static_cast<size_t>(kMinAtomLength)) prefix.clear();
      if (!prefix.empty()) {
        const size_t key = static_cast<size_t>(static_cast<unsigned char>(prefix[0])) << 8 |
                           static_cast<unsigned char>(prefix[1]);
        m->rules_by_pair[key].push_back(static_cast<int>(i));
        m->pair_used[key] = true;
      }
      m->prefix_of_rule.push_back(std::move(prefix));
    }
    std::vector<std::string> atoms;
    if (m->filter.NumRegexps() > 0) m->filter.Compile(&atoms);
    for (size_t a = 0; a < atoms.size(); ++a) {
      std::string error;
      if (m->atoms.Add(RE2::QuoteMeta(atoms[a]), &error) !=
          static_cast<int>(a)) {
        fail("atom " + atoms[a] + ": " + error);
      }
    }
    if (!m->atoms.Compile()) fail("the atom set did not compile");
    return m;
  }();
  return *matchers;
}

bool IsHexDigit(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
         (c >= 'A' && c <= 'F');
}
bool IsBase64Char(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9') || c == '+' || c == '/';
}
char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}
bool IsIdentChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9') || c == '_';
}

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// "Bearer x" -> "x" (also Basic, Token, Bot); anything else unchanged.
std::string_view SkipAuthScheme(std::string_view s) {
  const size_t space = s.find(' ');
  if (space == std::string_view::npos) return s;
  const std::string_view scheme = s.substr(0, space);
  for (std::string_view known : {"bearer", "basic", "token", "bot"}) {
    if (EqualsIgnoreCase(scheme, known)) {
      return TrimSpace(s.substr(space + 1));
    }
  }
  return s;
}

// ${...}, {{...}}, $VAR, $(cmd), %VAR%, <...>, {name}, [NAME].
bool IsTemplate(std::string_view v) {
  if (v.size() < 2) return false;
  const char first = v.front(), last = v.back();
  if (v.find("${") != std::string_view::npos &&
      v.find('}') != std::string_view::npos) {
    return true;  // ${VAR}, ${VAR:-x}, ${input:x}, ${{ secrets.X }}, a-${X}
  }
  if (v.find("{{") != std::string_view::npos &&
      v.find("}}") != std::string_view::npos) {
    return true;
  }
  if (first == '<' && last == '>') return true;
  // <NAME> inside a value ("Bearer <API_TOKEN>", "<TOKEN>-suffix"): the
  // hand-filled placeholder of clients that expand nothing.
  for (size_t open = v.find('<'); open != std::string_view::npos; open = v.find('<', open + 1)) {
    const size_t close = v.find('>', open);
    if (close == std::string_view::npos) break;
    const std::string_view name = v.substr(open + 1, close - open - 1);
    if (name.size() >= 2 && std::all_of(name.begin(), name.end(), [](char c) {
          return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        })) {
      return true;
    }
  }
  if (first == '$' && (v[1] == '(' || v[1] == '_' ||
                       (Lower(v[1]) >= 'a' && Lower(v[1]) <= 'z'))) {
    if (v[1] == '(') return last == ')';
    return std::all_of(v.begin() + 1, v.end(), IsIdentChar);
  }
  if ((first == '%' && last == '%') || (first == '{' && last == '}') ||
      (first == '[' && last == ']')) {
    const std::string_view inner = v.substr(1, v.size() - 2);
    return !inner.empty() &&
           std::all_of(inner.begin(), inner.end(), [](char c) {
             return IsIdentChar(c) || c == '-' || c == '.' || c == ' ';
           });
  }
  return false;
}

// Runs of one character (xxxxxxxx, 00000000) and ascending runs (abcdefgh,
// 12345678) of 8 or more; "***" and "..." are masks and truncations.
bool HasFillerRun(std::string_view v) {
  size_t same = 1, ascending = 1;
  for (size_t i = 1; i < v.size(); ++i) {
    same = v[i] == v[i - 1] ? same + 1 : 1;
    const bool next = IsIdentChar(v[i]) && v[i] == v[i - 1] + 1;
    ascending = next ? ascending + 1 : 1;
    if (same >= 8 || ascending >= 8) return true;
  }
  return v.find("***") != std::string_view::npos ||
         v.find("...") != std::string_view::npos ||
         v.find("\xE2\x80\xA6") != std::string_view::npos;  // "…"
}

bool IsDocumentedExample(std::string_view secret) {
  return std::find(kDocumentedExamples.begin(), kDocumentedExamples.end(),
                   secret) != kDocumentedExamples.end();
}

// Base64 (standard alphabet, padding optional) of printable "user:password"
// with a password that is not a placeholder.
bool IsBasicCredential(std::string_view b64) {
  std::string decoded;
  uint32_t acc = 0;
  int bits = 0;
  for (char c : b64) {
    int v;
    if (c >= 'A' && c <= 'Z') {
      v = c - 'A';
    } else if (c >= 'a' && c <= 'z') {
      v = c - 'a' + 26;
    } else if (c >= '0' && c <= '9') {
      v = c - '0' + 52;
    } else if (c == '+') {
      v = 62;
    } else if (c == '/') {
      v = 63;
    } else {
      break;  // '='
    }
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      decoded.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  if (decoded.empty()) return false;
  for (char c : decoded) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  const size_t colon = decoded.find(':');
  if (colon == std::string::npos || colon + 1 == decoded.size()) return false;
  return !IsPlaceholder(std::string_view(decoded).substr(colon + 1));
}

// A PEM block whose body has at least 64 base64 characters with the entropy
// of key material (JSON "\n" escapes are not body).
bool IsPemKey(std::string_view block) {
  const size_t header_end = block.find("-----", 5);
  const size_t footer = block.rfind("-----END");
  if (header_end == std::string_view::npos ||
      footer == std::string_view::npos || footer <= header_end) {
    return false;
  }
  std::string body;
  for (size_t i = header_end + 5; i < footer; ++i) {
    const unsigned char c = static_cast<unsigned char>(block[i]);
    if (c == '\\') {
      ++i;  // "\n", "\r" in JSON strings
    } else if (IsBase64Char(c)) {
      body.push_back(static_cast<char>(c));
    }
  }
  return body.size() >= 64 && ShannonEntropy(body) >= 4.5;
}

bool PassesCheck(Check check, std::string_view secret) {
  switch (check) {
    case Check::kNone:
      return true;
    case Check::kPem:
      return IsPemKey(secret);
    case Check::kBasicAuth:
      return IsBasicCredential(secret);
    case Check::kNotHex:
      return !std::all_of(secret.begin(), secret.end(), [](char c) {
        return IsHexDigit(static_cast<unsigned char>(c));
      });
    case Check::kNotIdentifier: {
      std::string_view word = secret;
      while (!word.empty() && word.back() == '=') word.remove_suffix(1);
      auto only = [&](auto pred) {
        return std::all_of(word.begin(), word.end(), pred);
      };
      return !only([](char c) {
        return (c >= 'a' && c <= 'z') || c == '_' || c == '-' || c == '.';
      }) && !only([](char c) {
        return (c >= 'A' && c <= 'Z') || c == '_' || c == '-' || c == '.';
      });
    }
  }
  return false;
}

bool Accept(const RuleSpec& rule, std::string_view secret) {
  if (secret.empty() || IsDocumentedExample(secret)) return false;
  if (rule.placeholder_check && IsPlaceholder(secret)) return false;
  if (rule.min_entropy > 0 && ShannonEntropy(secret) < rule.min_entropy) {
    return false;
  }
  return PassesCheck(rule.check, secret);
}

struct Match {
  size_t offset;
  size_t length;
  int rule;
};

// Words of a key: split at non-alphanumerics and camelCase humps, lower case
// ("apiKey" / "API_KEY" / "Api-Key" -> {"api", "key"}).
std::vector<std::string> KeyWords(std::string_view key) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (size_t i = 0; i < key.size(); ++i) {
    const char c = key[i];
    const bool upper = c >= 'A' && c <= 'Z';
    const bool lower = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!upper && !lower) {
      flush();
      continue;
    }
    if (upper && !word.empty()) {
      const char prev = key[i - 1];
      const bool prev_lower = (prev >= 'a' && prev <= 'z');
      const bool next_lower =
          i + 1 < key.size() && key[i + 1] >= 'a' && key[i + 1] <= 'z';
      const bool prev_upper = prev >= 'A' && prev <= 'Z';
      if (prev_lower || (prev_upper && next_lower)) flush();  // aB, ABc
    }
    word.push_back(Lower(c));
  }
  flush();
  return words;
}

bool NamesSecret(std::string_view key) {
  const std::vector<std::string> words = KeyWords(key);
  if (words.empty()) return false;
  // Keys about a secret, not holding one: *_ID, *_URL, *_FILE, ...
  static constexpr std::string_view kNotValue[] = {
      "id",        "ids",      "name",        "file",     "path",    "dir",
      "url",       "uri",      "endpoint",    "length",   "size",    "type",
      "version",   "header",   "prefix",      "format",   "count",   "expiry",
      "expires",   "ttl",      "env",         "var",      "enabled", "mode",
      "hint",      "label",    "description", "location", "scope",   "scopes",
      "algorithm", "kind",     "method",      "provider", "host",    "port",
      "user",      "username", "email",       "region",   "field",   "policy"};
  const std::string& last = words.back();
  for (std::string_view w : kNotValue) {
    if (last == w) return false;
  }
  std::string joined;
  for (const auto& w : words) joined += w;
  static constexpr std::string_view kSecretParts[] = {
      "apikey",     "accesskey",     "secretkey",     "privatekey",
      "token",      "secret",        "password",      "passwd",
      "passphrase", "credential",    "authorization", "authkey",
      "signingkey", "encryptionkey", "masterkey",     "sessionkey",
      "licensekey", "cookie"};
  for (std::string_view part : kSecretParts) {
    if (joined.find(part) != std::string::npos) return true;
  }
  for (const auto& w : words) {
    if (w == "auth" || w == "pat" || w == "pwd" || w == "pw" || w == "pass") {
      return true;
    }
  }
  // "OPENAI_KEY", "KEY": a key, unless a public / database / index one.
  if (last == "key") {
    static constexpr std::string_view kNotSecretKey[] = {
        "public", "pub",         "primary", "foreign", "partition", "sort",
        "cache",  "idempotency", "routing", "hash",    "unique",    "ssh"};
    if (words.size() == 1) return true;
    const std::string& before = words[words.size() - 2];
    for (std::string_view w : kNotSecretKey) {
      if (before == w) return false;
    }
    return true;
  }
  return false;
}

}  // namespace

double ShannonEntropy(std::string_view s) {
  if (s.empty()) return 0;
  std::array<size_t, 256> counts{};
  for (unsigned char c : s) ++counts[c];
  double entropy = 0;
  const double n = static_cast<double>(s.size());
  for (size_t count : counts) {
    if (count == 0) continue;
    const double p = static_cast<double>(count) / n;
    entropy -= p * std::log2(p);
  }
  return entropy;
}

bool MatchersCompiled(std::string* error) {
  const Matchers& m = GetMatchers();
  if (!m.ok && error != nullptr) *error = m.error;
  return m.ok;
}

std::vector<int> CandidateRules(std::string_view text, bool* complete) {
  const Matchers& m = GetMatchers();
  std::vector<int> atoms, ids, rules;
  RE2::Set::ErrorInfo info;
  info.kind = RE2::Set::kNoError;
  const bool matched =
      m.ok &&
      m.atoms.Match(re2::StringPiece(text.data(), text.size()), &atoms, &info);
  *complete = m.ok && (matched || info.kind == RE2::Set::kNoError);
  if (!*complete) return rules;
  m.filter.AllPotentials(atoms, &ids);
  for (int id : ids) rules.push_back(m.rule_of_id[static_cast<size_t>(id)]);
  std::sort(rules.begin(), rules.end());
  return rules;
}

const std::vector<Rule>& Rules() {
  static const std::vector<Rule>* const rules = [] {
    auto* out = new std::vector<Rule>;
    for (const RuleSpec& spec : RuleSpecs()) {
      out->push_back({spec.id, spec.title});
    }
    out->push_back({"generic-high-entropy",
                    "High-entropy literal value of a secret-named key"});
    return out;
  }();
  return *rules;
}

std::vector<Finding> Scan(std::string_view text) {
  const Matchers& m = GetMatchers();
  const auto& specs = RuleSpecs();
  bool complete = false;
  std::vector<int> candidates = CandidateRules(text, &complete);
  if (!complete) candidates = m.rule_of_id;  // every rule that compiled

  const re2::StringPiece input(text.data(), text.size());
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::vector<Match> matches;
  // Per rule: where its next match may start, and how many it kept.
  std::vector<size_t> next(specs.size(), 0), accepted(specs.size(), 0);
  re2::StringPiece groups[2];
  // A match of rule r in groups[]: kept if its edges and checks pass; next[r]
  // moves past it (or, after an edge failure, to the next position after an
  // edge character: no token starts where its left neighbour is not one).
  const auto take = [&](int r) {
    const RuleSpec& spec = specs[static_cast<size_t>(r)];
    const size_t start = static_cast<size_t>(groups[0].data() - text.data());
    const size_t end = start + groups[0].size();
    const bool left_ok = start == 0 || EdgeAllows(spec.left, bytes[start - 1]);
    const bool right_ok = end == text.size() || EdgeAllows(spec.right, bytes[end]);
    size_t& pos = next[static_cast<size_t>(r)];
    if (left_ok && right_ok && groups[1].data() != nullptr && !groups[1].empty()) {
      const size_t offset = static_cast<size_t>(groups[1].data() - text.data());
      const std::string_view secret = text.substr(offset, groups[1].size());
      if (Accept(spec, secret)) {
        matches.push_back({offset, secret.size(), r});
        ++accepted[static_cast<size_t>(r)];
      }
      pos = std::max(offset + secret.size(), start + 1);
      return;
    }
    pos = start + 1;
    while (pos < text.size() && !EdgeAllows(spec.left, bytes[pos - 1])) ++pos;
  };
  const auto re_of = [&](int r) -> const RE2& { return m.filter.GetRE2(m.id_of_rule[static_cast<size_t>(r)]); };

  // Rules without a literal prefix: each RE2 walks the text from match to
  // match.
  std::vector<bool> prefixed_candidate(specs.size(), false);
  bool any_prefixed = false;
  for (int r : candidates) {
    if (!m.prefix_of_rule[static_cast<size_t>(r)].empty()) {
      prefixed_candidate[static_cast<size_t>(r)] = any_prefixed = true;
      continue;
    }
    const RE2& re = re_of(r);
    size_t& pos = next[static_cast<size_t>(r)];
    while (pos <= text.size() && accepted[static_cast<size_t>(r)] < kMaxMatchesPerRule &&
           re.Match(input, pos, text.size(), RE2::UNANCHORED, groups, 2)) {
      take(r);
    }
  }
  // Rules with a literal prefix ("ghp_", "-----BEGIN", ...): one pass over
  // the text finds every occurrence of every prefix (indexed by its first
  // two bytes), and the rule is matched ANCHORED there over a bounded
  // window. An unanchored DFA over text dense in near-matches (long
  // alphanumeric runs against counted repetitions) builds a new state at
  // almost every byte; anchored, a failed attempt costs a few bytes.
  for (size_t i = 0; any_prefixed && i + 1 < text.size(); ++i) {
    const size_t key = static_cast<size_t>(bytes[i]) << 8 | bytes[i + 1];
    if (!m.pair_used[key]) continue;
    for (int r : m.rules_by_pair[key]) {
      const size_t ri = static_cast<size_t>(r);
      if (!prefixed_candidate[ri] || i < next[ri] || accepted[ri] >= kMaxMatchesPerRule) continue;
      const std::string& prefix = m.prefix_of_rule[ri];
      if (text.compare(i, prefix.size(), prefix) != 0) continue;
      if (re_of(r).Match(input, i, std::min(text.size(), i + kMaxMatchLength), RE2::ANCHOR_START, groups, 2)) {
        take(r);
      }
    }
  }

  // Overlaps: the longest wins, then the most specific, then table order.
  std::sort(matches.begin(), matches.end(),
            [&](const Match& a, const Match& b) {
              if (a.length != b.length) return a.length > b.length;
              const int sa = specs[a.rule].specificity;
              const int sb = specs[b.rule].specificity;
              if (sa != sb) return sa > sb;
              if (a.rule != b.rule) return a.rule < b.rule;
              return a.offset < b.offset;
            });
  std::map<size_t, Match> kept;  // by offset; intervals never overlap
  for (const Match& match : matches) {
    const size_t end = match.offset + match.length;
    auto after = kept.lower_bound(match.offset);
    if (after != kept.end() && after->first < end) continue;
    if (after != kept.begin()) {
      const Match& prev = std::prev(after)->second;
      if (prev.offset + prev.length > match.offset) continue;
    }
    kept.emplace(match.offset, match);
  }

  std::vector<Finding> findings;
  for (const auto& [offset, match] : kept) {
    if (findings.size() == kMaxFindings) break;
    Finding finding;
    finding.rule = "secret/" + std::string(specs[match.rule].id);
    finding.offset = offset;
    finding.length = match.length;
    finding.masked = Mask(text.substr(offset, match.length));
    findings.push_back(std::move(finding));
  }
  return findings;
}

std::optional<Finding> ScanKeyValue(std::string_view key,
                                    std::string_view value) {
  if (!NamesSecret(key)) return std::nullopt;
  const std::string_view trimmed = TrimSpace(value);
  const std::string_view secret = SkipAuthScheme(trimmed);
  if (secret.size() < kGenericMinLength || IsPlaceholder(secret)) {
    return std::nullopt;
  }
  for (char c : secret) {
    if (IsSpace(c)) return std::nullopt;
  }
  // Paths and URLs are not credentials (URL passwords are Scan's).
  if (secret.front() == '/' || secret.front() == '~' ||
      secret.substr(0, 2) == "./" || secret.find("://") != std::string::npos ||
      (secret.size() > 2 && secret[1] == ':' &&
       (secret[2] == '\\' || secret[2] == '/'))) {
    return std::nullopt;
  }
  const bool hex = std::all_of(secret.begin(), secret.end(), [](char c) {
    return IsHexDigit(static_cast<unsigned char>(c));
  });
  const double threshold = hex ? kGenericMinEntropyHex : kGenericMinEntropy;
  if (ShannonEntropy(secret) < threshold) return std::nullopt;
  Finding finding;
  finding.rule = "secret/generic-high-entropy";
  finding.offset = static_cast<size_t>(secret.data() - value.data());
  finding.length = secret.size();
  finding.masked = Mask(secret);
  return finding;
}

std::string Mask(std::string_view secret) {
  const auto* p = reinterpret_cast<const unsigned char*>(secret.data());
  const auto* end = p + secret.size();
  // Code points; each malformed byte counts as one.
  std::vector<std::pair<size_t, size_t>> first;  // (offset, bytes) of 4
  size_t count = 0;
  for (const unsigned char* q = p; q < end; ++count) {
    size_t len = *q < 0x80 ? 1 : utf8::SequenceLength(q, end);
    const bool valid = len != 0;
    if (!valid) len = 1;
    if (first.size() < 4) {
      first.emplace_back(valid ? static_cast<size_t>(q - p) : SIZE_MAX, len);
    }
    q += len;
  }
  std::string out;
  if (count >= kMaskRevealMinLength) {
    for (const auto& [offset, len] : first) {
      const bool control =
          offset == SIZE_MAX ||
          (len == 1 && (p[offset] < 0x20 || p[offset] == 0x7F)) ||
          (len == 2 && p[offset] == 0xC2 && p[offset + 1] < 0xA0);  // C1
      if (control) {
        out += "\xEF\xBF\xBD";  // U+FFFD
      } else {
        out.append(secret.substr(offset, len));
      }
    }
  }
  out += "\xE2\x80\xA6(";  // "…"
  out += std::to_string(count);
  out += count == 1 ? " char)" : " chars)";
  return out;
}

bool IsPlaceholder(std::string_view value) {
  std::string_view v = TrimSpace(value);
  while (v.size() >= 2 &&
         (v.front() == '"' || v.front() == '\'' || v.front() == '`') &&
         v.back() == v.front()) {
    v = TrimSpace(v.substr(1, v.size() - 2));
  }
  v = SkipAuthScheme(v);
  if (v.empty()) return true;
  if (IsTemplate(v)) return true;
  const std::string lower = ToLower(v);
  // Whole values that are words, not credentials.
  static constexpr std::string_view kFakeValues[] = {
      "password",  "passwd",  "pass",    "pwd",  "secret",   "token",
      "apikey",    "api_key", "api-key", "key",  "changeit", "test",
      "testing",   "sample",  "default", "null", "nil",      "none",
      "undefined", "true",    "false",   "todo", "tbd",      "xxx"};
  for (std::string_view fake : kFakeValues) {
    if (lower == fake) return true;
  }
  // Markers of example text inside a value (case-insensitive).
  static constexpr std::string_view kFakeMarkers[] = {
      "example",   "redacted",   "placeholder", "changeme",  "change_me",
      "change-me", "replace_me", "replace-me",  "replaceme", "dummy",
      "your_",     "your-",      "your ",       "yourkey",   "yourapi",
      "yourtoken", "yoursecret", "yourpass",    "insert_",   "insert-",
      "_here",     "-here",      "notreal",     "not_real",  "not-real",
      "xxxxx"};
  for (std::string_view marker : kFakeMarkers) {
    if (lower.find(marker) != std::string::npos) return true;
  }
  if (lower.rfind("your", 0) == 0) return true;  // "YourApiKey", "YOURKEY"
  if (v.size() >= 3 &&
      std::all_of(v.begin(), v.end(), [&](char c) { return c == v[0]; })) {
    return true;  // "xxx", "000", "***"
  }
  return HasFillerRun(v);
}

}  // namespace secrets
}  // namespace mcp_builder
