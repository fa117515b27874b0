// TOML 1.0 parser producing json::Value trees with positions (see toml.h).
//
// TOML can add keys to a table long after the table was opened ([a.b] after
// [c], dotted keys, one [[array]] element after another), so tables are
// built as a mutable tree of Nodes, each linking its entries in document
// order, and frozen into arena spans at the end. A child is always created
// after its parent, so freezing the nodes in reverse creation order sees
// every child complete before its parent: one pass, no recursion.
//
// Arrays and inline tables, by contrast, are complete when they close (and
// make up most of a Codex config), so they are frozen at once: arrays stage
// their items on a stack like the JSON parser, and an inline table's nodes
// and entries (all created after it opened) are frozen and popped. Key
// lookups scan small tables and probe one flat hash index for big ones, so
// a table with 100k keys stays linear.
//
// Columns are tracked as in json_parser.cc: the parser counts the UTF-8
// continuation bytes of the current line as it steps over them.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "mcp_builder/toml.h"
#include "swar.h"
#include "utf8.h"

namespace mcp_builder {
namespace toml {
namespace {

using json::Arena;
using json::Member;
using json::ParseErrorCode;
using json::ParseOptions;
using json::ParseResult;
using json::Position;
using json::Span;
using json::Type;
using json::Value;

constexpr uint32_t kNoNode = UINT32_MAX;
// Tables with this many entries get a hash index; smaller ones (nearly all)
// are scanned, which is faster than hashing for a handful of keys.
constexpr size_t kIndexAt = 12;

std::string Describe(unsigned char c) {
  static const char kHex[] = "0123456789ABCDEF";
  if (c >= 0x21 && c < 0x7f)
    return std::string("'") + static_cast<char>(c) + "'";
  if (c == ' ') return "a space";
  if (c == '\n') return "a line break";
  if (c == '\r') return "a carriage return";
  if (c == '\t') return "a tab";
  std::string out = c < 0x80 ? "control character U+00" : "byte 0x";
  out += kHex[c >> 4];
  out += kHex[c & 15];
  return out;
}

// `s` for a message, cut (at a character boundary) when it is long: keys
// and lexemes can be megabytes of hostile input.
std::string Cut(std::string_view s, size_t limit) {
  if (s.size() <= limit) return std::string(s);
  size_t n = limit;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "...";
}

std::string Quote(std::string_view s, size_t limit = 60) {
  return "\"" + Cut(s, limit) + "\"";
}


bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Byte classes, looked up once per byte of every key and unquoted value.
constexpr uint8_t kBareKey = 1;  // A-Z a-z 0-9 _ -
constexpr uint8_t kValue = 2;    // those and + . : (numbers, date-times)
struct ByteClasses {
  uint8_t v[256];
  constexpr ByteClasses() : v() {
    for (int c = 0; c < 256; ++c) {
      const bool bare = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '-';
      v[c] =
          static_cast<uint8_t>((bare ? kBareKey | kValue : 0) |
                               (c == '+' || c == '.' || c == ':' ? kValue : 0));
    }
  }
};
constexpr ByteClasses kClasses;
bool IsBareKey(unsigned char c) { return (kClasses.v[c] & kBareKey) != 0; }
// Bytes of an unquoted value: numbers, booleans, inf/nan and date-times.
bool IsValueByte(unsigned char c) { return (kClasses.v[c] & kValue) != 0; }
int DigitValue(unsigned char c, int radix) {
  int v = 99;
  if (IsDigit(c)) v = c - '0';
  if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
  if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
  return v < radix ? v : -1;
}

// The end of the run at p of bytes that need no attention inside a string
// or comment: printable ASCII other than `a` and `b`. Eight at a time first,
// since values and comments are mostly long runs of such bytes.
const unsigned char* SkipPlain(const unsigned char* p, const unsigned char* end,
                               unsigned char a, unsigned char b) {
  while (end - p >= 8) {
    const uint64_t w = swar::Load(p);
    if (swar::HasHigh(w) || swar::HasAsciiBelow(w, 0x20) ||
        swar::HasByte(w, 0x7f) || swar::HasByte(w, a) || swar::HasByte(w, b)) {
      break;
    }
    p += 8;
  }
  while (p != end && *p >= 0x20 && *p < 0x7f && *p != a && *p != b) ++p;
  return p;
}

// How a table or array came to be; decides what may still be added to it.
enum class Origin : uint8_t {
  kImplicit,       // only implied so far, as the parent of a header
  kHeader,         // defined by [header] (also [[array]] elements, the root)
  kDotted,         // created by dotted keys (a.b = 1 creates a)
  kInline,         // an inline table being parsed (frozen when it closes)
  kArrayOfTables,  // [[a]]: grows one element per header
};

// A member of a table or an element of an array. All entries live in one
// store, each container linking its own in document order: no allocation
// per table, which matters when there are thousands of small ones.
struct Entry {
  Member member;            // key and key position; the value if a scalar
  uint32_t node = kNoNode;  // the value's node if it is a table or array
  uint32_t next = kNoNode;  // the container's next entry
};

// Entries in fixed-size blocks: appending never moves the ones already
// there, and blocks stay small enough to come from the ordinary heap (one
// growing vector cost more in copies and fresh pages than the parse).
class EntryStore {
 public:
  uint32_t size() const { return size_; }
  uint32_t Add(Entry entry) {
    if ((size_ >> kShift) == blocks_.size())
      blocks_.push_back(std::make_unique<Entry[]>(kBlock));
    (*this)[size_] = entry;  // trivially copyable
    return size_++;
  }
  // Drops the entries from `size` on, keeping their blocks for reuse.
  void Truncate(uint32_t size) { size_ = size; }
  Entry& operator[](uint32_t i) {
    return blocks_[i >> kShift][i & (kBlock - 1)];
  }
  const Entry& operator[](uint32_t i) const {
    return blocks_[i >> kShift][i & (kBlock - 1)];
  }

