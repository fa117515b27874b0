// LinearMatcher: which patterns it takes, and that it finds the match RE2
// finds (leftmost-first: alternatives in order, optional parts taken when
// they can be, the secret's group on the way taken).
#include "lint/secret_linear.h"

#include <gtest/gtest.h>

#include <array>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "re2/re2.h"

namespace mcp_builder {
namespace secrets {
namespace {

RE2::Options Latin1() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_log_errors(false);
  return options;
}

// The match's end and group 1, or nullopt.
using Span = std::optional<std::array<size_t, 3>>;

Span Linear(const LinearMatcher& m, std::string_view text, size_t start) {
  size_t end = 0, begin_1 = 0, end_1 = 0;
  if (!m.Match(reinterpret_cast<const unsigned char*>(text.data()), start, text.size(), &end, &begin_1, &end_1)) {
    return std::nullopt;
  }
  return std::array<size_t, 3>{end, begin_1, end_1};
}

Span ByRe2(const RE2& re, std::string_view text, size_t start) {
  re2::StringPiece groups[2];
  if (!re.Match(re2::StringPiece(text.data(), text.size()), start, text.size(), RE2::ANCHOR_START, groups, 2)) {
    return std::nullopt;
  }
  const auto at = [&](const re2::StringPiece& g) { return static_cast<size_t>(g.data() - text.data()); };
  if (groups[1].data() == nullptr) return std::array<size_t, 3>{at(groups[0]) + groups[0].size(), start, start};
  return std::array<size_t, 3>{at(groups[0]) + groups[0].size(), at(groups[1]), at(groups[1]) + groups[1].size()};
}

TEST(LinearMatcher, TakesSequencesOfClassesWhoseRunsAreForced) {
  for (const char* pattern : {"(ghp_[A-Za-z0-9]{36,255})", "x(?i:bearer)[ \\t]+([A-Za-z0-9._~+/-]{24,}=*)",
                              "(sk_(?:live|test)_[A-Za-z0-9]{24,247})", "(?i:postgres(?:ql)?)://[^:@]*:([^@]+)@",
                              "(eyJ[A-Za-z0-9_-]{10,}={0,2}\\.eyJ[A-Za-z0-9_-]{10,})", "(a|ab)", "()"}) {
    const RE2 re(pattern, Latin1());
    ASSERT_TRUE(re.ok()) << pattern;
    EXPECT_NE(LinearMatcher::Compile(re), nullptr) << pattern;
  }
}

TEST(LinearMatcher, LeavesToRe2WhatNeedsBacktrackingOrIsNotASequence) {
  for (const char* pattern : {
           "([a-z]+[a-c])",            // the run could end early for the class after it
           "([0-9]{2,}[0-9])",         // same, with counts
           "([a-z]*,?[a-z])",          // an optional piece between does not break the overlap
           "(a(?:[0-9]-)+b)",          // a repeat of more than one character
           "(-----(?:[^-]|-[^-]){4,}?-----)",  // lazy
           "\\b(abc)",                 // a position test
           "(abc)(def)",               // two groups
           "abc",                      // no group: no secret
           "((?:ab|cd|ef|gh)(?:ab|cd|ef|gh)(?:ab|cd|ef|gh))",  // 64 ways
       }) {
    const RE2 re(pattern, Latin1());
    ASSERT_TRUE(re.ok()) << pattern;
    EXPECT_EQ(LinearMatcher::Compile(re), nullptr) << pattern;
  }
  RE2::Options utf8;
  utf8.set_log_errors(false);
  EXPECT_EQ(LinearMatcher::Compile(RE2("(abc)", utf8)), nullptr) << "only Latin-1 patterns: a byte is a character";
}

TEST(LinearMatcher, FindsTheMatchRe2Finds) {
  struct Case {
    const char* pattern;
    std::string_view text;
    Span expected;
  };
  const Case cases[] = {
      // The first alternative that matches, not the longest.
      {"(a|ab)", "ab", std::array<size_t, 3>{1, 0, 1}},
      {"(ab|a)", "ab", std::array<size_t, 3>{2, 0, 2}},
      // An optional part is taken where it can be.
      {"(x(?:yz)?)", "xyz", std::array<size_t, 3>{3, 0, 3}},
      {"(x(?:yz)?)", "xyq", std::array<size_t, 3>{1, 0, 1}},
      // A run stops at its bound, and the match fails if the next piece
      // cannot take what follows.
      {"(k[0-9]{2,3})", "k12345", std::array<size_t, 3>{4, 0, 4}},
      {"(k[0-9]{2,3}-)", "k1234-", std::nullopt},
      {"(k[0-9]{2,3})", "k1", std::nullopt},
      // The group within the match, and a group on one way only.
      {"(?i:bearer) +([a-z0-9]{4,})", "Bearer  abc123 rest", std::array<size_t, 3>{14, 8, 14}},
      {"a(?:(b)|c)", "ac", std::array<size_t, 3>{2, 0, 0}},
      // Case folding of literals, in either case.
      {"((?i:redis)s?://)", "REDISs://", std::array<size_t, 3>{9, 0, 9}},
      {"((?i:redis)s?://)", "REDISS://", std::nullopt},
      // Bytes above ASCII are characters of their own.
      {"(a[^ ]+)", "a\xC3\xA9\xFF b", std::array<size_t, 3>{4, 0, 4}},
  };
  for (const Case& c : cases) {
    const RE2 re(c.pattern, Latin1());
    const auto matcher = LinearMatcher::Compile(re);
    ASSERT_NE(matcher, nullptr) << c.pattern;
    EXPECT_EQ(Linear(*matcher, c.text, 0), c.expected) << c.pattern << " on " << c.text;
    EXPECT_EQ(ByRe2(re, c.text, 0), c.expected) << "RE2 on " << c.pattern << " (the case itself is wrong)";
  }
}

TEST(LinearMatcher, AgreesWithRe2OnRandomText) {
  // Each pattern with pieces of its matches and near misses, joined at
  // random into texts matched from every offset.
  struct Case {
    const char* pattern;
    std::vector<std::string_view> pieces;
  };
  const Case cases[] = {
      {"(ab|a)(?:c[0-9]{1,3})?x*", {"a", "ab", "b", "c", "c1", "1", "12", "x", "xx"}},
      {"([a-c]{2,4}(?:-[0-9])?\\.(?i:k|kk)?z?)", {"ab", "abc", "c", "-", "-5", "5", ".", "k", "K", "z"}},
      {"(?:q|(w)|e)[a-z]{0,2}[0-9]+", {"q", "w", "e", "a", "ab", "1", "12"}},
      {"(?i:u(?:rl)?)://[^:]*:([^@]+)@", {"URL://", "u://", "Ur", "rl", ":", "@", "pw", "h"}},
  };
  std::mt19937_64 rng(7);  // NOLINT(cert-msc32-c,cert-msc51-cpp): fixed, to reproduce a failure
  for (const Case& c : cases) {
    const RE2 re(c.pattern, Latin1());
    const auto matcher = LinearMatcher::Compile(re);
    ASSERT_NE(matcher, nullptr) << c.pattern;
    size_t matched = 0;
    for (int round = 0; round < 2000; ++round) {
      std::string text;
      for (size_t n = 1 + rng() % 10; n > 0; --n) text += c.pieces[rng() % c.pieces.size()];
      for (size_t start = 0; start <= text.size(); ++start) {
        const Span expected = ByRe2(re, text, start);
        ASSERT_EQ(Linear(*matcher, text, start), expected) << c.pattern << " on " << text << " at " << start;
        matched += expected.has_value();
      }
    }
    EXPECT_GT(matched, 200u) << c.pattern;  // the comparison saw matches
  }
}

}  // namespace
}  // namespace secrets
}  // namespace mcp_builder
