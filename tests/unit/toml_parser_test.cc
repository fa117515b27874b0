#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <string>
#include <type_traits>

#include "mcp_builder/json.h"
#include "mcp_builder/toml.h"

namespace mcp_builder {
namespace toml {
namespace {

using json::Member;
using json::ParseErrorCode;
using json::ParseOptions;
using json::ParseResult;
using json::Type;
using json::Value;

static_assert(std::is_trivially_destructible<Value>::value,
              "values live in the arena");

ParseResult Ok(std::string_view text, const ParseOptions& options = {}) {
  ParseResult r = toml::Parse(text, options);
  EXPECT_TRUE(r.ok()) << "unexpected error: " << r.error.message << " at "
                      << r.error.pos.line << ":" << r.error.pos.column;
  return r;
}

// The input bytes a value spans.
std::string_view Raw(std::string_view text, const Value& v) {
  return text.substr(v.pos.offset, v.end - v.pos.offset);
}

// Follows a path of member names; fails the test (and returns a null value)
// when one is missing.
const Value& At(const Value& root,
                std::initializer_list<std::string_view> path) {
  static const Value kMissing;
  const Value* v = &root;
  for (std::string_view key : path) {
    v = v->Find(key);
    if (v == nullptr) {
      ADD_FAILURE() << "no member " << key;
      return kMissing;
    }
  }
  return *v;
}

// Line and column of `offset`, computed independently of the parser: lines
// end at '\n', columns count code points (bytes that are not continuation
// bytes) from the line start, after a leading byte-order mark.
json::Position Expected(std::string_view text, uint32_t offset) {
  json::Position pos;
  size_t line_start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      line_start = i + 1;
    }
  }
  for (size_t i = line_start; i < offset; ++i) {
    pos.column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  pos.offset = offset;
  return pos;
}

// Every value's and key's line and column agree with its byte offset, and
// every scalar spans at least one byte inside the text.
void CheckPositions(std::string_view text, const Value& v) {
  const json::Position want = Expected(text, v.pos.offset);
  EXPECT_EQ(v.pos.line, want.line) << "at offset " << v.pos.offset;
  EXPECT_EQ(v.pos.column, want.column) << "at offset " << v.pos.offset;
  EXPECT_LE(v.end, text.size());
  if (v.type != Type::kArray && v.type != Type::kObject) {
    EXPECT_LT(v.pos.offset, v.end);
  }
  for (const Value& item : v.items) CheckPositions(text, item);
  for (const Member& m : v.members) {
    const json::Position key = Expected(text, m.key_pos.offset);
    EXPECT_EQ(m.key_pos.line, key.line) << "key " << m.key;
    EXPECT_EQ(m.key_pos.column, key.column) << "key " << m.key;
    CheckPositions(text, m.value);
  }
}

bool InText(std::string_view text, std::string_view s) {
  return s.data() >= text.data() &&
         s.data() + s.size() <= text.data() + text.size();
}

// ---- Values ----

TEST(TomlParseTest, EmptyDocumentIsAnEmptyObject) {
  for (std::string_view text :
       {"", "\n\n", "# only a comment", "  \t\r\n# c\r\n"}) {
    ParseResult r = Ok(text);
    EXPECT_EQ(r.value.type, Type::kObject);
    EXPECT_TRUE(r.value.members.empty());
    EXPECT_EQ(r.value.pos.offset, 0u);
    EXPECT_EQ(r.value.end, text.size());
  }
}

TEST(TomlParseTest, Integers) {
  const std::string text =
      "a = 42\nb = +17\nc = -5\nd = 0\ne = 1_000_000\nf = 0xDEAD_beef\ng = "
      "0o755\n"
      "h = 0b1101\ni = 9223372036854775807\nj = -9223372036854775808\nk = -0\n";
  ParseResult r = Ok(text);
  const struct {
    const char* key;
    double value;
    const char* lexeme;
  } cases[] = {{"a", 42, "42"},
               {"b", 17, "+17"},
               {"c", -5, "-5"},
               {"d", 0, "0"},
               {"e", 1000000, "1_000_000"},
               {"f", 0xDEADBEEF, "0xDEAD_beef"},
               {"g", 0755, "0o755"},
               {"h", 13, "0b1101"},
               {"i", 9223372036854775807.0, "9223372036854775807"},
               {"j", -9223372036854775807.0 - 1, "-9223372036854775808"},
               {"k", 0, "-0"}};
  for (const auto& c : cases) {
    const Value& v = At(r.value, {c.key});
    EXPECT_EQ(v.type, Type::kNumber) << c.key;
    EXPECT_EQ(v.number, c.value) << c.key;
    EXPECT_EQ(v.text, c.lexeme) << c.key;
    EXPECT_EQ(Raw(text, v), c.lexeme) << c.key;
  }
}

TEST(TomlParseTest, Floats) {
  ParseResult r = Ok(
      "a = 3.1415\nb = -0.01\nc = 5e+22\nd = 1e06\ne = -2E-2\nf = 6.626e-34\n"
      "g = 224_617.445_991\nh = inf\ni = +inf\nj = -inf\nk = nan\nl = -0.0\nm "
      "= 0e0\n"
      "n = 1e400\n");
  EXPECT_DOUBLE_EQ(At(r.value, {"a"}).number, 3.1415);
  EXPECT_DOUBLE_EQ(At(r.value, {"b"}).number, -0.01);
  EXPECT_DOUBLE_EQ(At(r.value, {"c"}).number, 5e22);
  EXPECT_DOUBLE_EQ(At(r.value, {"d"}).number, 1e6);
  EXPECT_DOUBLE_EQ(At(r.value, {"e"}).number, -0.02);
  EXPECT_DOUBLE_EQ(At(r.value, {"f"}).number, 6.626e-34);
  EXPECT_DOUBLE_EQ(At(r.value, {"g"}).number, 224617.445991);
  EXPECT_EQ(At(r.value, {"g"}).text, "224_617.445_991");
  EXPECT_EQ(At(r.value, {"h"}).number, INFINITY);
  EXPECT_EQ(At(r.value, {"i"}).number, INFINITY);
  EXPECT_EQ(At(r.value, {"j"}).number, -INFINITY);
  EXPECT_TRUE(std::isnan(At(r.value, {"k"}).number));
  EXPECT_EQ(At(r.value, {"l"}).number, 0.0);
  EXPECT_TRUE(std::signbit(At(r.value, {"l"}).number));
  EXPECT_EQ(At(r.value, {"m"}).number, 0.0);
  EXPECT_EQ(At(r.value, {"n"}).number,
            INFINITY);  // like JSON: out of range is +-inf
  for (const Member& m : r.value.members)
    EXPECT_EQ(m.value.type, Type::kNumber) << m.key;
}

TEST(TomlParseTest, Booleans) {
  ParseResult r = Ok("t = true\nf = false\n");
  EXPECT_EQ(At(r.value, {"t"}).type, Type::kBool);
  EXPECT_TRUE(At(r.value, {"t"}).boolean);
  EXPECT_EQ(At(r.value, {"f"}).type, Type::kBool);
  EXPECT_FALSE(At(r.value, {"f"}).boolean);
  EXPECT_EQ(At(r.value, {"f"}).end, 18u);
}

TEST(TomlParseTest, DateTimesAreStringsHoldingTheLexeme) {
  const char* lexemes[] = {"1979-05-27T07:32:00Z",
                           "1979-05-27T00:32:00-07:00",
                           "1979-05-27T00:32:00.999999+05:30",
                           "1979-05-27 07:32:00Z",
                           "1979-05-27t07:32:00z",
                           "1979-05-27T07:32:00",
                           "1979-05-27T00:32:00.5",
                           "1979-05-27",
                           "2000-02-29",
                           "07:32:00",
                           "00:32:00.999999",
                           "23:59:60"};
  for (const char* lexeme : lexemes) {
    const std::string text = std::string("d = ") + lexeme + " # comment\n";
    ParseResult r = Ok(text);
    const Value& v = At(r.value, {"d"});
    EXPECT_EQ(v.type, Type::kString) << lexeme;
    EXPECT_EQ(v.text, lexeme);
    EXPECT_EQ(Raw(text, v), lexeme);
  }
  // In an array, a space-separated date-time is one value.
  const std::string text = "a = [1979-05-27 07:32:00, 1979-05-27 ,07:32:00]";
  ParseResult r = Ok(text);
  const Value& a = At(r.value, {"a"});
  ASSERT_EQ(a.items.size(), 3u);
  EXPECT_EQ(a.items[0].text, "1979-05-27 07:32:00");
  EXPECT_EQ(a.items[1].text, "1979-05-27");
  EXPECT_EQ(a.items[2].text, "07:32:00");
}

TEST(TomlParseTest, BasicStringEscapes) {
  const std::string text =
      R"(s = "tab\tquote\"backslash\\nl\ncr\rbs\bff\fe\u00E9g\U0001F600")";
  ParseResult r = Ok(text);
  const Value& s = At(r.value, {"s"});
  EXPECT_EQ(
      s.text,
      "tab\tquote\"backslash\\nl\ncr\rbs\bff\fe\xC3\xA9g\xF0\x9F\x98\x80");
  EXPECT_FALSE(InText(text, s.text));  // decoded into the arena
  EXPECT_EQ(Raw(text, s), text.substr(4));
}

TEST(TomlParseTest, PlainStringsAreViewsIntoTheInput) {
  const std::string text =
      "a = \"plain \xC3\xA9 text\"\nb = 'C:\\Users\\x'\nc = '''\nraw\n'''\n"
      "d = \"\"\"\nno escapes\"\"\"\n";
  ParseResult r = Ok(text);
  EXPECT_EQ(At(r.value, {"a"}).text, "plain \xC3\xA9 text");
  EXPECT_EQ(At(r.value, {"b"}).text, "C:\\Users\\x");  // literal: no escapes
  EXPECT_EQ(At(r.value, {"c"}).text, "raw\n");
  EXPECT_EQ(At(r.value, {"d"}).text, "no escapes");
  for (const char* key : {"a", "b", "c", "d"}) {
    EXPECT_TRUE(InText(text, At(r.value, {key}).text)) << key;
  }
}

TEST(TomlParseTest, MultiLineStrings) {
  const std::string text =
      "a = \"\"\"\nRoses are red\nViolets are blue\"\"\"\n"
      "b = \"\"\"\\\n    The quick \\\n\n\n    brown fox.\\\n    \"\"\"\n"
      "c = \"\"\"Here are two quotes: \"\". Three: \"\"\\\".\"\"\"\n"
      "d = \"\"\"\"quoted\"\"\"\"\n"
      "e = '''\nThe first newline is\ntrimmed in raw strings.\n'''\n"
      "f = ''''That,' she said, 'was close.''''\n"
      "g = \"\"\"trailing \\  \t\n  folded\"\"\"\n";
  ParseResult r = Ok(text);
  EXPECT_EQ(At(r.value, {"a"}).text, "Roses are red\nViolets are blue");
  EXPECT_EQ(At(r.value, {"b"}).text, "The quick brown fox.");
  EXPECT_EQ(At(r.value, {"c"}).text,
            "Here are two quotes: \"\". Three: \"\"\".");
  EXPECT_EQ(At(r.value, {"d"}).text, "\"quoted\"");
  EXPECT_EQ(At(r.value, {"e"}).text,
            "The first newline is\ntrimmed in raw strings.\n");
  EXPECT_EQ(At(r.value, {"f"}).text, "'That,' she said, 'was close.'");
  EXPECT_EQ(At(r.value, {"g"}).text, "trailing folded");
  // Positions span the quotes and every line of the string.
  const Value& b = At(r.value, {"b"});
  EXPECT_EQ(b.pos.line, 4u);
  EXPECT_EQ(Raw(text, b),
            "\"\"\"\\\n    The quick \\\n\n\n    brown fox.\\\n    \"\"\"");
  EXPECT_EQ(At(r.value, {"c"}).pos.line, 10u);
  EXPECT_EQ(Raw(text, At(r.value, {"d"})), "\"\"\"\"quoted\"\"\"\"");
  EXPECT_EQ(Raw(text, At(r.value, {"f"})),
            "''''That,' she said, 'was close.''''");
  CheckPositions(text, r.value);
}

// ---- Keys ----

TEST(TomlParseTest, KeyForms) {
  const std::string text =
      "bare_key-1 = 1\n\"quoted key\" = 2\n'literal \"key\"' = 3\n\"\" = 4\n"
      "\"\\u00e9t\\u00e9\" = 5\n1234 = 6\n";
  ParseResult r = Ok(text);
  ASSERT_EQ(r.value.members.size(), 6u);
  EXPECT_EQ(r.value.members[0].key, "bare_key-1");
  EXPECT_EQ(r.value.members[1].key, "quoted key");
  EXPECT_EQ(r.value.members[2].key, "literal \"key\"");
  EXPECT_EQ(r.value.members[3].key, "");
  EXPECT_EQ(r.value.members[4].key, "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(r.value.members[5].key, "1234");
  EXPECT_EQ(r.value.members[2].key_pos.line, 3u);
  EXPECT_EQ(r.value.members[2].key_pos.column, 1u);
  CheckPositions(text, r.value);
}

TEST(TomlParseTest, DottedKeysMakeNestedObjects) {
  const std::string text =
      "name = \"x\"\nphysical.color = \"orange\"\nphysical . shape = "
      "\"round\"\n"
      "site.\"google.com\" = true\n3.14159 = \"pi\"\n";
  ParseResult r = Ok(text);
  const Value& physical = At(r.value, {"physical"});
  EXPECT_EQ(physical.type, Type::kObject);
  ASSERT_EQ(physical.members.size(), 2u);
  EXPECT_EQ(physical.members[0].key, "color");
  EXPECT_EQ(physical.members[1].key, "shape");
  // The implied table starts at its first mention and ends with its last value.
  EXPECT_EQ(physical.pos.line, 2u);
  EXPECT_EQ(physical.pos.column, 1u);
  EXPECT_EQ(text.substr(physical.end - 7, 7), "\"round\"");
  // Each key part is positioned where it is written.
  EXPECT_EQ(physical.members[1].key_pos.line, 3u);
  EXPECT_EQ(physical.members[1].key_pos.column, 12u);
  EXPECT_TRUE(At(r.value, {"site", "google.com"}).boolean);
  EXPECT_EQ(At(r.value, {"3", "14159"}).text, "pi");
  CheckPositions(text, r.value);
}

// ---- Tables ----

TEST(TomlParseTest, TablesKeepDocumentOrderOfFirstDefinition) {
  const std::string text =
      "top = 1\n[z]\nb = 1\n[a]\nx = 1\n[z.sub]\nc = 1\n[a.y]\n[m]\n";
  ParseResult r = Ok(text);
  ASSERT_EQ(r.value.members.size(), 4u);
  EXPECT_EQ(r.value.members[0].key, "top");
  EXPECT_EQ(r.value.members[1].key, "z");
  EXPECT_EQ(r.value.members[2].key, "a");
  EXPECT_EQ(r.value.members[3].key, "m");
  const Value& z = At(r.value, {"z"});
  ASSERT_EQ(z.members.size(), 2u);
  EXPECT_EQ(z.members[0].key, "b");
  EXPECT_EQ(z.members[1].key, "sub");
  EXPECT_EQ(At(r.value, {"a", "y"}).type, Type::kObject);
  EXPECT_TRUE(At(r.value, {"m"}).members.empty());
}

TEST(TomlParseTest, HeaderTablePositions) {
  const std::string text =
      "[server]   # the server\nhost = \"a\"\nport = 80  # comment\n\n"
      "[empty]\n\n[server.tls]\ncert = 'c.pem'\n";
  ParseResult r = Ok(text);
  const Value& server = At(r.value, {"server"});
  // From the header's '[' to just past the last value of its own lines.
  EXPECT_EQ(server.pos.offset, 0u);
  EXPECT_EQ(server.pos.line, 1u);
  EXPECT_EQ(Raw(text, server),
            "[server]   # the server\nhost = \"a\"\nport = 80");
  // A table with no lines ends at its header.
  EXPECT_EQ(Raw(text, At(r.value, {"empty"})), "[empty]");
  const Value& tls = At(r.value, {"server", "tls"});
  EXPECT_EQ(Raw(text, tls), "[server.tls]\ncert = 'c.pem'");
  // The key of a header table is positioned inside its header.
  const Member& tls_member = server.members[2];
  EXPECT_EQ(tls_member.key, "tls");
  EXPECT_EQ(tls_member.key_pos.line, 7u);
  EXPECT_EQ(tls_member.key_pos.column, 9u);
  EXPECT_EQ(r.value.members[0].key_pos.column, 2u);
  CheckPositions(text, r.value);
}

TEST(TomlParseTest, ImpliedTablesAndSuperTablesDefinedLater) {
  const std::string text = "[x.y.z]\na = 1\n\n[x]\nb = 2\n[x.w]\nc = 3\n";
  ParseResult r = Ok(text);
  const Value& x = At(r.value, {"x"});
  // [x] defines the table x implied by [x.y.z]: it now starts at [x] ...
  EXPECT_EQ(x.pos.line, 4u);
  EXPECT_EQ(Raw(text, x), "[x]\nb = 2");
  // ... and keeps its first-mention key position and member order.
  EXPECT_EQ(r.value.members[0].key_pos.line, 1u);
  EXPECT_EQ(r.value.members[0].key_pos.column, 2u);
  ASSERT_EQ(x.members.size(), 3u);
  EXPECT_EQ(x.members[0].key, "y");
  EXPECT_EQ(x.members[1].key, "b");
  EXPECT_EQ(x.members[2].key, "w");
  // y is only implied: from its mention to the end of its content.
  const Value& y = At(r.value, {"x", "y"});
  EXPECT_EQ(y.pos.offset, 3u);
  EXPECT_EQ(y.end, text.find("1\n") + 1);
  EXPECT_EQ(At(r.value, {"x", "y", "z", "a"}).number, 1);
}

TEST(TomlParseTest, DottedKeysMayExtendTablesOnlyImpliedByHeaders) {
  const std::string text = "[a.b.c]\nz = 9\n[a]\nb.d = 1\n[a.b.c.e]\n";
  ParseResult r = Ok(text);
  EXPECT_EQ(At(r.value, {"a", "b", "c", "z"}).number, 9);
  EXPECT_EQ(At(r.value, {"a", "b", "d"}).number, 1);
  EXPECT_EQ(At(r.value, {"a", "b"}).members.size(), 2u);
}

TEST(TomlParseTest, DottedKeysInsideTables) {
  const std::string text =
      "[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n\n"
      "[fruit.apple.texture]\nsmooth = true\n";
  ParseResult r = Ok(text);
  EXPECT_EQ(At(r.value, {"fruit", "apple", "color"}).text, "red");
  EXPECT_TRUE(At(r.value, {"fruit", "apple", "taste", "sweet"}).boolean);
  EXPECT_TRUE(At(r.value, {"fruit", "apple", "texture", "smooth"}).boolean);
  // fruit's own lines end with "true" on line 3.
  EXPECT_EQ(Raw(text, At(r.value, {"fruit"})),
            "[fruit]\napple.color = \"red\"\napple.taste.sweet = true");
  // An implied table that a later header adds to ends with its content.
  const Value& apple = At(r.value, {"fruit", "apple"});
  EXPECT_EQ(apple.pos.line, 2u);
  EXPECT_EQ(apple.end, text.size() - 1);
}

TEST(TomlParseTest, ArraysOfTables) {
  const std::string text =
      "[[products]]\nname = \"Hammer\"\nsku = 738594937\n\n[[products]]  # "
      "empty\n\n"
      "[[products]]\nname = \"Nail\"\n[products.dims]\nlen = 2\n"
      "[[products.parts]]\nid = 1\n[[products.parts]]\nid = 2\n";
  ParseResult r = Ok(text);
  const Value& products = At(r.value, {"products"});
  ASSERT_EQ(products.type, Type::kArray);
  ASSERT_EQ(products.items.size(), 3u);
  EXPECT_EQ(products.pos.offset, 0u);
  EXPECT_EQ(products.end, text.size() - 1);
  EXPECT_EQ(Raw(text, products.items[0]),
            "[[products]]\nname = \"Hammer\"\nsku = 738594937");
  EXPECT_EQ(Raw(text, products.items[1]), "[[products]]");
  EXPECT_EQ(products.items[1].pos.line, 5u);
  EXPECT_TRUE(products.items[1].members.empty());
  const Value& nail = products.items[2];
  EXPECT_EQ(nail.Find("name")->text, "Nail");
  EXPECT_EQ(nail.Find("dims")->Find("len")->number, 2);
  const Value* parts = nail.Find("parts");
  ASSERT_NE(parts, nullptr);
  ASSERT_EQ(parts->items.size(), 2u);
  EXPECT_EQ(parts->items[1].Find("id")->number, 2);
  EXPECT_EQ(parts->items[1].pos.line, 13u);
  CheckPositions(text, r.value);
}

TEST(TomlParseTest, ArraysAndInlineTables) {
  const std::string text =
      "a = [ 1, [2, 3], \"x\", {k = 'v'}, ]\n"
      "b = [\n  \"one\",  # first\n  # a comment line\n  \"two\"\n]\n"
      "c = []\n"
      "d = { name = \"Tom\", pt.x = 1, pt.y = 2, nested = { deep = [] } }\n"
      "e = {}\n";
  ParseResult r = Ok(text);
  const Value& a = At(r.value, {"a"});
  ASSERT_EQ(a.items.size(), 4u);
  EXPECT_EQ(Raw(text, a), "[ 1, [2, 3], \"x\", {k = 'v'}, ]");
  EXPECT_EQ(Raw(text, a.items[1]), "[2, 3]");
  EXPECT_EQ(Raw(text, a.items[2]), "\"x\"");
  EXPECT_EQ(Raw(text, a.items[3]), "{k = 'v'}");
  EXPECT_EQ(a.items[3].Find("k")->text, "v");
  const Value& b = At(r.value, {"b"});
  ASSERT_EQ(b.items.size(), 2u);
  EXPECT_EQ(b.items[1].pos.line, 5u);
  EXPECT_EQ(b.pos.line, 2u);
  EXPECT_EQ(text.substr(b.end - 1, 2), "]\n");
  EXPECT_TRUE(At(r.value, {"c"}).items.empty());
  EXPECT_EQ(At(r.value, {"c"}).type, Type::kArray);
  const Value& d = At(r.value, {"d"});
  EXPECT_EQ(d.type, Type::kObject);
  EXPECT_EQ(Raw(text, d),
            "{ name = \"Tom\", pt.x = 1, pt.y = 2, nested = { deep = [] } }");
  EXPECT_EQ(At(d, {"pt", "y"}).number, 2);
  EXPECT_EQ(At(d, {"nested", "deep"}).type, Type::kArray);
  EXPECT_EQ(At(r.value, {"e"}).type, Type::kObject);
  CheckPositions(text, r.value);
}

TEST(TomlParseTest, SameTreeAsTheEquivalentJson) {
  const std::string toml_text =
      "title = \"T\"\nports = [80, 443]\n[owner]\nname = \"Tom\"\n"
      "[[items]]\nid = 1\n[[items]]\nid = 2\ntags = { a = true }\n";
  const std::string json_text =
      R"({"title":"T","ports":[80,443],"owner":{"name":"Tom"},)"
      R"("items":[{"id":1},{"id":2,"tags":{"a":true}}]})";
  ParseResult t = Ok(toml_text);
  ParseResult j = json::Parse(json_text);
  ASSERT_TRUE(j.ok());
  // Structural equality, ignoring positions and lexemes.
  struct Same {
    static void Check(const Value& a, const Value& b) {
      ASSERT_EQ(a.type, b.type);
      EXPECT_EQ(a.boolean, b.boolean);
      EXPECT_EQ(a.number, b.number);
      if (a.type == Type::kString) {
        EXPECT_EQ(a.text, b.text);
      }
      ASSERT_EQ(a.items.size(), b.items.size());
      for (size_t i = 0; i < a.items.size(); ++i) Check(a.items[i], b.items[i]);
      ASSERT_EQ(a.members.size(), b.members.size());
      for (size_t i = 0; i < a.members.size(); ++i) {
        EXPECT_EQ(a.members[i].key, b.members[i].key);
        Check(a.members[i].value, b.members[i].value);
      }
    }
  };
  Same::Check(t.value, j.value);
}

// ---- Codex configs ----

TEST(TomlParseTest, CodexConfig) {
  const std::string text =
      "# ~/.codex/config.toml\n"
      "model = \"o3\"\n"
      "\n"
      "[mcp_servers.github]\n"
      "command = \"npx\"\n"
      "args = [\"-y\", \"@modelcontextprotocol/server-github\"]\n"
      "env_vars = [\"GITHUB_TOKEN\"]\n"
      "\n"
      "[mcp_servers.github.env]\n"
      "LOG_LEVEL = \"debug\"\n"
      "\n"
      "[mcp_servers.\"docs.remote\"]\n"
      "url = \"https://example.com/mcp\"\n"
      "bearer_token_env_var = \"REMOTE_TOKEN\"\n"
      "http_headers = { \"X-Team\" = \"core\" }\n";
  ParseResult r = Ok(text);
  const Value& servers = At(r.value, {"mcp_servers"});
  ASSERT_EQ(servers.members.size(), 2u);
  EXPECT_EQ(servers.members[0].key, "github");
  EXPECT_EQ(servers.members[1].key, "docs.remote");
  // mcp_servers is implied: it starts at its first mention, in the header.
  EXPECT_EQ(servers.pos.line, 4u);
  EXPECT_EQ(servers.pos.column, 2u);
  EXPECT_EQ(servers.end, text.size() - 1);
  const Value& github = At(servers, {"github"});
  EXPECT_EQ(github.pos.line, 4u);
  EXPECT_EQ(github.pos.column, 1u);
  EXPECT_EQ(Raw(text, github),
            "[mcp_servers.github]\ncommand = \"npx\"\n"
            "args = [\"-y\", \"@modelcontextprotocol/server-github\"]\n"
            "env_vars = [\"GITHUB_TOKEN\"]");
  const Value& args = At(github, {"args"});
  ASSERT_EQ(args.items.size(), 2u);
  EXPECT_EQ(args.items[1].text, "@modelcontextprotocol/server-github");
  EXPECT_EQ(Raw(text, args.items[1]),
            "\"@modelcontextprotocol/server-github\"");
  EXPECT_EQ(args.items[1].pos.line, 6u);
  EXPECT_EQ(args.items[1].pos.column, 15u);
  EXPECT_EQ(At(github, {"env", "LOG_LEVEL"}).text, "debug");
  const Value& remote = At(servers, {"docs.remote"});
  EXPECT_EQ(At(remote, {"url"}).text, "https://example.com/mcp");
  EXPECT_EQ(At(remote, {"http_headers", "X-Team"}).text, "core");
  EXPECT_EQ(servers.members[1].key_pos.column, 14u);  // the opening quote
  CheckPositions(text, r.value);
}

TEST(TomlParseTest, CodexConfigWithDottedServerKeys) {
  const std::string text =
      "[mcp_servers]\n"
      "fs.command = \"npx\"\n"
      "fs.args = [\"-y\", \"@modelcontextprotocol/server-filesystem\", "
      "\"/tmp\"]\n"
      "memory = { command = \"npx\", args = [\"-y\", "
      "\"@modelcontextprotocol/server-memory\"] }\n";
  ParseResult r = Ok(text);
  EXPECT_EQ(At(r.value, {"mcp_servers", "fs", "command"}).text, "npx");
  EXPECT_EQ(At(r.value, {"mcp_servers", "fs", "args"}).items.size(), 3u);
  EXPECT_EQ(At(r.value, {"mcp_servers", "memory", "args"}).items[1].text,
            "@modelcontextprotocol/server-memory");
  // The in-place fix case: replace one argument by its exact byte range.
  const Value& arg = At(r.value, {"mcp_servers", "fs", "args"}).items[2];
  std::string fixed = text;
  fixed.replace(arg.pos.offset, arg.end - arg.pos.offset, "\"/home\"");
  ParseResult again = Ok(fixed);
  EXPECT_EQ(At(again.value, {"mcp_servers", "fs", "args"}).items[2].text,
            "/home");
}

// ---- Line endings, BOM, options ----

TEST(TomlParseTest, CrlfLineEndings) {
  const std::string text =
      "a = 1\r\n[t]\r\nb = \"\"\"\r\nx\r\ny\"\"\"\r\nc = [\r\n  1,\r\n]\r\n# "
      "end\r\n";
  ParseResult r = Ok(text);
  const Value& b = At(r.value, {"t", "b"});
  EXPECT_EQ(b.text, "x\r\ny");  // line breaks are kept as written
  EXPECT_EQ(b.pos.line, 3u);
  const Value& c = At(r.value, {"t", "c"});
  EXPECT_EQ(c.pos.line, 6u);
  EXPECT_EQ(c.items[0].pos.line, 7u);
  EXPECT_EQ(c.items[0].pos.column, 3u);
  EXPECT_EQ(Raw(text, At(r.value, {"t"})),
            "[t]\r\nb = \"\"\"\r\nx\r\ny\"\"\"\r\nc = [\r\n  1,\r\n]");
  CheckPositions(text, r.value);
}

TEST(TomlParseTest, ByteOrderMarkIsSkipped) {
  const std::string text = "\xEF\xBB\xBFkey = \"v\"\n";
  ParseResult r = Ok(text);
  EXPECT_EQ(r.value.pos.offset, 3u);
  ASSERT_EQ(r.value.members.size(), 1u);
  EXPECT_EQ(r.value.members[0].key_pos.offset, 3u);
  EXPECT_EQ(r.value.members[0].key_pos.column, 1u);
  EXPECT_EQ(At(r.value, {"key"}).pos.column, 7u);
  // Anywhere else it is an unexpected character.
  ParseResult bad = toml::Parse(
      "a = 1\n\xEF\xBB\xBF"
      "b = 2\n");
  EXPECT_EQ(bad.error.code, ParseErrorCode::kSyntax);
  EXPECT_EQ(bad.error.pos.line, 2u);
  EXPECT_EQ(bad.error.pos.column, 1u);
}

TEST(TomlParseTest, JsonDialectOptionsAreIgnored) {
  ParseOptions options;
  options.allow_comments = true;
  options.allow_trailing_commas = true;
  EXPECT_EQ(toml::Parse("a = {b = 1,}", options).error.code,
            ParseErrorCode::kSyntax);
  EXPECT_EQ(toml::Parse("a = 1 // c", options).error.code,
            ParseErrorCode::kSyntax);
  options.allow_comments = options.allow_trailing_commas = false;
  EXPECT_TRUE(toml::Parse("a = [1,] # c", options).ok());
}

TEST(TomlParseTest, ColumnsCountCodePoints) {
  const std::string text =
      "\"\xC3\xA9\xE2\x82\xAC\" = \"\xF0\x9F\x98\x80\" # \xC3\xA9\nb = 1 x";
  ParseResult r = toml::Parse(text);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.pos.line, 2u);
  EXPECT_EQ(r.error.pos.column, 7u);
  ParseResult ok =
      Ok("\"\xC3\xA9\xE2\x82\xAC\" = \"\xF0\x9F\x98\x80\" # \xC3\xA9\nb = 1");
  EXPECT_EQ(ok.value.members[0].value.pos.column, 8u);
  EXPECT_EQ(ok.value.members[0].value.pos.offset, 10u);
}

// ---- Errors ----

struct ErrorCase {
  const char* name;
  std::string text;
  ParseErrorCode code;
  uint32_t line;
  uint32_t column;
  const char* message_part;
};

class TomlParseErrorTest : public testing::TestWithParam<ErrorCase> {};

TEST_P(TomlParseErrorTest, ReportsCodePositionAndMessage) {
  const ErrorCase& c = GetParam();
  ParseResult r = toml::Parse(c.text);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.code, c.code) << r.error.message;
  EXPECT_EQ(r.error.pos.line, c.line) << r.error.message;
  EXPECT_EQ(r.error.pos.column, c.column) << r.error.message;
  const json::Position want = Expected(c.text, r.error.pos.offset);
  EXPECT_EQ(want.line, c.line)
      << "offset " << r.error.pos.offset << " is not at that line";
  EXPECT_EQ(want.column, c.column) << "offset " << r.error.pos.offset;
  EXPECT_NE(r.error.message.find(c.message_part), std::string::npos)
      << r.error.message;
  EXPECT_EQ(r.value.type, Type::kNull);  // no partial tree
}

