// The secret scanner.
//
// Design (security.md §3.4): one pass over the text with a literal
// prefilter, then each rule's RE2 only where a match of it may start.
//  1. At start-up the scanner derives, from each rule's compiled program,
//     the pairs of bytes its matches can begin with ("gh" for ghp_...,
//     "be", "bE", "Be", "BE" for (?i:bearer)). The few formats that begin
//     with a broad class (32 hex digits of a Mailchimp key, a Telegram bot
//     id) name a literal they hold instead ("-us", ":A") and how far before
//     it they start (Anchor in secret_scan.h). Formats that begin with a
//     few capitals ([MNO] of a Discord token) are triggered by the byte on
//     their left and their first byte instead: capitals stand inside words
//     far more often than after a quote or a space. One table maps each of
//     the 65,536 pairs to the rules it triggers.
//  2. One pass over the text looks up each pair of adjacent bytes. A pair
//     whose rules may not start after the byte on its left (inside a
//     word) is passed over. Where a rule is triggered, its literal prefix
//     is compared, its left edge checked (no token starts inside a word),
//     the first bytes checked against the classes its program allows, and
//     a byte every match holds ('@' of URL credentials) looked for; only
//     then is the rule matched ANCHORED at that start: by its
//     LinearMatcher (secret_linear.h: most formats are a sequence of
//     classes, matched left to right without RE2's fixed cost per call),
//     else by its RE2, as a DFA alone, and its groups (group 1 is the
//     secret) on the match alone.
//  3. No match starts inside a private key already reported: its body is
//     key material, not tokens of its own.
// Why: each rule walking the text unanchored costs a pass per rule, and a
// DFA over text dense in near-matches (long alphanumeric runs against
// counted repetitions) builds a new state at almost every byte. Before this
// design (a literal RE2::Set to pick candidate rules, then unanchored walks
// for the 23 rules without a literal prefix) a 1 MB config holding 978
// secrets took 22-35 ms natively; an RE2::Set of the full patterns (one DFA
// over all rules) was slower still (68 MB/s).
//
// Limits: a rule is tried at most (back_max - back_min + 1) times per
// occurrence of one of its pairs, only where its left edge allows a token
// to start, and resumes after its last match; each try is anchored and
// reads at most kMaxMatchLength bytes, so the worst case is bounded by
// that many bytes per byte of text, and in practice a try stops within a
// few bytes or at the end of its token (a megabyte of "eyJa-" repeated,
// a JWT start that never finds its '.', scans in ~45 ms natively). At most
// kMaxMatchesPerRule accepted matches per rule and kMaxFindings findings
// (the first in the text) are kept.
#include "lint/secret_scan.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <charconv>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <map>
#include <memory>

#include "lint/secret_linear.h"
#include "mcp_builder/secrets.h"
#include "re2/prog.h"
#include "re2/re2.h"
#include "re2/regexp.h"
#include "swar.h"
#include "utf8.h"

namespace mcp_builder {
namespace secrets {
namespace {

// Each rule's RE2, matched anchored: its DFA needs few states (1 MB each at
// most, grown only as needed).
constexpr int64_t kRuleMaxMem = 1 << 20;
constexpr size_t kMaxMatchesPerRule = kMaxFindings;
// Longest match a rule is tried for: far above any token or PEM key (a
// 16384-bit RSA key is ~12 KB).
constexpr size_t kMaxMatchLength = 64 << 10;
// How far a try reads ahead for a byte its rule's matches all hold.
constexpr size_t kRequiredReach = 256;

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

RE2::Options MatcherOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kRuleMaxMem);
  // Every byte is one character: invalid UTF-8 and NUL are just bytes.
  options.set_encoding(RE2::Options::EncodingLatin1);
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

// Whether group 1 spans the whole pattern: "(...)" with the first
// parenthesis closing at the end. Then the secret is the whole match.
bool GroupIsWholeMatch(std::string_view pattern) {
  if (pattern.size() < 2 || pattern[0] != '(' || pattern[1] == '?') return false;
  int depth = 0;
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;  // an escaped character is never syntax
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;  // "[]...]"
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return i + 1 == pattern.size();
    }
  }
  return false;
}

// Adds to `out` the byte-consuming instructions of `prog` reachable from
// instruction list `id` without consuming a byte. False if a match is
// reachable that way, or on an instruction this walk does not expect (the
// program is flattened: lists of instructions, no Alt).
bool AddClosure(re2::Prog* prog, int id, std::vector<re2::Prog::Inst*>* out,
                std::vector<bool>* seen) {
  if ((*seen)[static_cast<size_t>(id)]) return true;
  (*seen)[static_cast<size_t>(id)] = true;
  for (int i = id;; ++i) {
    re2::Prog::Inst* inst = prog->inst(i);
    switch (inst->opcode()) {
      case re2::kInstByteRange:
        out->push_back(inst);
        break;
      case re2::kInstCapture:
      case re2::kInstEmptyWidth:  // \b, ^, $: a superset is still correct
      case re2::kInstNop:
        if (!AddClosure(prog, inst->out(), out, seen)) return false;
        break;
      case re2::kInstFail:
        break;
      default:  // kInstMatch within the first two bytes; Alt, AltMatch
        return false;
    }
    if (inst->last()) break;
  }
  return true;
}

// Whether `prog` tests a position (\b, ^, $) anywhere.
bool TestsPosition(re2::Prog* prog) {
  for (int id = 0; id < prog->size(); ++id) {
    if (prog->inst(id)->opcode() == re2::kInstEmptyWidth) return true;
  }
  return false;
}