 private:
  static constexpr uint32_t kShift = 8;
  static constexpr uint32_t kBlock = 1u << kShift;
  std::vector<std::unique_ptr<Entry[]>> blocks_;
  uint32_t size_ = 0;
};

struct Node {
  Origin origin;
  uint32_t serial;           // never reused, unlike indexes into Parser::nodes_
  uint32_t depth;            // the root is 1
  uint32_t section = 0;      // kDotted: the header or inline table that made it
  uint32_t parent;           // for naming it in messages
  std::string_view key;      // its key in the parent (empty for elements)
  Value value;               // type, pos and end; the spans once frozen
  uint32_t deep_end = 0;     // the end of everything inside, once frozen
  bool indexed = false;      // entries are in Parser::slots_
  uint32_t first = kNoNode;  // entries, in Parser::entries_
  uint32_t last = kNoNode;
  uint32_t count = 0;
};

struct KeyPart {
  std::string_view key;
  Position pos;
  uint32_t end;
};

// One slot of the key index: which entry of which table, and the hash of
// (table, key), so that probing rarely has to compare keys.
struct Slot {
  uint64_t hash = 0;
  uint32_t serial = kNoNode;  // the table's Node::serial; kNoNode: empty
  uint32_t entry = 0;
};

uint64_t HashKey(uint32_t serial, std::string_view key) {
  // FNV-1a over the key, then a mix that spreads it over the low bits the
  // index uses. 64-bit on every target (wasm's size_t is 32 bits).
  uint64_t h = uint64_t{0xcbf29ce484222325u} ^ serial;
  for (char c : key)
    h = (h ^ static_cast<unsigned char>(c)) * uint64_t{0x100000001b3u};
  h ^= h >> 32;
  h *= uint64_t{0x9E3779B97F4A7C15u};
  return h ^ (h >> 29);
}

class Parser {
 public:
  Parser(std::string_view text, const ParseOptions& options)
      : begin_(reinterpret_cast<const unsigned char*>(text.data())),
        p_(begin_),
        end_(begin_ + text.size()),
        line_start_(begin_),
        options_(options) {}

  ParseResult Run() {
    ParseResult result;
    // Positions hold 32-bit offsets, so no limit can exceed 4 GiB - 1.
    const size_t limit = std::min<size_t>(options_.max_bytes, UINT32_MAX);
    if (static_cast<size_t>(end_ - begin_) > limit) {
      Fail(ParseErrorCode::kTooLarge, "input is " +
                                          std::to_string(end_ - begin_) +
                                          " bytes, larger than the limit of " +
                                          std::to_string(limit) + " bytes");
      result.error = std::move(error_);
      return result;
    }
    // A byte-order mark is not part of the document (TOML 1.0 allows it).
    if (end_ - p_ >= 3 && p_[0] == 0xEF && p_[1] == 0xBB && p_[2] == 0xBF) {
      p_ += 3;
      line_start_ = p_;
    }
    if (!TooDeep(1)) {
      NewNode(Origin::kHeader, 1, Here(), kNoNode, {});
      if (ParseDocument()) {
        nodes_[0].value.end = static_cast<uint32_t>(end_ - begin_);
        Freeze(0);
        result.value = nodes_[0].value;
      }
    }
    result.error = std::move(error_);
    result.arena = std::move(arena_);
    return result;
  }

 private:
  // ---- Positions and errors ----

  Position Here() const {
    Position pos;
    pos.line = line_;
    pos.offset = static_cast<uint32_t>(p_ - begin_);
    pos.column =
        static_cast<uint32_t>(p_ - line_start_) - continuation_in_line_ + 1;
    return pos;
  }

  uint32_t Offset() const { return static_cast<uint32_t>(p_ - begin_); }

  bool Fail(ParseErrorCode code, std::string message) {
    return FailAt(Here(), code, std::move(message));
  }

  bool FailAt(const Position& pos, ParseErrorCode code, std::string message) {
    if (error_.code == ParseErrorCode::kNone) {
      error_.code = code;
      error_.message = std::move(message);
      error_.pos = pos;
    }
    return false;
  }

  // Fails at q, a byte on the current line after p_ with only ASCII between.
  bool FailAtByte(const unsigned char* q, std::string message) {
    p_ = q;
    return Fail(ParseErrorCode::kSyntax, std::move(message));
  }

  // What is at p_, for "found ..." in messages: a character, or a byte that
  // is not valid UTF-8 (reported as an encoding error by FailUnexpected).
  std::string Found() const {
    if (p_ == end_) return "the end of input";
    if (*p_ < 0x80) return Describe(*p_);
    const size_t n = utf8::SequenceLength(p_, end_);
    if (n == 0) return Describe(*p_);
    return "'" + std::string(reinterpret_cast<const char*>(p_), n) + "'";
  }

  bool FailUnexpected(const std::string& expected) {
    if (p_ == end_) {
      return Fail(ParseErrorCode::kSyntax,
                  "unexpected end of input: expected " + expected);
    }
    if (*p_ >= 0x80 && utf8::SequenceLength(p_, end_) == 0) return SkipUtf8();
    return Fail(ParseErrorCode::kSyntax,
                "expected " + expected + ", found " + Found());
  }

  bool TooDeep(uint32_t depth) { return TooDeepAt(depth, Here()); }

  bool TooDeepAt(uint32_t depth, const Position& pos) {
    if (static_cast<int64_t>(depth) <= options_.max_depth) return false;
    FailAt(pos, ParseErrorCode::kTooDeep,
           "nesting is deeper than the limit of " +
               std::to_string(options_.max_depth) + " levels");
    return true;
  }

  // ---- Whitespace, line breaks and comments ----

  void NewLine(const unsigned char* next_line_start) {
    ++line_;
    line_start_ = next_line_start;
    continuation_in_line_ = 0;
  }

  // Steps over one multi-byte UTF-8 sequence, counting it for the column.
  bool SkipUtf8() {
    const size_t n = utf8::SequenceLength(p_, end_);
    if (n == 0) {
      return Fail(ParseErrorCode::kEncoding,
                  "invalid UTF-8: " + Describe(*p_) +
                      " does not start a well-formed sequence");
    }
    p_ += n;
    continuation_in_line_ += static_cast<uint32_t>(n - 1);
    return true;
  }

  void SkipBlank() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\t')) ++p_;
  }

  // Consumes a line break ("\n" or "\r\n") at p_, if there is one.
  bool LineBreak() {
    if (p_ != end_ && *p_ == '\n') {
      NewLine(++p_);
      return true;
    }
    if (end_ - p_ >= 2 && p_[0] == '\r' && p_[1] == '\n') {
      p_ += 2;
      NewLine(p_);
      return true;
    }
    return false;
  }

  // From '#' up to (not over) the line break. Comments may hold any text but
  // control characters other than tab.
  bool SkipComment() {
    ++p_;
    for (;;) {
      p_ = SkipPlain(p_, end_, 0x7f, 0x7f);
      if (p_ == end_ || *p_ == '\n' || *p_ == '\r') return true;
      if (*p_ == '\t') {
        ++p_;
      } else if (*p_ >= 0x80) {
        if (!SkipUtf8()) return false;
      } else if (*p_ < 0x20 || *p_ == 0x7f) {  // '\r' ended the comment above
        return Fail(ParseErrorCode::kSyntax,
                    Describe(*p_) + " is not allowed in a comment");
      }
    }
  }