constexpr ParseErrorCode kSyntax = ParseErrorCode::kSyntax;
constexpr ParseErrorCode kEncoding = ParseErrorCode::kEncoding;

INSTANTIATE_TEST_SUITE_P(
    TomlKeys, TomlParseErrorTest,
    testing::Values(
        ErrorCase{
            "DuplicateKey",
            "[mcp_servers.x]\ncommand = \"npx\"\nargs = []\nargs = [\"-y\"]\n",
            kSyntax, 4, 1, "duplicate key \"args\" (first defined at line 3)"},
        ErrorCase{"DuplicateDottedKey", "a.b = 1\na.b = 2", kSyntax, 2, 3,
                  "duplicate key \"b\" (first defined at line 1)"},
        ErrorCase{"DuplicateQuotedSpelling", "a = 1\n\"a\" = 2", kSyntax, 2, 1,
                  "duplicate key \"a\""},
        ErrorCase{"DuplicateInInlineTable", "a = {b = 1, b = 2}", kSyntax, 1,
                  13, "duplicate key \"b\" (first defined at line 1)"},
        ErrorCase{"MissingEquals", "command x", kSyntax, 1, 9,
                  "expected '=' after key \"command\", found 'x'"},
        ErrorCase{"MissingValue", "a =\nb = 1", kSyntax, 1, 4,
                  "expected a value (string, number, boolean, date-time, array "
                  "or inline "
                  "table), found a line break"},
        ErrorCase{"ValueAtEnd", "a = ", kSyntax, 1, 5,
                  "unexpected end of input: expected a value"},
        ErrorCase{"UnquotedString", "command = npx", kSyntax, 1, 11,
                  "found \"npx\" (strings must be in quotes)"},
        ErrorCase{"NoKey", "= 1", kSyntax, 1, 1,
                  "expected a key (bare, \"quoted\" or 'literal'), found '='"},
        ErrorCase{"KeyEndsWithDot", "a. = 1", kSyntax, 1, 4,
                  "expected a key after '.', found '='"},
        ErrorCase{"MultiLineKey", "\"\"\"a\"\"\" = 1", kSyntax, 1, 1,
                  "a key cannot be a multi-line string"},
        ErrorCase{"KeyWithSpace", "a b = 1", kSyntax, 1, 3,
                  "expected '=' after key \"a\", found 'b'"},
        ErrorCase{
            "TextAfterValue", "a = 1 2", kSyntax, 1, 7,
            "expected a line break after the value of key \"a\", found '2'"},
        ErrorCase{"TwoKeysOnALine", "a = 1 b = 2", kSyntax, 1, 7,
                  "expected a line break"}));

