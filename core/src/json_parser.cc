// Recursive-descent JSON/JSONC parser with positions (see json.h).
//
// Columns are tracked incrementally: the only non-ASCII bytes a valid
// document can hold outside strings are in comments, so the parser counts
// UTF-8 continuation bytes as it passes them and derives the code-point
// column from the byte column. This keeps position tracking O(1) per value
// even for a minified single-line file.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <utility>

#include "mcp_builder/json.h"
#include "swar.h"
#include "utf8.h"

namespace mcp_builder {
namespace json {
namespace {

std::string Describe(unsigned char c) {
  static const char kHex[] = "0123456789ABCDEF";
  if (c >= 0x21 && c < 0x7f) return std::string("'") + static_cast<char>(c) + "'";
  if (c == ' ') return "a space";
  if (c == '\n') return "a line break";
  if (c == '\t') return "a tab";
  std::string out = c < 0x80 ? "control character U+00" : "byte 0x";
  out += kHex[c >> 4];
  out += kHex[c & 15];
  return out;
}


// Bytes that may appear unescaped in a string and need no further checks:
// printable ASCII except '"' and '\\'.
struct PlainTable {
  bool v[256];
  constexpr PlainTable() : v() {
    for (int c = 0x20; c < 0x80; ++c) v[c] = c != '"' && c != '\\';
  }
  constexpr bool operator[](unsigned char c) const { return v[c]; }
};
constexpr PlainTable kPlain;

// Eight bytes at a time (SWAR): true if none of the eight needs a closer
// look, i.e. all are ASCII, none is a control character, '"' or '\\'.
// Strings in MCP documents are mostly long runs of such bytes.
bool EightPlain(const unsigned char* p) {
  const uint64_t w = swar::Load(p);
  return !swar::HasHigh(w) && !swar::HasAsciiBelow(w, 0x20) && !swar::HasByte(w, '"') &&
         !swar::HasByte(w, '\\');
}

class Parser {
 public:
  Parser(std::string_view text, const ParseOptions& options)
      : begin_(reinterpret_cast<const unsigned char*>(text.data())),
        p_(begin_),
        end_(begin_ + text.size()),
        line_start_(begin_),
        options_(options) {
    // Typical MCP documents fit; saves regrowing the stacks on every call.
    item_stack_.reserve(32);
    member_stack_.reserve(32);
  }

  ParseResult Run() {
    ParseResult result;
    // Positions hold 32-bit offsets, so no limit can exceed 4 GiB - 1.
    const size_t limit = std::min<size_t>(options_.max_bytes, UINT32_MAX);
    if (static_cast<size_t>(end_ - begin_) > limit) {
      Fail(ParseErrorCode::kTooLarge,
           "input is " + std::to_string(end_ - begin_) +
               " bytes, larger than the limit of " + std::to_string(limit) +
               " bytes");
      result.error = std::move(error_);
      return result;
    }
    // A UTF-8 byte-order mark is not part of the document (RFC 8259 §8.1).
    if (end_ - p_ >= 3 && p_[0] == 0xEF && p_[1] == 0xBB && p_[2] == 0xBF) {
      p_ += 3;
      line_start_ = p_;
    }
    if (SkipSpace() && ParseValue(&result.value, 0) && SkipSpace() &&
        p_ != end_) {
      Fail(ParseErrorCode::kSyntax,
           "unexpected " + Describe(*p_) + " after the end of the document");
    }
    result.error = std::move(error_);
    result.arena = std::move(arena_);
    return result;
  }

 private:
  Position Here() const {
    Position pos;
    pos.line = line_;
    pos.offset = static_cast<uint32_t>(p_ - begin_);
    pos.column =
        static_cast<uint32_t>(p_ - line_start_) - continuation_in_line_ + 1;
    return pos;
  }

  bool Fail(ParseErrorCode code, std::string message) {
    if (error_.code == ParseErrorCode::kNone) {
      error_.code = code;
      error_.message = std::move(message);
      error_.pos = Here();
    }
    return false;
  }

  bool FailUnexpected(const char* expected) {
    if (p_ == end_) {
      return Fail(ParseErrorCode::kSyntax,
                  std::string("unexpected end of input: expected ") + expected);
    }
    return Fail(ParseErrorCode::kSyntax, std::string("expected ") + expected +
                                             ", found " + Found());
  }

