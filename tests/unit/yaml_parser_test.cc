#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <functional>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "gen/emit.h"
#include "mcp_builder/json.h"
#include "mcp_builder/yaml.h"

namespace mcp_builder {
namespace yaml {
namespace {

using json::Member;
using json::ParseErrorCode;
using json::ParseOptions;
using json::ParseResult;
using json::Type;
using json::Value;

ParseResult Ok(std::string_view text, const ParseOptions& options = {}) {
  ParseResult r = yaml::Parse(text, options);
  EXPECT_TRUE(r.ok()) << "unexpected error: " << r.error.message << " at "
                      << r.error.pos.line << ":" << r.error.pos.column
                      << " in:\n"
                      << text;
  return r;
}

// The source text a value spans.
std::string_view Raw(std::string_view text, const Value& v) {
  return text.substr(v.pos.offset, v.end - v.pos.offset);
}

bool InInput(std::string_view text, std::string_view s) {
  return s.data() >= text.data() &&
         s.data() + s.size() <= text.data() + text.size();
}

// ---- refusals: code, exact position and message ----

struct ErrorCase {
  const char* name;
  std::string text;
  ParseErrorCode code;
  uint32_t line;
  uint32_t column;
  const char* message_part;
};

class YamlErrorTest : public testing::TestWithParam<ErrorCase> {};

TEST_P(YamlErrorTest, ReportsCodePositionAndMessage) {
  const ErrorCase& c = GetParam();
  ParseResult r = yaml::Parse(c.text);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.code, c.code) << r.error.message;
  EXPECT_EQ(r.error.pos.line, c.line) << r.error.message;
  EXPECT_EQ(r.error.pos.column, c.column) << r.error.message;
  EXPECT_NE(r.error.message.find(c.message_part), std::string::npos)
      << r.error.message;
}

constexpr ParseErrorCode kSyntax = ParseErrorCode::kSyntax;
constexpr ParseErrorCode kEncoding = ParseErrorCode::kEncoding;

INSTANTIATE_TEST_SUITE_P(
    YamlMalformed, YamlErrorTest,
    testing::Values(
        ErrorCase{"TabIndentation", "a:\n\tb: 1", kSyntax, 2, 1,
                  "tab in the indentation"},
        ErrorCase{"TabAfterSpaces", "a:\n  \tb: 1", kSyntax, 2, 3,
                  "YAML indents with spaces only"},
        ErrorCase{"TabBeforeSequenceItem", "a:\n\t- b", kSyntax, 2, 1,
                  "tab in the indentation"},
        ErrorCase{"TabIndentedBlockScalarEnd", "a: |\n  x\n\tb: 1", kSyntax, 3,
                  1, "tab in the indentation"},
        ErrorCase{"SecondDocument", "a: 1\n---\nb: 2\n", kSyntax, 2, 1,
                  "multiple YAML documents are not supported; found a second "
                  "document"},
        ErrorCase{"SecondDocumentAfterExplicitFirst", "---\na: 1\n--- b\n",
                  kSyntax, 3, 1, "multiple YAML documents"},
        ErrorCase{"ContentAfterDocumentEnd", "a: 1\n...\nb: 2\n", kSyntax, 3, 1,
                  "multiple YAML documents are not supported; found content "
                  "after the document end marker"},
        ErrorCase{"ComplexKey", "? a\n: b\n", kSyntax, 1, 1,
                  "complex mapping keys ('? ') are not supported"},
        ErrorCase{"ComplexKeyLater", "x: 1\n? a\n", kSyntax, 2, 1,
                  "complex mapping keys"},
        ErrorCase{"ComplexKeyInFlow", "{? a: b}", kSyntax, 1, 2,
                  "complex mapping keys"},
        ErrorCase{"FlowSequenceKey", "[a, b]: c\n", kSyntax, 1, 1,
                  "a mapping key must be a scalar"},
        ErrorCase{"FlowMappingKeyLater", "x: 1\n{a: 1}: c\n", kSyntax, 2, 1,
                  "a mapping key must be a scalar"},
        ErrorCase{"CollectionKeyInFlowMapping", "{x: 1, [a]: b}", kSyntax, 1, 8,
                  "a mapping key must be a scalar"},
        ErrorCase{"AliasKey", "a: &x k\n*x : v\n", kSyntax, 2, 1,
                  "an alias cannot be a mapping key"},
        ErrorCase{"MultiLineQuotedKey", "\"a\nb\": 1\n", kSyntax, 1, 1,
                  "a mapping key must fit on one line"},
        ErrorCase{"BadIndentationOfKey", "a:\n    b: 1\n  c: 2\n", kSyntax, 3,
                  3, "bad indentation: expected a key at column 1"},
        ErrorCase{"BadIndentationAfterScalar", "a: \"x\"\n  b: 1\n", kSyntax, 2,
                  3, "bad indentation"},
        ErrorCase{"BadIndentationOfItem", "- \"a\"\n  b\n", kSyntax, 2, 3,
                  "bad indentation: expected '- ' at column 1"},
        ErrorCase{"NestedMappingOnKeyLine", "a: b: c\n", kSyntax, 1, 5,
                  "mapping values are not allowed here"},
        ErrorCase{"OverIndentedKeyFoldsIntoValue", "a: 1\n b: 2\n", kSyntax, 2,
                  3, "mapping values are not allowed here"},
        ErrorCase{"MappingAfterDocumentMarker", "--- a: 1\n", kSyntax, 1, 6,
                  "mapping values are not allowed here"},
        ErrorCase{"SequenceOnKeyLine", "a: - b\n", kSyntax, 1, 4,
                  "a block sequence cannot start on the same line as its key"},
        ErrorCase{"SequenceAfterProperties", "a: &x - b\n", kSyntax, 1, 7,
                  "a block sequence cannot start on the same line as its key"},
        ErrorCase{"SequenceAfterMappingEntry", "a: 1\n- b\n", kSyntax, 2, 1,
                  "expected a mapping key, found '- '"},
        ErrorCase{"KeyAfterTopLevelSequence", "- a\nb: c\n", kSyntax, 2, 1,
                  "expected '- ' (the next item of this sequence)"},
        ErrorCase{"MissingColon", "a: 1\nb\n", kSyntax, 2, 2,
                  "expected ':' after the mapping key, found a line break"},
        ErrorCase{"LessIndentedAfterTopLevel", "  a: 1\nb: 2\n", kSyntax, 2, 1,
                  "expected the end of the document, found 'b'"},
        ErrorCase{"UnterminatedDoubleQuoted", "a: \"abc\nd: 1\n", kSyntax, 1, 4,
                  "unterminated double-quoted scalar: expected \""},
        ErrorCase{"UnterminatedSingleQuoted", "a: 'it''s", kSyntax, 1, 4,
                  "unterminated single-quoted scalar"},
        ErrorCase{"UnterminatedEscapeAtEnd", "a: \"x\\", kSyntax, 1, 4,
                  "unterminated double-quoted scalar"},
        ErrorCase{"UnterminatedFlowSequence", "a: [1,\n  2\n", kSyntax, 1, 4,
                  "unterminated flow sequence: expected ']'"},
        ErrorCase{"UnterminatedFlowMapping", "{a: 1", kSyntax, 1, 1,
                  "unterminated flow mapping: expected '}'"},
        ErrorCase{"MissingCommaInFlow", "[\"a\" \"b\"]", kSyntax, 1, 6,
                  "expected ',' or ']' after a flow sequence item, found '\"'"},
        ErrorCase{"MismatchedBracket", "[a}", kSyntax, 1, 3,
                  "expected ',' or ']'"},
        ErrorCase{"EmptyFlowEntry", "[a, , b]", kSyntax, 1, 5,
                  "expected a value, found ','"},
        ErrorCase{
            "PairInFlowSequence", "[a: 1]", kSyntax, 1, 3,
            "'key: value' pairs inside a flow sequence are not supported"},
        ErrorCase{"SequenceItemInFlow", "[- a]", kSyntax, 1, 2,
                  "cannot appear inside a flow collection"},
        ErrorCase{"BlockScalarInFlow", "[|\n x]", kSyntax, 1, 2,
                  "block scalars ('|', '>') cannot appear inside a flow"},
        ErrorCase{"TextAfterQuotedValue", "a: \"x\" y\n", kSyntax, 1, 8,
                  "expected a comment or a line break after the value, found "
                  "'y'"},
        ErrorCase{"CommentWithoutSpace", "a: 'x'#c\n", kSyntax, 1, 7,
                  "expected a comment or a line break after the value, found "
                  "'#'"},
        ErrorCase{"HashAfterCommaInFlow", "[a,#b]", kSyntax, 1, 4,
                  "expected a value, found '#'"},
        ErrorCase{"NestedPairInFlowMapping", "{a: b: c}", kSyntax, 1, 6,
                  "expected ',' or '}' after a flow mapping entry, found ':'"},
        ErrorCase{"NonAsciiFound", "[\"a\" é]", kSyntax, 1, 6,
                  "expected ',' or ']' after a flow sequence item, found 'é'"},
        ErrorCase{"HexEscapeAtEndOfInput", "a: \"\\x4", kSyntax, 1, 8,
                  "unexpected end of input: expected a hex digit in the \\x "
                  "escape"},
        ErrorCase{"PropertiesWithoutKey", "a: 1\n&x\nb: 2\n", kSyntax, 2, 3,
                  "expected a mapping key after the anchor or tag, found a "
                  "line break"},
        ErrorCase{"BlockScalarKey", "a: 1\n|\n b\n", kSyntax, 2, 1,
                  "a block scalar cannot be a mapping key"},
        ErrorCase{"UnterminatedVerbatimTag", "a: !<tag:x\n", kSyntax, 1, 4,
                  "unterminated verbatim tag: expected '>'"},
        ErrorCase{"AnchorNotFollowedBySpace", "a: &x[1]\n", kSyntax, 1, 6,
                  "expected white space after the anchor or tag, found '['"},
        ErrorCase{"TextAfterDocumentEnd", "a: 1\n... x\n", kSyntax, 2, 5,
                  "expected a comment or a line break after the document end "
                  "marker '...'"},
        ErrorCase{"EmptyAnchorName", "a: & x\n", kSyntax, 1, 4,
                  "expected an anchor name after '&'"},
        ErrorCase{"ErrorColumnAfterByteOrderMark",
                  "\xEF\xBB\xBF"
                  "a: @",
                  kSyntax, 1, 4, "'@' is reserved"},
        ErrorCase{"UndefinedAlias", "a: *nope\n", kSyntax, 1, 4,
                  "undefined alias *nope"},
        ErrorCase{"AliasBeforeAnchor", "a: *x\nb: &x 1\n", kSyntax, 1, 4,
                  "undefined alias *x"},
        ErrorCase{"RecursiveAlias", "a: &x [*x]\n", kSyntax, 1, 8,
                  "undefined alias *x"},
        ErrorCase{"EmptyAliasName", "a: * x\n", kSyntax, 1, 4,
                  "expected an alias name after '*'"},
        ErrorCase{"TwoAnchors", "a: &x &y b\n", kSyntax, 1, 7,
                  "a node can have only one anchor"},
        ErrorCase{"TwoTags", "a: !!str !!int b\n", kSyntax, 1, 10,
                  "a node can have only one tag"},
        ErrorCase{"AliasWithAnchor", "a: &x 1\nb: &y *x\n", kSyntax, 2, 7,
                  "an alias cannot have an anchor or tag"},
        ErrorCase{"PropertiesOnTwoLines", "a: &x\n  !!str\n  b\n", kSyntax, 2,
                  3, "already has an anchor or tag"},
        ErrorCase{"ReservedAt", "a: @b\n", kSyntax, 1, 4,
                  "'@' is reserved: it cannot start a plain scalar"},
        ErrorCase{"ReservedBacktick", "`a`: 1\n", kSyntax, 1, 1,
                  "'`' is reserved"},
        ErrorCase{"BadBlockScalarHeader", "a: |x\n  y\n", kSyntax, 1, 5,
                  "after the block scalar header"},
        ErrorCase{"ZeroIndentationIndicator", "a: |0\n  y\n", kSyntax, 1, 5,
                  "after the block scalar header"},
        ErrorCase{"InvalidEscape", "a: \"x\\q\"\n", kSyntax, 1, 6,
                  "invalid escape \\q: expected one of"},
        ErrorCase{"ShortHexEscape", "a: \"\\x4\"\n", kSyntax, 1, 8,
                  "expected a hex digit in the \\x escape, found '\"'"},
        ErrorCase{"LoneHighSurrogate", "a: \"\\uD800\"\n", kEncoding, 1, 5,
                  "lone surrogate escape \\uD800"},
        ErrorCase{"HighSurrogateThenNonLow", "a: \"\\uD800\\u0041\"\n",
                  kEncoding, 1, 5, "lone surrogate escape"},
        ErrorCase{"LoneLowSurrogate", "a: \"x\\uDC00\"\n", kEncoding, 1, 6,
                  "lone surrogate escape \\uDC00"},
        ErrorCase{"SurrogateInLongEscape", "a: \"\\U0000D800\"\n", kEncoding, 1,
                  5, "lone surrogate"},
        ErrorCase{"AboveUnicodeRange", "a: \"\\U00110000\"\n", kEncoding, 1, 5,
                  "above U+10FFFF"},
        ErrorCase{"TagIntOnText", "a: !!int abc\n", kSyntax, 1, 4,
                  "tag !!int does not match its value ('abc')"},
        ErrorCase{"TagBoolOnNumber", "a: !!bool 1\n", kSyntax, 1, 4,
                  "tag !!bool does not match"},
        ErrorCase{"TagSeqOnMapping", "a: !!seq {b: 1}\n", kSyntax, 1, 4,
                  "tag !!seq does not match its value (an object)"},
        ErrorCase{"TagStrOnSequence", "a: !!str\n  - b\n", kSyntax, 1, 4,
                  "tag !!str does not match"},
        ErrorCase{"InvalidUtf8", "a: \xFF\n", kEncoding, 1, 4,
                  "invalid UTF-8: byte 0xFF"},
        ErrorCase{"OverlongSlash", "a: \xC0\xAF\n", kEncoding, 1, 4,
                  "invalid UTF-8"},
        ErrorCase{"OverlongThreeByte", "a: '\xE0\x80\xAF'\n", kEncoding, 1, 5,
                  "invalid UTF-8"},
        ErrorCase{"EncodedSurrogate", "# \xED\xA0\x80\n", kEncoding, 1, 3,
                  "invalid UTF-8"},
        ErrorCase{"AboveRangeByte", "a: \"\xF4\x90\x80\x80\"\n", kEncoding, 1,
                  5, "invalid UTF-8"},
        ErrorCase{"TruncatedSequence", "a: \xE2\x82", kEncoding, 1, 4,
                  "invalid UTF-8"},
        ErrorCase{"ControlCharacter", "a: b\x01\n", kSyntax, 1, 5,
                  "control character U+0001 is not allowed in YAML"},
        ErrorCase{"RawNulInDoubleQuotes", std::string("a: \"\0\"", 6), kSyntax,
                  1, 5, "control character U+0000"},
        ErrorCase{"Delete", "a: \x7F\n", kSyntax, 1, 4,
                  "control character U+007F"},
        ErrorCase{"C1Control", "a: x\xC2\x80\n", kSyntax, 1, 5,
                  "control character U+0080"},
        ErrorCase{"LastC1Control", "a: '\xC2\x9F'\n", kSyntax, 1, 5,
                  "control character U+009F"},
        ErrorCase{"QuotedKeyWithoutSpace", "\"a\":b\n", kSyntax, 1, 4,
                  "expected a comment or a line break after the value, found "
                  "':'"},
        ErrorCase{"NonCharacter", "a: \xEF\xBF\xBE\n", kSyntax, 1, 4,
                  "non-character U+FFFE"},
        ErrorCase{"ColumnCountsCodePoints", "é😀: [x, \"", kSyntax, 1, 9,
                  "unterminated double-quoted"},
        ErrorCase{"CrLfLines", "a: 1\r\nb: [\r\n  x,\r\n", kSyntax, 2, 4,
                  "unterminated flow sequence"},
        ErrorCase{"LoneCrLines", "a: 1\rb: 2\r c: 3\r", kSyntax, 3, 3,
                  "mapping values are not allowed here"}),
    [](const testing::TestParamInfo<ErrorCase>& param) {
      return std::string(param.param.name);
    });

TEST(YamlParser, ErrorOffsetsAreExact) {
  // "é😀: [x, " is 2 + 4 + 6 bytes before the quote.
  ParseResult r = yaml::Parse("é😀: [x, \"");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.pos.offset, 12u);
  r = yaml::Parse(
      "\xEF\xBB\xBFk: v\n\tx: 1");  // the BOM counts in offsets only
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.pos.line, 2u);
  EXPECT_EQ(r.error.pos.column, 1u);
  EXPECT_EQ(r.error.pos.offset, 8u);
}