  // Inside arrays: blanks, line breaks and comments.
  bool SkipArraySpace() {
    for (;;) {
      SkipBlank();
      if (p_ != end_ && *p_ == '#') {
        if (!SkipComment()) return false;
      }
      if (!LineBreak()) return true;
    }
  }

  enum class Line { kEmpty, kHeader, kKeyValue };

  // After an expression: blanks, an optional comment, then a line break or
  // the end of input. `what` (the header, or the key) is for the message,
  // which is only built when needed: this runs for every line.
  bool EndOfLine(Line line, std::string_view what) {
    SkipBlank();
    if (p_ != end_ && *p_ == '#' && !SkipComment()) return false;
    if (p_ == end_ || LineBreak()) return true;
    if (*p_ == '\r') {
      return Fail(ParseErrorCode::kSyntax,
                  "a carriage return must be followed by a line feed");
    }
    std::string after;
    if (line == Line::kHeader) after = " after the header " + Cut(what, 80);
    if (line == Line::kKeyValue)
      after = " after the value of key " + Quote(what);
    return FailUnexpected("a line break" + after);
  }

  // ---- The document ----

  bool ParseDocument() {
    for (;;) {
      SkipBlank();
      if (p_ == end_) return true;
      const unsigned char c = *p_;
      Line line = Line::kEmpty;
      std::string_view what;
      if (c == '[') {
        const unsigned char* open = p_;
        if (!ParseHeader()) return false;
        line = Line::kHeader;
        what = TextOf(open, p_);
      } else if (c != '#' && c != '\n' && c != '\r') {
        KeyPart key;
        uint32_t value_end = 0;
        if (!ParseKeyValue(current_, section_, &key, &value_end)) return false;
        // A header table ends with the last value of its own lines.
        if (current_ != 0 && value_end > nodes_[current_].value.end) {
          nodes_[current_].value.end = value_end;
        }
        line = Line::kKeyValue;
        what = key.key;
      }
      if (!EndOfLine(line, what)) return false;
    }
  }

  // ---- Keys ----

  // A dotted key, appended to keys_; stops after the blanks following it.
  bool ParseKey() {
    const char* expected = "a key (bare, \"quoted\" or 'literal')";
    for (;;) {
      KeyPart part;
      part.pos = Here();
      if (p_ == end_) return FailUnexpected(expected);
      const unsigned char c = *p_;
      if (IsBareKey(c)) {
        const unsigned char* start = p_;
        while (p_ != end_ && IsBareKey(*p_)) ++p_;
        part.key =
            std::string_view(reinterpret_cast<const char*>(start), p_ - start);
      } else if (c == '"' || c == '\'') {
        if (end_ - p_ >= 3 && p_[1] == c && p_[2] == c) {
          return Fail(ParseErrorCode::kSyntax,
                      "a key cannot be a multi-line string");
        }
        if (!(c == '"' ? ParseBasic(&part.key, false)
                       : ParseLiteral(&part.key, false))) {
          return false;
        }
      } else {
        return FailUnexpected(expected);
      }
      part.end = Offset();
      keys_.push_back(part);
      SkipBlank();
      if (p_ == end_ || *p_ != '.') return true;
      ++p_;
      SkipBlank();
      expected = "a key after '.'";
    }
  }

  // key = value, added to `table` (the current header table, or an inline
  // table) in `section`. Reports the last key part and where the value ends.
  bool ParseKeyValue(uint32_t table, uint32_t section, KeyPart* last,
                     uint32_t* value_end) {
    const size_t start = keys_.size();
    if (!ParseKey()) return false;
    *last = keys_.back();
    if (p_ == end_ || *p_ != '=') {
      return FailUnexpected("'=' after key " + Quote(last->key));
    }
    ++p_;
    // Resolve the key before parsing the value: a table a dotted key creates
    // must be created before the tables in its value (see Freeze).
    for (size_t i = start; i + 1 < keys_.size(); ++i) {
      if (!DescendDotted(&table, keys_[i], section)) return false;
    }
    keys_.resize(
        start);  // the value may hold inline tables with keys of their own
    const uint32_t existing = Find(table, last->key);
    if (existing != kNoNode) {
      return FailAt(
          last->pos, ParseErrorCode::kSyntax,
          "duplicate key " + Quote(last->key) + " (first defined at line " +
              std::to_string(entries_[existing].member.key_pos.line) + ")");
    }
    SkipBlank();
    Entry entry;
    entry.member.key = last->key;
    entry.member.key_pos = last->pos;
    if (!ParseValue(&entry, nodes_[table].depth + 1, table)) return false;
    *value_end = entry.member.value.end;
    AddEntry(table, entry);  // trivially copyable
    return true;
  }

  // One step of a dotted key: into the existing table `part` names, or a new
  // one. Dotted keys may create tables and extend the ones they created in
  // the same section, but not tables a header or an inline table defined.
  bool DescendDotted(uint32_t* table, const KeyPart& part, uint32_t section) {
    const uint32_t i = Find(*table, part.key);
    if (i == kNoNode) {
      *table = NewChild(*table, Origin::kDotted, part, part.pos);
      if (*table == kNoNode) return false;
      nodes_[*table].section = section;
      return true;
    }
    const Entry& e = entries_[i];
    if (e.node == kNoNode) return Complete(e, part);
    Node& child = nodes_[e.node];
    switch (child.origin) {
      case Origin::kImplicit:
        // It is this section's now: no header may define it any more.
        child.origin = Origin::kDotted;
        child.section = section;
        break;
      case Origin::kDotted:
        if (child.section == section) break;
        return FailAt(part.pos, ParseErrorCode::kSyntax,
                      "cannot add to table " + Name(e.node) +
                          " (defined at line " +
                          std::to_string(e.member.key_pos.line) +
                          ") with dotted keys from another table");
      case Origin::kHeader:
        return FailAt(
            part.pos, ParseErrorCode::kSyntax,
            "cannot add to table [" + Name(e.node) + "] (defined at line " +
                std::to_string(child.value.pos.line) + ") with dotted keys");
      case Origin::kInline:  // an open inline table is not in a table yet
      case Origin::kArrayOfTables:
        return NotATable(e, part);
    }
    *table = e.node;
    return true;
  }

  // `part` names a value that is complete as written: a scalar, a static
  // array or an inline table (all frozen as soon as they close).
  bool Complete(const Entry& e, const KeyPart& part) {
    if (e.member.value.type == Type::kObject) return InlineIsComplete(e, part);
    return NotATable(e, part);
  }

