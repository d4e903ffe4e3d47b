#include "server/router.h"

#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "server/site.h"

namespace ngodesk::server {
namespace {

std::optional<RouteMatch> Match(std::string_view path) {
  Result<RequestTarget> target = ParseRequestTarget(path);
  EXPECT_TRUE(target.ok()) << path;
  return target.ok() ? MatchRoute(*target) : std::nullopt;
}

struct RouteCase {
  std::string_view path;
  std::optional<RouteId> route;
  std::vector<std::string> params;
};

TEST(Router, MatchesTable) {
  const RouteCase cases[] = {
      {"/", RouteId::kHomePage, {}},
      {"/offices/jiangsu", RouteId::kOfficePage, {"jiangsu"}},
      {"/assets/app.js", RouteId::kAsset, {"app.js"}},
      {"/assets/i18n/zh.json", RouteId::kAsset, {"i18n/zh.json"}},
      {"/api/v1/offices", RouteId::kApiOffices, {}},
      {"/api/v1/offices/inner-mongolia", RouteId::kApiOffice, {"inner-mongolia"}},
      {"/api/v1/offices/jiangsu/hours?at=2024-10-08T09:00:00%2B08:00", RouteId::kApiHours, {"jiangsu"}},
      {"/api/v1/resolve?q=x", RouteId::kApiResolve, {}},
      {"/api/v1/health", RouteId::kApiHealth, {}},
      {"/api/v1/openapi.json", RouteId::kApiOpenApi, {}},
      {"/api/v1/offices/", std::nullopt, {}},
      {"/api/v1/offices//hours", std::nullopt, {}},
      {"/api/v2/offices", std::nullopt, {}},
      {"/offices", std::nullopt, {}},
      {"/assets/", std::nullopt, {}},
      {"/assets/a//b", std::nullopt, {}},
      {"/api/v1/health/extra", std::nullopt, {}},
  };
  for (const RouteCase& c : cases) {
    const std::optional<RouteMatch> match = Match(c.path);
    ASSERT_EQ(match.has_value(), c.route.has_value()) << c.path;
    if (!match.has_value()) continue;
    EXPECT_EQ(match->route->id, *c.route) << c.path;
    EXPECT_EQ(match->params, c.params) << c.path;
  }
}

// The OpenAPI document lists exactly the API routes of the table, each with
// GET (HEAD is implied and stated in the description).
TEST(Router, OpenApiDocumentListsEveryApiRoute) {
  const nlohmann::json document = nlohmann::json::parse(EmbeddedOpenApiDocument());
  ASSERT_EQ(document.at("servers").at(0).at("url"), "/api/v1");

  std::set<std::string> documented;
  for (const auto& [path, operations] : document.at("paths").items()) {
    documented.insert("/api/v1" + path);
    EXPECT_TRUE(operations.contains("get")) << path;
    EXPECT_EQ(operations.size(), 1u) << path << " documents a method other than GET";
  }
  std::set<std::string> routed;
  for (const Route& route : Routes()) {
    if (route.api) routed.insert(std::string(route.pattern));
  }
  EXPECT_EQ(documented, routed);
}

TEST(Router, ApiRoutesAreUnderApiV1) {
  for (const Route& route : Routes()) {
    EXPECT_EQ(route.api, route.pattern.starts_with("/api/v1/")) << route.pattern;
  }
}

}  // namespace
}  // namespace ngodesk::server