  // What is at p_, for "found ...": a well-formed non-ASCII character by
  // its code point (U+FEFF, a BOM inside the text, is invisible when
  // quoted), anything else as Describe() has it.
  std::string Found() const {
    const size_t n = *p_ >= 0x80 ? utf8::SequenceLength(p_, end_) : 0;
    if (n == 0) return Describe(*p_);
    uint32_t cp = *p_ & (0xFFu >> (n + 1));
    for (size_t i = 1; i < n; ++i) cp = (cp << 6) | (p_[i] & 0x3Fu);
    static const char kHex[] = "0123456789ABCDEF";
    std::string out = "U+";
    const int digits = cp > 0xFFFFF ? 6 : cp > 0xFFFF ? 5 : 4;
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 15];
    return out;
  }

  void NewLine(const unsigned char* next_line_start) {
    ++line_;
    line_start_ = next_line_start;
    continuation_in_line_ = 0;
  }

  // Skips whitespace and, for JSONC, comments. False only on a bad comment.
  // Runs between every two tokens, where most often there is nothing to
  // skip, so that case is checked first and inline.
  bool SkipSpace() {
    if (p_ != end_ && *p_ > ' ' && *p_ != '/') return true;
    return SkipSpaceSlow();
  }

  bool SkipSpaceSlow() {
    const unsigned char* p = p_;
    for (;;) {
      while (p != end_ && (*p == ' ' || *p == '\t')) ++p;
      if (p == end_) break;
      const unsigned char c = *p;
      if (c == '\n') {
        NewLine(++p);
      } else if (c == '\r') {
        ++p;
        if (p != end_ && *p == '\n') ++p;
        NewLine(p);
      } else if (c == '/' && end_ - p >= 2 && (p[1] == '/' || p[1] == '*')) {
        p_ = p;
        if (!options_.allow_comments) {
          return Fail(ParseErrorCode::kSyntax,
                      "comments are not allowed in strict JSON (only in JSONC)");
        }
        if (!SkipComment()) return false;
        p = p_;
      } else {
        break;
      }
    }
    p_ = p;
    return true;
  }

  bool SkipComment() {
    const bool block = p_[1] == '*';
    const Position start = Here();
    p_ += 2;
    while (p_ != end_) {
      const unsigned char c = *p_;
      if (block && c == '*' && end_ - p_ >= 2 && p_[1] == '/') {
        p_ += 2;
        return true;
      }
      if (c == '\n' || c == '\r') {
        if (!block) return true;
        ++p_;
        if (c == '\r' && p_ != end_ && *p_ == '\n') ++p_;
        NewLine(p_);
        continue;
      }
      if (c >= 0x80 && !SkipUtf8()) return false;
      if (c < 0x80) ++p_;
    }
    if (!block) return true;
    error_.pos = start;  // point at the opening "/*", not at the end
    error_.code = ParseErrorCode::kSyntax;
    error_.message = "unterminated block comment: expected '*/'";
    return false;
  }

  // Steps over one multi-byte UTF-8 sequence at p_, counting its
  // continuation bytes for the column.
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

  bool ParseValue(Value* out, int depth) {
    out->pos = Here();
    if (p_ == end_) return FailUnexpected("a value");
    switch (*p_) {
      case '{':
        return ParseObject(out, depth + 1);
      case '[':
        return ParseArray(out, depth + 1);
      case '"':
        out->type = Type::kString;
        return ParseString(&out->text) && Ended(out);
      case 't':
        return ParseLiteral("true", out, Type::kBool, true) && Ended(out);
      case 'f':
        return ParseLiteral("false", out, Type::kBool, false) && Ended(out);
      case 'n':
        return ParseLiteral("null", out, Type::kNull, false) && Ended(out);
      default:
        if (*p_ == '-' || (*p_ >= '0' && *p_ <= '9')) {
          return ParseNumber(out) && Ended(out);
        }
        if (*p_ >= 0x80 && utf8::SequenceLength(p_, end_) == 0) {
          return SkipUtf8();  // reports the encoding error
        }
        return FailUnexpected("a value (object, array, string, number, "
                              "true, false or null)");
    }
  }

  bool Ended(Value* out) {
    out->end = static_cast<uint32_t>(p_ - begin_);
    return true;
  }

  bool ParseLiteral(const char* word, Value* out, Type type, bool b) {
    const size_t n = std::char_traits<char>::length(word);
    if (static_cast<size_t>(end_ - p_) < n ||
        std::char_traits<char>::compare(reinterpret_cast<const char*>(p_), word,
                                        n) != 0) {
      return Fail(ParseErrorCode::kSyntax,
                  std::string("invalid literal: expected '") + word + "'");
    }
    p_ += n;
    out->type = type;
    out->boolean = b;
    return true;
  }

