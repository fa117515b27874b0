#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "mcp_builder/json.h"

namespace mcp_builder {
namespace json {
namespace {

ParseResult Ok(std::string_view text, const ParseOptions& options = {}) {
  ParseResult r = Parse(text, options);
  EXPECT_TRUE(r.ok()) << "unexpected error: " << r.error.message << " at "
                      << r.error.pos.line << ":" << r.error.pos.column;
  return r;
}

struct ErrorCase {
  const char* name;
  std::string text;
  ParseErrorCode code;
  uint32_t line;
  uint32_t column;
  const char* message_part;
};

class ParseErrorTest : public testing::TestWithParam<ErrorCase> {};

TEST_P(ParseErrorTest, ReportsCodePositionAndMessage) {
  const ErrorCase& c = GetParam();
  ParseResult r = Parse(c.text);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.code, c.code);
  EXPECT_EQ(r.error.pos.line, c.line);
  EXPECT_EQ(r.error.pos.column, c.column);
  EXPECT_NE(r.error.message.find(c.message_part), std::string::npos)
      << r.error.message;
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, ParseErrorTest,
    testing::Values(
        ErrorCase{"Empty", "", ParseErrorCode::kSyntax, 1, 1,
                  "unexpected end of input: expected a value"},
        ErrorCase{"MissingValue", "{\"a\": }", ParseErrorCode::kSyntax, 1, 7,
                  "found '}'"},
        ErrorCase{"MissingColon", "{\n  \"a\" 1\n}", ParseErrorCode::kSyntax,
                  2, 7, "expected ':' after the member name"},
        ErrorCase{"MissingComma", "[1 2]", ParseErrorCode::kSyntax, 1, 4,
                  "expected ',' or ']'"},
        ErrorCase{"UnquotedKey", "{a: 1}", ParseErrorCode::kSyntax, 1, 2,
                  "member name in double quotes"},
        ErrorCase{"SingleQuotes", "['x']", ParseErrorCode::kSyntax, 1, 2,
                  "found '''"},
        ErrorCase{"TrailingCommaArray", "[1,\n 2,\n]", ParseErrorCode::kSyntax,
                  2, 3, "trailing comma"},
        ErrorCase{"TrailingCommaObject", "{\"a\":1,}", ParseErrorCode::kSyntax,
                  1, 7, "trailing comma"},
        ErrorCase{"UnterminatedString", "{\"a\": \"abc", ParseErrorCode::kSyntax,
                  1, 7, "unterminated string"},
        ErrorCase{"RawNewlineInString", "[\"a\nb\"]", ParseErrorCode::kSyntax,
                  1, 4, "must be escaped"},
        ErrorCase{"BadEscape", "[\"a\\x\"]", ParseErrorCode::kSyntax, 1, 4,
                  "invalid escape \\x"},
        ErrorCase{"ShortUnicodeEscape", "[\"\\u12\"]", ParseErrorCode::kSyntax,
                  1, 7, "hex digit"},
        ErrorCase{"LeadingZero", "[01]", ParseErrorCode::kSyntax, 1, 3,
                  "leading zeros"},
        ErrorCase{"BareMinus", "[-]", ParseErrorCode::kSyntax, 1, 3,
                  "expected a digit"},
        ErrorCase{"DotWithoutDigits", "[1.]", ParseErrorCode::kSyntax, 1, 4,
                  "after the decimal point"},
        ErrorCase{"BadLiteral", "[tru]", ParseErrorCode::kSyntax, 1, 2,
                  "expected 'true'"},
        ErrorCase{"TrailingGarbage", "{} x", ParseErrorCode::kSyntax, 1, 4,
                  "after the end of the document"},
        ErrorCase{"CommentInStrictJson", "{\n// hi\n}", ParseErrorCode::kSyntax,
                  2, 1, "comments are not allowed"},
        ErrorCase{"NulByteOutsideString", std::string("[1,\0 2]", 7),
                  ParseErrorCode::kSyntax, 1, 4, "control character U+0000"},
        ErrorCase{"LoneHighSurrogate", "[\"x\\uD800\"]", ParseErrorCode::kEncoding,
                  1, 4, "lone high surrogate"},
        ErrorCase{"LoneLowSurrogate", "[\"\\uDC00\"]", ParseErrorCode::kEncoding,
                  1, 3, "lone low surrogate"},
        ErrorCase{"HighThenNonLow", "[\"\\uD800\\u0041\"]",
                  ParseErrorCode::kEncoding, 1, 3, "not a low surrogate"},
        ErrorCase{"InvalidUtf8Byte", "[\"a\xFF\"]", ParseErrorCode::kEncoding, 1,
                  4, "byte 0xFF"},
        ErrorCase{"OverlongSlash", "[\"\xC0\xAF\"]", ParseErrorCode::kEncoding,
                  1, 3, "invalid UTF-8"},
        ErrorCase{"OverlongThreeByte", "[\"\xE0\x80\xAF\"]",
                  ParseErrorCode::kEncoding, 1, 3, "invalid UTF-8"},
        ErrorCase{"EncodedSurrogate", "[\"\xED\xA0\x80\"]",
                  ParseErrorCode::kEncoding, 1, 3, "invalid UTF-8"},
        ErrorCase{"AboveUnicodeRange", "[\"\xF4\x90\x80\x80\"]",
                  ParseErrorCode::kEncoding, 1, 3, "invalid UTF-8"},
        ErrorCase{"TruncatedSequence", "[\"\xE2\x82\"]",
                  ParseErrorCode::kEncoding, 1, 3, "invalid UTF-8"},
        ErrorCase{"ColumnCountsCodePoints", "{\"é€😀\": x}",
                  ParseErrorCode::kSyntax, 1, 9, "found 'x'"},
        ErrorCase{"CrLfLines", "{\r\n\"a\": 1,\r\n\"b\": }",
                  ParseErrorCode::kSyntax, 3, 6, "found '}'"},
        ErrorCase{"LoneCrLines", "[1,\r2,\r?]", ParseErrorCode::kSyntax, 3, 1,
                  "found '?'"},
        // Issue 6 (hostile-input suite): a character named by its code
        // point, not by its first byte ("found byte 0xEF" for a BOM).
        ErrorCase{"BomInsideTheDocument", "[\xEF\xBB\xBF" "1]", ParseErrorCode::kSyntax,
                  1, 2, "found U+FEFF"},
        ErrorCase{"AstralCharacterWhereAValueGoes", "[\xF0\x9F\x98\x80]",
                  ParseErrorCode::kSyntax, 1, 2, "found U+1F600"}),
    [](const testing::TestParamInfo<ErrorCase>& param) {
      return std::string(param.param.name);
    });

TEST(JsonParser, ParsesEveryTypeWithPositions) {
  ParseResult r = Ok("{\n  \"s\": \"x\",\n  \"n\": -1.5e2,\n  \"t\": true,\n"
                     "  \"f\": false,\n  \"z\": null,\n  \"a\": [1, {\"k\": []}]\n}");
  const Value& v = r.value;
  ASSERT_TRUE(v.is_object());
  EXPECT_EQ(v.pos.line, 1u);
  EXPECT_EQ(v.members.size(), 6u);
  EXPECT_EQ(v.Find("s")->text, "x");
  EXPECT_EQ(v.Find("s")->pos.line, 2u);
  EXPECT_EQ(v.Find("s")->pos.column, 8u);
  EXPECT_EQ(v.members[0].key_pos.column, 3u);
  EXPECT_DOUBLE_EQ(v.Find("n")->number, -150);
  EXPECT_EQ(v.Find("n")->text, "-1.5e2");
  EXPECT_TRUE(v.Find("t")->boolean);
  EXPECT_EQ(v.Find("f")->type, Type::kBool);
  EXPECT_FALSE(v.Find("f")->boolean);
  EXPECT_EQ(v.Find("z")->type, Type::kNull);
  const Value* a = v.Find("a");
  ASSERT_EQ(a->items.size(), 2u);
  EXPECT_EQ(a->items[1].Find("k")->pos.line, 7u);
  EXPECT_EQ(a->items[1].Find("k")->pos.column, 18u);
  EXPECT_EQ(v.Find("missing"), nullptr);
}

TEST(JsonParser, DecodesEscapesAndSurrogatePairs) {
  ParseResult r = Ok(R"(["\"\\\/\b\f\n\r\t", "\u00e9\u20AC", "\ud83d\ude00", "\u0000"])");
  ASSERT_EQ(r.value.items.size(), 4u);
  EXPECT_EQ(r.value.items[0].text, "\"\\/\b\f\n\r\t");
  EXPECT_EQ(r.value.items[1].text, "\xC3\xA9\xE2\x82\xAC");
  EXPECT_EQ(r.value.items[2].text, "\xF0\x9F\x98\x80");
  EXPECT_EQ(r.value.items[3].text, std::string(1, '\0'));
}

TEST(JsonParser, ColumnsAfterMultibyteTextCountCodePoints) {
  // "ü" is 2 bytes, "😀" is 4 bytes: both are one column.
  ParseResult r = Ok("[\"ü😀\", 7]");
  EXPECT_EQ(r.value.items[1].pos.column, 8u);
  EXPECT_EQ(r.value.items[1].pos.offset, 11u);
}

TEST(JsonParser, DuplicateKeysAreKeptAndLastWins) {
  ParseResult r = Ok(R"({"a": 1, "a": 2})");
  ASSERT_EQ(r.value.members.size(), 2u);
  EXPECT_EQ(r.value.Find("a")->text, "2");
}

TEST(JsonParser, SkipsByteOrderMark) {
  ParseResult r = Ok("\xEF\xBB\xBF{\"a\": 1}");
  EXPECT_EQ(r.value.pos.column, 1u);
  EXPECT_EQ(r.value.Find("a")->pos.column, 7u);
}

TEST(JsonParser, NumbersAtTheEdgesOfDoubleRangeKeepTheirLexeme) {
  ParseResult r = Ok("[1e400, -1e400, 1e-400, -0, 1.7976931348623157e308, "
                     "123456789012345678901234567890]");
  EXPECT_TRUE(std::isinf(r.value.items[0].number));
  EXPECT_GT(r.value.items[0].number, 0);
  EXPECT_TRUE(std::isinf(r.value.items[1].number));
  EXPECT_EQ(r.value.items[2].number, 0);
  EXPECT_TRUE(std::signbit(r.value.items[3].number));
  EXPECT_DOUBLE_EQ(r.value.items[4].number, 1.7976931348623157e308);
  EXPECT_EQ(r.value.items[5].text, "123456789012345678901234567890");
}

TEST(JsonParser, JsoncAllowsCommentsAndTrailingCommas) {
  ParseOptions jsonc;
  jsonc.allow_comments = true;
  jsonc.allow_trailing_commas = true;
  ParseResult r = Ok("// settings ✓\n{\n  /* block\n  é */ \"a\": [1, 2,],\n"
                     "  \"b\": 3, // end\n}",
                     jsonc);
  EXPECT_EQ(r.value.Find("a")->items.size(), 2u);
  EXPECT_EQ(r.value.Find("a")->pos.line, 4u);
  EXPECT_EQ(r.value.Find("a")->pos.column, 13u);
  EXPECT_EQ(r.value.Find("b")->pos.line, 5u);
}

TEST(JsonParser, UnterminatedBlockCommentPointsAtItsStart) {
  ParseOptions jsonc;
  jsonc.allow_comments = true;
  ParseResult r = Parse("{\n  /* never closed\n\n", jsonc);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.pos.line, 2u);
  EXPECT_EQ(r.error.pos.column, 3u);
  EXPECT_NE(r.error.message.find("unterminated block comment"), std::string::npos);
}

