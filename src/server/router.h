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
  kApiHistory,   // GET /api/v1/offices/{id}/history?limit=
  kApiReports,   // POST /api/v1/reports (anyone); GET /api/v1/reports?status= (editors)
  kApiReport,    // GET /api/v1/reports/{id} (editors)
  kApiAccept,    // POST /api/v1/reports/{id}/accept (editors)
  kApiReject,    // POST /api/v1/reports/{id}/reject (editors)
  kApiSession,   // POST, GET, DELETE /api/v1/session: editor sign-in
  kApiCalls,     // POST /api/v1/calls (editors)
  kApiCallsDue,  // GET /api/v1/calls/due?older_than_days= (editors)
  kFeed,         // GET /feed.atom: the Atom feed of accepted changes
  kEditorPage,   // GET /editor: the editor page
};

struct Route {
  RouteId id;
  // Path template in OpenAPI syntax: "{name}" matches one non-empty
  // segment; a final "{path}" of an asset route matches one or more.
  std::string_view pattern;
  bool api;  // under /api/v1: errors are JSON and the route is in the OpenAPI document
  // The methods the route accepts, as sent in the Allow header of a 405.
  // HEAD comes with every GET.
  std::string_view methods;
  // True when the route reads or writes the store, so that its requests go
  // to the store thread (see corrections.h) instead of the snapshot.
  bool uses_store;

  // True when `method` is one of `methods`.
  bool Allows(std::string_view method) const;
};

// Every route.
std::span<const Route> Routes();

struct RouteMatch {
  const Route* route = nullptr;
  std::vector<std::string> params;  // the decoded values of the template's {names}, in order
};

// The route whose template matches the decoded path, or nullopt.
std::optional<RouteMatch> MatchRoute(const RequestTarget& target);

// True for paths under /api/, whose errors are JSON even when no route matches.
bool IsApiPath(const RequestTarget& target);

}  // namespace ngodesk::server
