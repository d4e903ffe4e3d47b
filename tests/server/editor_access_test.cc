// The guards of editor actions: cookies, Origin, token comparison and the
// failed sign-in throttle, with a hand-moved clock.
#include "server/editor_access.h"

#include <gtest/gtest.h>

namespace ngodesk::server {
namespace {

using namespace std::chrono_literals;
using Clock = SignInThrottle::Clock;

const Clock::time_point kStart{1000s};

TEST(CookieValue, FindsNamedCookie) {
  EXPECT_EQ(CookieValue("ngodesk_session=ab12", "ngodesk_session"), "ab12");
  EXPECT_EQ(CookieValue("theme=dark; ngodesk_session=ab12; lang=zh", "ngodesk_session"), "ab12");
  EXPECT_EQ(CookieValue("  ngodesk_session = \"ab12\" ", "ngodesk_session"), "ab12");
  EXPECT_EQ(CookieValue("ngodesk_session=", "ngodesk_session"), "");
}

TEST(CookieValue, MissingOrMalformed) {
  EXPECT_EQ(CookieValue("", "ngodesk_session"), std::nullopt);
  EXPECT_EQ(CookieValue("xngodesk_session=1", "ngodesk_session"), std::nullopt);
  EXPECT_EQ(CookieValue("ngodesk_session", "ngodesk_session"), std::nullopt);
  EXPECT_EQ(CookieValue(";;;", "ngodesk_session"), std::nullopt);
}

TEST(SessionCookie, HasSecurityAttributes) {
  EXPECT_EQ(SessionCookieHeader("ab12", 28800s),
            "ngodesk_session=ab12; Path=/; HttpOnly; SameSite=Strict; Max-Age=28800");
  EXPECT_EQ(ExpiredSessionCookieHeader(),
            "ngodesk_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
}

TEST(OriginMatchesHost, SameHostOnly) {
  EXPECT_TRUE(OriginMatchesHost("", "127.0.0.1:8080"));
  EXPECT_TRUE(OriginMatchesHost("http://127.0.0.1:8080", "127.0.0.1:8080"));
  EXPECT_TRUE(OriginMatchesHost("https://ngodesk.example", "ngodesk.example"));
  EXPECT_FALSE(OriginMatchesHost("http://evil.example", "127.0.0.1:8080"));
  EXPECT_FALSE(OriginMatchesHost("http://127.0.0.1:9090", "127.0.0.1:8080"));
  EXPECT_FALSE(OriginMatchesHost("null", "127.0.0.1:8080"));
  EXPECT_FALSE(OriginMatchesHost("ftp://127.0.0.1:8080", "127.0.0.1:8080"));
  EXPECT_FALSE(OriginMatchesHost("http://127.0.0.1:8080", ""));
}

TEST(TokensEqual, ComparesWholeTokens) {
  EXPECT_TRUE(TokensEqual("abc", "abc"));
  EXPECT_FALSE(TokensEqual("abc", "abd"));
  EXPECT_FALSE(TokensEqual("abc", "ab"));
  EXPECT_FALSE(TokensEqual("", "a"));
}

TEST(SignInThrottle, BlocksAfterMaxFailuresInWindow) {
  SignInThrottle throttle(5, 15min);
  for (int i = 0; i < 4; ++i) throttle.RecordFailure("a", kStart + i * 1s);
  EXPECT_EQ(throttle.Blocked("a", kStart + 10s), std::nullopt);

  EXPECT_EQ(throttle.RecordFailure("a", kStart + 10s), 5u);
  const std::optional<std::chrono::seconds> wait = throttle.Blocked("a", kStart + 10s);
  ASSERT_TRUE(wait.has_value());
  EXPECT_EQ(*wait, 15min - 10s);
  EXPECT_EQ(throttle.Blocked("b", kStart + 10s), std::nullopt);
}

TEST(SignInThrottle, UnblocksWhenOldestFailureLeavesWindow) {
  SignInThrottle throttle(5, 15min);
  for (int i = 0; i < 5; ++i) throttle.RecordFailure("a", kStart + i * 60s);
  EXPECT_TRUE(throttle.Blocked("a", kStart + 15min - 1s).has_value());
  EXPECT_EQ(throttle.Blocked("a", kStart + 15min), std::nullopt);
}

TEST(SignInThrottle, ZeroTurnsItOff) {
  SignInThrottle throttle(0, 15min);
  for (int i = 0; i < 100; ++i) throttle.RecordFailure("a", kStart);
  EXPECT_EQ(throttle.Blocked("a", kStart), std::nullopt);
}

TEST(SignInThrottle, ForgetsClientsBeyondCapacity) {
  SignInThrottle throttle(1, 15min, /*max_clients=*/2);
  throttle.RecordFailure("a", kStart);
  throttle.RecordFailure("b", kStart + 1s);
  throttle.RecordFailure("c", kStart + 2s);  // drops "a", whose failure is oldest
  EXPECT_EQ(throttle.Blocked("a", kStart + 3s), std::nullopt);
  EXPECT_TRUE(throttle.Blocked("b", kStart + 3s).has_value());
  EXPECT_TRUE(throttle.Blocked("c", kStart + 3s).has_value());
}

}  // namespace
}  // namespace ngodesk::server
