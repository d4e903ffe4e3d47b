// The route table of the HTTP server and the matching of a decoded request
// path against it. The table is the single list of what the server serves:
// the handlers dispatch on it and a test checks the OpenAPI document against
// it, so a route cannot be added without being documented.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "server/request_target.h"

namespace ngodesk::server {

enum class RouteId {
  kHomePage,     // GET /: the office list as HTML
  kOfficePage,   // GET /offices/{id}: one office card as HTML
  kAsset,        // GET /assets/{path}: a file embedded from web/
  kApiOffices,   // GET /api/v1/offices
  kApiOffice,    // GET /api/v1/offices/{id}
  kApiHours,     // GET /api/v1/offices/{id}/hours?at=
  kApiResolve,   // GET /api/v1/resolve?q=&procedure=
  kApiHealth,    // GET /api/v1/health
  kApiOpenApi,   // GET /api/v1/openapi.json
};

struct Route {
  RouteId id;
  // Path template in OpenAPI syntax: "{name}" matches one non-empty
  // segment; a final "{path}" of an asset route matches one or more.
  std::string_view pattern;
  bool api;  // under /api/v1: errors are JSON and the route is in the OpenAPI document
};

// Every route; each accepts GET and HEAD only.
std::span<const Route> Routes();

// The methods every route accepts, as sent in an Allow header.
inline constexpr std::string_view kAllowedMethods = "GET, HEAD";

struct RouteMatch {
  const Route* route = nullptr;
  std::vector<std::string> params;  // the decoded values of the template's {names}, in order
};

// The route whose template matches the decoded path, or nullopt.
std::optional<RouteMatch> MatchRoute(const RequestTarget& target);

// True for paths under /api/, whose errors are JSON even when no route matches.
bool IsApiPath(const RequestTarget& target);

}  // namespace ngodesk::server
