// LinearMatcher: a rule read off RE2's parse into sequences of byte
// classes, and matched along them (secret_linear.h says when that is exact).
#include "lint/secret_linear.h"

#include <bitset>
#include <limits>

#include "re2/re2.h"
#include "re2/regexp.h"

namespace mcp_builder {
namespace secrets {
namespace {

constexpr uint32_t kUnbounded = std::numeric_limits<uint32_t>::max();
constexpr size_t kNoGroup = std::numeric_limits<size_t>::max();

using Bytes = std::bitset<256>;

// One class with its counts, as read off the parse.
struct Piece {
  Bytes bytes;
  uint32_t min;
  uint32_t max;
};

// Adds the bytes rune `r` matches in Latin-1 to *out. False where case
// folding would take more than ASCII's (Latin-1 letters fold in ways this
// does not repeat).
bool AddRune(re2::Rune r, bool fold, Bytes* out) {
  if (r < 0 || r > 0xFF) return true;  // no byte is that character
  const bool letter = (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
  if (fold && r >= 0x80) return false;
  out->set(static_cast<size_t>(r));
  if (fold && letter) out->set(static_cast<size_t>(r ^ 0x20));
  return true;
}

// The bytes a regexp of one character takes; false if it is not one.
bool BytesOf(re2::Regexp* re, Bytes* out) {
  switch (re->op()) {
    case re2::kRegexpLiteral:
      return AddRune(re->rune(), (re->parse_flags() & re2::Regexp::FoldCase) != 0, out);
    case re2::kRegexpCharClass:
      for (const re2::RuneRange& range : *re->cc()) {
        for (re2::Rune c = range.lo; c <= range.hi && c <= 0xFF; ++c) out->set(static_cast<size_t>(c));
      }
      return true;
    case re2::kRegexpAnyChar:
    case re2::kRegexpAnyByte:
      out->set();
      return true;
    default:
      return false;
  }
}

// One way through a pattern: its pieces in order, and where group 1 is
// (piece indices; -1: the group is not on this way).
struct Branch {
  std::vector<Piece> pieces;
  int group_begin = -1;
  int group_end = -1;
};
using Branches = std::vector<Branch>;

// More ways than this through one pattern and RE2 matches it.
constexpr size_t kMaxBranches = 16;

// The ways through `re`, in the order RE2's leftmost-first matching
// prefers them: for an alternation its alternatives in order, for an
// optional part with it before without, for a concatenation each way of
// its first part with every way of the rest. A repeat of one character
// is a single piece. False where `re` holds anything else (a repeat of
// more than one character, a lazy repeat, \b, ^, $).
bool Read(re2::Regexp* re, Branches* out) {
  const bool fold = (re->parse_flags() & re2::Regexp::FoldCase) != 0;
  switch (re->op()) {
    case re2::kRegexpEmptyMatch:
      *out = {Branch{}};
      return true;
    case re2::kRegexpLiteralString: {
      Branch branch;
      for (int i = 0; i < re->nrunes(); ++i) {
        Piece piece{{}, 1, 1};
        if (!AddRune(re->runes()[i], fold, &piece.bytes)) return false;
        branch.pieces.push_back(piece);
      }
      *out = {branch};
      return true;
    }
    case re2::kRegexpConcat: {
      *out = {Branch{}};
      for (int i = 0; i < re->nsub(); ++i) {
        Branches rest;
        if (!Read(re->sub()[i], &rest) || out->size() * rest.size() > kMaxBranches) return false;
        Branches joined;
        for (const Branch& first : *out) {
          for (const Branch& second : rest) {
            Branch both = first;
            const int shift = static_cast<int>(first.pieces.size());
            if (second.group_begin >= 0) {
              if (both.group_begin >= 0) return false;  // one group only
              both.group_begin = second.group_begin + shift;
              both.group_end = second.group_end + shift;
            }
            both.pieces.insert(both.pieces.end(), second.pieces.begin(), second.pieces.end());
            joined.push_back(std::move(both));
          }
        }
        *out = std::move(joined);
      }
      return true;
    }
    case re2::kRegexpAlternate:
      out->clear();
      for (int i = 0; i < re->nsub(); ++i) {
        Branches ways;
        if (!Read(re->sub()[i], &ways) || out->size() + ways.size() > kMaxBranches) return false;
        out->insert(out->end(), ways.begin(), ways.end());
      }
      return true;
    case re2::kRegexpCapture:
      if (re->cap() != 1 || !Read(re->sub()[0], out)) return false;
      for (Branch& branch : *out) {
        if (branch.group_begin >= 0) return false;
        branch.group_begin = 0;
        branch.group_end = static_cast<int>(branch.pieces.size());
      }
      return true;
    case re2::kRegexpStar:
    case re2::kRegexpPlus:
    case re2::kRegexpQuest:
    case re2::kRegexpRepeat: {
      // A lazy repeat prefers the shortest run: not what a piece takes.
      if ((re->parse_flags() & re2::Regexp::NonGreedy) != 0) return false;
      Piece piece{{}, 0, kUnbounded};
      if (!BytesOf(re->sub()[0], &piece.bytes)) {
        // An optional part of more than one character: with it, then
        // without it.
        if (re->op() != re2::kRegexpQuest || !Read(re->sub()[0], out) || out->size() + 1 > kMaxBranches) return false;
        out->push_back(Branch{});
        return true;
      }
      if (re->op() == re2::kRegexpPlus) piece.min = 1;
      if (re->op() == re2::kRegexpQuest) piece.max = 1;
      if (re->op() == re2::kRegexpRepeat) {
        piece.min = static_cast<uint32_t>(re->min());
        if (re->max() >= 0) piece.max = static_cast<uint32_t>(re->max());
      }
      Branch branch;
      branch.pieces.push_back(piece);
      *out = {branch};
      return true;
    }
    default: {
      Piece piece{{}, 1, 1};
      if (!BytesOf(re, &piece.bytes)) return false;
      Branch branch;
      branch.pieces.push_back(piece);
      *out = {branch};
      return true;
    }
  }
}

// Whether taking each run as long as it goes is the only way to match:
// no piece of variable length shares a byte with a piece that may come
// right after it (the next ones up to the first that must take a byte).
// Then a shorter run would leave a byte no later piece can take.
bool RunsAreForced(const std::vector<Piece>& pieces) {
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (pieces[i].min == pieces[i].max) continue;
    for (size_t j = i + 1; j < pieces.size(); ++j) {
      if ((pieces[i].bytes & pieces[j].bytes).any()) return false;
      if (pieces[j].min > 0) break;
    }
  }
  return true;
}

}  // namespace

std::unique_ptr<LinearMatcher> LinearMatcher::Compile(const re2::RE2& re) {
  if (!re.ok() || re.options().encoding() != re2::RE2::Options::EncodingLatin1 ||
      re.NumberOfCapturingGroups() != 1) {
    return nullptr;
  }
  Branches branches;
  if (!Read(re.Regexp(), &branches)) return nullptr;
  auto matcher = std::make_unique<LinearMatcher>();
  std::vector<Bytes> distinct;
  for (const Branch& branch : branches) {
    if (!RunsAreForced(branch.pieces)) return nullptr;
    Way way;
    for (const Piece& piece : branch.pieces) {
      size_t set = 0;
      while (set < distinct.size() && distinct[set] != piece.bytes) ++set;
      if (set == distinct.size()) {
        if (set > std::numeric_limits<uint8_t>::max()) return nullptr;
        distinct.push_back(piece.bytes);
        std::array<bool, 256> table{};
        for (size_t c = 0; c < 256; ++c) table[c] = piece.bytes[c];
        matcher->sets_.push_back(table);
      }
      way.steps.push_back({static_cast<uint8_t>(set), piece.min, piece.max});
    }
    way.group_begin = branch.group_begin < 0 ? kNoGroup : static_cast<size_t>(branch.group_begin);
    way.group_end = branch.group_end < 0 ? kNoGroup : static_cast<size_t>(branch.group_end);
    matcher->ways_.push_back(std::move(way));
  }
  return matcher;
}

bool LinearMatcher::Match(const unsigned char* text, size_t start, size_t end, size_t* match_end,
                          size_t* group_begin, size_t* group_end) const {
  for (const Way& way : ways_) {
    if (MatchWay(way, text, start, end, match_end, group_begin, group_end)) return true;
  }
  return false;
}

bool LinearMatcher::MatchWay(const Way& way, const unsigned char* text, size_t start, size_t end,
                             size_t* match_end, size_t* group_begin, size_t* group_end) const {
  // The group's bounds where the way holds no group: an empty secret.
  *group_begin = *group_end = start;
  size_t p = start;
  const size_t steps = way.steps.size();
  for (size_t k = 0; k < steps; ++k) {
    if (k == way.group_begin) *group_begin = p;
    if (k == way.group_end) *group_end = p;
    const Step& step = way.steps[k];
    const std::array<bool, 256>& set = sets_[step.set];
    const size_t limit = step.max == kUnbounded || end - p < step.max ? end : p + step.max;
    const size_t from = p;
    while (p < limit && set[text[p]]) ++p;
    if (p - from < step.min) return false;
  }
  if (way.group_begin == steps) *group_begin = p;
  if (way.group_end == steps) *group_end = p;
  *match_end = p;
  return true;
}

}  // namespace secrets
}  // namespace mcp_builder