INSTANTIATE_TEST_SUITE_P(
    TomlTables, TomlParseErrorTest,
    testing::Values(
        ErrorCase{"TableDefinedTwice", "[a]\nx = 1\n[a]\n", kSyntax, 3, 2,
                  "table [a] is defined twice (first defined at line 1)"},
        ErrorCase{"SubTableDefinedTwice", "[a.b]\n[a]\n[a.b]\n", kSyntax, 3, 4,
                  "table [a.b] is defined twice (first defined at line 1)"},
        ErrorCase{
            "HeaderAfterDottedKeys",
            "[fruit]\napple.color = \"red\"\n[fruit.apple]\n", kSyntax, 3, 8,
            "table [fruit.apple] was already defined by dotted keys at line 2"},
        ErrorCase{"HeaderForTableExtendedByDottedKeys",
                  "[a.b.c]\n[a]\nb.d = 1\n[a.b]\n", kSyntax, 4, 4,
                  "table [a.b] was already defined by dotted keys at line 1"},
        ErrorCase{
            "DottedKeysIntoHeaderTable", "[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n",
            kSyntax, 4, 3,
            "cannot add to table [a.b.c] (defined at line 1) with dotted keys"},
        ErrorCase{"AppendToStaticArray", "a = [1]\n[[a]]\n", kSyntax, 2, 3,
                  "cannot append to the static array \"a\" (defined at line 1) "
                  "with [[a]]"},
        ErrorCase{"TableThenArrayOfTables", "[a]\n[[a]]\n", kSyntax, 2, 3,
                  "array of tables [[a]] conflicts with the table a defined at "
                  "line 1"},
        ErrorCase{"ArrayOfTablesThenTable", "[[a]]\n[a]\n", kSyntax, 2, 2,
                  "table [a] conflicts with the array of tables [[a]] defined "
                  "at line 1"},
        ErrorCase{"DottedKeysIntoArrayOfTables", "[[a.b]]\n[a]\nb.y = 2\n",
                  kSyntax, 3, 1, "key \"b\" is already an array of tables"},
        ErrorCase{"ExtendInlineTableWithDottedKey", "a = {b = 1}\na.c = 2\n",
                  kSyntax, 2, 1,
                  "cannot add to the inline table \"a\" (defined at line 1)"},
        ErrorCase{"ExtendInlineTableWithHeader", "a = {b = 1}\n[a.c]\n",
                  kSyntax, 2, 2, "cannot add to the inline table \"a\""},
        ErrorCase{"DefineInlineTableWithHeader", "[t]\na = {}\n[t.a]\n",
                  kSyntax, 3, 4,
                  "cannot add to the inline table \"a\" (defined at line 2)"},
        ErrorCase{"ExtendNestedInlineTable", "a = {b = {c = 1}}\n[a.b]\n",
                  kSyntax, 2, 2, "cannot add to the inline table \"a\""},
        ErrorCase{
            "InlineTableOverwrittenInside", "a = {b = 1, b.c = 2}", kSyntax, 1,
            13,
            "key \"b\" is already a number (defined at line 1), not a table"},
        ErrorCase{
            "TableInsideStaticArray", "a = [{b = 1}]\n[a.c]\n", kSyntax, 2, 2,
            "cannot add a table to the static array \"a\" (defined at line 1)"},
        ErrorCase{
            "ScalarAsTable", "a = 1\n[a.b]\n", kSyntax, 2, 2,
            "key \"a\" is already a number (defined at line 1), not a table"},
        ErrorCase{"StringAsDottedTable", "a = 'x'\na.b = 1\n", kSyntax, 2, 1,
                  "key \"a\" is already a string"},
        ErrorCase{"EmptyHeader", "[]\n", kSyntax, 1, 2, "expected a key"},
        ErrorCase{"UnclosedHeader", "[a\nb = 1", kSyntax, 1, 3,
                  "expected ']' to close the table header, or '.', found a "
                  "line break"},
        ErrorCase{
            "SpaceInArrayHeaderClose", "[[a] ]", kSyntax, 1, 5,
            "expected ']' to close the array of tables header, found a space"},
        ErrorCase{"TextAfterHeader", "[a] b = 1", kSyntax, 1, 5,
                  "expected a line break after the header [a], found 'b'"}));

