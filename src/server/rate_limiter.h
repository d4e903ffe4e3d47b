// A per-client request rate limit: a token bucket per client address, in
// memory. Each client may send `burst` requests at once and then
// `per_second` requests a second; a request beyond that gets 429 with a
// Retry-After. The clock is passed in, so tests need no sleeps.
//
// Memory is bounded: at most `max_clients` buckets are kept. A client idle
// long enough for its bucket to refill is indistinguishable from a new one,
// so such buckets are dropped first; when every bucket is still in use, the
// least recently seen client is dropped.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ngodesk::server {

struct RateDecision {
  bool allowed = true;
  // When not allowed: whole seconds until one more request would be, at least 1.
  std::chrono::seconds retry_after{0};
};

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // `per_second` 0 turns the limit off; `burst` below 1 counts as 1.
  RateLimiter(unsigned per_second, unsigned burst, std::size_t max_clients = 10'000);

  // A rate given per hour, for actions rarer than requests (reports).
  struct PerHour {
    unsigned requests = 0;  // 0 turns the limit off
  };
  RateLimiter(PerHour rate, unsigned burst, std::size_t max_clients = 10'000);

  // Counts one request of `client` (any stable key, e.g. the address bytes) at `now`.
  // Thread-safe.
  RateDecision Admit(std::string_view client, Clock::time_point now);

  // Gives back the token that an admitted request of `client` spent, up to
  // the burst, for a request that turned out not to count (a report that was
  // not stored). Does nothing when the client's bucket is no longer kept.
  // Thread-safe.
  void Refund(std::string_view client, Clock::time_point now);

  bool enabled() const { return per_second_ > 0; }
  double per_second() const { return per_second_; }

  // Buckets currently kept, for tests.
  std::size_t tracked_clients() const;

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point updated;
  };

  double Refilled(const Bucket& bucket, Clock::time_point now) const;
  void MakeRoom(Clock::time_point now);

  // Lets find() take a string_view, so a request allocates no key.
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
  };

  const double per_second_;
  const double burst_;
  const std::size_t max_clients_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Bucket, KeyHash, std::equal_to<>> buckets_;
};

}  // namespace ngodesk::server