  bool NotATable(const Entry& e, const KeyPart& part) {
    std::string what = "an array of tables";
    if (e.node == kNoNode) {
      const Type t = e.member.value.type;
      what = t == Type::kArray    ? "an array"
             : t == Type::kBool   ? "a boolean"
             : t == Type::kNumber ? "a number"
                                  : "a string";
    }
    return FailAt(part.pos, ParseErrorCode::kSyntax,
                  "key " + Quote(part.key) + " is already " + what +
                      " (defined at line " +
                      std::to_string(e.member.key_pos.line) + "), not a table");
  }

  bool InlineIsComplete(const Entry& e, const KeyPart& part) {
    return FailAt(part.pos, ParseErrorCode::kSyntax,
                  "cannot add to the inline table " + Quote(part.key) +
                      " (defined at line " +
                      std::to_string(e.member.key_pos.line) +
                      "): an inline table is complete as written");
  }

  // ---- Headers ----

  bool ParseHeader() {
    const Position open = Here();
    const bool array = end_ - p_ >= 2 && p_[1] == '[';
    p_ += array ? 2 : 1;
    SkipBlank();
    keys_.clear();
    if (!ParseKey()) return false;
    const char* close = array
                            ? "']]' to close the array of tables header, or '.'"
                            : "']' to close the table header, or '.'";
    if (p_ == end_ || *p_ != ']') return FailUnexpected(close);
    if (array) {
      ++p_;
      if (p_ == end_ || *p_ != ']')
        return FailUnexpected("']' to close the array of tables header");
    }
    ++p_;
    // Walk to the parent of the last key part, implying missing tables.
    uint32_t table = 0;
    for (size_t i = 0; i + 1 < keys_.size(); ++i) {
      const KeyPart& part = keys_[i];
      const uint32_t k = Find(table, part.key);
      if (k == kNoNode) {
        table = NewChild(table, Origin::kImplicit, part, part.pos);
        if (table == kNoNode) return false;
        continue;
      }
      const Entry& e = entries_[k];
      if (e.node == kNoNode) {
        if (e.member.value.type != Type::kArray) return Complete(e, part);
        return FailAt(part.pos, ParseErrorCode::kSyntax,
                      "cannot add a table to the static array " +
                          Quote(part.key) + " (defined at line " +
                          std::to_string(e.member.key_pos.line) + ")");
      }
      const Node& child = nodes_[e.node];
      // Through an array of tables, headers continue its last element.
      table = child.origin == Origin::kArrayOfTables ? entries_[child.last].node
                                                     : e.node;
    }
    const KeyPart& last = keys_.back();
    const uint32_t k = Find(table, last.key);
    section_ = next_section_++;
    if (array) return OpenArrayElement(table, k, last, open);
    if (k == kNoNode) {
      current_ = NewChild(table, Origin::kHeader, last, open);
      if (current_ == kNoNode) return false;
      nodes_[current_].value.end = Offset();
      return true;
    }
    const Entry& e = entries_[k];
    if (e.node == kNoNode) return Complete(e, last);
    Node& node = nodes_[e.node];
    const std::string line = std::to_string(node.value.pos.line);
    switch (node.origin) {
      case Origin::kImplicit:
        node.origin = Origin::kHeader;
        node.value.pos = open;
        node.value.end = Offset();
        current_ = e.node;
        return true;
      case Origin::kHeader:
        return FailAt(last.pos, ParseErrorCode::kSyntax,
                      "table [" + Name(e.node) +
                          "] is defined twice (first defined at line " + line +
                          ")");
      case Origin::kDotted:
        return FailAt(last.pos, ParseErrorCode::kSyntax,
                      "table [" + Name(e.node) +
                          "] was already defined by dotted keys at line " +
                          line);
      case Origin::kArrayOfTables:
        return FailAt(last.pos, ParseErrorCode::kSyntax,
                      "table [" + Name(e.node) +
                          "] conflicts with the array of tables [[" +
                          Name(e.node) + "]] defined at line " + line);
      case Origin::kInline:
        break;
    }
    return NotATable(e, last);
  }

  bool OpenArrayElement(uint32_t table, uint32_t k, const KeyPart& last,
                        const Position& open) {
    uint32_t array;
    if (k == kNoNode) {
      array = NewChild(table, Origin::kArrayOfTables, last, open);
      if (array == kNoNode) return false;
    } else {
      const Entry& e = entries_[k];
      array = e.node;
      if (array == kNoNode) {
        if (e.member.value.type != Type::kArray) return Complete(e, last);
        return FailAt(last.pos, ParseErrorCode::kSyntax,
                      "cannot append to the static array " + Quote(last.key) +
                          " (defined at line " +
                          std::to_string(e.member.key_pos.line) + ") with [[" +
                          Name(table) + (table == 0 ? "" : ".") +
                          Cut(last.key, 60) + "]]");
      }
      if (nodes_[array].origin != Origin::kArrayOfTables) {
        return FailAt(last.pos, ParseErrorCode::kSyntax,
                      "array of tables [[" + Name(array) +
                          "]] conflicts with the table " + Name(array) +
                          " defined at line " +
                          std::to_string(nodes_[array].value.pos.line));
      }
    }
    current_ = NewChild(array, Origin::kHeader, KeyPart{{}, last.pos, 0}, open);
    if (current_ == kNoNode) return false;
    nodes_[current_].value.end = Offset();
    return true;
  }

  // ---- Values ----

  // A value at p_ into entry->member.value (scalars) or a new node of the
  // given depth under `parent` (arrays and inline tables).
  bool ParseValue(Entry* entry, uint32_t depth, uint32_t parent) {
    Value& v = entry->member.value;
    v.pos = Here();
    if (p_ == end_) return FailUnexpected("a value");
    const unsigned char c = *p_;
    if (c == '"' || c == '\'') {
      const bool multi = end_ - p_ >= 3 && p_[1] == c && p_[2] == c;
      v.type = Type::kString;
      if (!(c == '"' ? ParseBasic(&v.text, multi)
                     : ParseLiteral(&v.text, multi)))
        return false;
      v.end = Offset();
      return true;
    }
    if (c == '[') return ParseArray(&v, depth);
    if (c == '{') return ParseInlineTable(entry, depth, parent);
    if (!IsValueByte(c)) {
      return FailUnexpected(
          "a value (string, number, boolean, date-time, array or inline "
          "table)");
    }
    return ParseBareValue(&v);
  }