INSTANTIATE_TEST_SUITE_P(
    TomlContainers, TomlParseErrorTest,
    testing::Values(
        ErrorCase{"InlineTableNewline", "a = {b = 1,\n c = 2}", kSyntax, 1, 12,
                  "an inline table must be on one line"},
        ErrorCase{"InlineTableNewlineBeforeClose", "a = {b = 1\n}", kSyntax, 1,
                  11,
                  "expected ',' or '}' after an inline table entry (an inline "
                  "table must be on "
                  "one line), found a line break"},
        ErrorCase{"InlineTableTrailingComma", "a = {b = 1,}", kSyntax, 1, 11,
                  "trailing comma"},
        ErrorCase{"InlineTableMissingComma", "a = {b = 1 c = 2}", kSyntax, 1,
                  12,
                  "expected ',' or '}' after an inline table entry, found 'c'"},
        ErrorCase{"InlineTableComment", "a = {b = 1 # c\n}", kSyntax, 1, 12,
                  "found '#'"},
        ErrorCase{"ArrayMissingComma", "a = [1 2]", kSyntax, 1, 8,
                  "expected ',' or ']' after an array element, found '2'"},
        ErrorCase{"ArrayOnlyComma", "a = [,]", kSyntax, 1, 6,
                  "expected a value"},
        ErrorCase{"ArrayDoubleComma", "a = [1,,2]", kSyntax, 1, 8, "found ','"},
        ErrorCase{"ArrayUnclosed", "a = [1,\n2", kSyntax, 2, 2,
                  "unexpected end of input: expected ',' or ']' after an array "
                  "element"}));

