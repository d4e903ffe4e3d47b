#include "server/router.h"

#include <array>

namespace ngodesk::server {
namespace {

constexpr std::string_view kRead = "GET, HEAD";
constexpr std::string_view kPost = "POST";

// Routes that read the snapshot only are handled on the I/O threads, and the
// others go to the store thread.
constexpr std::array kRoutes = {
    Route{RouteId::kHomePage, "/", false, kRead, false},
    Route{RouteId::kOfficePage, "/offices/{id}", false, kRead, false},
    Route{RouteId::kAsset, "/assets/{path}", false, kRead, false},
    Route{RouteId::kFeed, "/feed.atom", false, kRead, false},
    Route{RouteId::kEditorPage, "/editor", false, kRead, false},
    Route{RouteId::kApiOffices, "/api/v1/offices", true, kRead, false},
    Route{RouteId::kApiOffice, "/api/v1/offices/{id}", true, kRead, false},
    Route{RouteId::kApiHours, "/api/v1/offices/{id}/hours", true, kRead, false},
    Route{RouteId::kApiHistory, "/api/v1/offices/{id}/history", true, kRead, false},
    Route{RouteId::kApiResolve, "/api/v1/resolve", true, kRead, false},
    Route{RouteId::kApiHealth, "/api/v1/health", true, kRead, false},
    Route{RouteId::kApiOpenApi, "/api/v1/openapi.json", true, kRead, false},
    // The store routes start with /api/v1/reports, /api/v1/session or
    // /api/v1/calls, the prefixes that Corrections::Handle looks for.
    Route{RouteId::kApiReports, "/api/v1/reports", true, "GET, HEAD, POST", true},
    Route{RouteId::kApiReport, "/api/v1/reports/{id}", true, kRead, true},
    Route{RouteId::kApiAccept, "/api/v1/reports/{id}/accept", true, kPost, true},
    Route{RouteId::kApiReject, "/api/v1/reports/{id}/reject", true, kPost, true},
    Route{RouteId::kApiSession, "/api/v1/session", true, "GET, HEAD, POST, DELETE", true},
    Route{RouteId::kApiCalls, "/api/v1/calls", true, kPost, true},
    Route{RouteId::kApiCallsDue, "/api/v1/calls/due", true, kRead, true},
};

std::vector<std::string_view> SplitPattern(std::string_view pattern) {
  std::vector<std::string_view> parts;
  std::size_t start = 1;
  while (start <= pattern.size()) {
    std::size_t slash = pattern.find('/', start);
    if (slash == std::string_view::npos) slash = pattern.size();
    parts.push_back(pattern.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

bool IsParameter(std::string_view part) {
  return part.size() > 2 && part.front() == '{' && part.back() == '}';
}

std::optional<RouteMatch> MatchOne(const Route& route, const std::vector<std::string>& segments) {
  const std::vector<std::string_view> parts = SplitPattern(route.pattern);
  const bool tail = route.id == RouteId::kAsset;  // the last parameter takes the rest of the path
  if (segments.size() < parts.size() || (!tail && segments.size() != parts.size())) {
    return std::nullopt;
  }

  RouteMatch match{&route, {}};
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (!IsParameter(parts[i])) {
      if (segments[i] != parts[i]) return std::nullopt;
      continue;
    }
    if (segments[i].empty()) return std::nullopt;
    match.params.push_back(segments[i]);
  }

  for (std::size_t i = parts.size(); i < segments.size(); ++i) {
    if (segments[i].empty()) return std::nullopt;
    match.params.back() += "/" + segments[i];
  }
  return match;
}

}  // namespace

bool Route::Allows(std::string_view method) const {
  std::string_view rest = methods;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(", ");
    if (rest.substr(0, comma) == method) return true;
    rest.remove_prefix(comma == std::string_view::npos ? rest.size() : comma + 2);
  }
  return false;
}

std::span<const Route> Routes() { return kRoutes; }

std::optional<RouteMatch> MatchRoute(const RequestTarget& target) {
  for (const Route& route : kRoutes) {
    if (std::optional<RouteMatch> match = MatchOne(route, target.segments)) return match;
  }
  return std::nullopt;
}

bool IsApiPath(const RequestTarget& target) {
  return !target.segments.empty() && target.segments.front() == "api";
}

}  // namespace ngodesk::server
