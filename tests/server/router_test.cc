#include "server/router.h"

#include <map>
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
      {"/api/v1/offices/jiangsu/history?limit=5", RouteId::kApiHistory, {"jiangsu"}},
      {"/api/v1/reports", RouteId::kApiReports, {}},
      {"/api/v1/reports/17", RouteId::kApiReport, {"17"}},
      {"/api/v1/reports/17/accept", RouteId::kApiAccept, {"17"}},
      {"/api/v1/reports/17/reject", RouteId::kApiReject, {"17"}},
      {"/api/v1/session", RouteId::kApiSession, {}},
      {"/api/v1/calls", RouteId::kApiCalls, {}},
      {"/api/v1/calls/due?older_than_days=30", RouteId::kApiCallsDue, {}},
      {"/feed.atom", RouteId::kFeed, {}},
      {"/editor", RouteId::kEditorPage, {}},
      {"/api/v1/reports/17/delete", std::nullopt, {}},
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

// The methods of an Allow value as OpenAPI operation names, HEAD left out
// because it comes with every GET.
std::set<std::string> Operations(std::string_view allow) {
  std::set<std::string> operations;
  for (const std::string_view method : {"GET", "POST", "DELETE"}) {
    if (allow.find(method) == std::string_view::npos) continue;
    std::string name(method);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    operations.insert(name);
  }
  return operations;
}

// The OpenAPI document lists exactly the API routes of the table, each with
// the methods of the route (HEAD is implied and stated in the description),
// and every operation documents 429.
TEST(Router, OpenApiDocumentListsEveryApiRoute) {
  const nlohmann::json document = nlohmann::json::parse(EmbeddedOpenApiDocument());
  ASSERT_EQ(document.at("servers").at(0).at("url"), "/api/v1");

  std::map<std::string, std::set<std::string>> documented;
  for (const auto& [path, operations] : document.at("paths").items()) {
    for (const auto& [name, operation] : operations.items()) {
      if (name == "parameters") continue;
      documented["/api/v1" + path].insert(name);
      EXPECT_TRUE(operation.at("responses").contains("429")) << name << " " << path;
    }
  }
  std::map<std::string, std::set<std::string>> routed;
  for (const Route& route : Routes()) {
    if (route.api) routed[std::string(route.pattern)] = Operations(route.methods);
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