// What the start of a rule's matches looks like, read off its program.
struct Lead {
  // pairs[b0] holds the second bytes that may follow a first byte b0.
  std::array<std::bitset<256>, 256> pairs;
  // The literal every match starts with ("ghp_", "-----BEGIN ", "redis"
  // for (?i:rediss?)), lower case where it folds case; fold has 0x20 at
  // those bytes and 0 elsewhere. Up to kMaxLiteral bytes.
  std::string literal;
  std::string fold;
  // shape[k]: the bytes the k-th byte of a match may be, for the first
  // bytes every match has (up to kMaxShape).
  std::vector<std::bitset<256>> shape;
  // Every byte a match may hold, and a byte every match holds that may
  // not stand among its first bytes ('@' of a URL's credentials, '.' of a
  // Discord token); -1 if none. A try can end before RE2 where the text
  // leaves the alphabet before holding that byte.
  std::bitset<256> alphabet;
  int required = -1;
  // The program tests a position (\b, ^, $): the scanner matches a
  // match's groups on the match alone, where such a test would see
  // nothing around it, and checks edges itself instead (Edge).
  bool empty_width = false;
};
constexpr size_t kMaxLiteral = 8;
// A rule whose matches start with at most this many different bytes may be
// triggered by its left edge and first byte (see GetMatchers).
constexpr size_t kMaxEdgeFirstBytes = 6;
constexpr size_t kMaxShape = 12;

// What a walk of a program does after visiting an instruction.
enum class Step { kFollow, kStay, kStop };  // go on to its out(); not; end the walk

// Visits each instruction reachable from the anchored start of `prog` once
// (the program is flattened: lists of instructions). False if `visit`
// ended the walk.
template <typename Visit>
bool WalkFromStart(re2::Prog* prog, Visit visit) {
  std::vector<bool> seen(static_cast<size_t>(prog->size()));
  std::vector<int> lists = {prog->start()};
  while (!lists.empty()) {
    const int id = lists.back();
    lists.pop_back();
    if (seen[static_cast<size_t>(id)]) continue;
    seen[static_cast<size_t>(id)] = true;
    for (int i = id;; ++i) {
      re2::Prog::Inst* inst = prog->inst(i);
      const Step step = visit(inst);
      if (step == Step::kStop) return false;
      if (step == Step::kFollow) lists.push_back(inst->out());
      if (inst->last()) break;
    }
  }
  return true;
}

// Whether every match of `prog` holds byte c: with the instructions that
// may take c left out, no match is reachable.
bool EveryMatchHolds(re2::Prog* prog, int c) {
  return WalkFromStart(prog, [c](re2::Prog::Inst* inst) {
    switch (inst->opcode()) {
      case re2::kInstByteRange:
        return inst->Matches(c) ? Step::kStay : Step::kFollow;
      case re2::kInstCapture:
      case re2::kInstEmptyWidth:
      case re2::kInstNop:
        return Step::kFollow;
      case re2::kInstFail:
        return Step::kStay;
      default:  // kInstMatch reached without c; Alt, AltMatch (not in a flattened program)
        return Step::kStop;
    }
  });
}

// Lead::alphabet and Lead::required of `prog` (after Lead::shape and
// Lead::literal).
void ReadAlphabet(re2::Prog* prog, Lead* lead) {
  // Only the instructions an anchored match reaches: the program also holds
  // the any-byte loop of unanchored searches.
  std::bitset<256> literals;  // bytes an instruction takes alone
  WalkFromStart(prog, [&](re2::Prog::Inst* inst) {
    if (inst->opcode() == re2::kInstByteRange) {
      for (int c = inst->lo(); c <= inst->hi(); ++c) {
        lead->alphabet.set(static_cast<size_t>(c));
        if (inst->foldcase() && c >= 'a' && c <= 'z') lead->alphabet.set(static_cast<size_t>(c & ~0x20));  // its capital
      }
      if (inst->lo() == inst->hi() && !(inst->foldcase() && inst->lo() >= 'a' && inst->lo() <= 'z')) {
        literals.set(static_cast<size_t>(inst->lo()));
      }
    }
    return inst->opcode() == re2::kInstMatch || inst->opcode() == re2::kInstFail ? Step::kStay : Step::kFollow;
  });
  // Of the bytes every match holds, the one whose first possible place is
  // latest, and past the literal prefix (checked already).
  size_t best_place = lead->literal.size();
  for (size_t c = 0; c < 256; ++c) {
    if (!literals[c]) continue;
    size_t place = 0;
    while (place < lead->shape.size() && !lead->shape[place][c]) ++place;
    if (place > best_place && EveryMatchHolds(prog, static_cast<int>(c))) {
      best_place = place;
      lead->required = static_cast<int>(c);
    }
  }
}

// The bytes a byte-range instruction accepts.
std::bitset<256> BytesOf(re2::Prog::Inst* inst) {
  std::bitset<256> bytes;
  for (int c = 0; c < 256; ++c) {
    if (inst->Matches(c)) bytes.set(static_cast<size_t>(c));
  }
  return bytes;
}

// Reads `re`'s Lead. False if its pairs cannot be told (a match shorter
// than two bytes; an unexpected program).
bool ReadLead(const RE2& re, Lead* lead) {
  const std::unique_ptr<re2::Prog> prog(re.Regexp()->CompileToProg(kRuleMaxMem));
  if (prog == nullptr) return false;
  const size_t size = static_cast<size_t>(prog->size());
  lead->empty_width = TestsPosition(prog.get());
  std::vector<re2::Prog::Inst*> first;
  std::vector<bool> seen(size);
  if (!AddClosure(prog.get(), prog->start(), &first, &seen)) return false;
  for (re2::Prog::Inst* inst : first) {
    std::vector<re2::Prog::Inst*> second;
    std::vector<bool> seen_second(size);
    if (!AddClosure(prog.get(), inst->out(), &second, &seen_second)) return false;
    std::bitset<256> seconds;
    for (re2::Prog::Inst* next : second) seconds |= BytesOf(next);
    const std::bitset<256> firsts = BytesOf(inst);
    for (size_t c = 0; c < 256; ++c) {
      if (firsts[c]) lead->pairs[c] |= seconds;
    }
  }
  // The literal: while one instruction takes the next byte and it accepts
  // one byte, or one letter in either case.
  for (std::vector<re2::Prog::Inst*> step = first; step.size() == 1 && lead->literal.size() < kMaxLiteral;) {
    const std::bitset<256> bytes = BytesOf(step[0]);
    size_t c = 0;
    while (!bytes[c]) ++c;  // the smallest: an upper-case letter if it folds
    const bool letter = (c >= 'A' && c <= 'Z');
    if (bytes.count() == 1) {
      lead->literal.push_back(static_cast<char>(c));
      lead->fold.push_back(0);
    } else if (bytes.count() == 2 && letter && bytes[c | 0x20]) {
      lead->literal.push_back(static_cast<char>(c | 0x20));
      lead->fold.push_back(0x20);
    } else {
      break;
    }
    std::vector<re2::Prog::Inst*> next;
    std::vector<bool> seen_next(size);
    if (!AddClosure(prog.get(), step[0]->out(), &next, &seen_next)) break;
    step = std::move(next);
  }
  // The shape: the bytes each instruction set of the next step accepts,
  // until a match could end there.
  for (std::vector<re2::Prog::Inst*> step = first; !step.empty() && lead->shape.size() < kMaxShape;) {
    std::bitset<256> bytes;
    std::vector<re2::Prog::Inst*> next;
    std::vector<bool> seen_next(size);
    bool more = true;
    for (re2::Prog::Inst* inst : step) {
      bytes |= BytesOf(inst);
      more = more && AddClosure(prog.get(), inst->out(), &next, &seen_next);
    }
    lead->shape.push_back(bytes);
    if (!more) break;
    step = std::move(next);
  }
  ReadAlphabet(prog.get(), lead);
  return true;
}