// ---- structure and positions ----

TEST(YamlParser, BlockMappingWithPositions) {
  const std::string text =
      "# config\n"
      "name: demo   # trailing comment\n"
      "count: 42\n"
      "nested:\n"
      "  'quoted key': \"x\\ty\"\n"
      "  empty:\n"
      "list:\n"
      "  - one\n"
      "  - two\n";
  ParseResult r = Ok(text);
  const Value& v = r.value;
  ASSERT_TRUE(v.is_object());
  ASSERT_EQ(v.members.size(), 4u);
  EXPECT_EQ(v.pos.line, 2u);
  EXPECT_EQ(v.pos.column, 1u);
  EXPECT_EQ(v.pos.offset, 9u);
  EXPECT_EQ(v.end, text.size() - 1);  // the end of "two"

  const Value* name = v.Find("name");
  EXPECT_EQ(name->text, "demo");
  EXPECT_EQ(Raw(text, *name), "demo");
  EXPECT_EQ(name->pos.column, 7u);
  EXPECT_EQ(v.members[0].key_pos.line, 2u);
  EXPECT_EQ(v.members[0].key_pos.column, 1u);
  EXPECT_EQ(v.members[0].key_pos.offset, 9u);

  EXPECT_EQ(Raw(text, *v.Find("count")), "42");
  EXPECT_EQ(v.Find("count")->pos.line, 3u);

  const Value* nested = v.Find("nested");
  ASSERT_TRUE(nested->is_object());
  EXPECT_EQ(nested->pos.line, 5u);
  EXPECT_EQ(nested->pos.column, 3u);
  EXPECT_EQ(Raw(text, *nested), "'quoted key': \"x\\ty\"\n  empty:");
  EXPECT_EQ(nested->members[0].key, "quoted key");
  EXPECT_EQ(nested->members[0].key_pos.column, 3u);
  const Value& quoted = nested->members[0].value;
  EXPECT_EQ(quoted.text, "x\ty");
  EXPECT_EQ(Raw(text, quoted), "\"x\\ty\"");
  EXPECT_EQ(quoted.pos.column, 17u);
  const Value* empty = nested->Find("empty");
  EXPECT_EQ(empty->type, Type::kNull);
  EXPECT_EQ(empty->pos.line, 6u);
  EXPECT_EQ(empty->pos.column, 9u);  // just after the ':'
  EXPECT_EQ(empty->end, empty->pos.offset);

  const Value* list = v.Find("list");
  ASSERT_TRUE(list->is_array());
  EXPECT_EQ(list->pos.line, 8u);
  EXPECT_EQ(list->pos.column, 3u);
  EXPECT_EQ(Raw(text, *list), "- one\n  - two");
  EXPECT_EQ(Raw(text, list->items[1]), "two");
}