  // Arrays are complete when they close, so like the JSON parser's they
  // stage their items on one stack shared by all levels and move them into
  // the arena at the ']'. Their items are complete values too: scalars,
  // arrays, and inline tables frozen when they closed.
  bool ParseArray(Value* out, uint32_t depth) {
    out->type = Type::kArray;
    if (TooDeep(depth)) return false;
    const size_t start = items_.size();
    ++p_;
    for (;;) {
      if (!SkipArraySpace()) return false;
      if (p_ != end_ && *p_ == ']') break;
      Entry item;
      if (!ParseValue(&item, depth + 1, kNoNode)) return false;
      items_.push_back(item.member.value);
      if (!SkipArraySpace()) return false;
      if (p_ != end_ && *p_ == ']') break;
      if (p_ == end_ || *p_ != ',')
        return FailUnexpected("',' or ']' after an array element");
      ++p_;
    }
    ++p_;
    out->end = Offset();
    out->items = arena().Store(items_.data() + start, items_.size() - start);
    items_.resize(start);
    return true;
  }

  // An inline table is complete when it closes, and every node and entry
  // created since it opened is inside it: freeze them now and drop them, so
  // that the mutable tree only ever holds the tables later lines can still
  // add to.
  bool Close(Entry* entry, uint32_t node, uint32_t first_entry) {
    nodes_[node].value.end = Offset();
    Freeze(node);
    entry->member.value = nodes_[node].value;
    entry->node = kNoNode;
    nodes_.resize(node);
    entries_.Truncate(first_entry);
    return true;
  }

  bool ParseInlineTable(Entry* entry, uint32_t depth, uint32_t parent) {
    if (TooDeep(depth)) return false;
    const uint32_t node =
        NewNode(Origin::kInline, depth, Here(), parent, entry->member.key);
    const uint32_t first_entry = entries_.size();
    entry->node = node;
    entry->member.value.type = Type::kObject;
    const uint32_t section = next_section_++;  // dotted keys inside stay inside
    ++p_;
    SkipBlank();
    if (p_ == end_ || *p_ != '}') {
      const char* one_line = " (an inline table must be on one line)";
      for (;;) {
        if (p_ != end_ && (*p_ == '\n' || *p_ == '\r')) {
          return FailUnexpected(std::string("a key or '}'") + one_line);
        }
        KeyPart key;
        uint32_t value_end;
        if (!ParseKeyValue(node, section, &key, &value_end)) return false;
        SkipBlank();
        if (p_ != end_ && *p_ == '}') break;
        if (p_ == end_ || *p_ != ',') {
          const bool newline = p_ != end_ && (*p_ == '\n' || *p_ == '\r');
          return FailUnexpected(
              std::string("',' or '}' after an inline table entry") +
              (newline ? one_line : ""));
        }
        const Position comma = Here();
        ++p_;
        SkipBlank();
        if (p_ != end_ && *p_ == '}') {
          return FailAt(comma, ParseErrorCode::kSyntax,
                        "trailing comma: TOML allows no ',' before the '}' of "
                        "an inline table");
        }
      }
    }
    ++p_;
    return Close(entry, node, first_entry);
  }

  // Numbers, booleans, inf / nan and date-times: one token of value bytes
  // (plus the space a date-time may have between date and time).
  bool ParseBareValue(Value* v) {
    const unsigned char* b = p_;
    const unsigned char* e = b;
    while (e != end_ && IsValueByte(*e)) ++e;
    if (e - b == 10 && IsDate(b, e) && end_ - e >= 4 && e[0] == ' ' &&
        IsDigit(e[1]) && IsDigit(e[2]) && e[3] == ':') {
      for (++e; e != end_ && IsValueByte(*e); ++e) {
      }
    }
    const std::string_view lexeme(reinterpret_cast<const char*>(b), e - b);
    v->text = lexeme;
    bool ok;
    if (lexeme == "true" || lexeme == "false") {
      v->type = Type::kBool;
      v->boolean = lexeme == "true";
      ok = true;
    } else if (IsDate(b, e) || IsTime(b, e)) {
      v->type = Type::kString;  // the lexeme, validated
      ok = ParseDateTime(b, e);
    } else if (((*b >= 'a' && *b <= 'z') || (*b >= 'A' && *b <= 'Z')) &&
               lexeme != "inf" && lexeme != "nan") {
      return Fail(ParseErrorCode::kSyntax,
                  "expected a value (string, number, boolean, date-time, array "
                  "or inline "
                  "table), found " +
                      Quote(lexeme, 40) + " (strings must be in quotes)");
    } else {
      v->type = Type::kNumber;
      ok = ParseNumber(b, e, v);
    }
    if (!ok) return false;
    p_ = e;
    v->end = Offset();
    return true;
  }

  static bool IsDate(const unsigned char* b, const unsigned char* e) {
    return e - b >= 5 && IsDigit(b[0]) && IsDigit(b[1]) && IsDigit(b[2]) &&
           IsDigit(b[3]) && b[4] == '-';
  }
  static bool IsTime(const unsigned char* b, const unsigned char* e) {
    return e - b >= 3 && IsDigit(b[0]) && IsDigit(b[1]) && b[2] == ':';
  }

  // Digits in `radix` with single underscores between them, from *q.
  bool DigitRun(const unsigned char** q, const unsigned char* e, int radix,
                const char* what) {
    if (*q == e || DigitValue(**q, radix) < 0) {
      p_ = *q;
      return FailUnexpected(what);
    }
    while (*q != e) {
      if (**q == '_') {
        if (*q + 1 == e || DigitValue((*q)[1], radix) < 0) {
          return FailAtByte(
              *q, "an underscore in a number must be between two digits");
        }
        ++*q;
      } else if (DigitValue(**q, radix) < 0) {
        break;
      }
      ++*q;
    }
    return true;
  }