// Index of a pair of bytes in Matchers::bucket_of_pair.
size_t PairKey(unsigned char first, unsigned char second) {
  return static_cast<size_t>(first) | static_cast<size_t>(second) << 8;
}

// Up to 8 bytes of `s` from `at` as a little-endian word (zeros past the end).
uint64_t Load8(std::string_view s, size_t at) {
  unsigned char bytes[8] = {};
  const size_t n = std::min<size_t>(8, s.size() - std::min(at, s.size()));
  if (n > 0) std::memcpy(bytes, s.data() + at, n);
  uint64_t word = 0;
  for (size_t i = 0; i < 8; ++i) word |= static_cast<uint64_t>(bytes[i]) << (8 * i);
  return word;
}

// Where 8 bytes are there, swar::Load reads the same word as Load8.
// (x86-64 and wasm32 are little-endian, as Load8 spells out.)
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the pair and literal words assume little-endian loads");

// The first i >= from where the pair of bytes at i has a bucket that the
// byte left of i allows (bucket stored in *bucket), or n. A function of its
// own so that its few variables stay in registers: this loop reads every
// byte of the text.
// Most pairs trigger nothing: a byte per pair tells which do. It is 64 KB,
// but text touches few of its lines (printable ASCII pairs: 95 rows of 95
// bytes, about 12 KB), and a byte is read with one load where a bit needs
// shifts and masks.
size_t NextTrigger(const uint8_t* pair_used, const uint16_t* bucket_of_pair, const std::bitset<256>* bucket_left,
                   const unsigned char* bytes, size_t from, size_t n, uint16_t* bucket) {
  // PairKey(b[i], b[i+1]) is the little-endian 16-bit word at i.
  const auto found = [&](size_t i) {
    *bucket = bucket_of_pair[PairKey(bytes[i], bytes[i + 1])];
    return i == 0 || bucket_left[*bucket][bytes[i - 1]];
  };
  size_t i = from;
  // Four pairs a step, one branch for the four, while a word can be read.
  for (; i + 8 <= n; i += 4) {
    const uint64_t w = swar::Load(bytes + i);
    unsigned hits = pair_used[w & 0xFFFF] | pair_used[(w >> 8) & 0xFFFF] << 1 |
                    pair_used[(w >> 16) & 0xFFFF] << 2 | pair_used[(w >> 24) & 0xFFFF] << 3;
    for (; hits != 0; hits &= hits - 1) {
      const size_t at = i + static_cast<size_t>(__builtin_ctz(hits));
      if (found(at)) return at;
    }
  }
  for (; i + 1 < n; ++i) {
    if (pair_used[PairKey(bytes[i], bytes[i + 1])] != 0 && found(i)) return i;
  }
  return n;
}

// A place a rule is tried: where the text holds one of the rule's pairs at
// i, the match starts between i - back_max and i - back_min (-1: the pair
// is the byte left of the start and the first byte).
struct Trigger {
  int rule;
  int16_t back_min;
  int16_t back_max;
};

// The literal a rule's trigger must find at i, as words compared at once:
// (text word | fold) & mask == literal.
struct LiteralCheck {
  uint64_t literal = 0;
  uint64_t fold = 0;
  uint64_t mask = 0;
  size_t size = 0;
};

// Which bytes may stand left of a token, per Edge (EdgeAllows as a table).
using EdgeTable = std::array<std::bitset<256>, static_cast<size_t>(Edge::kToken68) + 1>;

// The compiled rules and the pair table; see the design note at the top.
struct Matchers {
  std::vector<std::unique_ptr<RE2>> re;  // by index in RuleSpecs()
  // Per rule: its pattern matched without RE2, where LinearMatcher can.
  std::vector<std::unique_ptr<LinearMatcher>> linear;
  std::vector<int> groups;               // 1: group 1 is the whole match; 2
  std::vector<LiteralCheck> literal;     // at the trigger's position
  std::vector<std::vector<std::bitset<256>>> shape;  // Lead::shape per rule
  std::vector<std::bitset<256>> alphabet;            // Lead::alphabet per rule
  std::vector<int> required;                         // Lead::required per rule
  std::vector<RuleTrigger> trigger;      // what triggers each rule
  // Per pair (PairKey): index into buckets, 0 for none. Rules sharing the
  // same set of pairs share a bucket.
  std::vector<uint16_t> bucket_of_pair = std::vector<uint16_t>(1 << 16, 0);
  std::vector<uint8_t> pair_used = std::vector<uint8_t>(1 << 16, 0);  // 1: the pair has a bucket
  std::vector<std::vector<Trigger>> buckets = {{}};
  // Per bucket: the bytes that may stand left of its pair. Most pairs
  // ("Mo", "ht") occur inside words, where no token starts.
  std::vector<std::bitset<256>> bucket_left = {{}};
  std::vector<int> walked;  // rules with no pairs: RE2 walks the whole text
  std::vector<int> edge_triggered;               // rules triggered by (left byte, first byte)
  std::vector<std::bitset<256>> first_bytes;     // the bytes each rule's matches start with
  EdgeTable left_allowed;
  bool ok = true;
  std::string error;
};