TEST(YamlParser, ScalarSpansCoverTheirSourceExactly) {
  const std::string text =
      "a: plain text with  spaces   # comment\n"
      "b: 'it''s'\n"
      "c: \"esc\\\"aped\"  \n"
      "d: [x , 'y',\"z\" ]\n"
      "e: {k: v,  q: \"w\"}\n"
      "f: |\n"
      "  block\n"
      "  text\n"
      "\n"
      "g: >-\n"
      "  folded\n"
      "h: multi\n"
      "  line   \n"
      "  plain\n";
  ParseResult r = Ok(text);
  const Value& v = r.value;
  EXPECT_EQ(Raw(text, *v.Find("a")), "plain text with  spaces");
  EXPECT_EQ(Raw(text, *v.Find("b")), "'it''s'");
  EXPECT_EQ(v.Find("b")->text, "it's");
  EXPECT_EQ(Raw(text, *v.Find("c")), "\"esc\\\"aped\"");
  const Value* d = v.Find("d");
  EXPECT_EQ(Raw(text, *d), "[x , 'y',\"z\" ]");
  EXPECT_EQ(Raw(text, d->items[0]), "x");
  EXPECT_EQ(Raw(text, d->items[1]), "'y'");
  EXPECT_EQ(Raw(text, d->items[2]), "\"z\"");
  const Value* e = v.Find("e");
  EXPECT_EQ(Raw(text, *e), "{k: v,  q: \"w\"}");
  EXPECT_EQ(e->members[1].key, "q");
  EXPECT_EQ(e->members[1].key_pos.column, 12u);
  EXPECT_EQ(Raw(text, e->members[1].value), "\"w\"");
  const Value* f = v.Find("f");
  EXPECT_EQ(Raw(text, *f), "|\n  block\n  text");
  EXPECT_EQ(f->text, "block\ntext\n");
  EXPECT_EQ(f->pos.line, 6u);
  EXPECT_EQ(Raw(text, *v.Find("g")), ">-\n  folded");
  const Value* h = v.Find("h");
  EXPECT_EQ(Raw(text, *h), "multi\n  line   \n  plain");
  EXPECT_EQ(h->text, "multi line plain");
  // The mapping ends with its last value.
  EXPECT_EQ(v.end, h->end);
}

TEST(YamlParser, CompactNestedCollections) {
  const std::string text =
      "- name: a\n"
      "  args:\n"
      "  - x\n"
      "  - y\n"
      "  env: {}\n"
      "- - 1\n"
      "  - - 2\n"
      "- key:\n"
      "    deep: true\n"
      "-\n"
      "- last\n";
  ParseResult r = Ok(text);
  const Value& v = r.value;
  ASSERT_TRUE(v.is_array());
  ASSERT_EQ(v.items.size(), 5u);
  const Value& first = v.items[0];
  ASSERT_TRUE(first.is_object());
  EXPECT_EQ(first.pos.column, 3u);
  ASSERT_EQ(first.members.size(), 3u);
  const Value* args = first.Find("args");
  ASSERT_TRUE(args->is_array());
  EXPECT_EQ(args->items.size(), 2u);
  EXPECT_EQ(args->pos.line, 3u);
  EXPECT_EQ(args->pos.column, 3u);  // at its key's own indentation
  EXPECT_EQ(Raw(text, *args), "- x\n  - y");
  EXPECT_TRUE(first.Find("env")->is_object());
  const Value& second = v.items[1];
  ASSERT_TRUE(second.is_array());
  EXPECT_EQ(second.items[0].number, 1);
  ASSERT_EQ(second.items[1].items.size(), 1u);
  EXPECT_EQ(second.items[1].items[0].number, 2);
  EXPECT_TRUE(v.items[2].Find("key")->Find("deep")->boolean);
  EXPECT_EQ(v.items[3].type, Type::kNull);
  EXPECT_EQ(v.items[3].pos.line, 10u);
  EXPECT_EQ(v.items[3].pos.column, 2u);  // just after the '-'
  EXPECT_EQ(v.items[4].text, "last");
  EXPECT_EQ(Raw(text, v), text.substr(0, text.size() - 1));
}