TEST(JsonParser, DepthLimitIsExact) {
  ParseOptions options;
  options.max_depth = 10;
  EXPECT_TRUE(Parse(std::string(10, '[') + std::string(10, ']'), options).ok());
  ParseResult r = Parse(std::string(11, '[') + std::string(11, ']'), options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.code, ParseErrorCode::kTooDeep);
  EXPECT_EQ(r.error.pos.column, 11u);
  EXPECT_NE(r.error.message.find("limit of 10 levels"), std::string::npos);
}

TEST(JsonParser, HundredThousandLevelsGetAnErrorNotACrash) {
  for (const char* open : {"[", "{\"a\":"}) {
    std::string text;
    for (int i = 0; i < 100000; ++i) text += open;
    ParseResult r = Parse(text);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error.code, ParseErrorCode::kTooDeep);
  }
}

TEST(JsonParser, SizeLimitIsExact) {
  ParseOptions options;
  options.max_bytes = 8;
  EXPECT_TRUE(Parse("[1,2,33]", options).ok());
  ParseResult r = Parse("[1,2,333]", options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.code, ParseErrorCode::kTooLarge);
  EXPECT_NE(r.error.message.find("9 bytes"), std::string::npos);
  EXPECT_NE(r.error.message.find("limit of 8 bytes"), std::string::npos);
}

