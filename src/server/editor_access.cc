#include "server/editor_access.h"

#include <algorithm>

namespace ngodesk::server {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<std::string_view> CookieValue(std::string_view cookie_header, std::string_view name) {
  while (!cookie_header.empty()) {
    const std::size_t semicolon = cookie_header.find(';');
    const std::string_view pair = Trim(cookie_header.substr(0, semicolon));
    cookie_header.remove_prefix(semicolon == std::string_view::npos ? cookie_header.size()
                                                                    : semicolon + 1);
    const std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos || Trim(pair.substr(0, equals)) != name) continue;

    std::string_view value = Trim(pair.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return value;
  }
  return std::nullopt;
}

std::string SessionCookieHeader(std::string_view session_id, std::chrono::seconds max_age) {
  return std::string(kSessionCookie) + "=" + std::string(session_id) +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age.count());
}

std::string ExpiredSessionCookieHeader() {
  return std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
}

bool OriginMatchesHost(std::string_view origin, std::string_view host) {
  if (origin.empty()) return true;
  const std::size_t scheme_end = origin.find("://");
  if (scheme_end == std::string_view::npos || host.empty()) return false;
  const std::string_view scheme = origin.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https") return false;
  return origin.substr(scheme_end + 3) == host;
}

bool TokensEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char difference = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    difference |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return difference == 0;
}

SignInThrottle::SignInThrottle(unsigned max_failures, std::chrono::seconds window,
                               std::size_t max_clients)
    : max_failures_(max_failures),
      window_(window),
      max_clients_(std::max<std::size_t>(1, max_clients)) {}

void SignInThrottle::Expire(std::deque<Clock::time_point>& failures, Clock::time_point now) const {
  while (!failures.empty() && now - failures.front() >= window_) failures.pop_front();
}

std::optional<std::chrono::seconds> SignInThrottle::Blocked(std::string_view client,
                                                            Clock::time_point now) {
  if (max_failures_ == 0) return std::nullopt;
  const std::lock_guard<std::mutex> lock(mutex_);
  const auto it = failures_.find(std::string(client));
  if (it == failures_.end()) return std::nullopt;

  Expire(it->second, now);
  if (it->second.empty()) {
    failures_.erase(it);  // keeps every kept list non-empty for RecordFailure's eviction
    return std::nullopt;
  }
  if (it->second.size() < max_failures_) return std::nullopt;
  const auto wait = std::chrono::ceil<std::chrono::seconds>(it->second.front() + window_ - now);
  return std::max(wait, std::chrono::seconds(1));
}

std::size_t SignInThrottle::RecordFailure(std::string_view client, Clock::time_point now) {
  const std::lock_guard<std::mutex> lock(mutex_);
  auto it = failures_.find(std::string(client));
  if (it == failures_.end()) {
    if (failures_.size() >= max_clients_) {
      const auto oldest = std::min_element(failures_.begin(), failures_.end(),
                                           [](const auto& a, const auto& b) {
                                             return a.second.back() < b.second.back();
                                           });
      failures_.erase(oldest);
    }
    it = failures_.emplace(std::string(client), std::deque<Clock::time_point>{}).first;
  }
  Expire(it->second, now);
  it->second.push_back(now);
  // Only the latest max_failures count for blocking, so older ones need not be kept.
  while (max_failures_ > 0 && it->second.size() > max_failures_) it->second.pop_front();
  return it->second.size();
}

}  // namespace ngodesk::server