TEST(YamlParser, FlowCollectionsOverSeveralLines) {
  const std::string text =
      "servers: [\n"
      "  a,   # first\n"
      "  {name: b, args: [-y, \"@scope/pkg\"]},\n"
      "  multi\n"
      "    word,\n"
      "]\n"
      "keys: {a, b: , c: 1,}\n"
      "empty: [ ]\n"
      "url: {u: http://x:8080/p?q#f}\n";
  ParseResult r = Ok(text);
  const Value* servers = r.value.Find("servers");
  ASSERT_TRUE(servers->is_array());
  ASSERT_EQ(servers->items.size(), 3u);
  EXPECT_EQ(Raw(text, *servers), text.substr(9, text.find("\n]") + 2 - 9));
  EXPECT_EQ(servers->items[1].Find("args")->items[0].text, "-y");
  EXPECT_EQ(servers->items[1].Find("args")->items[1].text, "@scope/pkg");
  EXPECT_EQ(servers->items[2].text, "multi word");
  const Value* keys = r.value.Find("keys");
  ASSERT_EQ(keys->members.size(), 3u);
  EXPECT_EQ(keys->Find("a")->type, Type::kNull);
  EXPECT_EQ(keys->Find("a")->pos.offset, keys->members[0].key_pos.offset + 1);
  EXPECT_EQ(keys->Find("b")->type, Type::kNull);
  EXPECT_EQ(keys->Find("c")->number, 1);
  EXPECT_TRUE(r.value.Find("empty")->items.empty());
  EXPECT_EQ(r.value.Find("url")->Find("u")->text, "http://x:8080/p?q#f");
}

TEST(YamlParser, JsonDocumentsParseWithTheSamePositionsAsTheJsonParser) {
  // JSON is YAML 1.2 (as Continue's docs rely on), tabs inside brackets
  // included. Every value must sit where the JSON parser puts it.
  std::mt19937 rng(20260101);
  const char* kStrings[] = {"",     "a",           "é",    "😀", "q\"q",
                            "a\\b", "line\nbreak", "\t",   "/", "{x}",
                            "- y",  "#z",          "null", "1"};
  std::function<nlohmann::json(int)> gen = [&](int depth) -> nlohmann::json {
    switch (rng() % (depth > 3 ? 5 : 7)) {
      case 0:
        return nullptr;
      case 1:
        return rng() % 2 == 0;
      case 2:
        return static_cast<int64_t>(rng() % 2000000) - 1000000;
      case 3:
        return std::ldexp(static_cast<double>(rng() % 100000),
                          static_cast<int>(rng() % 40) - 20);
      case 4:
        return kStrings[rng() % 14];
      case 5: {
        nlohmann::json a = nlohmann::json::array();
        for (int i = rng() % 4; i > 0; --i) a.push_back(gen(depth + 1));
        return a;
      }
      default: {
        nlohmann::json o = nlohmann::json::object();
        for (int i = rng() % 4; i > 0; --i)
          o[std::string(kStrings[rng() % 14]) + std::to_string(i)] =
              gen(depth + 1);
        return o;
      }
    }
  };
  std::function<void(const Value&, const Value&)> same = [&](const Value& y,
                                                             const Value& j) {
    ASSERT_EQ(y.type, j.type);
    EXPECT_EQ(y.pos.line, j.pos.line);
    EXPECT_EQ(y.pos.column, j.pos.column);
    EXPECT_EQ(y.pos.offset, j.pos.offset);
    EXPECT_EQ(y.end, j.end);
    if (y.type == Type::kString || y.type == Type::kNumber) {
      EXPECT_EQ(y.text, j.text);
    }
    if (y.type == Type::kNumber) {
      EXPECT_EQ(y.number, j.number);
    }
    if (y.type == Type::kBool) {
      EXPECT_EQ(y.boolean, j.boolean);
    }
    ASSERT_EQ(y.items.size(), j.items.size());
    ASSERT_EQ(y.members.size(), j.members.size());
    for (size_t i = 0; i < y.items.size(); ++i) same(y.items[i], j.items[i]);
    for (size_t i = 0; i < y.members.size(); ++i) {
      EXPECT_EQ(y.members[i].key, j.members[i].key);
      EXPECT_EQ(y.members[i].key_pos.offset, j.members[i].key_pos.offset);
      EXPECT_EQ(y.members[i].key_pos.column, j.members[i].key_pos.column);
      same(y.members[i].value, j.members[i].value);
    }
  };
  for (int i = 0; i < 1000; ++i) {
    nlohmann::json doc = gen(0);
    if (!doc.is_object() && !doc.is_array()) doc = nlohmann::json::array({doc});
    std::string text =
        doc.dump(i % 3 == 0 ? -1 : 2, i % 2 ? ' ' : '\t', i % 4 == 0);
    if (i % 5 == 0) {  // CRLF line breaks
      for (size_t at = 0; (at = text.find('\n', at)) != std::string::npos;
           at += 2)
        text.insert(at, "\r");
    }
    ParseResult y = Ok(text);
    ParseResult j = json::Parse(text);
    ASSERT_TRUE(j.ok());
    same(y.value, j.value);
    if (testing::Test::HasFailure()) {
      ADD_FAILURE() << text;
      break;
    }
  }
}

TEST(YamlParser, SequenceAtTheKeysIndentationEndsAtTheNextKey) {
  ParseResult r = Ok("key:\n- a\n- b\nother:\n- c\nlast: 1\n");
  ASSERT_EQ(r.value.members.size(), 3u);
  EXPECT_EQ(r.value.Find("key")->items.size(), 2u);
  EXPECT_EQ(r.value.Find("other")->items[0].text, "c");
  EXPECT_EQ(r.value.Find("last")->number, 1);
}

TEST(YamlParser, EmptyValuesAndEmptyDocuments) {
  ParseResult r = Ok("a:\nb:   # nothing\nc:\n  # still nothing\nd: ~\n");
  for (const char* key : {"a", "b", "c", "d"}) {
    EXPECT_EQ(r.value.Find(key)->type, Type::kNull) << key;
  }
  for (const char* text :
       {"", "# only a comment\n", "---\n", "--- # c\n...\n", "\n\n  \n"}) {
    ParseResult e = Ok(text);
    EXPECT_EQ(e.value.type, Type::kNull) << text;
  }
}

TEST(YamlParser, CommentsAndMarkersAndDirectives) {
  const std::string text =
      "%YAML 1.2\n"
      "%TAG !e! tag:example.com,2000:\n"
      "--- # the document\n"
      "# before\n"
      "a: 1 # after\n"
      "  # indented comment\n"
      "b: x#not-a-comment\n"
      "c: \"# in quotes\"\n"
      "... # done\n"
      "# trailing comment\n";
  ParseResult r = Ok(text);
  EXPECT_EQ(r.value.Find("a")->number, 1);
  EXPECT_EQ(r.value.Find("b")->text, "x#not-a-comment");
  EXPECT_EQ(r.value.Find("c")->text, "# in quotes");
  ParseResult inline_node = Ok("--- |\n  text\n");
  EXPECT_EQ(inline_node.value.text, "text\n");
  EXPECT_EQ(Ok("--- plain\n").value.text, "plain");
  EXPECT_EQ(Ok("--- [a]\n").value.items[0].text, "a");
  // ':' without a space after it is part of a plain scalar.
  EXPECT_EQ(Ok("url:http://x\n").value.text, "url:http://x");
  EXPECT_EQ(Ok("k: a:b\n").value.Find("k")->text, "a:b");
}