  bool ParseNumber(const unsigned char* b, const unsigned char* e, Value* v) {
    const unsigned char* q = b;
    const bool sign = *q == '+' || *q == '-';
    const bool negative = *q == '-';
    if (sign) ++q;
    if (e - q == 3 &&
        (std::memcmp(q, "inf", 3) == 0 || std::memcmp(q, "nan", 3) == 0)) {
      const double x = *q == 'i' ? std::numeric_limits<double>::infinity()
                                 : std::numeric_limits<double>::quiet_NaN();
      v->number = negative ? -x : x;
      return true;
    }
    if (e - q >= 2 && q[0] == '0' &&
        (q[1] == 'x' || q[1] == 'o' || q[1] == 'b')) {
      const int radix = q[1] == 'x' ? 16 : q[1] == 'o' ? 8 : 2;
      const char* name = radix == 16  ? "a hexadecimal"
                         : radix == 8 ? "an octal"
                                      : "a binary";
      if (sign)
        return FailAtByte(b, std::string(name) + " integer cannot have a sign");
      q += 2;
      const unsigned char* digits = q;
      if (!DigitRun(&q, e, radix, (std::string(name) + " digit").c_str()))
        return false;
      if (q != e) return NotANumber(q, v->text);
      return IntegerValue(b, digits, e, radix, false, v);
    }
    const unsigned char* digits = q;
    if (!DigitRun(&q, e, 10, "a digit")) return false;
    if (*digits == '0' && q - digits > 1) {
      return FailAtByte(
          digits + 1,
          "leading zeros are not allowed in the number " + Quote(v->text, 40));
    }
    bool is_float = false;
    if (q != e && *q == '.') {
      is_float = true;
      ++q;
      if (!DigitRun(&q, e, 10, "a digit after the decimal point")) return false;
    }
    if (q != e && (*q == 'e' || *q == 'E')) {
      is_float = true;
      ++q;
      if (q != e && (*q == '+' || *q == '-')) ++q;
      if (!DigitRun(&q, e, 10, "a digit in the exponent")) return false;
    }
    if (q != e) return NotANumber(q, v->text);
    if (!is_float) return IntegerValue(b, digits, e, 10, negative, v);
    // strtod is correctly rounded and needs a terminated copy without the
    // underscores; overflow gives +-inf, as for JSON numbers.
    std::string copy;
    copy.reserve(e - b);
    for (const unsigned char* c = b; c != e; ++c) {
      if (*c != '_') copy.push_back(static_cast<char>(*c));
    }
    v->number = std::strtod(copy.c_str(), nullptr);
    return true;
  }

  bool NotANumber(const unsigned char* q, std::string_view lexeme) {
    return FailAtByte(q, "unexpected " + Describe(*q) + " in the number " +
                             Quote(lexeme, 40));
  }

  // The value of validated digits [digits, e); TOML integers are 64-bit
  // signed and must not be rounded silently, so out of range is an error.
  bool IntegerValue(const unsigned char* b, const unsigned char* digits,
                    const unsigned char* e, int radix, bool negative,
                    Value* v) {
    const uint64_t limit = uint64_t{INT64_MAX} + (negative ? 1 : 0);
    uint64_t n = 0;
    for (const unsigned char* c = digits; c != e; ++c) {
      if (*c == '_') continue;
      const uint64_t d = static_cast<uint64_t>(DigitValue(*c, radix));
      if (n > (limit - d) / static_cast<uint64_t>(radix)) {
        return FailAtByte(b,
                          "the integer " + Quote(v->text, 40) +
                              " is out of range for a 64-bit signed integer");
      }
      n = n * static_cast<uint64_t>(radix) + d;
    }
    v->number = negative ? -static_cast<double>(n) : static_cast<double>(n);
    return true;
  }

  // Reads `n` digits at *q as a number in [lo, hi].
  bool Field(const unsigned char** q, const unsigned char* e, int n, int lo,
             int hi, const char* what, int* out) {
    int value = 0;
    for (int i = 0; i < n; ++i) {
      if (*q + i == e || !IsDigit((*q)[i])) {
        p_ = *q + i;
        return FailUnexpected(
            std::string(n == 4 ? "a four-digit " : "a two-digit ") + what +
            " in the date-time");
      }
      value = value * 10 + ((*q)[i] - '0');
    }
    if (value < lo || value > hi) {
      return FailAtByte(*q,
                        std::string(what) + " " +
                            std::string(reinterpret_cast<const char*>(*q), n) +
                            " is out of range (" + std::to_string(lo) + " to " +
                            std::to_string(hi) + ")");
    }
    *q += n;
    *out = value;
    return true;
  }

  bool Separator(const unsigned char** q, const unsigned char* e, char c,
                 const char* after) {
    if (*q != e && **q == static_cast<unsigned char>(c)) {
      ++*q;
      return true;
    }
    p_ = *q;
    return FailUnexpected(std::string("'") + c + "' after the " + after +
                          " in the date-time");
  }

  // An offset or local date-time, local date or local time (RFC 3339 with
  // TOML's relaxations: 't' or a space for 'T', a time without offset).
  bool ParseDateTime(const unsigned char* b, const unsigned char* e) {
    const unsigned char* q = b;
    int year, month, day, hour, minute, second;
    const bool has_date = IsDate(b, e);
    if (has_date) {
      static const int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
      if (!Field(&q, e, 4, 0, 9999, "year", &year) ||
          !Separator(&q, e, '-', "year") ||
          !Field(&q, e, 2, 1, 12, "month", &month) ||
          !Separator(&q, e, '-', "month")) {
        return false;
      }
      const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
      const int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
      if (!Field(&q, e, 2, 1, days, "day", &day)) return false;
      if (q == e) return true;  // a local date
      if (*q != 'T' && *q != 't' && *q != ' ') {
        return FailAtByte(
            q, "unexpected " + Describe(*q) +
                   " after the date: expected 'T' and a time, or the end");
      }
      ++q;
    }
    if (!Field(&q, e, 2, 0, 23, "hour", &hour) ||
        !Separator(&q, e, ':', "hour") ||
        !Field(&q, e, 2, 0, 59, "minute", &minute) ||
        !Separator(&q, e, ':', "minute") ||
        !Field(&q, e, 2, 0, 60, "second", &second)) {
      return false;
    }
    if (q != e && *q == '.') {
      ++q;
      if (q == e || !IsDigit(*q)) {
        p_ = q;
        return FailUnexpected("a digit after the decimal point of the seconds");
      }
      while (q != e && IsDigit(*q)) ++q;
    }
    if (has_date && q != e) {
      if (*q == 'Z' || *q == 'z') {
        ++q;
      } else if (*q == '+' || *q == '-') {
        ++q;
        if (!Field(&q, e, 2, 0, 23, "offset hour", &hour) ||
            !Separator(&q, e, ':', "offset hour") ||
            !Field(&q, e, 2, 0, 59, "offset minute", &minute)) {
          return false;
        }
      }
    }
    if (q != e) {
      return FailAtByte(q, "unexpected " + Describe(*q) + " in the " +
                               (has_date ? "date-time " : "time ") +
                               Quote(TextOf(b, e), 40));
    }
    return true;
  }

  static std::string_view TextOf(const unsigned char* b,
                                 const unsigned char* e) {
    return std::string_view(reinterpret_cast<const char*>(b), e - b);
  }

  // ---- Strings ----

  // Multi-line strings drop a line break right after the opening quotes.
  void SkipFirstLineBreak() { LineBreak(); }

  bool Unterminated(const Position& start, const char* quote) {
    return FailAt(start, ParseErrorCode::kSyntax,
                  std::string("unterminated string: expected ") + quote +
                      " before the end of input");
  }