LiteralCheck MakeLiteralCheck(std::string_view literal, std::string_view fold) {
  LiteralCheck check;
  check.size = std::min<size_t>(literal.size(), 8);
  for (size_t i = 0; i < check.size; ++i) {
    check.literal |= static_cast<uint64_t>(static_cast<unsigned char>(literal[i])) << (8 * i);
    check.fold |= static_cast<uint64_t>(static_cast<unsigned char>(fold[i])) << (8 * i);
    check.mask |= uint64_t{0xFF} << (8 * i);
  }
  return check;
}

const Matchers& GetMatchers() {
  static const Matchers* const matchers = [] {
    auto* m = new Matchers;
    const auto& specs = RuleSpecs();
    std::map<size_t, std::vector<Trigger>> triggers_of_pair;
    std::bitset<256> upper_or_digit;
    for (int c = 0; c < 256; ++c) upper_or_digit[static_cast<size_t>(c)] = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    for (size_t e = 0; e < m->left_allowed.size(); ++e) {
      for (int c = 0; c < 256; ++c) {
        m->left_allowed[e][static_cast<size_t>(c)] = EdgeAllows(static_cast<Edge>(e), static_cast<unsigned char>(c));
      }
    }
    for (size_t i = 0; i < specs.size(); ++i) {
      const RuleSpec& spec = specs[i];
      const int rule = static_cast<int>(i);
      m->re.push_back(std::make_unique<RE2>(re2::StringPiece(spec.pattern.data(), spec.pattern.size()),
                                            MatcherOptions()));
      const RE2& re = *m->re.back();
      m->linear.push_back(LinearMatcher::Compile(re));
      m->groups.push_back(GroupIsWholeMatch(spec.pattern) ? 1 : 2);
      m->trigger.emplace_back();
      m->literal.emplace_back();
      m->shape.emplace_back();
      m->first_bytes.emplace_back();
      m->alphabet.emplace_back();
      m->required.push_back(-1);
      // The first error is kept for MatchersCompiled.
      const auto fail = [&](const std::string& why) {
        if (m->ok) m->error = std::string(spec.id) + ": " + why;
        m->ok = false;
      };
      constexpr const char* kTestsPosition = "\\b, ^ and $ are not for rules (give it an Edge)";
      if (!re.ok() || re.NumberOfCapturingGroups() != 1) {
        fail(re.ok() ? "needs exactly one group" : re.error());
        continue;
      }
      const auto add = [&](unsigned char b0, unsigned char b1, int16_t back_min, int16_t back_max) {
        triggers_of_pair[PairKey(b0, b1)].push_back({rule, back_min, back_max});
        ++m->trigger[i].pairs;
      };
      if (spec.anchor.literal.size() >= 2) {
        const std::unique_ptr<re2::Prog> prog(re.Regexp()->CompileToProg(kRuleMaxMem));
        if (prog == nullptr || TestsPosition(prog.get())) fail(kTestsPosition);
        m->literal.back() = MakeLiteralCheck(spec.anchor.literal, std::string(spec.anchor.literal.size(), '\0'));
        add(static_cast<unsigned char>(spec.anchor.literal[0]), static_cast<unsigned char>(spec.anchor.literal[1]),
            spec.anchor.back_min, spec.anchor.back_max);
        continue;
      }
      auto lead = std::make_unique<Lead>();
      if (!ReadLead(re, lead.get())) {
        m->walked.push_back(rule);
        continue;
      }
      if (lead->empty_width) fail(kTestsPosition);
      for (size_t b0 = 0; b0 < 256; ++b0) {
        if (lead->pairs[b0].any()) m->first_bytes[i].set(b0);
      }
      m->shape.back() = std::move(lead->shape);
      m->alphabet.back() = lead->alphabet;
      m->required.back() = lead->required;
      // A rule whose matches start with a few upper-case letters or digits
      // ([MNO] of a Discord token, the A of AKIA) and never inside a word
      // is triggered by the byte left of its start and its first byte: in
      // text, upper-case letters mostly stand inside words ("MongoDB",
      // base64), so "Mo" is common where "M" after a quote or a space is
      // rare. (Lower-case ones start words as often: "mcpServers".) Its
      // literal, at most two bytes, is in the shape. Matches at offset 0,
      // with no byte on their left, are tried before the pass.
      const bool word_edge = spec.left != Edge::kNone && spec.left != Edge::kDigit;
      const bool upper_start = (m->first_bytes[i] & upper_or_digit) == m->first_bytes[i];
      if (word_edge && upper_start && lead->literal.size() <= 2 &&
          m->first_bytes[i].count() <= kMaxEdgeFirstBytes) {
        m->edge_triggered.push_back(rule);
        m->trigger[i].after_edge = true;
        for (size_t l = 0; l < 256; ++l) {
          if (!m->left_allowed[static_cast<size_t>(spec.left)][l]) continue;
          for (size_t f = 0; f < 256; ++f) {
            if (m->first_bytes[i][f]) add(static_cast<unsigned char>(l), static_cast<unsigned char>(f), -1, -1);
          }
        }
        continue;
      }
      for (size_t b0 = 0; b0 < 256; ++b0) {
        if (lead->pairs[b0].none()) continue;
        for (size_t b1 = 0; b1 < 256; ++b1) {
          if (lead->pairs[b0][b1]) add(static_cast<unsigned char>(b0), static_cast<unsigned char>(b1), 0, 0);
        }
      }
      m->literal.back() = MakeLiteralCheck(lead->literal, lead->fold);
    }
    std::map<std::vector<std::pair<int, int>>, uint16_t> bucket_of_set;
    for (auto& [key, triggers] : triggers_of_pair) {
      std::vector<std::pair<int, int>> set;
      for (const Trigger& t : triggers) set.emplace_back(t.rule, (t.back_min + 1) << 16 | (t.back_max + 1));
      auto [it, added] = bucket_of_set.emplace(set, static_cast<uint16_t>(m->buckets.size()));
      if (added) {
        // The bytes left of the pair some trigger of the bucket allows.
        std::bitset<256> left;
        for (const Trigger& t : triggers) {
          const bool at_start = t.back_min == 0 && t.back_max == 0;
          left |= at_start ? m->left_allowed[static_cast<size_t>(specs[static_cast<size_t>(t.rule)].left)]
                           : ~std::bitset<256>();
        }
        m->bucket_left.push_back(left);
        m->buckets.push_back(std::move(triggers));
      }
      m->bucket_of_pair[key] = it->second;
      m->pair_used[key] = 1;
    }
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

// What the per-byte loops of IsPlaceholder and IsPemKey ask of a byte, in
// one load. They read every byte of every candidate (kilobytes per PEM key).
enum CharClass : uint8_t {
  kTemplateChar = 1,  // $ { < % [: a template may hold it
  kMaskChar = 2,      // * . and the first byte of "…": a mask may
  kIdentByte = 4,     // IsIdentChar
  kBase64Byte = 8,    // IsBase64Char
  kUpperByte = 16,    // A-Z
};
const std::array<uint8_t, 256>& CharClasses() {
  static const auto* const table = [] {
    auto* t = new std::array<uint8_t, 256>{};
    for (int i = 0; i < 256; ++i) {
      const auto c = static_cast<unsigned char>(i);
      uint8_t cls = 0;
      if (c == '$' || c == '{' || c == '<' || c == '%' || c == '[') cls |= kTemplateChar;
      if (c == '*' || c == '.' || c == 0xE2) cls |= kMaskChar;
      if (IsIdentChar(static_cast<char>(c))) cls |= kIdentByte;
      if (IsBase64Char(c)) cls |= kBase64Byte;
      if (c >= 'A' && c <= 'Z') cls |= kUpperByte;
      (*t)[c] = cls;
    }
    return t;
  }();
  return *table;
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
  // Every scheme starts with b or t: most values need no search for a space.
  if (s.empty() || ((s[0] | 0x20) != 'b' && (s[0] | 0x20) != 't')) return s;
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

// "***", "..." and "…": masked or truncated text.
bool HasMask(std::string_view v) {
  return v.find("***") != std::string_view::npos || v.find("...") != std::string_view::npos ||
         v.find("\xE2\x80\xA6") != std::string_view::npos;
}

// Whether `lower` (lower case) holds a marker of example text. One pass:
// a bitmap of the markers' first two bytes rules out nearly every position
// (tokens are random text), and only the markers that begin with the pair
// found are compared.
bool HasFakeMarker(std::string_view lower) {
  static constexpr std::string_view kFakeMarkers[] = {
      "example",   "redacted",   "placeholder", "changeme",  "change_me",
      "change-me", "replace_me", "replace-me",  "replaceme", "dummy",
      "your_",     "your-",      "your ",       "yourkey",   "yourapi",
      "yourtoken", "yoursecret", "yourpass",    "insert_",   "insert-",
      "_here",     "-here",      "notreal",     "not_real",  "not-real",
      "xxxxx"};
  static_assert(std::size(kFakeMarkers) <= 32, "a marker set is a 32-bit mask");
  // The first two bytes of a marker, and the markers that begin with them.
  struct Start {
    size_t pair;
    uint32_t markers;
  };
  struct Starts {
    std::bitset<1 << 16> pairs;  // by PairKey
    std::vector<Start> list;
  };
  static const auto* const starts = [] {
    auto* table = new Starts;
    for (size_t k = 0; k < std::size(kFakeMarkers); ++k) {
      const std::string_view marker = kFakeMarkers[k];
      const size_t pair = PairKey(static_cast<unsigned char>(marker[0]), static_cast<unsigned char>(marker[1]));
      table->pairs.set(pair);
      auto it = std::find_if(table->list.begin(), table->list.end(), [&](const Start& s) { return s.pair == pair; });
      if (it == table->list.end()) it = table->list.insert(it, {pair, 0});
      it->markers |= uint32_t{1} << k;
    }
    return table;
  }();
  for (size_t i = 0; i + 1 < lower.size(); ++i) {
    const size_t pair = PairKey(static_cast<unsigned char>(lower[i]), static_cast<unsigned char>(lower[i + 1]));
    if (!starts->pairs[pair]) continue;
    const std::string_view rest = lower.substr(i);
    for (const Start& start : starts->list) {
      if (start.pair != pair) continue;
      for (uint32_t set = start.markers; set != 0; set &= set - 1) {
        const std::string_view marker = kFakeMarkers[__builtin_ctz(set)];
        if (rest.substr(0, marker.size()) == marker) return true;
      }
      break;
    }
  }
  return false;
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

// c log2 c for c < 256, the counts every token has: entropy then takes
// one log2 per call instead of one per distinct byte.
const std::array<double, 256>& CLog2CTable() {
  static const auto* const table = [] {
    auto* t = new std::array<double, 256>;
    for (size_t k = 0; k < t->size(); ++k) (*t)[k] = k < 2 ? 0 : static_cast<double>(k) * std::log2(k);
    return t;
  }();
  return *table;
}
double CLog2C(const std::array<double, 256>& table, uint32_t c) {
  return c < table.size() ? table[c] : c * std::log2(c);
}

// A PEM block whose body has at least 64 base64 characters with the entropy
// of key material (JSON "\n" escapes are not body). The body is counted in
// place: a key is kilobytes, and this runs on every one found.
bool IsPemKey(std::string_view block) {
  const size_t header_end = block.find("-----", 5);
  // The first END: PEM_BODY holds no "--".
  const size_t footer = block.find("-----END", header_end == std::string_view::npos ? block.size() : header_end + 5);
  if (header_end == std::string_view::npos ||
      footer == std::string_view::npos || footer <= header_end) {
    return false;
  }
  std::array<uint32_t, 256> counts{};
  size_t body = 0;
  const auto& classes = CharClasses();
  for (size_t i = header_end + 5; i < footer; ++i) {
    const unsigned char c = static_cast<unsigned char>(block[i]);
    if (classes[c] & kBase64Byte) {
      ++counts[c];
      ++body;
    } else if (c == '\\') {
      ++i;  // "\n", "\r" in JSON strings
    }
  }
  static constexpr std::string_view kBase64Alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  if (body < 64) return false;
  // Entropy: log2 n - (sum c log2 c) / n.
  const auto& table = CLog2CTable();
  double sum = 0;
  for (unsigned char c : kBase64Alphabet) sum += CLog2C(table, counts[c]);
  return std::log2(static_cast<double>(body)) - sum / static_cast<double>(body) >= 4.5;
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

// Whether `key` (any case) holds one of the fragments every secret-naming
// key has: most keys of a config ("command", "NODE_ENV", "PORT") do not,
// and are ruled out without splitting them into words.
bool MayNameSecret(std::string_view key) {
  static constexpr std::string_view kFragments[] = {"key", "token", "secret", "pass", "credential",
                                                    "auth", "cookie", "pat", "pw"};
  // As NamesSecret joins the key's words: letters and digits, lower case.
  char joined[64];
  if (key.size() > sizeof joined) return true;  // long keys take the full test
  size_t n = 0;
  for (char c : key) {
    if (IsIdentChar(c) && c != '_') joined[n++] = Lower(c);
  }
  const std::string_view k(joined, n);
  for (std::string_view fragment : kFragments) {
    if (k.find(fragment) != std::string_view::npos) return true;
  }
  return false;
}

bool NamesSecret(std::string_view key) {
  if (!MayNameSecret(key)) return false;
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
  // H = -sum p log2 p with p = c / n, computed as log2 n - (sum c log2 c) / n.
  // Zero between calls: the loop below resets every count it reads, so the
  // 1 KB table is not cleared on each call.
  thread_local std::array<uint32_t, 256> counts{};
  for (unsigned char c : s) ++counts[c];
  const auto& table = CLog2CTable();
  double sum = 0;
  for (unsigned char c : s) {  // each distinct byte once: its count is reset
    sum += CLog2C(table, counts[c]);
    counts[c] = 0;
  }
  const double n = static_cast<double>(s.size());
  return std::log2(n) - sum / n;
}

bool MatchersCompiled(std::string* error) {
  const Matchers& m = GetMatchers();
  if (!m.ok && error != nullptr) *error = m.error;
  return m.ok;
}

std::vector<RuleTrigger> RuleTriggers() { return GetMatchers().trigger; }

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

namespace {

// What a match of a rule spans in the scanned text: the match and the
// secret (group 1; empty at the match's start if it took no part).
struct RuleMatch {
  size_t begin = 0;
  size_t end = 0;
  size_t secret_begin = 0;
  size_t secret_end = 0;
};

// The RuleMatch of RE2's groups: group 1 is the secret, or (groups 1) the
// whole match is.
RuleMatch MatchOfGroups(std::string_view text, const re2::StringPiece* groups, int secret_group) {
  RuleMatch match;
  match.begin = static_cast<size_t>(groups[0].data() - text.data());
  match.end = match.begin + groups[0].size();
  const re2::StringPiece& secret = secret_group == 1 ? groups[0] : groups[1];
  match.secret_begin = secret.data() == nullptr ? match.begin : static_cast<size_t>(secret.data() - text.data());
  match.secret_end = match.secret_begin + secret.size();
  return match;
}

// Rule ri matched anchored at `start`, reading at most kMaxMatchLength
// bytes: by its LinearMatcher if it has one and use_linear, else by RE2.
bool MatchAt(const Matchers& m, size_t ri, std::string_view text, size_t start, bool use_linear, RuleMatch* out) {
  const size_t end = start + std::min(text.size() - start, kMaxMatchLength);
  if (const LinearMatcher* linear = m.linear[ri].get(); linear != nullptr && use_linear) {
    out->begin = start;
    return linear->Match(reinterpret_cast<const unsigned char*>(text.data()), start, end, &out->end,
                         &out->secret_begin, &out->secret_end);
  }
  // The match first (RE2's DFA alone), then, where the secret is group 1
  // of a longer match, the groups within the match alone: given the rest
  // of the text, RE2 runs its submatch engine over all of it, sizing a
  // bitmap for every byte (patterns hold no \b, ^ or $ that would see
  // past the match).
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[2];
  if (!m.re[ri]->Match(input, start, end, RE2::ANCHOR_START, groups, 1)) return false;
  if (m.groups[ri] == 2) {
    const re2::StringPiece whole = groups[0];
    if (!m.re[ri]->Match(whole, 0, whole.size(), RE2::ANCHOR_BOTH, groups, 2)) return false;
  }
  *out = MatchOfGroups(text, groups, m.groups[ri]);
  return true;
}

}  // namespace

bool HasLinearMatcher(int rule) { return GetMatchers().linear.at(static_cast<size_t>(rule)) != nullptr; }

std::optional<std::array<size_t, 3>> MatchRuleAt(int rule, std::string_view text, size_t start, bool use_linear) {
  RuleMatch match;
  if (!MatchAt(GetMatchers(), static_cast<size_t>(rule), text, start, use_linear, &match)) return std::nullopt;
  return std::array<size_t, 3>{match.end, match.secret_begin, match.secret_end};
}

std::vector<SecretMatch> FindSecrets(std::string_view text) {
  const Matchers& m = GetMatchers();
  const auto& specs = RuleSpecs();
  const re2::StringPiece input(text.data(), text.size());
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::vector<SecretMatch> matches;
  // Per rule: where its next match may start, and how many it kept. Zero
  // between calls, kept across them (most calls scan one small file): only
  // the rules a call touched are reset, when it returns.
  thread_local std::vector<size_t> next, accepted;
  thread_local std::vector<int> touched;
  if (next.size() != specs.size()) {
    next.assign(specs.size(), 0);
    accepted.assign(specs.size(), 0);
  }
  struct ResetTouched {
    ~ResetTouched() {
      for (int r : touched) next[static_cast<size_t>(r)] = accepted[static_cast<size_t>(r)] = 0;
      touched.clear();
    }
  } reset_touched;
  // No match starts before this: the end of the last private key reported.
  // Its body is key material: tokens in it are the key, not findings of
  // their own (and would lose to the longer key below).
  size_t skip_to = 0;
  // A match of rule r: kept if its right edge and checks pass (the left
  // edge was checked before matching); next[r] moves past it.
  const auto take = [&](int r, const RuleMatch& match) {
    const RuleSpec& spec = specs[static_cast<size_t>(r)];
    size_t& pos = next[static_cast<size_t>(r)];
    if (pos == 0) touched.push_back(r);
    pos = match.begin + 1;
    if (match.secret_begin == match.secret_end ||
        (match.end < text.size() && !EdgeAllows(spec.right, bytes[match.end]))) {
      return;
    }
    const std::string_view secret = text.substr(match.secret_begin, match.secret_end - match.secret_begin);
    if (Accept(spec, secret)) {
      matches.push_back({match.secret_begin, secret.size(), r});
      ++accepted[static_cast<size_t>(r)];
      pos = std::max(match.secret_end, pos);
      if (spec.check == Check::kPem) skip_to = std::max(skip_to, match.secret_end);
    }
  };
  // Tries rule r at `start`, where its match must begin.
  const auto try_at = [&](int r, size_t start) {
    const size_t ri = static_cast<size_t>(r);
    if (start < skip_to) return false;
    if (start > 0 && !m.left_allowed[static_cast<size_t>(specs[ri].left)][bytes[start - 1]]) return false;
    // The first bytes against the rule's shape: most tries end here.
    const auto& shape = m.shape[ri];
    if (text.size() - start < shape.size()) return false;
    for (size_t k = 0; k < shape.size(); ++k) {
      if (!shape[k][bytes[start + k]]) return false;
    }
    // A byte every match holds: no match where the text leaves the
    // rule's alphabet (or ends) before it. Read for a bounded stretch; past
    // it the match decides.
    if (const int required = m.required[ri]; required >= 0) {
      const size_t limit = std::min(text.size(), start + kRequiredReach);
      size_t p = start;
      while (p < limit && bytes[p] != required && m.alphabet[ri][bytes[p]]) ++p;
      if (p == text.size() || (p < limit && bytes[p] != required)) return false;
    }
    RuleMatch match;
    if (!MatchAt(m, ri, text, start, /*use_linear=*/true, &match)) return false;
    take(r, match);
    return true;
  };

  // Rules triggered by the byte left of their start: at offset 0 there is
  // none.
  if (!text.empty()) {
    for (int r : m.edge_triggered) {
      if (m.first_bytes[static_cast<size_t>(r)][bytes[0]]) try_at(r, 0);
    }
  }
  // The one pass: every pair of adjacent bytes looked up in the table.
  uint16_t bucket = 0;
  const uint8_t* const pair_used = m.pair_used.data();
  const uint16_t* const bucket_of_pair = m.bucket_of_pair.data();
  const std::bitset<256>* const bucket_left = m.bucket_left.data();
  for (size_t i = NextTrigger(pair_used, bucket_of_pair, bucket_left, bytes, 0, text.size(), &bucket); i < text.size();
       i = NextTrigger(pair_used, bucket_of_pair, bucket_left, bytes, std::max(i + 1, skip_to), text.size(), &bucket)) {
    const uint64_t word = i + 8 <= text.size() ? swar::Load(bytes + i) : Load8(text, i);
    for (const Trigger& t : m.buckets[bucket]) {
      const size_t ri = static_cast<size_t>(t.rule);
      const auto at = static_cast<ptrdiff_t>(i);
      if (accepted[ri] >= kMaxMatchesPerRule || at < t.back_min) continue;
      const LiteralCheck& literal = m.literal[ri];
      if (literal.size > 2 && ((word | literal.fold) & literal.mask) != literal.literal) continue;
      // Leftmost first, as an unanchored search would find it.
      for (ptrdiff_t back = std::min<ptrdiff_t>(t.back_max, at); back >= t.back_min; --back) {
        const size_t start = static_cast<size_t>(at - back);
        if (start >= next[ri] && try_at(t.rule, start)) break;
      }
    }
  }
  // Rules without pairs (none in the table; a safety net for a new rule the
  // pair walk cannot read): RE2 walks the text from match to match.
  re2::StringPiece groups[2];
  for (int r : m.walked) {
    const size_t ri = static_cast<size_t>(r);
    while (next[ri] <= text.size() && accepted[ri] < kMaxMatchesPerRule &&
           m.re[ri]->Match(input, next[ri], text.size(), RE2::UNANCHORED, groups, 2)) {
      const RuleMatch match = MatchOfGroups(text, groups, m.groups[ri]);
      if (match.begin > 0 && !EdgeAllows(specs[ri].left, bytes[match.begin - 1])) {
        if (next[ri] == 0) touched.push_back(r);
        next[ri] = match.begin + 1;
      } else {
        take(r, match);
      }
    }
  }

  // Overlaps: the longest wins, then the most specific, then table order.
  // Matches are found in about text order and seldom overlap: when sorting
  // them by offset shows none does, all are kept as they are.
  std::sort(matches.begin(), matches.end(), [](const SecretMatch& a, const SecretMatch& b) { return a.offset < b.offset; });
  bool overlap = false;
  for (size_t k = 1; k < matches.size() && !overlap; ++k) {
    overlap = matches[k].offset < matches[k - 1].offset + matches[k - 1].length;
  }
  if (overlap) {
    std::sort(matches.begin(), matches.end(), [&](const SecretMatch& a, const SecretMatch& b) {
      if (a.length != b.length) return a.length > b.length;
      const int sa = specs[a.rule].specificity;
      const int sb = specs[b.rule].specificity;
      if (sa != sb) return sa > sb;
      if (a.rule != b.rule) return a.rule < b.rule;
      return a.offset < b.offset;
    });
    std::map<size_t, SecretMatch> kept;  // by offset; intervals never overlap
    for (const SecretMatch& match : matches) {
      const size_t end = match.offset + match.length;
      auto after = kept.lower_bound(match.offset);
      if (after != kept.end() && after->first < end) continue;
      if (after != kept.begin()) {
        const SecretMatch& prev = std::prev(after)->second;
        if (prev.offset + prev.length > match.offset) continue;
      }
      kept.emplace(match.offset, match);
    }
    matches.clear();
    for (const auto& entry : kept) matches.push_back(entry.second);
  }

  if (matches.size() > kMaxFindings) matches.resize(kMaxFindings);
  return matches;
}

std::vector<Finding> Scan(std::string_view text) {
  const auto& specs = RuleSpecs();
  std::vector<Finding> findings;
  for (const SecretMatch& match : FindSecrets(text)) {
    Finding finding;
    finding.rule = "secret/" + std::string(specs[static_cast<size_t>(match.rule)].id);
    finding.offset = match.offset;
    finding.length = match.length;
    finding.masked = Mask(text.substr(match.offset, match.length));
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
  std::string out;
  AppendMask(&out, secret);
  return out;
}

MaskParts MaskPartsOf(std::string_view secret) {
  MaskParts parts;
  const auto* p = reinterpret_cast<const unsigned char*>(secret.data());
  const auto* end = p + secret.size();
  // Code points; each malformed byte counts as one. The first 4 decoded.
  size_t& count = parts.length;
  const unsigned char* q = p;
  for (; q < end && count < parts.shown.size(); ++count) {
    const size_t len = *q < 0x80 ? 1 : utf8::SequenceLength(q, end);
    uint32_t cp = 0xFFFD;
    if (len == 1) {
      cp = *q;
    } else if (len > 1) {
      cp = *q & (0x7Fu >> len);
      for (size_t k = 1; k < len; ++k) cp = cp << 6 | (q[k] & 0x3Fu);
    }
    const bool control = cp < 0x20 || (cp >= 0x7F && cp < 0xA0);  // C0, DEL, C1
    parts.shown[count] = control ? 0xFFFD : cp;
    q += len == 0 ? 1 : len;
  }
  // The rest is only counted, ASCII 8 bytes at a time (a PEM key is
  // kilobytes of it).
  while (q < end) {
    if (end - q >= 8 && !swar::HasHigh(swar::Load(q))) {
      q += 8;
      count += 8;
      continue;
    }
    const size_t len = *q < 0x80 ? 1 : utf8::SequenceLength(q, end);
    q += len == 0 ? 1 : len;
    ++count;
  }
  parts.shown_count = count >= kMaskRevealMinLength ? std::min(count, parts.shown.size()) : 0;
  return parts;
}

void AppendMask(std::string* out, std::string_view secret) {
  const MaskParts parts = MaskPartsOf(secret);
  for (size_t k = 0; k < parts.shown_count; ++k) utf8::Append(out, parts.shown[k]);
  char digits[24];
  const char* const digits_end = std::to_chars(digits, digits + sizeof digits, parts.length).ptr;
  out->append("\xE2\x80\xA6(");  // "…"
  out->append(digits, static_cast<size_t>(digits_end - digits));
  out->append(parts.length == 1 ? " char)" : " chars)");
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
  // One pass: the value in lower case (on the stack when short), whether
  // it has a character a template or a mask needs (most tokens have
  // neither, and skip those searches), and its filler runs: one character
  // repeated (xxxxxxxx, 00000000) or ascending (abcdefgh, 12345678), 8 or
  // more, or one character throughout ("xxx", "000").
  char stack[128];
  std::string heap;
  char* buffer = stack;
  if (v.size() > sizeof stack) {
    heap.resize(v.size());
    buffer = heap.data();
  }
  const auto& classes = CharClasses();
  static_assert(kUpperByte << 1 == 0x20, "an upper-case byte's class bit, shifted, is its lower-case bit");
  const auto* bytes = reinterpret_cast<const unsigned char*>(v.data());
  unsigned prev = bytes[0];
  uint8_t seen = classes[prev];  // CharClass bits of all bytes
  buffer[0] = static_cast<char>(prev | (seen & kUpperByte) << 1);
  size_t same = 1, ascending = 1;
  bool filler = false;
  for (size_t i = 1; i < v.size(); ++i) {
    const unsigned c = bytes[i];
    const uint8_t cls = classes[c];
    seen |= cls;
    buffer[i] = static_cast<char>(c | (cls & kUpperByte) << 1);
    same = c == prev ? same + 1 : 1;
    ascending = (cls & kIdentByte) && c == prev + 1 ? ascending + 1 : 1;
    filler |= (same | ascending) >= 8;  // either is 8 or more
    prev = c;
  }
  if (filler || (v.size() >= 3 && same == v.size())) return true;
  if ((seen & kTemplateChar) && IsTemplate(v)) return true;
  const std::string_view lower(buffer, v.size());
  // Whole values that are words, not credentials.
  static constexpr std::string_view kFakeValues[] = {
      "password",  "passwd",  "pass",    "pwd",  "secret",   "token",
      "apikey",    "api_key", "api-key", "key",  "changeit", "test",
      "testing",   "sample",  "default", "null", "nil",      "none",
      "undefined", "true",    "false",   "todo", "tbd",      "xxx"};
  if (lower.size() <= 9) {  // "undefined", the longest
    for (std::string_view fake : kFakeValues) {
      if (lower == fake) return true;
    }
  }
  if (HasFakeMarker(lower)) return true;
  if (lower.substr(0, 4) == "your") return true;  // "YourApiKey", "YOURKEY"
  return (seen & kMaskChar) && HasMask(v);  // "***", "...", "…"
}

}  // namespace secrets
}  // namespace mcp_builder