TEST(YamlParser, CrLfAndLoneCrLineBreaks) {
  const std::string text =
      "a: 1\r\nb:\r\n  - x\r\n  - |\r\n    lit\r\n    two\r\nc: 'f\r\n  g'\r\n";
  ParseResult r = Ok(text);
  const Value* b = r.value.Find("b");
  EXPECT_EQ(b->pos.line, 3u);
  EXPECT_EQ(b->items[1].text, "lit\ntwo\n");
  EXPECT_EQ(b->items[1].pos.line, 4u);
  EXPECT_EQ(b->items[1].pos.column, 5u);
  EXPECT_EQ(Raw(text, b->items[1]), "|\r\n    lit\r\n    two");
  EXPECT_EQ(r.value.Find("c")->text, "f g");
  EXPECT_EQ(r.value.Find("c")->pos.line, 7u);
  ParseResult cr = Ok("a: 1\rb: [x,\r y]\r");
  EXPECT_EQ(cr.value.Find("b")->items[1].pos.line, 3u);
  EXPECT_EQ(cr.value.Find("b")->items[1].pos.column, 2u);
}

TEST(YamlParser, ByteOrderMarkIsSkipped) {
  const std::string text = "\xEF\xBB\xBFkey: value\n";
  ParseResult r = Ok(text);
  EXPECT_EQ(r.value.pos.column, 1u);
  EXPECT_EQ(r.value.pos.offset, 3u);
  EXPECT_EQ(r.value.members[0].key, "key");
  EXPECT_EQ(r.value.Find("key")->pos.column, 6u);
  EXPECT_EQ(Raw(text, *r.value.Find("key")), "value");
}

TEST(YamlParser, ColumnsCountCodePoints) {
  const std::string text = "ü😀: [é, x]\n- k: 'é' # ü\n";
  ParseResult r = yaml::Parse(text);  // a sequence after a mapping: an error...
  ASSERT_FALSE(r.ok());
  const std::string good = "ü😀: [é, x]\nn: {é: 'ü', z: 1}\n";
  r = Ok(good);
  const Value* flow = r.value.Find("ü😀");
  ASSERT_NE(flow, nullptr);
  EXPECT_EQ(flow->pos.column, 5u);
  EXPECT_EQ(flow->pos.offset, 8u);
  EXPECT_EQ(flow->items[1].pos.column, 9u);
  const Value* n = r.value.Find("n");
  EXPECT_EQ(n->members[1].key_pos.column, 13u);
  EXPECT_EQ(n->Find("z")->pos.column, 16u);
}

// ---- scalars ----

TEST(YamlParser, PlainScalarsResolveByTheCoreSchema) {
  struct Case {
    const char* text;
    Type type;
    double number;
  };
  const Case kCases[] = {
      {"null", Type::kNull, 0},
      {"Null", Type::kNull, 0},
      {"NULL", Type::kNull, 0},
      {"~", Type::kNull, 0},
      {"nULL", Type::kString, 0},
      {"true", Type::kBool, 1},
      {"True", Type::kBool, 1},
      {"TRUE", Type::kBool, 1},
      {"false", Type::kBool, 0},
      {"False", Type::kBool, 0},
      {"FALSE", Type::kBool, 0},
      {"yes", Type::kString, 0},
      {"on", Type::kString, 0},
      {"tRue", Type::kString, 0},
      {"0", Type::kNumber, 0},
      {"-17", Type::kNumber, -17},
      {"+5", Type::kNumber, 5},
      {"0123", Type::kNumber, 123},
      {"0o17", Type::kNumber, 15},
      {"0x1F", Type::kNumber, 31},
      {"0xff", Type::kNumber, 255},
      {"0o8", Type::kString, 0},
      {"0xG", Type::kString, 0},
      {"-0x1", Type::kString, 0},
      {"1.5", Type::kNumber, 1.5},
      {"-2e3", Type::kNumber, -2000},
      {"1E+2", Type::kNumber, 100},
      {".5", Type::kNumber, 0.5},
      {"1.", Type::kNumber, 1},
      {"-.25e-1", Type::kNumber, -0.025},
      {".", Type::kString, 0},
      {"1e", Type::kString, 0},
      {"e5", Type::kString, 0},
      {"1_000", Type::kString, 0},
      {"0.0.1", Type::kString, 0},
      {"1.2.3", Type::kString, 0},
      {"12:30", Type::kString, 0},
      {"2001-12-14", Type::kString, 0},
      {"+", Type::kString, 0},
      {"-a", Type::kString, 0},
      {"infinity", Type::kString, 0},
      // Longer than the parser's stack buffer for strtod.
      {"1000000000000000000000000000000000000000000000000000000000000000000000",
       Type::kNumber, 1e69}};
  for (const Case& c : kCases) {
    const std::string text = std::string("[") + c.text + "]";
    ParseResult r = Ok(text);
    ASSERT_EQ(r.value.items.size(), 1u) << c.text;
    const Value& v = r.value.items[0];
    EXPECT_EQ(v.type, c.type) << c.text;
    EXPECT_EQ(v.text, c.text);  // plain scalars keep their lexeme
    if (c.type == Type::kNumber) {
      EXPECT_DOUBLE_EQ(v.number, c.number) << c.text;
    }
    if (c.type == Type::kBool) {
      EXPECT_EQ(v.boolean, c.number != 0) << c.text;
    }
  }
  ParseResult special = Ok("[.inf, -.Inf, +.INF, .nan, .NaN, .NAN, -.nan]");
  EXPECT_TRUE(std::isinf(special.value.items[0].number));
  EXPECT_GT(special.value.items[0].number, 0);
  EXPECT_LT(special.value.items[1].number, 0);
  EXPECT_GT(special.value.items[2].number, 0);
  for (size_t i = 3; i < 6; ++i)
    EXPECT_TRUE(std::isnan(special.value.items[i].number));
  EXPECT_EQ(special.value.items[6].type, Type::kString);
}

TEST(YamlParser, QuotedAndBlockScalarsAreAlwaysStrings) {
  ParseResult r =
      Ok("a: '1'\nb: \"true\"\nc: |\n  null\nd: ''\ne: \"\"\nf: >-\n  42\n");
  for (const char* key : {"a", "b", "c", "d", "e", "f"}) {
    EXPECT_EQ(r.value.Find(key)->type, Type::kString) << key;
  }
  EXPECT_EQ(r.value.Find("c")->text, "null\n");
  EXPECT_EQ(r.value.Find("f")->text, "42");
}

TEST(YamlParser, KeysAreTheirScalarsText) {
  ParseResult r = Ok(
      "1: one\ntrue: t\n~: n\n2.50: f\n\"q\\tk\": e\n'': empty\nk: v\nk: w\n");
  const char* kKeys[] = {"1", "true", "~", "2.50", "q\tk", "", "k", "k"};
  ASSERT_EQ(r.value.members.size(), 8u);
  for (size_t i = 0; i < 8; ++i) EXPECT_EQ(r.value.members[i].key, kKeys[i]);
  // Duplicates are kept in order; Find sees the last, like JSON.parse.
  EXPECT_EQ(r.value.Find("k")->text, "w");
  EXPECT_EQ(r.value.members[6].value.text, "v");
  EXPECT_EQ(r.value.members[7].key_pos.line, 8u);
}