  // A character that is neither plain nor the quote nor a backslash: tab,
  // line breaks in multi-line strings, UTF-8, or an error.
  bool StringByte(bool multi) {
    const unsigned char c = *p_;
    if (c == '\t') {
      ++p_;
      return true;
    }
    if (c >= 0x80) return SkipUtf8();
    if (multi && LineBreak()) return true;
    if (c == '\n' || (c == '\r' && end_ - p_ >= 2 && p_[1] == '\n')) {
      return Fail(ParseErrorCode::kSyntax,
                  "expected the closing quote, found a line break (only "
                  "multi-line strings, "
                  "in triple quotes, can span lines)");
    }
    return Fail(
        ParseErrorCode::kSyntax,
        Describe(c) + " is not allowed in a string" +
            (c == '\r' && multi
                 ? " (a carriage return must be followed by a line feed)"
                 : "; write it as an escape"));
  }

  // At a quote inside a multi-line string: true if it closes the string.
  // Up to two quotes before the closing three belong to the content.
  bool Closes(unsigned char quote, const unsigned char** content_end) {
    size_t n = 0;
    while (p_ + n != end_ && p_[n] == quote && n < 5) ++n;
    if (n < 3) {
      p_ += n;
      return false;
    }
    *content_end = p_ + (n - 3);
    p_ += n;
    return true;
  }

  // Basic strings: views into the input unless they hold escapes or line
  // folding, which are decoded into scratch_ and stored once in the arena.
  bool ParseBasic(std::string_view* out, bool multi) {
    const Position start = Here();
    p_ += multi ? 3 : 1;
    if (multi) SkipFirstLineBreak();
    const unsigned char* run = p_;
    bool decoded = false;
    scratch_.clear();
    for (;;) {
      p_ = SkipPlain(p_, end_, '"', '\\');
      if (p_ == end_) return Unterminated(start, multi ? "'\"\"\"'" : "'\"'");
      const unsigned char c = *p_;
      if (c == '"') {
        const unsigned char* content_end = p_;
        if (multi && !Closes('"', &content_end)) continue;
        if (!multi) ++p_;
        const std::string_view tail = TextOf(run, content_end);
        if (!decoded) {
          *out = tail;
        } else {
          scratch_.append(tail);
          *out = arena().Store(scratch_);
        }
        return true;
      }
      if (c == '\\') {
        decoded = true;
        scratch_.append(reinterpret_cast<const char*>(run), p_ - run);
        if (!ParseEscape(multi)) return false;
        run = p_;
      } else if (!StringByte(multi)) {
        return false;
      }
    }
  }

  bool ParseEscape(bool multi) {
    const unsigned char* backslash = p_;
    ++p_;
    if (p_ == end_) return FailUnexpected("an escape character after '\\'");
    const unsigned char c = *p_;
    const char* simple = nullptr;
    switch (c) {
      case 'b':
        simple = "\b";
        break;
      case 't':
        simple = "\t";
        break;
      case 'n':
        simple = "\n";
        break;
      case 'f':
        simple = "\f";
        break;
      case 'r':
        simple = "\r";
        break;
      case '"':
        simple = "\"";
        break;
      case '\\':
        simple = "\\";
        break;
      case 'u':
      case 'U':
        return UnicodeEscape(backslash, c == 'u' ? 4 : 8);
      default:
        break;
    }
    if (simple != nullptr) {
      scratch_.push_back(*simple);
      ++p_;
      return true;
    }
    if (multi && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      // A backslash ending a line folds it: the line break and all blanks
      // and line breaks after it are dropped.
      const unsigned char* q = p_;
      while (q != end_ && (*q == ' ' || *q == '\t')) ++q;
      p_ = q;
      if (LineBreak()) {
        for (;;) {
          SkipBlank();
          if (!LineBreak()) return true;
        }
      }
    }
    p_ = backslash;
    std::string escape = c >= 0x21 && c < 0x7f
                             ? "\\" + std::string(1, static_cast<char>(c))
                             : "'\\' followed by " + Describe(c);
    return Fail(ParseErrorCode::kSyntax,
                "invalid escape " + escape +
                    ": expected one of \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX "
                    "\\UXXXXXXXX" +
                    (multi ? " or a line-ending backslash" : ""));
  }

  bool UnicodeEscape(const unsigned char* backslash, int digits) {
    ++p_;
    uint32_t cp = 0;
    for (int i = 0; i < digits; ++i, ++p_) {
      const int d = p_ == end_ ? -1 : DigitValue(*p_, 16);
      if (d < 0) {
        return FailUnexpected(std::string(digits == 4 ? "four" : "eight") +
                              " hex digits after \\" +
                              (digits == 4 ? "u" : "U"));
      }
      cp = cp << 4 | static_cast<uint32_t>(d);
    }
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      const std::string escape(TextOf(backslash, p_));
      p_ = backslash;
      return Fail(
          ParseErrorCode::kEncoding,
          "escape " + escape + " is not a Unicode scalar value" +
              (cp > 0x10FFFF ? " (above U+10FFFF)" : " (it is a surrogate)"));
    }
    utf8::Append(&scratch_, cp);
    return true;
  }

  // Literal strings take everything as written, so they are always views.
  bool ParseLiteral(std::string_view* out, bool multi) {
    const Position start = Here();
    p_ += multi ? 3 : 1;
    if (multi) SkipFirstLineBreak();
    const unsigned char* run = p_;
    for (;;) {
      p_ = SkipPlain(p_, end_, '\'', '\'');
      if (p_ == end_) return Unterminated(start, multi ? "\"'''\"" : "\"'\"");
      if (*p_ == '\'') {
        const unsigned char* content_end = p_;
        if (multi && !Closes('\'', &content_end)) continue;
        if (!multi) ++p_;
        *out = TextOf(run, content_end);
        return true;
      }
      if (!StringByte(multi)) return false;
    }
  }

  // ---- The mutable tree ----

  Arena& arena() {
    if (!arena_) arena_ = std::make_unique<Arena>();
    return *arena_;
  }

  uint32_t NewNode(Origin origin, uint32_t depth, const Position& pos,
                   uint32_t parent, std::string_view key) {
    Node node;
    node.origin = origin;
    node.serial = next_serial_++;
    node.depth = depth;
    node.parent = parent;
    node.key = key;
    node.value.type =
        origin == Origin::kArrayOfTables ? Type::kArray : Type::kObject;
    node.value.pos = pos;
    node.value.end = pos.offset;
    nodes_.push_back(node);  // trivially copyable
    return static_cast<uint32_t>(nodes_.size() - 1);
  }

