// Recursive-descent YAML parser for configuration files (see yaml.h).
//
// Block structure is parsed by indentation: every block collection knows
// its column, an entry ends where a line starts at that column or less,
// and a value's plain scalar may continue on lines indented further. Flow
// collections and quoted scalars ignore indentation. Recursion happens only
// through collections, each of which checks the depth limit first.
//
// The whole input is checked once up front (UTF-8 and printable
// characters), so the scanners step over bytes without decoding them.
// Indentation is counted in bytes: only spaces and "- " can precede a
// block node on its line, so bytes and code points agree there. Columns
// for positions are counted lazily along the current line (Here()).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "mcp_builder/yaml.h"
#include "swar.h"
#include "utf8.h"

namespace mcp_builder {
namespace yaml {
namespace {

using json::Member;
using json::ParseErrorCode;
using json::Position;
using json::Type;
using json::Value;
using Ptr = const unsigned char*;

// Aliases share the anchored node's memory, so they cost nothing here, but
// everything that walks the tree pays for each copy: cap what they add.
constexpr uint64_t kMaxAliasNodes = 100000;
constexpr char kNoMappingHere[] =
    "mapping values are not allowed here (quote a value that contains ': ', "
    "start a nested mapping on its own line, or check the indentation)";

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t'; }
bool IsBreak(unsigned char c) { return c == '\n' || c == '\r'; }
bool IsFlowIndicator(unsigned char c) {
  return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

int HexDigit(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c |= 0x20;
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

std::string Hex(uint32_t v, int digits) {
  std::string s(digits, '0');
  for (int i = digits - 1; i >= 0; --i, v >>= 4) {
    s[i] = "0123456789ABCDEF"[v & 15];
  }
  return s;
}


std::string_view View(Ptr from, Ptr to) {
  return std::string_view(reinterpret_cast<const char*>(from), to - from);
}

// How a node was written; keys and the core schema depend on it.
enum class Kind : uint8_t { kPlain, kQuoted, kFlow, kAlias, kBlock };

// A node's anchor and tag ("&a !!str value").
struct Props {
  std::string_view anchor, tag;
  Ptr tag_at = nullptr;
  Position end;        // just past the last property: where an empty node is
  uint64_t nodes = 0;  // Parser::nodes_ before the node: its size for aliases
  bool any() const { return !anchor.empty() || !tag.empty(); }
};

struct Anchor {
  Value value;
  uint64_t nodes;
};

// A saved scanner state, for lookahead across lines.
struct Mark {
  Ptr p, line_start;
  uint32_t line;
};

class Parser {
 public:
  Parser(std::string_view text, const json::ParseOptions& options)
      : begin_(reinterpret_cast<Ptr>(text.data())),
        start_(begin_),
        p_(begin_),
        end_(begin_ + text.size()),
        line_start_(begin_),
        options_(options) {
    // Typical configs fit; saves regrowing the stacks on every call.
    items_.reserve(32);
    members_.reserve(32);
  }

  json::ParseResult Run() {
    json::ParseResult result;
    // Positions hold 32-bit offsets, so no limit can exceed 4 GiB - 1.
    const size_t limit = std::min<size_t>(options_.max_bytes, UINT32_MAX);
    if (static_cast<size_t>(end_ - begin_) > limit) {
      Fail(begin_,
           "input is " + std::to_string(end_ - begin_) +
               " bytes, larger than the limit of " + std::to_string(limit) +
               " bytes",
           ParseErrorCode::kTooLarge);
    } else {
      if (end_ - p_ >= 3 && p_[0] == 0xEF && p_[1] == 0xBB && p_[2] == 0xBF) {
        start_ = line_start_ = p_ += 3;  // a byte-order mark is no content
      }
      if (Validate()) ParseDocument(&result.value);
    }
    result.error = std::move(error_);
    result.arena = std::move(arena_);
    return result;
  }

 private:
  // ---- positions and errors ----

  uint32_t Offset(Ptr p) const { return static_cast<uint32_t>(p - begin_); }
  ptrdiff_t Column() const { return p_ - line_start_; }  // bytes, for indents

  Position Here() {
    if (col_line_ != line_start_ || col_p_ > p_) {
      col_line_ = col_p_ = line_start_;
      col_ = 0;
    }
    for (; col_p_ < p_; ++col_p_) col_ += (*col_p_ & 0xC0) != 0x80;
    Position pos;
    pos.line = line_;
    pos.column = col_ + 1;
    pos.offset = Offset(p_);
    return pos;
  }

  // Errors are rare: their position is counted from the start.
  Position PositionOf(Ptr at) const {
    Position pos;
    Ptr line_start = start_;
    for (Ptr q = start_; q < at; ++q) {
      if (*q == '\n' || (*q == '\r' && (q + 1 == end_ || q[1] != '\n'))) {
        ++pos.line;
        line_start = q + 1;
      }
    }
    for (Ptr q = line_start; q < at; ++q) pos.column += (*q & 0xC0) != 0x80;
    pos.offset = Offset(at);
    return pos;
  }

  bool Fail(Ptr at, std::string message,
            ParseErrorCode code = ParseErrorCode::kSyntax) {
    if (error_.code == ParseErrorCode::kNone) {
      error_.code = code;
      error_.message = std::move(message);
      error_.pos = PositionOf(at);
    }
    return false;
  }

  std::string Describe(Ptr p) const {
    if (p == end_) return "the end of input";
    const unsigned char c = *p;
    if (c == ' ') return "a space";
    if (c == '\t') return "a tab";
    if (IsBreak(c)) return "a line break";
    if (c < 0x20 || c == 0x7F) return "control character U+00" + Hex(c, 2);
    if (c < 0x80) return std::string("'") + static_cast<char>(c) + "'";
    const size_t n = utf8::SequenceLength(p, end_);
    if (n == 0) return "byte 0x" + Hex(c, 2);
    return "'" + std::string(View(p, p + n)) + "'";
  }

  bool Unexpected(const std::string& expected) {
    if (p_ == end_) {
      return Fail(p_, "unexpected end of input: expected " + expected);
    }
    return Fail(p_, "expected " + expected + ", found " + Describe(p_));
  }

  bool TooDeep(int depth, Ptr at) {
    if (depth <= options_.max_depth) return false;
    Fail(at,
         "nesting is deeper than the limit of " +
             std::to_string(options_.max_depth) + " levels",
         ParseErrorCode::kTooDeep);
    return true;
  }

  // YAML allows only printable characters (§5.1): no C0 or C1 controls
  // but tab and line breaks, no DEL, no U+FFFE / U+FFFF.
  bool Validate() {
    for (Ptr p = p_; p != end_;) {
      const unsigned char c = *p;
      if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t') {
        ++p;
        continue;
      }
      const char* kHint =
          " is not allowed in YAML; write it as an escape in a double-quoted "
          "string";
      if (c < 0x80) return Fail(p, Describe(p) + kHint);
      const size_t n = utf8::SequenceLength(p, end_);
      if (n == 0) {
        return Fail(p,
                    "invalid UTF-8: " + Describe(p) +
                        " does not start a well-formed sequence",
                    ParseErrorCode::kEncoding);
      }
      if (c == 0xC2 && p[1] < 0xA0 && p[1] != 0x85) {
        return Fail(p, "control character U+00" + Hex(p[1], 2) + kHint);
      }
      if (c == 0xEF && p[1] == 0xBF && p[2] >= 0xBE) {
        return Fail(p, "non-character U+FFF" + Hex(p[2] - 0xB0, 1) + kHint);
      }
      p += n;
    }
    return true;
  }

  // ---- the scanner ----

  Mark Save() const { return {p_, line_start_, line_}; }
  void Restore(const Mark& m) {
    p_ = m.p;
    line_start_ = m.line_start;
    line_ = m.line;
  }

  bool Blank(Ptr p) const { return p == end_ || IsSpace(*p) || IsBreak(*p); }
  void SkipBlanks() {
    while (p_ != end_ && IsSpace(*p_)) ++p_;
  }
  // Steps over the line break at p_.
  void Break() {
    if (*p_++ == '\r' && p_ != end_ && *p_ == '\n') ++p_;
    ++line_;
    line_start_ = p_;
  }
  // After white space: a comment, a line break or the end follows.
  bool AtLineEnd() const { return p_ == end_ || IsBreak(*p_) || *p_ == '#'; }
  bool AtMarker(unsigned char c) const {  // "---" or "..." at column 1
    return p_ == line_start_ && end_ - p_ >= 3 && p_[0] == c && p_[1] == c &&
           p_[2] == c && Blank(p_ + 3);
  }
  bool AtEnd() const { return p_ == end_ || AtMarker('-') || AtMarker('.'); }
  bool IsSeqEntry() const { return p_ != end_ && *p_ == '-' && Blank(p_ + 1); }
  bool IsValueIndicator() const {
    return p_ != end_ && *p_ == ':' && Blank(p_ + 1);
  }

  // Skips white space, comments and line breaks up to the next token.
  bool SkipToContent() {
    for (;;) {
      const Ptr ws = p_;
      SkipBlanks();
      if (p_ == end_) return true;
      if (IsBreak(*p_)) {
        Break();
      } else if (*p_ == '#' && (p_ == line_start_ || IsSpace(p_[-1]))) {
        while (p_ != end_ && !IsBreak(*p_)) ++p_;
      } else {
        if (flow_ == 0 && ws == line_start_) {
          const void* tab = std::memchr(ws, '\t', p_ - ws);
          if (tab != nullptr) {
            return Fail(static_cast<Ptr>(tab),
                        "found a tab in the indentation of this line: YAML "
                        "indents with spaces only");
          }
        }
        return true;
      }
    }
  }

  // Only white space or a comment may follow a value on its line.
  bool EndOfLine(const char* after_what) {
    const Ptr start = p_;
    SkipBlanks();
    if (p_ == end_ || IsBreak(*p_) || (*p_ == '#' && p_ != start)) return true;
    return Unexpected(std::string("a comment or a line break after ") +
                      after_what);
  }

  // ---- documents and block collections ----

  bool ParseDocument(Value* out) {
    if (!SkipToContent()) return false;
    while (p_ != end_ && *p_ == '%' && p_ == line_start_) {
      while (p_ != end_ && !IsBreak(*p_)) ++p_;  // %YAML, %TAG: not needed
      if (!SkipToContent()) return false;
    }
    bool ok;
    if (AtMarker('-')) {
      p_ += 3;
      const Position after = Here();
      SkipBlanks();
      ok = AtLineEnd() ? ParseIndented(out, -1, 0, false, after)
                       : ParseBlockNode(out, -1, 0, false);
    } else {
      ok = ParseIndented(out, -1, 0, false, Here());
    }
    if (!ok || !SkipToContent()) return false;
    if (AtMarker('.')) {
      p_ += 3;
      if (!EndOfLine("the document end marker '...'") || !SkipToContent()) {
        return false;
      }
      if (p_ != end_) {
        return Fail(p_,
                    "multiple YAML documents are not supported; found "
                    "content after the document end marker '...'");
      }
    }
    if (p_ == end_) return true;
    if (AtMarker('-')) {
      return Fail(p_,
                  "multiple YAML documents are not supported; found a second "
                  "document at this '---' (put it in a file of its own)");
    }
    return Fail(p_, "expected the end of the document, found " + Describe(p_) +
                        " (check the indentation)");
  }

  // The node after "key:", "-" or properties that end their line: on the
  // next lines, indented more than the parent collection (a sequence may
  // also sit at its mapping's own indentation), or else empty.
  bool ParseIndented(Value* out, ptrdiff_t indent, int depth, bool map_value,
                     const Position& empty_at, bool props_ok = true) {
    if (!SkipToContent()) return false;
    if (!AtEnd()) {
      if (Column() > indent) {
        return ParseBlockNode(out, indent, depth, true, props_ok);
      }
      if (map_value && Column() == indent && IsSeqEntry()) {
        return ParseBlockSequence(out, depth, true) &&
               Finish(out, Props(), false);
      }
    }
    return Empty(out, empty_at, Props());
  }

  // A block node starting at p_. `indent` is the parent collection's
  // indentation (-1 for the document). `compact` is false right after
  // "key:" or "---", where no block collection may start on the line.
  bool ParseBlockNode(Value* out, ptrdiff_t indent, int depth, bool compact,
                      bool props_ok = true) {
    const Ptr start = p_;
    const ptrdiff_t col = Column();
    if (compact && IsSeqEntry()) {
      return ParseBlockSequence(out, depth, false) &&
             Finish(out, Props(), false);
    }
    Props props;
    if (!ParseProps(&props)) return false;
    if (props.any() && !props_ok) {
      return Fail(start,
                  "this node already has an anchor or tag on the line "
                  "above");
    }
    if (props.any() && AtLineEnd()) {
      return ParseIndented(out, indent, depth, !compact, props.end, false) &&
             Finish(out, props, false);
    }
    const uint32_t line = line_;
    Kind kind;
    if (!ParseInline(out, indent, depth, props, &kind)) return false;
    if (kind == Kind::kBlock) return Finish(out, props, false);
    const Ptr after = p_;
    SkipBlanks();
    if (IsValueIndicator()) {
      if (!compact) return Fail(p_, kNoMappingHere);
      Member first;
      return Finish(out, props, kind == Kind::kPlain) &&
             MakeKey(*out, kind, line == line_, &first) &&
             ParseBlockMapping(out, col, depth, first) &&
             Finish(out, Props(), false);
    }
    p_ = after;
    if (kind == Kind::kPlain) FoldPlain(out, indent + 1);
    const Ptr end = p_;
    SkipBlanks();
    if (IsValueIndicator()) return Fail(p_, kNoMappingHere);
    p_ = end;
    return EndOfLine("the value") && Finish(out, props, kind == Kind::kPlain);
  }

  // Moves to the token after an entry of a block collection at column
  // `col`: 1 if another entry starts there, 0 at the collection's end, -1
  // on an error. A sequence that is a mapping's value at the mapping's
  // own indentation (`in_map`) ends at the next key.
  int NextEntry(ptrdiff_t col, bool seq, bool in_map) {
    if (!SkipToContent()) return -1;
    if (AtEnd() || Column() < col) return 0;
    const char* what = seq ? "'- '" : "a key";
    if (Column() > col) {
      Fail(p_, std::string("bad indentation: expected ") + what +
                   " at column " + std::to_string(col + 1) +
                   " or a less indented line, found " + Describe(p_));
      return -1;
    }
    if (!seq || IsSeqEntry()) return 1;
    if (in_map) return 0;
    Unexpected("'- ' (the next item of this sequence) or a less indented line");
    return -1;
  }

  bool ParseBlockSequence(Value* out, int depth, bool in_map) {
    const ptrdiff_t col = Column();
    *out = Value();
    out->type = Type::kArray;
    out->pos = Here();
    if (TooDeep(depth + 1, p_)) return false;
    const size_t start = items_.size();
    bool ok;
    int next = 0;
    do {
      ++p_;  // '-'
      const Position after_dash = Here();
      SkipBlanks();
      Value item;
      ok = AtLineEnd() ? ParseIndented(&item, col, depth + 1, false, after_dash)
                       : ParseBlockNode(&item, col, depth + 1, true);
      items_.push_back(item);
    } while (ok && (next = NextEntry(col, true, in_map)) == 1);
    out->items = MoveTail(&items_, start);
    out->end = out->items.back().end;
    return ok && next == 0;
  }

  // `m` holds the first key; p_ is at its ':'.
  bool ParseBlockMapping(Value* out, ptrdiff_t col, int depth, Member m) {
    *out = Value();
    out->type = Type::kObject;
    out->pos = m.key_pos;
    if (TooDeep(depth + 1, begin_ + m.key_pos.offset)) return false;
    const size_t start = members_.size();
    bool ok;
    int next = 0;
    do {
      ++p_;  // ':'
      const Position after_colon = Here();
      SkipBlanks();
      ok = AtLineEnd()
               ? ParseIndented(&m.value, col, depth + 1, true, after_colon)
               : ParseBlockNode(&m.value, col, depth + 1, false);
      members_.push_back(m);
    } while (ok && (next = NextEntry(col, false, false)) == 1 &&
             (ok = ParseKey(&m, col, depth + 1)));
    out->members = MoveTail(&members_, start);
    out->end = out->members.back().value.end;
    return ok && next == 0;
  }

  // A further key of a block mapping, up to its ':'.
  bool ParseKey(Member* m, ptrdiff_t indent, int depth) {
    if (IsSeqEntry()) {
      return Fail(p_,
                  "expected a mapping key, found '- ': a sequence item "
                  "cannot follow a mapping entry at the same indentation");
    }
    const uint32_t line = line_;
    Props props;
    if (!ParseProps(&props)) return false;
    if (props.any() && AtLineEnd()) {
      return Unexpected("a mapping key after the anchor or tag");
    }
    Value key;
    Kind kind;
    if (!ParseInline(&key, indent, depth, props, &kind)) return false;
    if (kind == Kind::kBlock) {
      return Fail(begin_ + key.pos.offset,
                  "a block scalar cannot be a mapping key");
    }
    SkipBlanks();
    if (!IsValueIndicator()) return Unexpected("':' after the mapping key");
    return Finish(&key, props, kind == Kind::kPlain) &&
           MakeKey(key, kind, line == line_, m);
  }

  bool MakeKey(const Value& key, Kind kind, bool one_line, Member* m) {
    const Ptr at = begin_ + key.pos.offset;
    if (kind == Kind::kAlias) {
      return Fail(at, "an alias cannot be a mapping key; write the key out");
    }
    if (key.type == Type::kArray || key.type == Type::kObject) {
      return Fail(at,
                  "a mapping key must be a scalar; collections as keys are "
                  "not supported");
    }
    if (!one_line) return Fail(at, "a mapping key must fit on one line");
    *m = Member();
    m->key = key.text;
    m->key_pos = key.pos;
    return true;
  }

  // ---- nodes ----

  // Anchor and tag, in either order, each followed by white space (or in
  // a flow collection by an indicator).
  bool ParseProps(Props* props) {
    props->nodes = nodes_;
    while (p_ != end_ && (*p_ == '&' || *p_ == '!')) {
      const Ptr at = p_;
      const bool anchor = *p_ == '&';
      std::string_view* slot = anchor ? &props->anchor : &props->tag;
      if (!slot->empty()) {
        return Fail(at, anchor ? "a node can have only one anchor"
                               : "a node can have only one tag");
      }
      if (anchor) ++p_;
      if (!anchor && end_ - p_ >= 2 && p_[1] == '<') {  // !<verbatim>
        while (p_ != end_ && *p_ != '>' && !Blank(p_)) ++p_;
        if (p_ == end_ || *p_ != '>') {
          return Fail(at, "unterminated verbatim tag: expected '>'");
        }
        ++p_;
      } else {
        while (!Blank(p_) && !IsFlowIndicator(*p_)) ++p_;
      }
      *slot = View(anchor ? at + 1 : at, p_);
      if (slot->empty()) return Fail(at, "expected an anchor name after '&'");
      if (!anchor) props->tag_at = at;
      props->end = Here();
      if (!Blank(p_) && !(flow_ && IsFlowIndicator(*p_))) {
        return Unexpected("white space after the anchor or tag");
      }
      SkipBlanks();
    }
    return true;
  }

  // A node that can sit inside a line: alias, quoted scalar, flow
  // collection, block scalar (block context) or plain scalar (only its
  // first line in block context: the caller decides whether it is a key).
  bool ParseInline(Value* out, ptrdiff_t indent, int depth, const Props& props,
                   Kind* kind) {
    *out = Value();
    out->pos = Here();
    if (p_ == end_) return Unexpected("a value");
    const unsigned char c = *p_;
    *kind = Kind::kQuoted;
    switch (c) {
      case '"':
        return ParseDoubleQuoted(out);
      case '\'':
        return ParseSingleQuoted(out);
      case '[':
      case '{':
        *kind = Kind::kFlow;
        return ParseFlow(out, depth + 1);
      case '*':
        *kind = Kind::kAlias;
        if (props.any()) {
          return Fail(p_, "an alias cannot have an anchor or tag");
        }
        return ParseAlias(out);
      case '|':
      case '>':
        if (flow_) {
          return Fail(p_,
                      "block scalars ('|', '>') cannot appear inside a flow "
                      "collection; use a quoted scalar");
        }
        *kind = Kind::kBlock;
        return ParseBlockScalar(out, indent);
    }
    if (c == '?' && Blank(p_ + 1)) {
      return Fail(p_,
                  "complex mapping keys ('? ') are not supported; write "
                  "'key: value'");
    }
    if (c == '-' && Blank(p_ + 1)) {
      return Fail(p_, flow_ ? "a block sequence item ('- ') cannot appear "
                              "inside a flow collection"
                            : "a block sequence cannot start on the same "
                              "line as its key; start it on the next line");
    }
    if (c == '@' || c == '`' || c == '%') {
      return Fail(p_, Describe(p_) +
                          " is reserved: it cannot start a plain "
                          "scalar; quote the value");
    }
    // "-", "?" and ":" start a plain scalar when a "safe" character follows.
    const bool indicator_ok = (c == '-' || c == '?' || c == ':') &&
                              !Blank(p_ + 1) &&
                              !(flow_ && IsFlowIndicator(p_[1]));
    if (Blank(p_) ||
        (std::strchr(",[]{}#&*!|>'\"%@`-?:", c) && !indicator_ok)) {
      return Unexpected("a value");
    }
    *kind = Kind::kPlain;
    const Ptr e = PlainLineEnd(p_);
    out->text = View(p_, e);
    p_ = e;
    out->end = Offset(e);
    if (flow_) FoldPlain(out, 0);
    return true;
  }

  // A node's properties then the node: `nodes_` grows by one per node and
  // by the size of each alias, anchors are recorded, tags applied.
  bool Finish(Value* v, const Props& props, bool plain) {
    ++nodes_;
    if (plain) Resolve(v);
    if (!props.tag.empty() && !ApplyTag(v, props)) return false;
    if (!props.anchor.empty()) {
      anchors_[props.anchor] = Anchor{*v, nodes_ - props.nodes};
    }
    return true;
  }

  bool Empty(Value* out, const Position& at, const Props& props) {
    *out = Value();
    out->pos = at;
    out->end = at.offset;
    return Finish(out, props, true);
  }

  bool ParseAlias(Value* out) {
    const Ptr at = p_++;
    while (!Blank(p_) && !IsFlowIndicator(*p_)) ++p_;
    const std::string_view name = View(at + 1, p_);
    if (name.empty()) return Fail(at, "expected an alias name after '*'");
    const auto it = anchors_.find(name);
    if (it == anchors_.end()) {
      return Fail(at, "undefined alias *" + std::string(name) +
                          ": no anchor &" + std::string(name) + " before it");
    }
    expanded_ += it->second.nodes;
    nodes_ += it->second.nodes - 1;  // Finish() counts the copy's root
    if (expanded_ > kMaxAliasNodes) {
      return Fail(at,
                  "alias expansion exceeds the limit of " +
                      std::to_string(kMaxAliasNodes) +
                      " nodes (each alias copies its anchored node)",
                  ParseErrorCode::kTooLarge);
    }
    const Position pos = out->pos;
    *out = it->second.value;
    out->pos = pos;
    out->end = Offset(p_);
    return true;
  }

  // YAML 1.2 core schema (§10.3.2). Returns 'n'ull, 'b'ool, 'i'nt, 'f'loat
  // or 's'tring.
  static char Resolve(Value* v) {
    const std::string_view s = v->text;
    v->type = Type::kString;
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") {
      v->type = Type::kNull;
      return 'n';
    }
    if (s == "true" || s == "True" || s == "TRUE" || s == "false" ||
        s == "False" || s == "FALSE") {
      v->type = Type::kBool;
      v->boolean = s[0] != 'f' && s[0] != 'F';
      return 'b';
    }
    const size_t sign = s[0] == '+' || s[0] == '-';
    const std::string_view body = s.substr(sign);
    if (body == ".inf" || body == ".Inf" || body == ".INF" || s == ".nan" ||
        s == ".NaN" || s == ".NAN") {
      v->type = Type::kNumber;
      v->number = s[1] == 'n' || s[1] == 'N'
                      ? std::numeric_limits<double>::quiet_NaN()
                  : s[0] == '-' ? -std::numeric_limits<double>::infinity()
                                : std::numeric_limits<double>::infinity();
      return 'f';
    }
    if (!sign && s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
      const int base = s[1] == 'o' ? 8 : 16;
      double n = 0;
      for (const char c : s.substr(2)) {
        const int d = HexDigit(static_cast<unsigned char>(c));
        if (d < 0 || d >= base) return 's';
        n = n * base + d;
      }
      v->type = Type::kNumber;
      v->number = n;
      return 'i';
    }
    // [-+]? ( \.[0-9]+ | [0-9]+ (\.[0-9]*)? ) ( [eE] [-+]? [0-9]+ )?
    size_t i = sign, digits = 0;
    auto skip_digits = [&]() {
      const size_t from = i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      return i - from;
    };
    digits = skip_digits();
    bool integer = true;
    if (i < s.size() && s[i] == '.') {
      ++i;
      digits += skip_digits();
      integer = false;
    }
    if (digits > 0 && i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
      ++i;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
      if (skip_digits() == 0) return 's';
      integer = false;
    }
    if (digits == 0 || i != s.size()) return 's';
    v->type = Type::kNumber;
    // strtod is correctly rounded and needs a terminated copy; lexemes are
    // short.
    char buffer[64];
    if (s.size() < sizeof(buffer)) {
      s.copy(buffer, s.size());
      buffer[s.size()] = '\0';
      v->number = std::strtod(buffer, nullptr);
    } else {
      v->number = std::strtod(std::string(s).c_str(), nullptr);
    }
    return integer ? 'i' : 'f';
  }

  bool ApplyTag(Value* v, const Props& props) {
    const std::string_view tag = props.tag;
    constexpr std::string_view kVerbatim = "!<tag:yaml.org,2002:";
    const bool collection = v->type == Type::kArray || v->type == Type::kObject;
    std::string_view name;
    if (tag == "!") {  // non-specific: a scalar is a string
      if (!collection) v->type = Type::kString;
      return true;
    }
    if (tag.substr(0, 2) == "!!") {
      name = tag.substr(2);
    } else if (tag.size() > kVerbatim.size() &&
               tag.substr(0, kVerbatim.size()) == kVerbatim) {
      name = tag.substr(kVerbatim.size(), tag.size() - kVerbatim.size() - 1);
    }
    static constexpr std::string_view kNames[] = {
        "str", "int", "float", "bool", "null", "seq", "map"};
    const size_t k = std::find(kNames, kNames + 7, name) - kNames;
    if (k == 7) return true;  // other tags are accepted and not interpreted
    bool ok;
    if (k >= 5) {
      ok = v->type == (k == 5 ? Type::kArray : Type::kObject);
    } else if (collection) {
      ok = false;
    } else if (k == 0) {
      ok = true;
      v->type = Type::kString;
    } else {
      Value resolved = *v;
      const char got = Resolve(&resolved);
      ok = got == name[0] || (k == 2 && got == 'i');
      if (ok) *v = resolved;
    }
    if (ok) return true;
    return Fail(props.tag_at,
                "tag " + std::string(tag) + " does not match its value (" +
                    (collection ? std::string("an ") + json::TypeName(v->type)
                                : "'" + std::string(v->text) + "'") +
                    ")");
  }

  // ---- scalars ----

  // The rest of a plain scalar on this line: up to ": ", " #", a line
  // break or (in a flow collection) an indicator; trailing blanks excluded.
  Ptr PlainLineEnd(Ptr p) const {
    Ptr text_end = p;
    for (; p != end_; ++p) {
      const unsigned char c = *p;
      if (IsSpace(c)) {
        if (p + 1 != end_ && p[1] == '#') break;
        continue;
      }
      if (IsBreak(c) || (flow_ && IsFlowIndicator(c)) ||
          (c == ':' && (Blank(p + 1) || (flow_ && IsFlowIndicator(p[1]))))) {
        break;
      }
      text_end = p + 1;
    }
    return text_end;
  }

  // Continues a plain scalar on the next lines, folding each single line
  // break into a space (n breaks into n-1 '\n'). A comment, a document
  // marker, a line indented less than `min_indent` (block context) or one
  // that cannot continue the scalar ends it.
  void FoldPlain(Value* v, ptrdiff_t min_indent) {
    bool folded = false;
    for (;;) {
      const Mark mark = Save();
      SkipBlanks();
      int breaks = 0;
      while (p_ != end_ && IsBreak(*p_)) {
        Break();
        ++breaks;
        SkipBlanks();
      }
      Ptr e = p_;
      if (breaks > 0 && p_ != end_ && *p_ != '#' && !AtEnd() &&
          (flow_ || (Column() >= min_indent &&
                     !std::memchr(line_start_, '\t', p_ - line_start_)))) {
        e = PlainLineEnd(p_);
      }
      if (e == p_) {
        Restore(mark);
        break;
      }
      if (!folded) scratch_.assign(v->text);
      folded = true;
      if (breaks == 1) {
        scratch_ += ' ';
      } else {
        scratch_.append(breaks - 1, '\n');
      }
      scratch_.append(View(p_, e));
      p_ = e;
      v->end = Offset(e);
    }
    if (folded) v->text = Store(scratch_);
  }

  // Line folding in a quoted scalar at a line break: white space around it
  // goes, one break becomes a space, n breaks n-1 '\n'.
  void FoldQuoted(Ptr run) {
    Ptr t = p_;
    while (t > run && IsSpace(t[-1])) --t;
    scratch_.append(View(run, t));
    int breaks = 0;
    while (p_ != end_ && (IsSpace(*p_) || IsBreak(*p_))) {
      if (IsBreak(*p_)) {
        Break();
        ++breaks;
      } else {
        ++p_;
      }
    }
    if (breaks == 1) {
      scratch_ += ' ';
    } else {
      scratch_.append(breaks - 1, '\n');
    }
  }

  // Ends a quoted scalar at its closing quote (p_): a view into the input
  // when nothing was decoded, else the decoded text in the arena.
  bool CloseQuoted(Value* v, Ptr run, bool decoded) {
    v->type = Type::kString;
    if (decoded) {
      scratch_.append(View(run, p_));
      v->text = Store(scratch_);
    } else {
      v->text = View(run, p_);
    }
    v->end = Offset(++p_);
    return true;
  }

  bool Unterminated(Ptr open, const char* what, char quote) {
    return Fail(open, std::string("unterminated ") + what +
                          " scalar: expected " + quote +
                          " before the end of input");
  }

  bool ParseSingleQuoted(Value* v) {
    const Ptr open = p_++;
    Ptr run = p_;
    bool decoded = false;
    scratch_.clear();
    for (;;) {
      if (p_ == end_) return Unterminated(open, "single-quoted", '\'');
      if (*p_ == '\'') {
        if (p_ + 1 == end_ || p_[1] != '\'') break;
        scratch_.append(View(run, ++p_));  // '' is one quote
        run = ++p_;
        decoded = true;
      } else if (IsBreak(*p_)) {
        FoldQuoted(run);
        run = p_;
        decoded = true;
      } else {
        ++p_;
      }
    }
    return CloseQuoted(v, run, decoded);
  }

  bool ParseDoubleQuoted(Value* v) {
    const Ptr open = p_++;
    Ptr run = p_;
    bool decoded = false;
    scratch_.clear();
    for (;;) {
      p_ = begin_ + swar::QuotedRunEnd(begin_, p_ - begin_, end_ - begin_);
      if (p_ == end_) return Unterminated(open, "double-quoted", '"');
      if (*p_ == '"') break;
      if (*p_ == '\\') {
        scratch_.append(View(run, p_));
        if (!ParseEscape()) return false;
        run = p_;
        decoded = true;
      } else if (IsBreak(*p_)) {
        FoldQuoted(run);
        run = p_;
        decoded = true;
      } else {
        ++p_;  // a tab or a byte of a (valid) multi-byte character
      }
    }
    return CloseQuoted(v, run, decoded);
  }

  bool ReadHex(int digits, uint32_t* cp) {
    for (*cp = 0; digits > 0; --digits, ++p_) {
      const int d = p_ == end_ ? -1 : HexDigit(*p_);
      if (d < 0) return false;
      *cp = *cp << 4 | static_cast<uint32_t>(d);
    }
    return true;
  }

  bool ParseEscape() {
    const Ptr at = p_++;          // the backslash
    if (p_ == end_) return true;  // the caller reports the open quote
    const unsigned char c = *p_++;
    static const char kFrom[] = "0abt\tnvfre \"/\\";
    static const char kTo[] = "\0\a\b\t\t\n\v\f\r\x1b \"/\\";
    if (const void* hit = std::memchr(kFrom, c, sizeof(kFrom) - 1)) {
      scratch_ += kTo[static_cast<const char*>(hit) - kFrom];
      return true;
    }
    static const char kNamed[] = "N_LP";
    static const uint16_t kNamedCp[] = {0x85, 0xA0, 0x2028, 0x2029};
    if (const void* hit = std::memchr(kNamed, c, sizeof(kNamed) - 1)) {
      utf8::Append(&scratch_, kNamedCp[static_cast<const char*>(hit) - kNamed]);
      return true;
    }
    if (IsBreak(c)) {  // an escaped line break joins the lines
      --p_;
      Break();
      SkipBlanks();
      while (p_ != end_ && IsBreak(*p_)) {  // but empty lines still count
        scratch_ += '\n';
        Break();
        SkipBlanks();
      }
      return true;
    }
    const int digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
    if (digits == 0) {
      const std::string what = c > 0x20 && c < 0x7F
                                   ? "\\" + std::string(1, static_cast<char>(c))
                                   : "\\ followed by " + Describe(at + 1);
      return Fail(at, "invalid escape " + what +
                          ": expected one of \\0 \\a \\b \\t \\n \\v \\f \\r "
                          "\\e \\\" \\/ \\\\ \\N \\_ \\L \\P \\xXX \\uXXXX "
                          "\\UXXXXXXXX or a line break");
    }
    uint32_t cp;
    if (!ReadHex(digits, &cp)) {
      return Unexpected("a hex digit in the \\" + std::string(1, static_cast<char>(c)) +
                        " escape");
    }
    // A UTF-16 surrogate pair written as two \u escapes, as in JSON.
    uint32_t low;
    if (digits == 4 && cp >= 0xD800 && cp < 0xDC00 && end_ - p_ >= 6 &&
        p_[0] == '\\' && p_[1] == 'u') {
      const Ptr pair = p_;
      p_ += 2;
      if (ReadHex(4, &low) && low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      } else {
        p_ = pair;
      }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      return Fail(at,
                  "lone surrogate escape \\" + std::string(1, static_cast<char>(c)) +
                      Hex(cp, digits) +
                      ": a UTF-16 surrogate needs its pair (\\uD800-\\uDBFF "
                      "then \\uDC00-\\uDFFF)",
                  ParseErrorCode::kEncoding);
    }
    if (cp > 0x10FFFF) {
      return Fail(at, "escape \\U" + Hex(cp, 8) + " is above U+10FFFF",
                  ParseErrorCode::kEncoding);
    }
    utf8::Append(&scratch_, cp);
    return true;
  }

  // Empty lines inside a block scalar and the next line's indentation (up
  // to n spaces; all of them while n is 0). *line is that line's start,
  // *widest the most spaces seen; returns the line breaks skipped.
  int SkipEmptyLines(ptrdiff_t n, ptrdiff_t* widest, Mark* line) {
    for (int breaks = 0;; ++breaks) {
      *line = Save();
      while (p_ != end_ && *p_ == ' ' && (n == 0 || Column() < n)) ++p_;
      *widest = std::max(*widest, Column());
      if (p_ == end_ || !IsBreak(*p_)) return breaks;
      Break();
    }
  }

  // Literal (|) and folded (>) block scalars, as libyaml scans them: the
  // content is every line indented at least n (the indicator's digit more
  // than the parent, or the first non-empty line's indentation), then
  // chomping (clip, - strip, + keep) decides the final line breaks.
  bool ParseBlockScalar(Value* out, ptrdiff_t indent) {
    const bool literal = *p_++ == '|';
    ptrdiff_t n = 0;
    unsigned char chomp = 0;
    for (int i = 0; i < 2 && p_ != end_; ++i) {
      if (n == 0 && *p_ >= '1' && *p_ <= '9') {
        n = *p_++ - '0' + std::max<ptrdiff_t>(indent, 0);
      } else if (chomp == 0 && (*p_ == '-' || *p_ == '+')) {
        chomp = *p_++;
      }
    }
    out->type = Type::kString;
    out->end = Offset(p_);
    if (!EndOfLine("the block scalar header ('|' or '>', an indentation "
                   "digit, '-' or '+')")) {
      return false;
    }
    while (p_ != end_ && !IsBreak(*p_)) ++p_;  // a comment
    scratch_.clear();
    Ptr first = nullptr;
    ptrdiff_t widest = 0;
    Mark line = Save();
    int breaks = 0;
    if (p_ != end_) {
      Break();
      breaks = SkipEmptyLines(n, &widest, &line);
    }
    if (n == 0) n = std::max<ptrdiff_t>({widest, indent + 1, 1});
    bool pending = false, blank_lead = false;  // a break before this line
    while (p_ != end_ && Column() == n) {
      const bool lead = IsSpace(*p_);
      if (!literal && pending && !blank_lead && !lead) {
        if (breaks == 0) scratch_ += ' ';  // folding
      } else if (pending) {
        scratch_ += '\n';
      }
      scratch_.append(breaks, '\n');
      blank_lead = lead;
      const Ptr s = p_;
      while (p_ != end_ && !IsBreak(*p_)) ++p_;
      if (first == nullptr) first = s;
      scratch_.append(View(s, p_));
      out->end = Offset(p_);
      line = Save();
      pending = p_ != end_;
      breaks = 0;
      if (pending) {
        Break();
        breaks = SkipEmptyLines(n, &widest, &line);
      }
    }
    Restore(line);  // the next token's line starts afresh for SkipToContent
    if (chomp != '-' && pending) scratch_ += '\n';
    if (chomp == '+') scratch_.append(breaks, '\n');
    // The text is often the input as is ("|\n  one line\n").
    if (first != nullptr &&
        static_cast<size_t>(end_ - first) >= scratch_.size() &&
        std::memcmp(first, scratch_.data(), scratch_.size()) == 0) {
      out->text = View(first, first + scratch_.size());
    } else {
      out->text = Store(scratch_);
    }
    return true;
  }

  // ---- flow collections ----

  // A node inside a flow collection; *line is where it starts.
  bool ParseFlowNode(Value* out, int depth, Kind* kind, uint32_t* line) {
    *line = line_;
    Props props;
    if (!ParseProps(&props)) return false;
    *kind = Kind::kPlain;
    if (props.any()) {
      SkipToContent();
      if (p_ == end_ || *p_ == ',' || *p_ == ']' || *p_ == '}' || *p_ == ':') {
        return Empty(out, props.end, props);
      }
    }
    return ParseInline(out, -1, depth, props, kind) &&
           Finish(out, props, *kind == Kind::kPlain);
  }

  // Inside brackets indentation does not matter, so SkipToContent() (whose
  // only error is a tab in block indentation) cannot fail.
  bool ParseFlow(Value* out, int depth) {
    const Ptr open = p_;
    const bool map = *p_ == '{';
    const unsigned char close = map ? '}' : ']';
    out->type = map ? Type::kObject : Type::kArray;
    if (TooDeep(depth, open)) return false;
    ++flow_;
    ++p_;
    const size_t items = items_.size(), members = members_.size();
    bool ok = true;
    for (;;) {
      SkipToContent();
      if (p_ == end_) {
        ok = Fail(open, std::string("unterminated flow ") +
                            (map ? "mapping: expected '}'"
                                 : "sequence: expected ']'") +
                            " before the end of input");
        break;
      }
      if (*p_ == close) {
        ++p_;
        break;
      }
      Member m;
      Kind kind;
      uint32_t line;
      if (!(ok = ParseFlowNode(&m.value, depth, &kind, &line))) break;
      const Value key = m.value;
      const Position after_key = Here();
      SkipToContent();
      if (p_ != end_ && *p_ == ':') {
        if (!map) {
          ok = Fail(p_,
                    "'key: value' pairs inside a flow sequence are not "
                    "supported; write [{key: value}]");
          break;
        }
        if (!(ok = MakeKey(key, kind, line == line_, &m))) break;
        ++p_;
        const Position after_colon = Here();
        SkipToContent();
        ok = p_ == end_ || *p_ == ',' || *p_ == '}'
                 ? Empty(&m.value, after_colon, Props())
                 : ParseFlowNode(&m.value, depth, &kind, &line);
        if (!ok) break;
      } else if (map) {  // {a, b}: keys without values
        if (!(ok = MakeKey(key, kind, true, &m) &&
                   Empty(&m.value, after_key, Props()))) {
          break;
        }
      }
      if (map) {
        members_.push_back(m);
      } else {
        items_.push_back(m.value);
      }
      SkipToContent();
      if (p_ != end_ && *p_ == ',') {
        ++p_;
      } else if (p_ != end_ && *p_ != close) {
        ok = Unexpected(map ? "',' or '}' after a flow mapping entry"
                            : "',' or ']' after a flow sequence item");
        break;
      }
    }
    --flow_;
    if (map) {
      out->members = MoveTail(&members_, members);
    } else {
      out->items = MoveTail(&items_, items);
    }
    out->end = Offset(p_);
    return ok;
  }

  // ---- memory (as in json_parser.cc) ----

  json::Arena& arena() {
    if (!arena_) arena_ = std::make_unique<json::Arena>();
    return *arena_;
  }
  std::string_view Store(std::string_view s) { return arena().Store(s); }

  // Entries are staged on one stack shared by all levels and moved into
  // the arena when their collection closes.
  template <typename T>
  json::Span<T> MoveTail(std::vector<T>* stack, size_t start) {
    const json::Span<T> span =
        arena().Store(stack->data() + start, stack->size() - start);
    stack->resize(start);
    return span;
  }

  const Ptr begin_;
  Ptr start_;  // after the byte-order mark: line 1 starts here
  Ptr p_;
  const Ptr end_;
  Ptr line_start_;
  uint32_t line_ = 1;
  Ptr col_line_ = nullptr;  // Here()'s cache: code points from col_line_
  Ptr col_p_ = nullptr;     // up to col_p_
  uint32_t col_ = 0;
  int flow_ = 0;  // flow collections around p_
  uint64_t nodes_ = 0, expanded_ = 0;
  const json::ParseOptions& options_;
  json::ParseError error_;
  std::vector<Value> items_;
  std::vector<Member> members_;
  std::map<std::string_view, Anchor> anchors_;
  std::string scratch_;  // decoding buffer for folded and escaped text
  std::unique_ptr<json::Arena> arena_;
};

}  // namespace

json::ParseResult Parse(std::string_view text,
                        const json::ParseOptions& options) {
  return Parser(text, options).Run();
}

}  // namespace yaml
}  // namespace mcp_builder