  bool Digits(const char* what) {
    if (p_ == end_ || *p_ < '0' || *p_ > '9') return FailUnexpected(what);
    while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    return true;
  }

  bool ParseNumber(Value* out) {
    const unsigned char* start = p_;
    if (*p_ == '-') ++p_;
    if (p_ != end_ && *p_ == '0') {
      ++p_;
      if (p_ != end_ && *p_ >= '0' && *p_ <= '9') {
        return Fail(ParseErrorCode::kSyntax,
                    "numbers must not have leading zeros");
      }
    } else if (!Digits("a digit")) {
      return false;
    }
    if (p_ != end_ && *p_ == '.') {
      ++p_;
      if (!Digits("a digit after the decimal point")) return false;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (!Digits("a digit in the exponent")) return false;
    }
    out->type = Type::kNumber;
    out->text = std::string_view(reinterpret_cast<const char*>(start), p_ - start);
    // strtod is exact (correctly rounded); out of range gives +-inf or 0,
    // and the lexeme is kept for anyone who needs the original digits.
    // It needs a terminated copy; number lexemes are short.
    char buffer[64];
    if (out->text.size() < sizeof(buffer)) {
      out->text.copy(buffer, out->text.size());
      buffer[out->text.size()] = '\0';
      out->number = std::strtod(buffer, nullptr);
    } else {
      out->number = std::strtod(std::string(out->text).c_str(), nullptr);
    }
    return true;
  }

  bool Hex4(uint32_t* out) {
    if (end_ - p_ < 4) {
      p_ = end_;
      return FailUnexpected("four hex digits after \\u");
    }
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i, ++p_) {
      const unsigned char c = *p_;
      v <<= 4;
      if (c >= '0' && c <= '9') {
        v |= c - '0';
      } else if (c >= 'a' && c <= 'f') {
        v |= c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        v |= c - 'A' + 10;
      } else {
        return FailUnexpected("a hex digit in a \\u escape");
      }
    }
    *out = v;
    return true;
  }