INSTANTIATE_TEST_SUITE_P(
    TomlNumbers, TomlParseErrorTest,
    testing::Values(
        ErrorCase{"LeadingZero", "a = 012", kSyntax, 1, 6,
                  "leading zeros are not allowed"},
        ErrorCase{"LeadingZeroFloat", "a = -01.5", kSyntax, 1, 7,
                  "leading zeros"},
        ErrorCase{"DoubleUnderscore", "a = 1__2", kSyntax, 1, 6,
                  "an underscore in a number must be between two digits"},
        ErrorCase{"TrailingUnderscore", "a = 1_", kSyntax, 1, 6, "underscore"},
        ErrorCase{"UnderscoreBeforePoint", "a = 1_.5", kSyntax, 1, 6,
                  "underscore"},
        ErrorCase{"LeadingUnderscoreHex", "a = 0x_1", kSyntax, 1, 7,
                  "expected a hexadecimal digit, found '_'"},
        ErrorCase{"SignedHex", "a = +0x1", kSyntax, 1, 5,
                  "a hexadecimal integer cannot have a sign"},
        ErrorCase{"SignedBinary", "a = -0b1", kSyntax, 1, 5,
                  "binary integer cannot have a sign"},
        ErrorCase{"EmptyHex", "a = 0x\n", kSyntax, 1, 7,
                  "expected a hexadecimal digit, found a line break"},
        ErrorCase{"BadOctalDigit", "a = 0o8", kSyntax, 1, 7,
                  "expected an octal digit"},
        ErrorCase{"CapitalPrefix", "a = 0X1", kSyntax, 1, 6,
                  "unexpected 'X' in the number \"0X1\""},
        ErrorCase{"Overflow", "a = 9223372036854775808", kSyntax, 1, 5,
                  "the integer \"9223372036854775808\" is out of range for a "
                  "64-bit signed integer"},
        ErrorCase{"NegativeOverflow", "a = -9223372036854775809", kSyntax, 1, 5,
                  "out of range"},
        ErrorCase{"HexOverflow", "a = 0x8000000000000000", kSyntax, 1, 5,
                  "out of range"},
        ErrorCase{
            "TrailingPoint", "a = 1.\n", kSyntax, 1, 7,
            "expected a digit after the decimal point, found a line break"},
        ErrorCase{"LeadingPoint", "a = .5", kSyntax, 1, 5,
                  "expected a digit, found '.'"},
        ErrorCase{"EmptyExponent", "a = 1e\n", kSyntax, 1, 7,
                  "expected a digit in the exponent"},
        ErrorCase{"DoublePoint", "a = 1.2.3", kSyntax, 1, 8,
                  "unexpected '.' in the number"},
        ErrorCase{"CapitalInf", "a = Inf", kSyntax, 1, 5,
                  "strings must be in quotes"},
        ErrorCase{"Infinity", "a = -infinity", kSyntax, 1, 6,
                  "expected a digit, found 'i'"},
        ErrorCase{"AlmostTrue", "a = truth", kSyntax, 1, 5, "found \"truth\""},
        ErrorCase{"BareSign", "a = +\n", kSyntax, 1, 6,
                  "expected a digit, found a line break"}));