  // A new table or array under `parent` for key `part`, or kNoNode when it
  // would nest too deep.
  uint32_t NewChild(uint32_t parent, Origin origin, const KeyPart& part,
                    const Position& pos) {
    const uint32_t depth = nodes_[parent].depth + 1;
    if (TooDeepAt(depth, part.pos)) return kNoNode;
    const uint32_t child = NewNode(origin, depth, pos, parent, part.key);
    // Implied tables start at their first mention; at least that key part
    // lies inside them.
    nodes_[child].value.end = std::max(pos.offset, part.end);
    Entry entry;
    entry.member.key = part.key;
    entry.member.key_pos = part.pos;
    entry.member.value.type = nodes_[child].value.type;
    entry.node = child;
    AddEntry(parent, entry);  // trivially copyable
    return child;
  }

  uint32_t Find(uint32_t node, std::string_view key) const {
    const Node& n = nodes_[node];
    if (!n.indexed) {
      for (uint32_t i = n.first; i != kNoNode; i = entries_[i].next) {
        if (entries_[i].member.key == key) return i;
      }
      return kNoNode;
    }
    const Slot& slot = slots_[Probe(n.serial, key, HashKey(n.serial, key))];
    return slot.serial == kNoNode ? kNoNode : slot.entry;
  }

  // The slot holding (table, key), or the empty slot where it would go:
  // open addressing with linear probing in a table at most half full, one
  // flat array for all tables (no allocation per key, few cache misses).
  // Tables are told apart by serial, so the slots of an inline table that
  // was frozen and dropped can never match a later table.
  size_t Probe(uint32_t serial, std::string_view key, uint64_t hash) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = static_cast<size_t>(hash) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.serial == kNoNode || (s.hash == hash && s.serial == serial &&
                                  entries_[s.entry].member.key == key)) {
        return i;
      }
    }
  }

  void Index(uint32_t node, uint32_t entry) {
    if (2 * (indexed_ + 1) > slots_.size()) {
      std::vector<Slot> old(std::max<size_t>(1024, 2 * slots_.size()));
      old.swap(slots_);
      const size_t mask = slots_.size() - 1;
      for (const Slot& s : old) {
        if (s.serial == kNoNode) continue;
        size_t i = static_cast<size_t>(s.hash) & mask;
        while (slots_[i].serial != kNoNode) i = (i + 1) & mask;
        slots_[i] = s;
      }
    }
    const uint32_t serial = nodes_[node].serial;
    const std::string_view key = entries_[entry].member.key;
    const uint64_t hash = HashKey(serial, key);
    Slot& slot = slots_[Probe(serial, key, hash)];
    slot.hash = hash;
    slot.serial = serial;
    slot.entry = entry;
    ++indexed_;
  }

  // Appends to a container; tables that grow big get indexed.
  void AddEntry(uint32_t node, Entry entry) {
    const uint32_t i = entries_.Add(entry);  // trivially copyable
    Node& n = nodes_[node];
    if (n.last == kNoNode) {
      n.first = i;
    } else {
      entries_[n.last].next = i;
    }
    n.last = i;
    ++n.count;
    if (n.value.type == Type::kArray) return;  // never searched by key
    if (n.indexed) {
      Index(node, i);
    } else if (n.count == kIndexAt) {
      nodes_[node].indexed = true;
      for (uint32_t j = n.first; j != kNoNode; j = entries_[j].next)
        Index(node, j);
    }
  }

  // The dotted name of a table, for messages: a.b.c.
  std::string Name(uint32_t node) const {
    std::vector<std::string_view> parts;
    for (; node != kNoNode && node != 0; node = nodes_[node].parent) {
      const uint32_t parent = nodes_[node].parent;
      // Elements of arrays have no key of their own.
      if (parent == kNoNode || nodes_[parent].value.type != Type::kArray) {
        parts.push_back(nodes_[node].key);
      }
    }
    std::string name;
    for (size_t i = parts.size(); i-- > 0;) {
      if (name.size() > 120) {
        name += "...";
        break;
      }
      if (!name.empty()) name += '.';
      name += Cut(parts[i], 60);
    }
    return name;
  }

  // Turns nodes [first, end) into arena spans, children (created later)
  // first.
  void Freeze(uint32_t first) {
    for (size_t i = nodes_.size(); i-- > first;) {
      Node& n = nodes_[i];
      // Implied tables and arrays of tables end where the last thing in
      // them ends, sub-tables of their sub-tables included; header tables,
      // inline tables and arrays have their end already.
      const bool grows = n.origin == Origin::kImplicit ||
                         n.origin == Origin::kDotted ||
                         n.origin == Origin::kArrayOfTables;
      uint32_t end = n.value.end;
      const bool array = n.value.type == Type::kArray;
      void* memory =
          n.count == 0 ? nullptr
          : array ? arena().Allocate(n.count * sizeof(Value), alignof(Value))
                  : arena().Allocate(n.count * sizeof(Member), alignof(Member));
      size_t j = 0;
      for (uint32_t k = n.first; k != kNoNode; k = entries_[k].next, ++j) {
        const Entry& e = entries_[k];
        const Value& value =
            e.node == kNoNode ? e.member.value : nodes_[e.node].value;
        if (array) {
          new (static_cast<Value*>(memory) + j) Value(value);
        } else {
          Member* m = new (static_cast<Member*>(memory) + j) Member(e.member);
          m->value = value;
        }
        end = std::max(end,
                       e.node == kNoNode ? value.end : nodes_[e.node].deep_end);
      }
      if (array) {
        n.value.items = Span<Value>(static_cast<const Value*>(memory), n.count);
      } else {
        n.value.members =
            Span<Member>(static_cast<const Member*>(memory), n.count);
      }
      if (grows) n.value.end = end;
      n.deep_end = end;
    }
  }

  const unsigned char* const begin_;
  const unsigned char* p_;
  const unsigned char* const end_;
  const unsigned char* line_start_;
  uint32_t line_ = 1;
  uint32_t continuation_in_line_ = 0;
  const ParseOptions& options_;
  json::ParseError error_;
  std::vector<Node> nodes_;    // [0] is the root
  EntryStore entries_;         // of all tables and arrays
  std::vector<Slot> slots_;    // key index of the big tables
  size_t indexed_ = 0;         // slots in use
  std::vector<KeyPart> keys_;  // the key being parsed (a stack)
  std::vector<Value> items_;   // open arrays' items (a stack)
  uint32_t current_ = 0;       // the table key/value lines go to
  uint32_t section_ = 0;       // the current header's section
  uint32_t next_section_ = 1;  // one per header and inline table
  uint32_t next_serial_ = 0;   // one per node ever created
  std::string scratch_;        // decoding buffer for escapes
  std::unique_ptr<Arena> arena_;
};

}  // namespace

json::ParseResult Parse(std::string_view text,
                        const json::ParseOptions& options) {
  return Parser(text, options).Run();
}

}  // namespace toml
}  // namespace mcp_builder