  bool ParseEscape(std::string* out) {
    ++p_;  // the backslash
    if (p_ == end_) return FailUnexpected("an escape character");
    const unsigned char c = *p_++;
    switch (c) {
      case '"': out->push_back('"'); return true;
      case '\\': out->push_back('\\'); return true;
      case '/': out->push_back('/'); return true;
      case 'b': out->push_back('\b'); return true;
      case 'f': out->push_back('\f'); return true;
      case 'n': out->push_back('\n'); return true;
      case 'r': out->push_back('\r'); return true;
      case 't': out->push_back('\t'); return true;
      case 'u': break;
      default:
        p_ -= 2;  // point at the backslash
        return Fail(ParseErrorCode::kSyntax,
                    "invalid escape \\" + std::string(1, static_cast<char>(c)) +
                        ": expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t "
                        "\\uXXXX");
    }
    const unsigned char* escape_start = p_ - 2;
    uint32_t cp = 0;
    if (!Hex4(&cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) {
      p_ = escape_start;
      return Fail(ParseErrorCode::kEncoding,
                  "lone low surrogate escape: \\u" + HexOf(cp) +
                      " must follow a high surrogate escape");
    }
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      uint32_t low = 0;
      if (end_ - p_ < 6 || p_[0] != '\\' || p_[1] != 'u') {
        p_ = escape_start;
        return Fail(ParseErrorCode::kEncoding,
                    "lone high surrogate escape: \\u" + HexOf(cp) +
                        " must be followed by a low surrogate escape "
                        "(\\uDC00-\\uDFFF)");
      }
      p_ += 2;
      if (!Hex4(&low)) return false;
      if (low < 0xDC00 || low > 0xDFFF) {
        p_ = escape_start;
        return Fail(ParseErrorCode::kEncoding,
                    "lone high surrogate escape: \\u" + HexOf(cp) +
                        " is followed by \\u" + HexOf(low) +
                        ", which is not a low surrogate");
      }
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    utf8::Append(out, cp);
    return true;
  }

  static std::string HexOf(uint32_t v) {
    static const char kHex[] = "0123456789ABCDEF";
    std::string s(4, '0');
    for (int i = 3; i >= 0; --i, v >>= 4) s[i] = kHex[v & 15];
    return s;
  }

  // Strings without escapes become views into the input; the others are
  // decoded into scratch_ and stored once in the arena.
  bool ParseString(std::string_view* out) {
    const Position start = Here();
    ++p_;  // opening quote
    const unsigned char* run = p_;
    bool escaped = false;
    scratch_.clear();
    for (;;) {
      const unsigned char* p = p_;
      while (end_ - p >= 8 && EightPlain(p)) p += 8;
      while (p != end_ && kPlain[*p]) ++p;
      p_ = p;
      if (p_ == end_) {
        error_.code = ParseErrorCode::kSyntax;
        error_.message = "unterminated string: expected '\"' before the end "
                         "of input";
        error_.pos = start;
        return false;
      }
      const unsigned char c = *p_;
      if (c == '"') {
        if (!escaped) {
          *out = std::string_view(reinterpret_cast<const char*>(run), p_ - run);
        } else {
          scratch_.append(reinterpret_cast<const char*>(run), p_ - run);
          *out = Store(scratch_);
        }
        ++p_;
        return true;
      }
      if (c == '\\') {
        escaped = true;
        scratch_.append(reinterpret_cast<const char*>(run), p_ - run);
        if (!ParseEscape(&scratch_)) return false;
        run = p_;
      } else if (c < 0x20) {
        return Fail(ParseErrorCode::kSyntax,
                    Describe(c) + " must be escaped inside a string" +
                        (c == '\n' ? " (strings cannot span lines)" : ""));
      } else if (!SkipUtf8()) {
        return false;
      }
    }
  }

  // Created on first use: documents of scalars need none.
  Arena& arena() {
    if (!arena_) arena_ = std::make_unique<Arena>();
    return *arena_;
  }

  std::string_view Store(std::string_view s) {
    return arena().Store(s);
  }

  bool TooDeep(int depth) {
    if (depth <= options_.max_depth) return false;
    Fail(ParseErrorCode::kTooDeep,
         "nesting is deeper than the limit of " +
             std::to_string(options_.max_depth) + " levels");
    return true;
  }

  // Elements and members are staged on one stack shared by all levels and
  // moved into an exactly sized vector when the container closes, instead
  // of growing each container's vector one push at a time.
  template <typename T>
  Span<T> MoveTail(std::vector<T>* stack, size_t start) {
    const Span<T> span =
        arena().Store(stack->data() + start, stack->size() - start);
    stack->resize(start);
    return span;
  }

  bool ParseArray(Value* out, int depth) {
    const size_t start = item_stack_.size();
    const bool ok = ParseArrayItems(out, depth);
    out->items = MoveTail(&item_stack_, start);
    return ok && Ended(out);
  }

  bool ParseObject(Value* out, int depth) {
    const size_t start = member_stack_.size();
    const bool ok = ParseObjectMembers(out, depth);
    out->members = MoveTail(&member_stack_, start);
    return ok && Ended(out);
  }

  bool ParseArrayItems(Value* out, int depth) {
    out->type = Type::kArray;
    if (TooDeep(depth)) return false;
    ++p_;
    if (!SkipSpace()) return false;
    if (p_ != end_ && *p_ == ']') {
      ++p_;
      return true;
    }
    for (;;) {
      // Parse into a local: a nested container grows item_stack_ meanwhile.
      Value item;
      const bool ok = ParseValue(&item, depth);
      item_stack_.push_back(item);  // trivially copyable
      if (!ok || !SkipSpace()) return false;
      if (p_ != end_ && *p_ == ']') {
        ++p_;
        return true;
      }
      if (p_ == end_ || *p_ != ',') {
        return FailUnexpected("',' or ']' after an array element");
      }
      const Position comma = Here();
      ++p_;
      if (!SkipSpace()) return false;
      if (p_ != end_ && *p_ == ']') {
        if (!options_.allow_trailing_commas) return TrailingComma(comma);
        ++p_;
        return true;
      }
    }
  }

  bool TrailingComma(const Position& comma) {
    error_.code = ParseErrorCode::kSyntax;
    error_.message =
        "trailing comma: strict JSON allows no ',' before a closing bracket "
        "(only JSONC does)";
    error_.pos = comma;
    return false;
  }

  bool ParseObjectMembers(Value* out, int depth) {
    out->type = Type::kObject;
    if (TooDeep(depth)) return false;
    ++p_;
    if (!SkipSpace()) return false;
    if (p_ != end_ && *p_ == '}') {
      ++p_;
      return true;
    }
    for (;;) {
      if (p_ == end_ || *p_ != '"') {
        return FailUnexpected("a member name in double quotes");
      }
      Member m;
      m.key_pos = Here();
      if (!ParseString(&m.key) || !SkipSpace()) return false;
      if (p_ == end_ || *p_ != ':') {
        return FailUnexpected("':' after the member name");
      }
      ++p_;
      const bool ok = SkipSpace() && ParseValue(&m.value, depth);
      member_stack_.push_back(m);  // trivially copyable
      if (!ok || !SkipSpace()) return false;
      if (p_ != end_ && *p_ == '}') {
        ++p_;
        return true;
      }
      if (p_ == end_ || *p_ != ',') {
        return FailUnexpected("',' or '}' after an object member");
      }
      const Position comma = Here();
      ++p_;
      if (!SkipSpace()) return false;
      if (p_ != end_ && *p_ == '}') {
        if (!options_.allow_trailing_commas) return TrailingComma(comma);
        ++p_;
        return true;
      }
    }
  }

  const unsigned char* const begin_;
  const unsigned char* p_;
  const unsigned char* const end_;
  const unsigned char* line_start_;
  uint32_t line_ = 1;
  uint32_t continuation_in_line_ = 0;
  const ParseOptions& options_;
  ParseError error_;
  std::vector<Value> item_stack_;
  std::vector<Member> member_stack_;
  std::string scratch_;  // decoding buffer for strings with escapes
  std::unique_ptr<Arena> arena_;

};

}  // namespace

const char* TypeName(Type type) {
  switch (type) {
    case Type::kNull: return "null";
    case Type::kBool: return "boolean";
    case Type::kNumber: return "number";
    case Type::kString: return "string";
    case Type::kArray: return "array";
    case Type::kObject: return "object";
  }
  return "value";
}

const char* ParseErrorRule(ParseErrorCode code) {
  switch (code) {
    case ParseErrorCode::kNone: return "";
    case ParseErrorCode::kSyntax: return "json/syntax";
    case ParseErrorCode::kTooLarge: return "json/too-large";
    case ParseErrorCode::kTooDeep: return "json/too-deep";
    case ParseErrorCode::kEncoding: return "json/encoding";
  }
  return "json/syntax";
}

void* Arena::Allocate(size_t bytes, size_t alignment) {
  constexpr size_t kBlockSize = size_t{16} * 1024;
  const size_t pad = (alignment - reinterpret_cast<uintptr_t>(next_) % alignment) % alignment;
  if (next_ == nullptr || bytes + pad > left_) {
    if (bytes > kBlockSize / 4) {
      // A dedicated block (new[] is aligned for any fundamental type); the
      // current block stays in use for small allocations.
      blocks_.push_back(std::unique_ptr<char[]>(new char[bytes]));
      return blocks_.back().get();
    }
    blocks_.push_back(std::unique_ptr<char[]>(new char[kBlockSize]));
    next_ = blocks_.back().get();
    left_ = kBlockSize;
    return Allocate(bytes, alignment);
  }
  char* p = next_ + pad;
  next_ = p + bytes;
  left_ -= bytes + pad;
  return p;
}

std::string_view Arena::Store(std::string_view s) {
  if (s.empty()) return std::string_view();
  char* p = static_cast<char*>(Allocate(s.size(), 1));
  std::memcpy(p, s.data(), s.size());
  return std::string_view(p, s.size());
}

const Value* Value::Find(std::string_view key) const {
  for (size_t i = members.size(); i > 0; --i) {
    if (members[i - 1].key == key) return &members[i - 1].value;
  }
  return nullptr;
}

void AppendPointerToken(std::string* pointer, std::string_view segment) {
  pointer->push_back('/');
  // The usual key holds neither: one copy. (A loop, not find_first_of,
  // which calls memchr on its set for every byte.)
  if (std::none_of(segment.begin(), segment.end(), [](char c) { return c == '~' || c == '/'; })) {
    pointer->append(segment);
    return;
  }
  for (char c : segment) {
    if (c == '~') {
      pointer->append("~0");
    } else if (c == '/') {
      pointer->append("~1");
    } else {
      pointer->push_back(c);
    }
  }
}

ParseResult Parse(std::string_view text, const ParseOptions& options) {
  return Parser(text, options).Run();
}

}  // namespace json
}  // namespace mcp_builder