TEST(JsonParser, HugeStringWithinLimitsParses) {
  const std::string big(3u << 20, 'x');
  ParseResult r = Ok("[\"" + big + "\", 1]");
  EXPECT_EQ(r.value.items[0].text.size(), big.size());
  EXPECT_EQ(r.value.items[1].pos.column, big.size() + 6);
}

TEST(JsonParser, ErrorRuleIds) {
  EXPECT_STREQ(ParseErrorRule(ParseErrorCode::kSyntax), "json/syntax");
  EXPECT_STREQ(ParseErrorRule(ParseErrorCode::kTooLarge), "json/too-large");
  EXPECT_STREQ(ParseErrorRule(ParseErrorCode::kTooDeep), "json/too-deep");
  EXPECT_STREQ(ParseErrorRule(ParseErrorCode::kEncoding), "json/encoding");
}

TEST(JsonPointer, EscapesTildeAndSlash) {
  std::string p;
  AppendPointerToken(&p, "a/b~c");
  AppendPointerToken(&p, "");
  EXPECT_EQ(p, "/a~1b~0c/");
}

// ---- differential testing against nlohmann/json, an independent parser --

bool SameValue(const Value& ours, const nlohmann::json& theirs) {
  switch (ours.type) {
    case Type::kNull: return theirs.is_null();
    case Type::kBool: return theirs.is_boolean() && theirs.get<bool>() == ours.boolean;
    case Type::kNumber:
      return theirs.is_number() && theirs.get<double>() == ours.number;
    case Type::kString:
      return theirs.is_string() && theirs.get<std::string>() == ours.text;
    case Type::kArray:
      if (!theirs.is_array() || theirs.size() != ours.items.size()) return false;
      for (size_t i = 0; i < ours.items.size(); ++i) {
        if (!SameValue(ours.items[i], theirs[i])) return false;
      }
      return true;
    case Type::kObject: {
      // nlohmann keeps the last duplicate, as Find() does.
      if (!theirs.is_object()) return false;
      for (const Member& m : ours.members) {
        auto it = theirs.find(m.key);
        if (it == theirs.end() || !SameValue(*ours.Find(m.key), *it)) return false;
      }
      return true;
    }
  }
  return false;
}