INSTANTIATE_TEST_SUITE_P(
    TomlDateTimes, TomlParseErrorTest,
    testing::Values(
        ErrorCase{"Month13", "d = 2024-13-01", kSyntax, 1, 10,
                  "month 13 is out of range (1 to 12)"},
        ErrorCase{"Feb30", "d = 2024-02-30", kSyntax, 1, 13,
                  "day 30 is out of range (1 to 29)"},
        ErrorCase{"Feb29NotLeap", "d = 1900-02-29", kSyntax, 1, 13,
                  "day 29 is out of range (1 to 28)"},
        ErrorCase{"Day0", "d = 2024-04-00", kSyntax, 1, 13,
                  "day 00 is out of range"},
        ErrorCase{"Hour24", "d = 24:00:00", kSyntax, 1, 5,
                  "hour 24 is out of range (0 to 23)"},
        ErrorCase{"Minute60", "d = 2024-01-01T10:60:00Z", kSyntax, 1, 19,
                  "minute 60"},
        ErrorCase{"Second61", "d = 10:00:61", kSyntax, 1, 11,
                  "second 61 is out of range (0 to 60)"},
        ErrorCase{"NoSeconds", "d = 07:32\n", kSyntax, 1, 10,
                  "expected ':' after the minute in the date-time, found a "
                  "line break"},
        ErrorCase{"OneDigitMonth", "d = 2024-1-01", kSyntax, 1, 11,
                  "expected a two-digit month in the date-time, found '-'"},
        ErrorCase{"TimeWithOffset", "d = 07:32:00Z", kSyntax, 1, 13,
                  "unexpected 'Z' in the time"},
        ErrorCase{"TrailingT", "d = 1979-05-27T\n", kSyntax, 1, 16,
                  "expected a two-digit hour"},
        ErrorCase{"OffsetWithoutColon", "d = 1979-05-27T07:32:00+0700", kSyntax,
                  1, 27, "expected ':' after the offset hour"},
        ErrorCase{"FractionWithoutDigits", "d = 07:32:00.", kSyntax, 1, 14,
                  "expected a digit after the decimal point of the seconds"},
        ErrorCase{"JunkAfterDate", "d = 1979-05-27x", kSyntax, 1, 15,
                  "unexpected 'x' after the date"}));

