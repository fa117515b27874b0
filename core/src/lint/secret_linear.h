// A rule's pattern matched without RE2 where it is a plain sequence of byte
// classes. Private to core/ (and tests).
#ifndef MCP_BUILDER_SRC_LINT_SECRET_LINEAR_H_
#define MCP_BUILDER_SRC_LINT_SECRET_LINEAR_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace re2 {
class RE2;
}

namespace mcp_builder {
namespace secrets {

/// Most token formats are a sequence of byte classes with counts:
/// "ghp_[A-Za-z0-9]{36,255}" is g, h, p, _ once each, then 36 to 255
/// alphanumerics. Where no counted class can take a byte the classes after
/// it could take (its run of alphanumerics ends where the next class must
/// begin), taking each run as long as it goes is the only way to match, so
/// the match RE2 would report is found left to right, with no backtracking
/// and no automaton. An alternation or an optional part makes a few such
/// sequences, tried in the order RE2 prefers them. The scanner tries a
/// rule about once per token it finds, where RE2::Match has a fixed cost
/// per call (its DFA's cache, a second pass for the secret's group) many
/// times the few bytes it reads: matching this way cut a pass over the
/// secrets bench corpus in wasm by about a tenth.
///
/// Compile reads the pattern from RE2's parse of it, so the rule table
/// keeps one form (the RE2 pattern) and RE2 stays the matcher of every
/// pattern this cannot take (lazy repeats, repeats that could take what
/// follows them, more than 16 ways through).
class LinearMatcher {
 public:
  /// The matcher of `re`'s pattern (compiled as Latin-1, one capturing
  /// group), or nullptr if the pattern is not such a sequence.
  static std::unique_ptr<LinearMatcher> Compile(const re2::RE2& re);

  /// Matches anchored at `start` in text[0, end), as RE2::Match with
  /// ANCHOR_START would. On a match, *match_end and group 1 (the secret)
  /// as [*group_begin, *group_end).
  bool Match(const unsigned char* text, size_t start, size_t end, size_t* match_end, size_t* group_begin,
             size_t* group_end) const;

 private:
  struct Step {
    uint8_t set;   // index in sets_
    uint32_t min;  // how many bytes of the set, at least
    uint32_t max;  // and at most (UINT32_MAX: no bound)
  };
  // One way through the pattern (an alternative, an optional part taken
  // or not): steps, and group 1 as steps [group_begin, group_end)
  // (SIZE_MAX: not on this way).
  struct Way {
    std::vector<Step> steps;
    size_t group_begin;
    size_t group_end;
  };
  bool MatchWay(const Way& way, const unsigned char* text, size_t start, size_t end, size_t* match_end,
                size_t* group_begin, size_t* group_end) const;

  std::vector<Way> ways_;                    // in the order RE2 prefers them
  std::vector<std::array<bool, 256>> sets_;  // distinct byte sets
};

}  // namespace secrets
}  // namespace mcp_builder

#endif  // MCP_BUILDER_SRC_LINT_SECRET_LINEAR_H_
