// The store routes of the corrections API, run on the store thread: one
// function per request, from an owned copy of the request to the response.
// Private to corrections.cc and its tests.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "ngodesk/moderation.h"
#include "ngodesk/server.h"
#include "ngodesk/store.h"
#include "server/editor_access.h"
#include "server/handlers.h"
#include "server/rate_limiter.h"
#include "server/request_target.h"
#include "server/router.h"

namespace ngodesk::server {

// A request copied out of the connection's buffers, so that it can wait in
// the store thread's queue.
struct StoreRequest {
  RouteId route = RouteId::kApiReports;
  std::string method;  // HEAD arrives as GET
  std::vector<std::string> params;
  RequestTarget target;
  std::string content_type;
  std::string session_id;  // from the session cookie; empty without one
  std::string origin;
  std::string host;
  std::string csrf_token;
  std::string client;
  std::string body;
  std::chrono::sys_seconds now{};
};

// The database and the limits that the store routes use. Everything but
// `store` and `moderation` is thread-safe.
struct StoreContext {
  Store& store;
  Moderation& moderation;
  SignInThrottle& sign_ins;
};

// The result of a store route: its response, and whether it changed offices
// or history, so that the snapshot must be rebuilt.
struct StoreOutcome {
  Response response;
  bool changed = false;
};

StoreOutcome HandleStoreRoute(StoreContext& context, const StoreRequest& request);

// The checks of POST /api/v1/reports that need no store: media type (415),
// size (413) and the per-client rate (429). Nullopt when the report may go on.
// A report let through has spent a token, which the caller refunds unless the
// report is stored.
std::optional<Response> CheckReportLimits(const Request& request, const ServerLimits& limits,
                                          RateLimiter& report_rate);

// The clock of the in-memory limits: the request's "now", so that tests with
// a fixed clock move it by hand.
inline RateLimiter::Clock::time_point LimitClock(std::chrono::sys_seconds now) {
  return RateLimiter::Clock::time_point(
      std::chrono::duration_cast<RateLimiter::Clock::duration>(now.time_since_epoch()));
}

}  // namespace ngodesk::server