INSTANTIATE_TEST_SUITE_P(
    TomlStrings, TomlParseErrorTest,
    testing::Values(
        ErrorCase{"InvalidEscape", "s = \"a\\x\"", kSyntax, 1, 7,
                  "invalid escape \\x: expected one of \\b \\t \\n \\f \\r "
                  "\\\" \\\\ \\uXXXX "
                  "\\UXXXXXXXX"},
        ErrorCase{"SlashEscape", "s = \"\\/\"", kSyntax, 1, 6,
                  "invalid escape \\/"},
        ErrorCase{
            "EscapeInLiteralIsText", "s = 'a\\'b'", kSyntax, 1, 9,
            "expected a line break after the value of key \"s\", found 'b'"},
        ErrorCase{
            "Surrogate", "s = \"\\uD800\"", kEncoding, 1, 6,
            "escape \\uD800 is not a Unicode scalar value (it is a surrogate)"},
        ErrorCase{"AboveMaxCodePoint", "s = \"\\U00110000\"", kEncoding, 1, 6,
                  "above U+10FFFF"},
        ErrorCase{"ShortUnicodeEscape", "s = \"\\u12\"", kSyntax, 1, 10,
                  "expected four hex digits after \\u, found '\"'"},
        ErrorCase{"ShortLongUnicodeEscape", "s = \"\\U0001F60\"", kSyntax, 1,
                  15, "eight hex digits after \\U"},
        ErrorCase{"NewlineInString", "s = \"a\nb\"", kSyntax, 1, 7,
                  "found a line break (only multi-line strings"},
        ErrorCase{"NewlineInLiteral", "s = 'a\r\nb'", kSyntax, 1, 7,
                  "found a line break"},
        ErrorCase{"ControlInString", "s = \"a\x01\"", kSyntax, 1, 7,
                  "control character U+0001 is not allowed in a string"},
        ErrorCase{"DeleteInLiteral", "s = 'a\x7f'", kSyntax, 1, 7,
                  "control character U+007F"},
        ErrorCase{"NulInMultiLine", std::string("s = \"\"\"\na\0\"\"\"", 13),
                  kSyntax, 2, 2, "control character U+0000"},
        ErrorCase{"LoneCrInMultiLine", "s = '''a\rb'''", kSyntax, 1, 9,
                  "a carriage return must be followed by a line feed"},
        ErrorCase{"Unterminated", "s = \"abc", kSyntax, 1, 5,
                  "unterminated string: expected '\"' before the end of input"},
        ErrorCase{"UnterminatedMultiLine", "x = 1\ns = \"\"\"abc\n\n", kSyntax,
                  2, 5, "unterminated string: expected '\"\"\"'"},
        ErrorCase{"UnterminatedLiteral", "s = '''abc''", kSyntax, 1, 5,
                  "unterminated string"},
        ErrorCase{
            "SixQuotes", "s = \"\"\"a\"\"\"\"\"\"", kSyntax, 1, 14,
            "expected a line break after the value of key \"s\", found '\"'"},
        ErrorCase{"BackslashSpaceNotAtLineEnd", "s = \"\"\"a\\ b\"\"\"",
                  kSyntax, 1, 9, "invalid escape '\\' followed by a space"},
        ErrorCase{"FoldingInSingleLine", "s = \"a\\\nb\"", kSyntax, 1, 7,
                  "invalid escape '\\' followed by a line break"}));

INSTANTIATE_TEST_SUITE_P(
    TomlTextAndEncoding, TomlParseErrorTest,
    testing::Values(
        ErrorCase{"ControlInComment", "# a\x01\n", kSyntax, 1, 4,
                  "control character U+0001 is not allowed in a comment"},
        ErrorCase{"DeleteInComment", "a = 1 # \x7f", kSyntax, 1, 9,
                  "control character U+007F"},
        ErrorCase{"LoneCr", "a = 1\rb = 2", kSyntax, 1, 6,
                  "a carriage return must be followed by a line feed"},
        ErrorCase{"FormFeed",
                  "\x0c"
                  "a = 1",
                  kSyntax, 1, 1, "found control character U+000C"},
        ErrorCase{
            "InvalidUtf8InString", "s = \"\xff\"", kEncoding, 1, 6,
            "invalid UTF-8: byte 0xFF does not start a well-formed sequence"},
        ErrorCase{"OverlongInString", "s = \"\xc0\xaf\"", kEncoding, 1, 6,
                  "byte 0xC0"},
        ErrorCase{"EncodedSurrogate", "s = '\xed\xa0\x80'", kEncoding, 1, 6,
                  "byte 0xED"},
        ErrorCase{"AboveMaxEncoded", "s = '\xf4\x90\x80\x80'", kEncoding, 1, 6,
                  "byte 0xF4"},
        ErrorCase{"InvalidUtf8InComment", "a = 1 # \xc3\xa9 \xe2\x82\n",
                  kEncoding, 1, 11, "invalid UTF-8"},
        ErrorCase{"InvalidUtf8AsKey", "\xff = 1", kEncoding, 1, 1,
                  "invalid UTF-8"},
        ErrorCase{"TruncatedAtEnd", "s = 'a\xe2", kEncoding, 1, 7,
                  "invalid UTF-8"},
        ErrorCase{
            "NonAsciiBareKey", "\xc3\xa9 = 1", kSyntax, 1, 1,
            "expected a key (bare, \"quoted\" or 'literal'), found '\xc3\xa9'"},
        ErrorCase{"ColumnAfterNonAscii", "s = \"\xc3\xa9\" x", kSyntax, 1, 9,
                  "found 'x'"},
        ErrorCase{"UnexpectedCharacter", "a = @", kSyntax, 1, 5,
                  "expected a value"}));

// ---- Limits ----

TEST(TomlParseTest, DeeplyNestedArraysAreTooDeepNotACrash) {
  const std::string text =
      "a = " + std::string(100000, '[') + std::string(100000, ']');
  ParseResult r = toml::Parse(text);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.code, ParseErrorCode::kTooDeep);
  // The root is level 1 and a's array level 2, so the 256th '[' (column
  // 260) opens level 257.
  EXPECT_EQ(r.error.pos.line, 1u);
  EXPECT_EQ(r.error.pos.column, 260u);
  EXPECT_NE(r.error.message.find("deeper than the limit of 256 levels"),
            std::string::npos);
  // Unclosed, too.
  EXPECT_EQ(toml::Parse("a = " + std::string(100000, '[')).error.code,
            ParseErrorCode::kTooDeep);
  EXPECT_EQ(toml::Parse("a = " + std::string(100000, '{')).error.code,
            ParseErrorCode::kSyntax);
}