TEST(YamlParser, DoubleQuotedEscapes) {
  ParseResult r =
      Ok("- \"\\0\\a\\b\\t\\\t\\n\\v\\f\\r\\e\\ \\\"\\/\\\\\"\n"
         "- \"\\N\\_\\L\\P\"\n"
         "- \"\\x41\\xe9\\u00E9\\u20ac\\U0001F600\"\n"
         "- \"\\uD83D\\uDE00\"\n");
  EXPECT_EQ(r.value.items[0].text,
            std::string("\0\a\b\t\t\n\v\f\r\x1b \"/\\", 14));
  EXPECT_EQ(r.value.items[1].text, "\xC2\x85\xC2\xA0\xE2\x80\xA8\xE2\x80\xA9");
  EXPECT_EQ(r.value.items[2].text,
            "A\xC3\xA9\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
  EXPECT_EQ(r.value.items[3].text, "\xF0\x9F\x98\x80");
}

TEST(YamlParser, QuotedScalarsFoldLines) {
  ParseResult r =
      Ok("a: \"one\n   two  \n\n  three\"\n"
         "b: 'x  \n  y\n\n\n  z'\n"
         "c: \"joined\\\n    here \\\n   and\"\n"
         "d: \"kept \\\n\n  line\"\n"
         "e: \"trailing\\t\n  tab\"\n");
  EXPECT_EQ(r.value.Find("a")->text, "one two\nthree");
  EXPECT_EQ(r.value.Find("b")->text, "x y\n\nz");
  EXPECT_EQ(r.value.Find("c")->text, "joinedhere and");
  EXPECT_EQ(r.value.Find("d")->text, "kept \nline");
  EXPECT_EQ(r.value.Find("e")->text, "trailing\t tab");
}

TEST(YamlParser, PlainScalarsFoldLines) {
  // A less indented line ends the scalar: this "- x" is not part of b.
  ParseResult r = yaml::Parse("a: 1\nb: x\n- not an item\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.pos.line, 3u);
  r =
      Ok("a: one\n  two\n\n  three\n\n\n  four\nb: x\n  - y  \nc: last # c\n  "
         "# d\n");
  EXPECT_EQ(r.value.Find("a")->text, "one two\nthree\n\nfour");
  EXPECT_EQ(r.value.Find("b")->text, "x - y");
  EXPECT_EQ(r.value.Find("c")->text, "last");
  ParseResult top = Ok("top level\nplain scalar\n");
  EXPECT_EQ(top.value.text, "top level plain scalar");
  ParseResult item = Ok("- a\n  b\n- c\n");
  EXPECT_EQ(item.value.items[0].text, "a b");
}

TEST(YamlParser, BlockScalars) {
  struct Case {
    const char* yaml;
    const char* text;
  };
  const Case kCases[] = {
      {"k: |\n  a\n  b\n", "a\nb\n"},
      {"k: |-\n  a\n  b\n\n", "a\nb"},
      {"k: |+\n  a\n\n\nn: 1\n", "a\n\n\n"},
      {"k: |\n  a\n\n\n", "a\n"},
      {"k: |\n  a", "a"},  // no final line break to clip
      {"k: >\n  a\n  b\n\n  c\n", "a b\nc\n"},
      {"k: >\n  a\n    more\n    indented\n  b\n",
       "a\n  more\n  indented\nb\n"},
      {"k: >-\n  folded\n  text\n", "folded text"},
      {"k: >+\n  x\n\n", "x\n\n"},
      {"k: |2\n    two\n  base\n", "  two\nbase\n"},
      {"k: |1-\n  x\n", " x"},
      {"k: >-2\n   x\n  y\n", " x\ny"},
      {"k: |\n\n  after blank\n", "\nafter blank\n"},
      {"k: |\n  x\n \n  y\n", "x\n\ny\n"},
      {"k: |\n  tab\there\n", "tab\there\n"},
      {"k: | # comment\n  c\n", "c\n"},
      {"k: |\nn: 1\n", ""},
      {"k: |", ""},
      {"- |\n  in seq\n- >\n  folded\n", nullptr},
  };
  for (const Case& c : kCases) {
    ParseResult r = Ok(c.yaml);
    if (c.text == nullptr) {
      EXPECT_EQ(r.value.items[0].text, "in seq\n");
      EXPECT_EQ(r.value.items[1].text, "folded\n");
      continue;
    }
    const Value* k = r.value.Find("k");
    ASSERT_NE(k, nullptr) << c.yaml;
    EXPECT_EQ(k->type, Type::kString);
    EXPECT_EQ(k->text, c.text) << c.yaml;
  }
  // A line at the parent's indentation ends the scalar even when it is
  // the first one: b is empty, c its sibling.
  ParseResult sibling = Ok("a:\n  b: |\n  c: 1\n");
  EXPECT_EQ(sibling.value.Find("a")->Find("b")->text, "");
  EXPECT_EQ(sibling.value.Find("a")->Find("c")->number, 1);
  ParseResult r = Ok("- run: |\n    echo hi\n    echo there\n  name: x\n");
  EXPECT_EQ(r.value.items[0].Find("run")->text, "echo hi\necho there\n");
  EXPECT_EQ(r.value.items[0].Find("name")->text, "x");
}

TEST(YamlParser, StringsAreViewsWhenContiguousElseArenaCopies) {
  const std::string text =
      "plain: abc\nsq: 'abc'\ndq: \"abc\"\nesc: \"a\\nb\"\nfold: a\n  b\n"
      "lit: |\n  one line\nkey with spaces: v\n";
  ParseResult r = Ok(text);
  for (const char* key : {"plain", "sq", "dq", "lit"}) {
    EXPECT_TRUE(InInput(text, r.value.Find(key)->text)) << key;
  }
  EXPECT_TRUE(InInput(text, r.value.members.back().key));
  EXPECT_FALSE(InInput(text, r.value.Find("esc")->text));
  EXPECT_FALSE(InInput(text, r.value.Find("fold")->text));
  EXPECT_EQ(r.value.Find("lit")->text, "one line\n");
  EXPECT_NE(r.arena, nullptr);
}

// ---- anchors, aliases and tags ----

TEST(YamlParser, AnchorsAndAliasesCopyTheNode) {
  const std::string text =
      "defaults: &defaults\n"
      "  command: npx\n"
      "  args: [-y]\n"
      "name: &n server\n"
      "a: *defaults\n"
      "b:\n"
      "  <<: *defaults\n"
      "  extra: *n\n"
      "n2: &n other\n"
      "c: *n\n"
      "key: &k k1\n";
  ParseResult r = Ok(text);
  const Value* a = r.value.Find("a");
  ASSERT_TRUE(a->is_object());
  EXPECT_EQ(a->Find("command")->text, "npx");
  EXPECT_EQ(Raw(text, *a), "*defaults");  // the alias node spans "*name"
  // Its children keep the positions of the anchored node.
  EXPECT_EQ(a->Find("command")->pos.line, 2u);
  const Value* b = r.value.Find("b");
  EXPECT_EQ(b->members[0].key, "<<");  // merge keys are ordinary keys
  EXPECT_TRUE(b->members[0].value.is_object());
  EXPECT_EQ(b->Find("extra")->text, "server");
  EXPECT_EQ(r.value.Find("c")->text, "other");  // the latest anchor wins
  ParseResult keys = Ok("&k key: v\nother: *k\n");
  EXPECT_EQ(keys.value.Find("other")->text, "key");  // an anchor on a key
  ParseResult empty_key = Ok("{!!str : v, &e : w}");
  EXPECT_EQ(empty_key.value.members[0].key, "");
  EXPECT_EQ(empty_key.value.members[1].value.text, "w");
  ParseResult flow = Ok("[&a 1, *a, &b {x: *a}, *b]");
  EXPECT_EQ(flow.value.items[1].number, 1);
  EXPECT_EQ(flow.value.items[3].Find("x")->number, 1);
}

TEST(YamlParser, TagsAreHonouredOrIgnored) {
  ParseResult r =
      Ok("a: !!str 123\n"
         "b: !!int \"42\"\n"
         "c: !!float 1\n"
         "d: !!bool 'true'\n"
         "e: !!null ''\n"
         "f: !!seq [1]\n"
         "g: !!map {x: 1}\n"
         "h: !custom 12\n"
         "i: ! 12\n"
         "j: !<tag:yaml.org,2002:str> true\n"
         "k: !!str\n"
         "l: !!binary aGk=\n"
         "m: !!str &x 7\n"
         "n: *x\n"
         "o: !!map\n"
         "  p: 1\n"
         "q: !!float -.inf\n");
  const Value& v = r.value;
  EXPECT_EQ(v.Find("a")->type, Type::kString);
  EXPECT_EQ(v.Find("a")->text, "123");
  EXPECT_EQ(v.Find("b")->type, Type::kNumber);
  EXPECT_EQ(v.Find("b")->number, 42);
  EXPECT_EQ(v.Find("c")->type, Type::kNumber);
  EXPECT_EQ(v.Find("d")->type, Type::kBool);
  EXPECT_TRUE(v.Find("d")->boolean);
  EXPECT_EQ(v.Find("e")->type, Type::kNull);
  EXPECT_TRUE(v.Find("f")->is_array());
  EXPECT_TRUE(v.Find("g")->is_object());
  EXPECT_EQ(v.Find("h")->type, Type::kNumber);  // unknown tags change nothing
  EXPECT_EQ(v.Find("i")->type, Type::kString);
  EXPECT_EQ(v.Find("j")->type, Type::kString);
  EXPECT_EQ(v.Find("k")->type, Type::kString);
  EXPECT_EQ(v.Find("k")->text, "");
  EXPECT_EQ(v.Find("l")->text, "aGk=");
  EXPECT_EQ(v.Find("n")->type, Type::kString);
  EXPECT_EQ(v.Find("o")->Find("p")->number, 1);
  EXPECT_LT(v.Find("q")->number, 0);
  EXPECT_EQ(Raw("a: !!str 123\n", *Ok("a: !!str 123\n").value.Find("a")),
            "123");
}

// ---- real configuration files ----

TEST(YamlParser, ContinueConfig) {
  // reference/mcp-clients.md §1.9: mcpServers is a list.
  const std::string text =
      "name: My Config\n"
      "version: 0.0.1\n"
      "schema: v1\n"
      "\n"
      "models:\n"
      "  - name: GPT-4o\n"
      "    provider: openai\n"
      "    model: gpt-4o\n"
      "    apiKey: ${{ secrets.OPENAI_API_KEY }}\n"
      "    roles:\n"
      "      - chat\n"
      "      - edit\n"
      "\n"
      "mcpServers:\n"
      "  - name: SQLite MCP\n"
      "    command: npx\n"
      "    args:\n"
      "      - \"-y\"\n"
      "      - \"mcp-sqlite\"\n"
      "      - \"/path/to/your/database.db\"\n"
      "  - name: Supabase\n"
      "    type: stdio\n"
      "    command: npx\n"
      "    args: [\"-y\", \"@supabase/mcp-server-supabase@latest\", "
      "\"--access-token\", \"${{ secrets.SUPABASE_TOKEN }}\"]\n"
      "    env:\n"
      "      SUPABASE_TOKEN: ${{ secrets.SUPABASE_TOKEN }}\n"
      "  - name: Remote\n"
      "    type: streamable-http\n"
      "    url: https://mcp.example.com/mcp\n";
  ParseResult r = Ok(text);
  EXPECT_EQ(r.value.Find("version")->text, "0.0.1");
  EXPECT_EQ(r.value.Find("version")->type, Type::kString);
  const Value* servers = r.value.Find("mcpServers");
  ASSERT_TRUE(servers->is_array());
  ASSERT_EQ(servers->items.size(), 3u);
  const Value& sqlite = servers->items[0];
  EXPECT_EQ(sqlite.Find("name")->text, "SQLite MCP");
  ASSERT_EQ(sqlite.Find("args")->items.size(), 3u);
  EXPECT_EQ(sqlite.Find("args")->items[2].text, "/path/to/your/database.db");
  const Value& supabase = servers->items[1];
  EXPECT_EQ(supabase.Find("args")->items[3].text,
            "${{ secrets.SUPABASE_TOKEN }}");
  const Value* token = supabase.Find("env")->Find("SUPABASE_TOKEN");
  EXPECT_EQ(token->text, "${{ secrets.SUPABASE_TOKEN }}");
  EXPECT_EQ(Raw(text, *token), "${{ secrets.SUPABASE_TOKEN }}");
  EXPECT_EQ(token->pos.line, 26u);
  EXPECT_EQ(token->pos.column, 23u);
  EXPECT_EQ(servers->items[2].Find("url")->text, "https://mcp.example.com/mcp");
  EXPECT_EQ(r.value.Find("models")->items[0].Find("roles")->items[1].text,
            "edit");
}

TEST(YamlParser, GooseConfig) {
  // reference/mcp-clients.md §1.10: extensions is a map by id.
  const std::string text =
      "GOOSE_PROVIDER: anthropic\n"
      "GOOSE_MODEL: claude-sonnet-4\n"
      "extensions:\n"
      "  developer:\n"
      "    bundled: true\n"
      "    display_name: Developer\n"
      "    enabled: true\n"
      "    name: developer\n"
      "    timeout: 300\n"
      "    type: builtin\n"
      "  github:\n"
      "    args:\n"
      "    - -y\n"
      "    - '@modelcontextprotocol/server-github'\n"
      "    cmd: npx\n"
      "    description: GitHub repositories\n"
      "    enabled: true\n"
      "    env_keys:\n"
      "    - GITHUB_PERSONAL_ACCESS_TOKEN\n"
      "    envs: {}\n"
      "    name: github\n"
      "    timeout: 300\n"
      "    type: stdio\n"
      "  remote:\n"
      "    enabled: true\n"
      "    type: streamable_http\n"
      "    uri: https://mcp.example.com/mcp\n"
      "    headers:\n"
      "      Authorization: \"Bearer ${TOKEN}\"\n";
  ParseResult r = Ok(text);
  const Value* ext = r.value.Find("extensions");
  ASSERT_TRUE(ext->is_object());
  ASSERT_EQ(ext->members.size(), 3u);
  const Value* github = ext->Find("github");
  ASSERT_TRUE(github->Find("args")->is_array());
  EXPECT_EQ(github->Find("args")->items[0].text, "-y");
  EXPECT_EQ(github->Find("args")->items[1].text,
            "@modelcontextprotocol/server-github");
  EXPECT_EQ(github->Find("env_keys")->items[0].text,
            "GITHUB_PERSONAL_ACCESS_TOKEN");
  EXPECT_TRUE(github->Find("envs")->is_object());
  EXPECT_EQ(github->Find("timeout")->number, 300);
  EXPECT_TRUE(github->Find("enabled")->boolean);
  EXPECT_EQ(ext->members[1].key_pos.line, 11u);
  EXPECT_EQ(ext->members[1].key_pos.column, 3u);
  EXPECT_EQ(ext->Find("remote")->Find("headers")->Find("Authorization")->text,
            "Bearer ${TOKEN}");
}

TEST(YamlParser, RoundTripsTheGeneratorsYamlStrings) {
  // gen::YamlString writes the double-quoted scalars of the Goose and
  // Continue configs: every string must come back as it went in.
  std::mt19937 rng(99);
  const std::vector<std::string> kPieces = {"a",
                                            " ",
                                            "  ",
                                            "\t",
                                            "\n",
                                            "\r",
                                            "\"",
                                            "\\",
                                            "'",
                                            ":",
                                            "#",
                                            "-",
                                            "é",
                                            "😀",
                                            "\xC2\x85",
                                            "\xC2\x80",
                                            "\xC2\x9F",
                                            "\xE2\x80\xA8",
                                            "\xE2\x80\xA9",
                                            "\xEF\xBB\xBF",
                                            "\xEF\xBF\xBE",
                                            "\xEF\xBF\xBF",
                                            std::string(1, '\0'),
                                            "\x01",
                                            "\x1b",
                                            "\x7f",
                                            "${{ secrets.X }}",
                                            "null",
                                            "0x1F"};
  for (int i = 0; i < 3000; ++i) {
    std::string value;
    for (int n = rng() % 8; n > 0; --n)
      value += kPieces[rng() % kPieces.size()];
    std::string doc = "k: ";
    gen::AppendYamlString(&doc, value);
    doc += "\n" + gen::YamlKey(value) + ": v\n";
    ParseResult r = yaml::Parse(doc);
    ASSERT_TRUE(r.ok()) << r.error.message << "\n" << doc;
    ASSERT_EQ(r.value.members.size(), 2u);
    ASSERT_EQ(r.value.members[0].value.text, value) << doc;
    ASSERT_EQ(r.value.members[1].key, value) << doc;
  }
}

// ---- limits ----

TEST(YamlParser, HundredThousandNestedFlowSequencesFailCleanly) {
  // Where the 257th level opens: "[{a: " opens two per repeat.
  const std::pair<const char*, uint32_t> kCases[] = {
      {"[", 257}, {"{a: ", 1025}, {"- ", 513}, {"[{a: ", 641}};
  for (const auto& [open, column] : kCases) {
    std::string text;
    for (int i = 0; i < 100000; ++i) text += open;
    ParseResult r = yaml::Parse(text);
    ASSERT_FALSE(r.ok()) << open;
    EXPECT_EQ(r.error.code, ParseErrorCode::kTooDeep) << open;
    EXPECT_EQ(r.error.pos.column, column) << open;
    EXPECT_NE(r.error.message.find("limit of 256 levels"), std::string::npos);
  }
}

TEST(YamlParser, DepthLimitIsExactForFlowAndBlock) {
  ParseOptions options;
  options.max_depth = 10;
  auto nested_block = [](int levels) {
    std::string text;
    for (int i = 0; i < levels; ++i) text += std::string(i, ' ') + "k:\n";
    return text + std::string(levels, ' ') + "leaf\n";
  };
  auto compact_seq = [](int levels) {
    std::string text;
    for (int i = 0; i < levels; ++i) text += "- ";
    return text + "x\n";
  };
  EXPECT_TRUE(
      yaml::Parse(std::string(10, '[') + std::string(10, ']'), options).ok());
  EXPECT_TRUE(yaml::Parse(nested_block(10), options).ok());
  EXPECT_TRUE(yaml::Parse(compact_seq(10), options).ok());
  EXPECT_TRUE(yaml::Parse("a: [[[[[[[[[1]]]]]]]]]", options).ok());
  for (const std::string& text :
       {std::string(11, '[') + std::string(11, ']'), nested_block(11),
        compact_seq(11), std::string("a: [[[[[[[[[[1]]]]]]]]]]")}) {
    ParseResult r = yaml::Parse(text, options);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error.code, ParseErrorCode::kTooDeep) << text;
    EXPECT_NE(r.error.message.find("limit of 10 levels"), std::string::npos);
  }
  ParseResult r = yaml::Parse(nested_block(11), options);
  EXPECT_EQ(r.error.pos.line, 11u);  // at the 11th mapping's first key
  EXPECT_EQ(r.error.pos.column, 11u);
  r = yaml::Parse(std::string(11, '['), options);
  EXPECT_EQ(r.error.pos.column, 11u);
}

TEST(YamlParser, DeeplyNestedBlockMappingsGetAnError) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += std::string(i, ' ') + "k:\n";
  ParseResult r = yaml::Parse(text);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.code, ParseErrorCode::kTooDeep);
  EXPECT_EQ(r.error.pos.line, 257u);
}

