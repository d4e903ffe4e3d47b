#include "server/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace ngodesk::server {

RateLimiter::RateLimiter(unsigned per_second, unsigned burst, std::size_t max_clients)
    : per_second_(per_second),
      burst_(std::max(1u, burst)),
      max_clients_(std::max<std::size_t>(1, max_clients)) {}

RateLimiter::RateLimiter(PerHour rate, unsigned burst, std::size_t max_clients)
    : per_second_(rate.requests / 3600.0),
      burst_(std::max(1u, burst)),
      max_clients_(std::max<std::size_t>(1, max_clients)) {}

double RateLimiter::Refilled(const Bucket& bucket, Clock::time_point now) const {
  const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
  // A clock that went backwards (it should not) refills nothing.
  return std::min(burst_, bucket.tokens + std::max(0.0, elapsed) * per_second_);
}

void RateLimiter::MakeRoom(Clock::time_point now) {
  std::erase_if(buckets_, [&](const auto& entry) { return Refilled(entry.second, now) >= burst_; });
  if (buckets_.size() < max_clients_) return;
  const auto oldest = std::min_element(
      buckets_.begin(), buckets_.end(),
      [](const auto& a, const auto& b) { return a.second.updated < b.second.updated; });
  buckets_.erase(oldest);
}

RateDecision RateLimiter::Admit(std::string_view client, Clock::time_point now) {
  if (per_second_ <= 0) return {};
  const std::lock_guard<std::mutex> lock(mutex_);
  auto it = buckets_.find(client);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_clients_) MakeRoom(now);
    it = buckets_.emplace(std::string(client), Bucket{burst_, now}).first;
  }
  Bucket& bucket = it->second;
  bucket.tokens = Refilled(bucket, now);
  bucket.updated = now;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return {};
  }
  const double wait = (1 - bucket.tokens) / per_second_;
  return {false, std::chrono::seconds(std::max(1LL, static_cast<long long>(std::ceil(wait))))};
}

void RateLimiter::Refund(std::string_view client, Clock::time_point now) {
  if (per_second_ <= 0) return;
  const std::lock_guard<std::mutex> lock(mutex_);
  const auto it = buckets_.find(client);
  if (it == buckets_.end()) return;
  Bucket& bucket = it->second;
  bucket.tokens = std::min(burst_, Refilled(bucket, now) + 1);
  bucket.updated = now;
}

std::size_t RateLimiter::tracked_clients() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return buckets_.size();
}

}  // namespace ngodesk::server