TEST(TomlParseTest, DepthCountsTablesArraysAndInlineTables) {
  ParseOptions options;
  options.max_depth = 3;
  // root (1) > a (2) > b (3)
  EXPECT_TRUE(toml::Parse("[a.b]\nc = 1\n", options).ok());
  EXPECT_TRUE(toml::Parse("a.b.c = 1\n", options).ok());
  EXPECT_TRUE(toml::Parse("a = [[1]]\n", options).ok());
  EXPECT_TRUE(toml::Parse("a = {b = {}}\n", options).ok());
  EXPECT_TRUE(
      toml::Parse("[[x]]\ny = 1\n", options).ok());  // array (2) > element (3)
  struct {
    const char* text;
    uint32_t line, column;
  } too_deep[] = {{"[a.b]\nc.d = 1\n", 2, 1},
                  {"[a.b.c]\n", 1, 6},
                  {"a.b.c.d = 1\n", 1, 5},
                  {"a = [[[1]]]\n", 1, 7},
                  {"a = {b = {c = {}}}\n", 1, 15},
                  {"a = [{b = []}]\n", 1, 11},
                  {"[[x.y]]\n", 1, 5}};
  for (const auto& c : too_deep) {
    ParseResult r = toml::Parse(c.text, options);
    EXPECT_EQ(r.error.code, ParseErrorCode::kTooDeep) << c.text;
    EXPECT_EQ(r.error.pos.line, c.line) << c.text;
    EXPECT_EQ(r.error.pos.column, c.column) << c.text;
  }
  options.max_depth = 1;  // the root table only
  EXPECT_TRUE(toml::Parse("a = 1\n", options).ok());
  EXPECT_EQ(toml::Parse("a = []\n", options).error.code,
            ParseErrorCode::kTooDeep);
  options.max_depth = 0;
  EXPECT_EQ(toml::Parse("", options).error.code, ParseErrorCode::kTooDeep);
}

TEST(TomlParseTest, LongDottedKeysAndHeadersAreTooDeep) {
  std::string key = "a";
  for (int i = 0; i < 50000; ++i) key += ".a";
  ParseResult r = toml::Parse(key + " = 1\n");
  EXPECT_EQ(r.error.code, ParseErrorCode::kTooDeep);
  EXPECT_EQ(r.error.pos.column, 2u * 255 + 1);  // the 256th part is level 257
  r = toml::Parse("[" + key + "]\n");
  EXPECT_EQ(r.error.code, ParseErrorCode::kTooDeep);
  EXPECT_EQ(r.error.pos.column, 2u * 255 + 2);
}

TEST(TomlParseTest, MaxBytes) {
  ParseOptions options;
  options.max_bytes = 10;
  ParseResult r = toml::Parse("a = \"0123456789\"", options);
  EXPECT_EQ(r.error.code, ParseErrorCode::kTooLarge);
  EXPECT_EQ(r.error.pos.line, 1u);
  EXPECT_EQ(r.error.pos.column, 1u);
  EXPECT_NE(r.error.message.find(
                "input is 16 bytes, larger than the limit of 10 bytes"),
            std::string::npos);
  EXPECT_TRUE(toml::Parse("a = \"0123\"", options).ok());
}

TEST(TomlParseTest, MegabyteConfigParsesQuickly) {
  std::string text = "model = \"o3\"\n";
  int servers = 0;
  while (text.size() < (1u << 20)) {
    const std::string n = std::to_string(servers++);
    text += "\n[mcp_servers.server_" + n + "]\ncommand = \"npx\"\n";
    text += "args = [\"-y\", \"@scope/server-" + n + "\", \"--port\", \"" + n +
            "\"]  # pinned\n";
    text += "env = { API_KEY = \"key-" + n + "\", \"LOG\" = 'debug' }\n";
    text += "startup_timeout_sec = 10.5\nenabled = true\n";
  }
  const auto start = std::chrono::steady_clock::now();
  ParseResult r = Ok(text);
  const double ms = std::chrono::duration<double, std::milli>(
                        std::chrono::steady_clock::now() - start)
                        .count();
  RecordProperty("parse_ms", std::to_string(ms));
  const Value& all = At(r.value, {"mcp_servers"});
  ASSERT_EQ(all.members.size(), static_cast<size_t>(servers));
  const std::string last = "server_" + std::to_string(servers - 1);
  EXPECT_EQ(all.members.back().key, last);
  EXPECT_EQ(At(all, {last, "env", "API_KEY"}).text,
            "key-" + std::to_string(servers - 1));
  EXPECT_EQ(all.end, text.size() - 1);
  // Generous: sanitizer and debug builds run this too. A quadratic parser
  // would take minutes.
  EXPECT_LT(ms, 5000);
}

TEST(TomlParseTest, HugeTableUsesKeyIndex) {
  std::string text;
  const int n = 100000;
  for (int i = 0; i < n; ++i)
    text += "k" + std::to_string(i) + " = " + std::to_string(i) + "\n";
  ParseResult r = Ok(text);
  ASSERT_EQ(r.value.members.size(), static_cast<size_t>(n));
  EXPECT_EQ(r.value.members[54321].key, "k54321");
  EXPECT_EQ(r.value.Find("k99999")->number, 99999);
  // A duplicate deep in a big table is still found, with its first line.
  ParseResult dup = toml::Parse(text + "k5 = 1\n");
  EXPECT_EQ(dup.error.code, ParseErrorCode::kSyntax);
  EXPECT_EQ(dup.error.pos.line, static_cast<uint32_t>(n + 1));
  EXPECT_NE(
      dup.error.message.find("duplicate key \"k5\" (first defined at line 6)"),
      std::string::npos)
      << dup.error.message;
  // Dotted keys and headers find big tables' members too.
  ParseResult dotted = toml::Parse(text + "k77.x = 1\n");
  EXPECT_NE(dotted.error.message.find(
                "key \"k77\" is already a number (defined at line 78)"),
            std::string::npos)
      << dotted.error.message;
}

TEST(TomlParseTest, BigInlineTablesAreIndexedThenDropped) {
  // Inline tables with more keys than the parser scans linearly, inside an
  // array and as a value, next to a header table with the same keys.
  std::string row = "{";
  for (int i = 0; i < 30; ++i) {
    row += (i ? ", " : "") + std::string("k") + std::to_string(i) + " = " +
           std::to_string(i);
  }
  row += "}";
  std::string text = "rows = [" + row + ", " + row + "]\n[t]\n";
  for (int i = 0; i < 30; ++i) text += "k" + std::to_string(i) + " = 100\n";
  text += "big = " + row + "\n";
  ParseResult r = Ok(text);
  const Value& rows = At(r.value, {"rows"});
  ASSERT_EQ(rows.items.size(), 2u);
  EXPECT_EQ(rows.items[1].members.size(), 30u);
  EXPECT_EQ(rows.items[1].Find("k29")->number, 29);
  EXPECT_EQ(At(r.value, {"t"}).members.size(), 31u);
  EXPECT_EQ(At(r.value, {"t", "k29"}).number, 100);
  EXPECT_EQ(At(r.value, {"t", "big", "k29"}).number, 29);
  CheckPositions(text, r.value);
  // Duplicates in a big inline table are found through the index.
  const std::string dup = "x = " + row.substr(0, row.size() - 1) + ", k7 = 1}";
  ParseResult bad = toml::Parse(dup);
  EXPECT_EQ(bad.error.code, ParseErrorCode::kSyntax);
  EXPECT_EQ(bad.error.pos.offset, dup.rfind("k7"));
  EXPECT_NE(bad.error.message.find("duplicate key \"k7\""), std::string::npos);
}

TEST(TomlParseTest, LongKeysAreCutInMessages) {
  const std::string key(100000, 'k');
  ParseResult r = toml::Parse(key + " = 1\n" + key + " = 2\n");
  ASSERT_EQ(r.error.code, ParseErrorCode::kSyntax);
  EXPECT_LT(r.error.message.size(), 200u);
  EXPECT_NE(r.error.message.find("...\" (first defined at line 1)"),
            std::string::npos);
}

}  // namespace
}  // namespace toml
}  // namespace mcp_builder
