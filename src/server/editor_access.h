// The guards of editor actions: the session cookie, the CSRF token and the
// Origin check, and the throttle on failed sign-ins. Pure functions and one
// small in-memory class, so each rule is unit-tested without a store.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "ngodesk/moderation.h"

namespace ngodesk::server {

// The name of the cookie that carries the editor's session id.
inline constexpr std::string_view kSessionCookie = "ngodesk_session";

// The value of the cookie `name` in a Cookie request header
// ("a=1; ngodesk_session=ab12"), or nullopt. Quoted values lose their quotes.
std::optional<std::string_view> CookieValue(std::string_view cookie_header, std::string_view name);

// The Set-Cookie value that stores `session_id` for `max_age`: HttpOnly,
// SameSite=Strict, Path=/.
// NOTE: without Secure, because the server speaks plain HTTP; a TLS proxy in
// front of it must keep the cookie on HTTPS.
std::string SessionCookieHeader(std::string_view session_id, std::chrono::seconds max_age);

// The Set-Cookie value that makes the browser drop the session cookie.
std::string ExpiredSessionCookieHeader();

// True when an Origin header is absent, or names the same host and port as
// the Host header ("http://127.0.0.1:8080" and "127.0.0.1:8080"). The scheme
// is not compared, because the server does not know whether a proxy in front
// of it speaks TLS. "null" and malformed origins do not match.
bool OriginMatchesHost(std::string_view origin, std::string_view host);

// Compares two tokens in time that depends on their lengths only, so that
// response times do not reveal how much of a guessed token was right.
bool TokensEqual(std::string_view a, std::string_view b);

// Failed sign-ins per client: after `max_failures` within `window` a client
// is blocked until its oldest failure in the window is older than `window`.
// In memory, for at most `max_clients` clients; when full, the client whose
// latest failure is oldest is forgotten. Thread-safe.
class SignInThrottle {
 public:
  using Clock = std::chrono::steady_clock;

  // `max_failures` 0 turns the throttle off.
  SignInThrottle(unsigned max_failures, std::chrono::seconds window,
                 std::size_t max_clients = 10'000);

  // Nullopt when `client` may try to sign in at `now`, else the time until it may.
  std::optional<std::chrono::seconds> Blocked(std::string_view client, Clock::time_point now);

  // Counts a failed sign-in and returns the client's failures in the window.
  std::size_t RecordFailure(std::string_view client, Clock::time_point now);

  unsigned max_failures() const { return max_failures_; }
  std::chrono::seconds window() const { return window_; }

 private:
  void Expire(std::deque<Clock::time_point>& failures, Clock::time_point now) const;

  const unsigned max_failures_;
  const std::chrono::seconds window_;
  const std::size_t max_clients_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<Clock::time_point>> failures_;
};

}  // namespace ngodesk::server
