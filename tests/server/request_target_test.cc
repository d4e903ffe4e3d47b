#include "server/request_target.h"

#include <gtest/gtest.h>

namespace ngodesk::server {
namespace {

TEST(RequestTarget, SplitsPathIntoDecodedSegments) {
  Result<RequestTarget> target = ParseRequestTarget("/api/v1/offices/%E6%B1%9F%E8%8B%8F");
  ASSERT_TRUE(target.ok()) << target.error().message;
  EXPECT_EQ(target->path, "/api/v1/offices/%E6%B1%9F%E8%8B%8F");
  EXPECT_EQ(target->segments, (std::vector<std::string>{"api", "v1", "offices", "江苏"}));
}

TEST(RequestTarget, RootHasOneEmptySegment) {
  Result<RequestTarget> target = ParseRequestTarget("/");
  ASSERT_TRUE(target.ok());
  EXPECT_EQ(target->segments, (std::vector<std::string>{""}));
}

TEST(RequestTarget, DecodesQueryWithPlusAsSpace) {
  Result<RequestTarget> target =
      ParseRequestTarget("/api/v1/resolve?q=%E8%8B%8F%E5%B7%9E+city&procedure=activity&flag&q=2");
  ASSERT_TRUE(target.ok());
  EXPECT_EQ(target->Param("q"), "苏州 city");  // the first value wins
  EXPECT_EQ(target->Param("procedure"), "activity");
  EXPECT_EQ(target->Param("flag"), "");
  EXPECT_EQ(target->Param("missing"), std::nullopt);
}

TEST(RequestTarget, KeepsRawUtf8InQuery) {
  Result<RequestTarget> target = ParseRequestTarget("/api/v1/resolve?q=朝阳");
  ASSERT_TRUE(target.ok());
  EXPECT_EQ(target->Param("q"), "朝阳");
}

struct RejectedCase {
  std::string_view target;
  std::string_view reason;
};

TEST(RequestTarget, RejectsMalformedTargets) {
  const RejectedCase cases[] = {
      {"", "empty"},
      {"api/v1/offices", "not absolute"},
      {"http://example.invalid/", "absolute form"},
      {"/offices#card", "fragment"},
      {"/api/v1/resolve?q=%E8%8B", "truncated UTF-8"},
      {"/api/v1/resolve?q=%ZZ", "non-hex escape"},
      {"/api/v1/resolve?q=%4", "short escape"},
      {"/api/v1/resolve?q=%", "bare percent"},
      {"/api/v1/resolve?q=%C0%AF", "overlong slash"},
      {"/api/v1/resolve?q=%ED%A0%80", "UTF-16 surrogate"},
      {"/api/v1/resolve?q=%F4%90%80%80", "above U+10FFFF"},
      {"/api/v1/resolve?q=%FF", "invalid lead byte"},
      {"/api/v1/resolve?q=a%00b", "NUL"},
      {"/api/v1/resolve?q=a%0Ab", "line feed"},
      {"/assets/../etc/passwd", "dot-dot segment"},
      {"/assets/%2E%2E/etc/passwd", "encoded dot-dot"},
      {"/assets/./app.js", "dot segment"},
      {"/assets/a%2F..%2F..%2Fb", "encoded slash"},
      {"/assets/a%5Cb", "encoded backslash"},
      {"/offices/\xff", "raw invalid UTF-8"},
  };
  for (const RejectedCase& bad : cases) {
    Result<RequestTarget> target = ParseRequestTarget(bad.target);
    EXPECT_FALSE(target.ok()) << bad.reason << ": " << bad.target;
    if (!target.ok()) {
      EXPECT_EQ(target.error().code, ErrorCode::kInvalidArgument) << bad.reason;
      EXPECT_FALSE(target.error().message_zh.empty()) << bad.reason;
    }
  }
}

TEST(RequestTarget, BadEscapeMessageNamesOffset) {
  Result<RequestTarget> target = ParseRequestTarget("/api/v1/resolve?q=ab%G1");
  ASSERT_FALSE(target.ok());
  EXPECT_EQ(target.error().message,
            "invalid percent-encoding '%G1' at offset 2: '%' must be followed by two hexadecimal "
            "digits");
}

TEST(Utf8, AcceptsAndRejects) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Nanjing 南京市 𠀀"));
  EXPECT_FALSE(IsValidUtf8("\xe5\x8d"));
  EXPECT_FALSE(IsValidUtf8("\xc1\xbf"));
  EXPECT_FALSE(IsValidUtf8("\xe0\x80\xaf"));
  EXPECT_FALSE(IsValidUtf8("\xf0\x80\x80\xaf"));
  EXPECT_FALSE(IsValidUtf8("\x80"));
}

}  // namespace
}  // namespace ngodesk::server
