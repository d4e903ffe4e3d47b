#include "server/router.h"

#include <array>

namespace ngodesk::server {
namespace {

constexpr std::array kRoutes = {
    Route{RouteId::kHomePage, "/", false},
    Route{RouteId::kOfficePage, "/offices/{id}", false},
    Route{RouteId::kAsset, "/assets/{path}", false},
    Route{RouteId::kApiOffices, "/api/v1/offices", true},
    Route{RouteId::kApiOffice, "/api/v1/offices/{id}", true},
    Route{RouteId::kApiHours, "/api/v1/offices/{id}/hours", true},
    Route{RouteId::kApiResolve, "/api/v1/resolve", true},
    Route{RouteId::kApiHealth, "/api/v1/health", true},
    Route{RouteId::kApiOpenApi, "/api/v1/openapi.json", true},
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
