// Request handling without sockets: from the method, target and the few
// request headers that matter to the complete response (status, headers,
// body). The connection code in http_server.cc only moves bytes, so every
// response the server can give is reachable from unit tests and the fuzz
// target through HandleRequest.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "server/site.h"

namespace ngodesk::server {

// A request as the handlers see it: views into the connection's parser,
// valid until the response is written.
struct Request {
  std::string_view method;  // as sent, e.g. "GET"
  std::string_view target;  // origin form, e.g. "/api/v1/resolve?q=%E8%8B%8F%E5%B7%9E"
  std::string_view if_none_match;
  std::string_view accept_encoding;
  std::string_view accept_language;
  // The server's clock: "now" for hours without ?at=, for session expiry and
  // for the times stored with reports, changes and calls.
  std::chrono::sys_seconds now{};
  std::string_view content_type{};
  std::string_view cookie{};
  std::string_view origin{};
  std::string_view host{};
  std::string_view csrf_token{};  // the X-CSRF-Token header
  // A stable key of the client for the per-client limits (the peer address
  // bytes); never logged.
  std::string_view client{};
  std::string_view body{};
};

// A response ready to send. `body` and `header_lines` point into
// `representation` (or are empty), so the response keeps them alive.
struct Response {
  unsigned status = 200;
  // Prepared header lines ("Name: value\r\n" each) that go before `headers`;
  // see Representation::header_lines.
  std::string_view header_lines;
  std::vector<std::pair<std::string, std::string>> headers;  // Content-Type, ETag, Allow, ...
  std::shared_ptr<const Representation> representation;
  std::string_view body;
  // The matched route template (from the static route table), or empty.
  std::string_view route;

  // The value of the first header named `name` (exact case) in
  // `header_lines` or `headers`, or empty.
  std::string_view Header(std::string_view name) const;
};

// Handles one request with the site's data. A route that needs the store
// (Route::uses_store) gets 503 here: the server sends those to
// Corrections::Handle instead.
Response HandleRequest(const Site& site, const Request& request);

// The 405 response for a route that does not accept the request's method,
// with the route's Allow header.
Response MethodNotAllowed(std::string_view method, std::string_view allow);

// The JSON media type of API responses.
inline constexpr std::string_view kJsonMediaType = "application/json; charset=utf-8";

// A response with a JSON body that is not cached (API responses to editors
// and to POST requests).
Response JsonResponse(unsigned status, std::string body);

// The JSON error response {"error": {"code", "message", "message_zh"}} that
// the connection code also uses for limits (408, 413, 414, 431, 503).
Response ErrorResponse(unsigned status, std::string_view code, std::string_view message,
                       std::string_view message_zh);

// The 429 error response for a client over its request rate, with a
// Retry-After of `retry_after` (whole seconds, at least 1).
Response TooManyRequestsResponse(std::chrono::seconds retry_after);

}  // namespace ngodesk::server
