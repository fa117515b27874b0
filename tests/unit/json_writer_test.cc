#include <gtest/gtest.h>

#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "mcp_builder/json.h"
#include "mcp_builder/json_writer.h"
#include "swar.h"

namespace mcp_builder {
namespace json {
namespace {

std::string Quoted(std::string_view s) {
  std::string out;
  AppendQuoted(&out, s);
  return out;
}

TEST(JsonWriter, EscapesWhatJsonRequires) {
  EXPECT_EQ(Quoted("plain"), "\"plain\"");
  EXPECT_EQ(Quoted("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(Quoted("\n\r\t\b\f"), "\"\\n\\r\\t\\b\\f\"");
  EXPECT_EQ(Quoted(std::string("\x01\x1f\x7f", 3)), "\"\\u0001\\u001f\\u007f\"");
  EXPECT_EQ(Quoted(std::string(1, '\0')), "\"\\u0000\"");
}

TEST(JsonWriter, EscapesHtmlAndLineSeparatorsForSafeEmbedding) {
  EXPECT_EQ(Quoted("</script><b>&"), "\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\"");
  EXPECT_EQ(Quoted("\xE2\x80\xA8\xE2\x80\xA9"), "\"\\u2028\\u2029\"");
}

TEST(JsonWriter, KeepsValidUtf8AndReplacesInvalidBytes) {
  EXPECT_EQ(Quoted("\xC3\xA9\xF0\x9F\x98\x80"), "\"\xC3\xA9\xF0\x9F\x98\x80\"");
  EXPECT_EQ(Quoted("a\xFF" "b"), "\"a\xEF\xBF\xBD" "b\"");
  EXPECT_EQ(Quoted("\xC0\xAF"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");     // overlong
  EXPECT_EQ(Quoted("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
}

TEST(JsonWriter, RandomStringsRoundTripThroughIndependentParsers) {
  std::mt19937 rng(42);
  const char* pieces[] = {"a", "\"", "\\", "\n", "\x01", "<", "&", "\xC3\xA9",
                          "\xF0\x9F\x98\x80", "\xE2\x80\xA8", "/", " ", "}"};
  for (int i = 0; i < 2000; ++i) {
    std::string s;
    for (int n = rng() % 20; n > 0; --n) s += pieces[rng() % 13];
    const std::string text = Quoted(s);
    EXPECT_EQ(nlohmann::json::parse(text).get<std::string>(), s) << text;
    ParseResult ours = Parse(text);
    ASSERT_TRUE(ours.ok()) << text;
    EXPECT_EQ(ours.value.text, s);
  }
}

}  // namespace
}  // namespace json
}  // namespace mcp_builder

// swar::CountByte (line counting in scanSecrets' positions): exact for every
// byte value next to every other, where a borrow between bytes would miscount.
TEST(Swar, CountByteIsExact) {
  const unsigned char interesting[] = {0x00, 0x01, 0x09, 0x0A, 0x0B, 0x7F, 0x80, 0x8A, 0xFE, 0xFF, 'a', '\n'};
  uint64_t seed = 42;
  for (int round = 0; round < 20000; ++round) {
    unsigned char bytes[8];
    for (unsigned char& b : bytes) {
      seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
      b = interesting[(seed >> 33) % sizeof interesting];
    }
    int expected = 0;
    for (unsigned char b : bytes) expected += b == '\n';
    ASSERT_EQ(mcp_builder::swar::CountByte(mcp_builder::swar::Load(bytes), '\n'), expected) << round;
  }
  const unsigned char all_breaks[8] = {'\n', '\n', '\n', '\n', '\n', '\n', '\n', '\n'};
  EXPECT_EQ(mcp_builder::swar::CountByte(mcp_builder::swar::Load(all_breaks), '\n'), 8);
}