bool HasInfinity(const Value& v) {
  if (v.type == Type::kNumber) return std::isinf(v.number);
  for (const Value& item : v.items) if (HasInfinity(item)) return true;
  for (const Member& m : v.members) if (HasInfinity(m.value)) return true;
  return false;
}

nlohmann::json RandomJson(std::mt19937* rng, int depth) {
  std::uniform_int_distribution<int> kind(0, depth > 4 ? 4 : 6);
  static const char* kStrings[] = {"", "a", "é", "😀", "\"q\"", "a\\b",
                                   "line\nbreak", "\t", "\x01", "/", "{x}"};
  switch (kind(*rng)) {
    case 0: return nullptr;
    case 1: return (*rng)() % 2 == 0;
    case 2: return static_cast<int64_t>((*rng)() % 2000000) - 1000000;
    case 3: return std::ldexp(static_cast<double>((*rng)() % 100000), static_cast<int>((*rng)() % 40) - 20);
    case 4: return kStrings[(*rng)() % (sizeof(kStrings) / sizeof(*kStrings))];
    case 5: {
      nlohmann::json a = nlohmann::json::array();
      for (int i = (*rng)() % 5; i > 0; --i) a.push_back(RandomJson(rng, depth + 1));
      return a;
    }
    default: {
      nlohmann::json o = nlohmann::json::object();
      for (int i = (*rng)() % 5; i > 0; --i) {
        o[std::string(kStrings[(*rng)() % 11]) + std::to_string(i)] = RandomJson(rng, depth + 1);
      }
      return o;
    }
  }
}

TEST(JsonParserDifferential, AgreesWithNlohmannOnGeneratedDocuments) {
  std::mt19937 rng(20251211);
  for (int i = 0; i < 2000; ++i) {
    const nlohmann::json doc = RandomJson(&rng, 0);
    const std::string text = doc.dump(i % 3 == 0 ? -1 : 2, ' ', i % 2 == 0);
    ParseResult r = Parse(text);
    ASSERT_TRUE(r.ok()) << text << "\n" << r.error.message;
    ASSERT_TRUE(SameValue(r.value, nlohmann::json::parse(text))) << text;
  }
}

TEST(JsonParserDifferential, AgreesWithNlohmannOnMutatedDocuments) {
  // Byte-level mutations of valid documents: whenever both parsers accept,
  // they must produce the same value; and they must agree on acceptance.
  std::mt19937 rng(7);
  const char kBytes[] = "{}[]\",:0-.eE\\u tfn\x80\xC3\xFF\n";
  int disagreements = 0;
  for (int i = 0; i < 5000; ++i) {
    std::string text = RandomJson(&rng, 0).dump();
    for (int m = rng() % 3 + 1; m > 0 && !text.empty(); --m) {
      const size_t at = rng() % text.size();
      const char b = kBytes[rng() % (sizeof(kBytes) - 1)];
      switch (rng() % 3) {
        case 0: text[at] = b; break;
        case 1: text.insert(text.begin() + at, b); break;
        default: text.erase(at, 1);
      }
    }
    ParseResult ours = Parse(text);
    const nlohmann::json theirs = nlohmann::json::parse(text, nullptr, false);
    // nlohmann rejects numbers beyond double range; we accept them as +-inf
    // with the lexeme kept (as JSON.parse does), so such documents differ.
    if (ours.ok() && theirs.is_discarded() && HasInfinity(ours.value)) continue;
    if (ours.ok() != !theirs.is_discarded()) {
      ++disagreements;
      ADD_FAILURE() << "acceptance differs (ours " << ours.ok() << ") for: " << text;
    } else if (ours.ok()) {
      EXPECT_TRUE(SameValue(ours.value, theirs)) << text;
    }
    if (disagreements > 5) break;
  }
}

}  // namespace
}  // namespace json
}  // namespace mcp_builder