TEST(YamlParser, BillionLaughsFailsFast) {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i)
      text += std::string(i ? ", *" : "*") + static_cast<char>(c - 1);
    text += "]\n";
  }
  const auto start = std::chrono::steady_clock::now();
  ParseResult r = yaml::Parse(text);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.code, ParseErrorCode::kTooLarge);
  EXPECT_NE(
      r.error.message.find("alias expansion exceeds the limit of 100000 nodes"),
      std::string::npos);
  // a has 11 nodes, b 111, c 1111, d 11111: after 12330 from b-d, the
  // eighth *d on e's line crosses 100000.
  EXPECT_EQ(r.error.pos.line, 5u);
  EXPECT_EQ(r.error.pos.column, 36u);
  EXPECT_LT(elapsed, std::chrono::seconds(1));
}

TEST(YamlParser, AliasExpansionLimitIsExact) {
  auto aliases = [](int n) {
    std::string text = "- &a x\n";
    for (int i = 0; i < n; ++i) text += "- *a\n";
    return text;
  };
  const std::string text = aliases(100000);  // must outlive the result
  ParseResult ok = Ok(text);
  EXPECT_EQ(ok.value.items.size(), 100001u);
  EXPECT_EQ(ok.value.items[100000].text, "x");
  ParseResult r = yaml::Parse(aliases(100001));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.code, ParseErrorCode::kTooLarge);
  EXPECT_EQ(r.error.pos.line, 100002u);
  EXPECT_EQ(r.error.pos.column, 3u);
}

