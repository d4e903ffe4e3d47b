// The per-client rate limit with a hand-moved clock: no sleeps.
#include "server/rate_limiter.h"

#include <string>

#include <gtest/gtest.h>

namespace ngodesk::server {
namespace {

using namespace std::chrono_literals;
using Clock = RateLimiter::Clock;

const Clock::time_point kStart{1000s};

// Sends `count` requests at `now` and returns how many were allowed.
int Allowed(RateLimiter& limiter, std::string_view client, int count, Clock::time_point now) {
  int allowed = 0;
  for (int i = 0; i < count; ++i) allowed += limiter.Admit(client, now).allowed ? 1 : 0;
  return allowed;
}

TEST(RateLimiter, BurstThenRefillAtTheRate) {
  RateLimiter limiter(/*per_second=*/10, /*burst=*/20);
  EXPECT_EQ(Allowed(limiter, "a", 25, kStart), 20);

  const RateDecision refused = limiter.Admit("a", kStart);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after, 1s);

  EXPECT_EQ(Allowed(limiter, "a", 10, kStart + 500ms), 5);  // half a second: 5 tokens
  EXPECT_EQ(Allowed(limiter, "a", 100, kStart + 10s), 20);  // refills up to the burst, not beyond
}

TEST(RateLimiter, ClientsAreCountedApart) {
  RateLimiter limiter(1, 2);
  EXPECT_EQ(Allowed(limiter, "a", 5, kStart), 2);
  EXPECT_EQ(Allowed(limiter, "b", 5, kStart), 2);
  EXPECT_EQ(limiter.tracked_clients(), 2u);
}

TEST(RateLimiter, RefundGivesBackOneToken) {
  RateLimiter limiter(RateLimiter::PerHour{20}, /*burst=*/2);
  EXPECT_EQ(Allowed(limiter, "a", 2, kStart), 2);
  EXPECT_FALSE(limiter.Admit("a", kStart).allowed);

  limiter.Refund("a", kStart);
  EXPECT_EQ(Allowed(limiter, "a", 3, kStart), 1);
}

TEST(RateLimiter, RefundStopsAtTheBurst) {
  RateLimiter limiter(RateLimiter::PerHour{20}, /*burst=*/2);
  EXPECT_EQ(Allowed(limiter, "a", 1, kStart), 1);
  limiter.Refund("a", kStart);
  limiter.Refund("a", kStart);
  EXPECT_EQ(Allowed(limiter, "a", 5, kStart), 2);
}

TEST(RateLimiter, RefundOfUnknownClientIsIgnored) {
  RateLimiter limiter(1, 2);
  limiter.Refund("never-seen", kStart);
  EXPECT_EQ(limiter.tracked_clients(), 0u);
}

TEST(RateLimiter, RetryAfterRoundsUpToWholeSeconds) {
  RateLimiter limiter(/*per_second=*/1, /*burst=*/1);
  EXPECT_TRUE(limiter.Admit("a", kStart).allowed);
  EXPECT_EQ(limiter.Admit("a", kStart).retry_after, 1s);
  EXPECT_EQ(limiter.Admit("a", kStart + 400ms).retry_after, 1s);  // 0.6 s left
  EXPECT_TRUE(limiter.Admit("a", kStart + 1s).allowed);
}

TEST(RateLimiter, ZeroTurnsTheLimitOff) {
  RateLimiter limiter(0, 1);
  EXPECT_FALSE(limiter.enabled());
  EXPECT_EQ(Allowed(limiter, "a", 1000, kStart), 1000);
  EXPECT_EQ(limiter.tracked_clients(), 0u);
}

TEST(RateLimiter, ForgetsIdleClientsFirstWhenFull) {
  RateLimiter limiter(/*per_second=*/1, /*burst=*/2, /*max_clients=*/3);
  Allowed(limiter, "idle", 1, kStart);
  Allowed(limiter, "busy1", 2, kStart + 5s);
  Allowed(limiter, "busy2", 2, kStart + 5s);
  // At kStart + 5s "idle" has refilled (2 s would do): it goes, the busy ones stay.
  Allowed(limiter, "new", 1, kStart + 5s);
  EXPECT_EQ(limiter.tracked_clients(), 3u);
  EXPECT_FALSE(limiter.Admit("busy1", kStart + 5s).allowed);
  EXPECT_FALSE(limiter.Admit("busy2", kStart + 5s).allowed);
}

TEST(RateLimiter, DropsTheLeastRecentlySeenWhenAllAreBusy) {
  RateLimiter limiter(/*per_second=*/1, /*burst=*/1, /*max_clients=*/2);
  Allowed(limiter, "first", 1, kStart);
  Allowed(limiter, "second", 1, kStart + 100ms);
  Allowed(limiter, "third", 1, kStart + 200ms);
  EXPECT_EQ(limiter.tracked_clients(), 2u);
  // "first" was dropped, so it starts over with a full bucket.
  EXPECT_TRUE(limiter.Admit("first", kStart + 300ms).allowed);
  EXPECT_FALSE(limiter.Admit("third", kStart + 300ms).allowed);
}

TEST(RateLimiter, MemoryStaysBoundedUnderManyAddresses) {
  RateLimiter limiter(/*per_second=*/50, /*burst=*/100, /*max_clients=*/100);
  for (int i = 0; i < 10'000; ++i) limiter.Admit("client" + std::to_string(i), kStart);
  EXPECT_LE(limiter.tracked_clients(), 100u);
}

}  // namespace
}  // namespace ngodesk::server