TEST(YamlParser, SizeLimitIsExact) {
  ParseOptions options;
  options.max_bytes = 8;
  EXPECT_TRUE(yaml::Parse("a: [1,2]", options).ok());
  ParseResult r = yaml::Parse("a: [1,22]", options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.code, ParseErrorCode::kTooLarge);
  EXPECT_EQ(r.error.pos.offset, 0u);
  EXPECT_NE(r.error.message.find("9 bytes, larger than the limit of 8 bytes"),
            std::string::npos);
}

TEST(YamlParser, MegabyteConfigParsesQuickly) {
  std::string text = "mcpServers:\n";
  for (int i = 0; text.size() < (1u << 20); ++i) {
    text += "  - name: server-" + std::to_string(i) +
            "\n    command: npx\n    args: [\"-y\", '@scope/pkg', plain]\n"
            "    env:\n      TOKEN: \"${{ secrets.T }}\"  # comment\n"
            "    description: >-\n      folded text\n      over lines\n";
  }
  const auto start = std::chrono::steady_clock::now();
  ParseResult r = Ok(text);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  const Value* servers = r.value.Find("mcpServers");
  ASSERT_NE(servers, nullptr);
  EXPECT_GT(servers->items.size(), 4000u);
  EXPECT_EQ(servers->items.back().Find("description")->text,
            "folded text over lines");
  // A few ms natively; generous for sanitizer and wasm builds.
  EXPECT_LT(elapsed, std::chrono::seconds(2));
  // One long line of flow content stays linear too (columns are cached).
  std::string line = "[";
  for (int i = 0; i < 100000; ++i) line += "abc, ";
  line += "end]";
  ParseResult flat = Ok(line);
  EXPECT_EQ(flat.value.items.back().pos.column, line.size() - 3);
}

}  // namespace
}  // namespace yaml
}  // namespace mcp_builder
