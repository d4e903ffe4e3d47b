#include "server/handlers.h"

#include <algorithm>
#include <charconv>

#include <nlohmann/json.hpp>

#include "ngodesk/calendar.h"
#include "ngodesk/resolver.h"

#include "server/gzip.h"
#include "server/html.h"
#include "server/moderation_json.h"
#include "server/request_target.h"
#include "server/router.h"

namespace ngodesk::server {
namespace {

// Responses no page may frame or extend with outside code. The HTML pages load
// scripts and styles from /assets/ only, so no inline script runs.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'";
constexpr std::string_view kJson = kJsonMediaType;
constexpr std::string_view kDataCacheControl = "public, max-age=300";
constexpr std::string_view kDocumentCacheControl = "public, max-age=3600";

std::string DumpJson(const nlohmann::json& json) {
  // Replacing invalid UTF-8 keeps an echoed request byte from throwing.
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// The entity tags listed in If-None-Match match when one of them, weak or
// strong, names the identity or the gzip form of `etag` (RFC 9110 section
// 13.1.2 uses the weak comparison).
bool IfNoneMatchMatches(std::string_view header, std::string_view etag) {
  if (header.empty() || etag.size() < 2) return false;
  const std::string_view opaque = etag.substr(1, etag.size() - 2);
  std::size_t start = 0;
  while (start < header.size()) {
    std::size_t comma = header.find(',', start);
    if (comma == std::string_view::npos) comma = header.size();
    std::string_view tag = header.substr(start, comma - start);
    start = comma + 1;

    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    if (tag == "*") return true;
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag.size() < 2 || tag.front() != '"' || tag.back() != '"') continue;
    tag = tag.substr(1, tag.size() - 2);
    if (tag.ends_with("-gz")) tag.remove_suffix(3);
    if (tag == opaque) return true;
  }
  return false;
}

void AddCommonHeaders(Response& response) {
  response.headers.emplace_back("Content-Security-Policy", std::string(kContentSecurityPolicy));
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
}

std::string QuotedGzipEtag(const Representation& representation) {
  std::string etag = representation.etag;
  etag.insert(etag.size() - 1, "-gz");
  return etag;
}

// The header lines of a 200 response from `representation`, in the format of
// Response::header_lines.
std::string RepresentationHeaderLines(const Representation& representation, bool gzip,
                                      std::string_view cache_control) {
  std::string lines;
  const auto add = [&lines](std::string_view name, std::string_view value) {
    lines.append(name).append(": ").append(value).append("\r\n");
  };
  add("Content-Type", representation.content_type);
  add("Cache-Control", cache_control);
  add("ETag", gzip ? QuotedGzipEtag(representation) : representation.etag);
  add("Vary", "Accept-Encoding");
  add("Content-Security-Policy", kContentSecurityPolicy);
  add("X-Content-Type-Options", "nosniff");
  add("Referrer-Policy", "no-referrer");
  if (gzip) add("Content-Encoding", "gzip");
  return lines;
}

// A 200 response (or 304 when the client has the same bytes) from a
// prepared representation, in gzip form when the client accepts it.
Response RepresentationResponse(const Request& request,
                                std::shared_ptr<const Representation> representation,
                                std::string_view cache_control) {
  Response response;
  // Asked only when the client accepts gzip, so no body is compressed for nothing.
  const bool gzip = AcceptsGzip(request.accept_encoding) && !representation->gzip_body().empty();

  if (IfNoneMatchMatches(request.if_none_match, representation->etag)) {
    response.status = 304;
    response.headers.emplace_back("Content-Type", representation->content_type);
    response.headers.emplace_back("Cache-Control", std::string(cache_control));
    response.headers.emplace_back("ETag",
                                  gzip ? QuotedGzipEtag(*representation) : representation->etag);
    response.headers.emplace_back("Vary", "Accept-Encoding");
    AddCommonHeaders(response);
    return response;
  }

  response.header_lines = representation->header_lines(gzip, cache_control, [&] {
    return RepresentationHeaderLines(*representation, gzip, cache_control);
  });
  if (response.header_lines.empty()) {
    // Served before with another Cache-Control: the lines are not cached.
    const std::string lines = RepresentationHeaderLines(*representation, gzip, cache_control);
    for (std::string_view rest = lines; !rest.empty();) {
      const std::string_view line = rest.substr(0, rest.find("\r\n"));
      rest.remove_prefix(line.size() + 2);
      const std::size_t colon = line.find(": ");
      response.headers.emplace_back(line.substr(0, colon), line.substr(colon + 2));
    }
  }
  response.body = gzip ? representation->gzip_body() : representation->body;
  response.representation = std::move(representation);
  return response;
}

Response WithRoute(Response response, const Route& route) {
  response.route = route.pattern;
  return response;
}

Response NotFound(const std::string& message, const std::string& message_zh) {
  return ErrorResponse(404, "not_found", message, message_zh);
}

Response HandleOffice(const Site& site, const Request& request, const std::string& id) {
  std::shared_ptr<const Representation> json = site.office_json(id);
  if (json == nullptr) {
    return NotFound("no office has the id '" + id + "'; GET /api/v1/offices lists the ids",
                    "没有编号为“" + id + "”的办公室；GET /api/v1/offices 列出所有编号");
  }
  return RepresentationResponse(request, std::move(json), kDataCacheControl);
}

Response HandleHours(const Site& site, const Request& request, const RequestTarget& target,
                     const std::string& id) {
  const PreparedHours* hours = site.hours(id);
  if (hours == nullptr) {
    return NotFound("no office has the id '" + id + "'; GET /api/v1/offices lists the ids",
                    "没有编号为“" + id + "”的办公室；GET /api/v1/offices 列出所有编号");
  }

  const std::optional<std::string_view> at = target.Param("at");
  std::chrono::sys_seconds instant = request.now;
  if (at.has_value()) {
    Result<std::chrono::sys_seconds> parsed = ParseInstant(*at);
    if (!parsed.ok()) {
      return ErrorResponse(400, "invalid_argument",
                           "invalid query parameter 'at': " + parsed.error().message,
                           "查询参数“at”无效：" + parsed.error().Text(true));
    }
    instant = *parsed;
  }
  if (!hours->parsed.has_value()) {
    return ErrorResponse(500, "internal",
                         "the stored opening_hours expression of '" + id +
                             "' does not parse: " + hours->parse_error,
                         "办公室“" + id + "”存储的 opening_hours 表达式无法解析");
  }

  const nlohmann::ordered_json json = HoursStatusJson(id, *hours, instant);
  // A response for an explicit instant can be cached; one for "now" cannot.
  return RepresentationResponse(
      request,
      MakeRepresentation(std::string(kJson),
                         json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
                             "\n",
                         AcceptsGzip(request.accept_encoding)),
      at.has_value() ? kDataCacheControl : "no-store");
}

Response HandleResolve(const Site& site, const Request& request, const RequestTarget& target) {
  const std::optional<std::string_view> query = target.Param("q");
  if (!query.has_value() || query->find_first_not_of(" \t") == std::string_view::npos) {
    return ErrorResponse(400, "invalid_argument",
                         "the query parameter 'q' is missing or empty: give a place or address, "
                         "e.g. q=苏州",
                         "缺少查询参数“q”或其为空：请给出地名或地址，例如 q=苏州");
  }
  const std::string_view procedure = target.Param("procedure").value_or("office");
  if (procedure != "office" && procedure != "activity") {
    return ErrorResponse(400, "invalid_argument",
                         "the query parameter 'procedure' is '" + std::string(procedure) +
                             "'; use 'office' or 'activity'",
                         "查询参数“procedure”为“" + std::string(procedure) +
                             "”；请使用“office”或“activity”");
  }

  std::string key = std::string(procedure) + '\n' + std::string(*query);
  if (auto cached = site.cached_resolution(key)) {
    return RepresentationResponse(request, std::move(cached), kDataCacheControl);
  }

  const Procedure kind = procedure == "activity" ? Procedure::kActivity : Procedure::kOffice;
  const Result<Resolution> resolution = Resolver::Bundled().Resolve(*query, kind);
  if (!resolution.ok()) {
    return ErrorResponse(400, "invalid_argument",
                         "invalid query parameter 'q': " + resolution.error().message,
                         "查询参数“q”无效：" + resolution.error().Text(true));
  }
  // A query that names no place is not an error. Its body has a null office
  // and an empty division.
  // The gzip form is made on first use, only if a client asks for it.
  std::shared_ptr<const Representation> representation =
      MakeRepresentation(std::string(kJson), ResolutionToJson(*query, kind, *resolution) + "\n");
  site.CacheResolution(std::move(key), representation);
  return RepresentationResponse(request, std::move(representation), kDataCacheControl);
}

Response HandleHealth(const Site& site) {
  nlohmann::json body = {{"status", "ok"}, {"offices", site.offices().size()}};
  Response response;
  response.representation = MakeRepresentation(std::string(kJson), DumpJson(body), false);
  response.body = response.representation->body;
  response.headers.emplace_back("Content-Type", std::string(kJson));
  response.headers.emplace_back("Cache-Control", "no-store");
  AddCommonHeaders(response);
  return response;
}

// The maximum number of changes one history request may ask for.
constexpr std::size_t kMaxHistoryLimit = 1000;

Response HandleHistory(const Site& site, const Request& request, const RequestTarget& target,
                       const std::string& id) {
  if (site.FindOffice(id) == nullptr) {
    return NotFound("no office has the id '" + id + "'; GET /api/v1/offices lists the ids",
                    "没有编号为“" + id + "”的办公室；GET /api/v1/offices 列出所有编号");
  }
  std::size_t limit = 100;
  if (const std::optional<std::string_view> text = target.Param("limit")) {
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), limit);
    if (error != std::errc() || end != text->data() + text->size() || limit < 1 ||
        limit > kMaxHistoryLimit) {
      return ErrorResponse(400, "invalid_argument",
                           "the query parameter 'limit' is '" + std::string(*text) +
                               "'; give a whole number from 1 to 1000",
                           "查询参数“limit”为“" + std::string(*text) + "”；请给出 1 到 1000 之间的整数");
    }
  }
  const std::vector<Change> changes = site.History(id, limit);
  return RepresentationResponse(
      request,
      MakeRepresentation(std::string(kJson), HistoryToJson(id, changes),
                         AcceptsGzip(request.accept_encoding)),
      "no-cache");
}

Response StoreUnavailable() {
  return ErrorResponse(503, "store_unavailable",
                       "this server runs without a database, so it takes no reports and has no "
                       "editor actions; start it with --db",
                       "此服务器未使用数据库，因此不接受报告，也没有编辑操作；请用 --db 启动");
}

Response HandleEditorPage(const Request& request, const RequestTarget& target) {
  Response response;
  response.representation = MakeRepresentation(
      "text/html; charset=utf-8",
      RenderEditorPage(ChooseLanguage(target, request.accept_language)), false);
  response.body = response.representation->body;
  response.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
  response.headers.emplace_back("Cache-Control", "no-store");
  AddCommonHeaders(response);
  return response;
}

Response Dispatch(const Site& site, const Request& request, const RequestTarget& target,
                  const RouteMatch& match) {
  const std::vector<std::string>& params = match.params;
  switch (match.route->id) {
    case RouteId::kApiOffices:
      return RepresentationResponse(request, site.office_list(), kDataCacheControl);
    case RouteId::kApiOffice:
      return HandleOffice(site, request, params[0]);
    case RouteId::kApiHours:
      return HandleHours(site, request, target, params[0]);
    case RouteId::kApiResolve:
      return HandleResolve(site, request, target);
    case RouteId::kApiHealth:
      return HandleHealth(site);
    case RouteId::kApiOpenApi:
      return RepresentationResponse(request, site.openapi(), kDocumentCacheControl);
    case RouteId::kAsset: {
      std::shared_ptr<const Representation> asset = site.asset(params[0]);
      if (asset == nullptr) {
        return NotFound("no embedded file is named '" + params[0] + "'",
                        "没有名为“" + params[0] + "”的内嵌文件");
      }
      return RepresentationResponse(request, std::move(asset), kDocumentCacheControl);
    }
    case RouteId::kHomePage:
    case RouteId::kOfficePage:
      return HandlePage(site, request, target, match);
    case RouteId::kApiHistory:
      return HandleHistory(site, request, target, params[0]);
    case RouteId::kFeed:
      // Subscribers poll the feed, so caches revalidate each time with the ETag.
      return RepresentationResponse(request, site.feed(), "no-cache");
    case RouteId::kEditorPage:
      return HandleEditorPage(request, target);
    case RouteId::kApiReports:
    case RouteId::kApiReport:
    case RouteId::kApiAccept:
    case RouteId::kApiReject:
    case RouteId::kApiSession:
    case RouteId::kApiCalls:
    case RouteId::kApiCallsDue:
      return StoreUnavailable();
  }
  return ErrorResponse(500, "internal", "no handler for the route", "该路由没有处理程序");
}

}  // namespace

std::string_view Response::Header(std::string_view name) const {
  for (std::string_view rest = header_lines; !rest.empty();) {
    const std::size_t end = rest.find("\r\n");
    const std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 2);
    if (line.size() > name.size() + 1 && line.starts_with(name) && line[name.size()] == ':') {
      return line.substr(std::min(line.size(), name.size() + 2));
    }
  }
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return {};
}

Response MethodNotAllowed(std::string_view method, std::string_view allow) {
  Response response = ErrorResponse(
      405, "method_not_allowed",
      "the method " + std::string(method) + " is not allowed here; use " + std::string(allow),
      "此处不允许 " + std::string(method) + " 方法；请使用 " + std::string(allow));
  response.headers.emplace_back("Allow", std::string(allow));
  return response;
}

Response JsonResponse(unsigned status, std::string body) {
  Response response;
  response.status = status;
  response.representation = MakeRepresentation(std::string(kJson), std::move(body), false);
  response.body = response.representation->body;
  response.headers.emplace_back("Content-Type", std::string(kJson));
  response.headers.emplace_back("Cache-Control", "no-store");
  AddCommonHeaders(response);
  return response;
}

Response TooManyRequestsResponse(std::chrono::seconds retry_after) {
  const std::string seconds = std::to_string(std::max<long long>(1, retry_after.count()));
  Response response = ErrorResponse(
      429, "too_many_requests",
      "too many requests from this address; try again in " + seconds + " s",
      "来自此地址的请求过多，请在 " + seconds + " 秒后重试");
  response.headers.emplace_back("Retry-After", seconds);
  return response;
}

Response ErrorResponse(unsigned status, std::string_view code, std::string_view message,
                       std::string_view message_zh) {
  nlohmann::json body = {
      {"error", {{"code", code}, {"message", message}, {"message_zh", message_zh}}}};
  Response response;
  response.status = status;
  response.representation = MakeRepresentation(std::string(kJson), DumpJson(body), false);
  response.body = response.representation->body;
  response.headers.emplace_back("Content-Type", std::string(kJson));
  response.headers.emplace_back("Cache-Control", "no-store");
  AddCommonHeaders(response);
  return response;
}

Response HandleRequest(const Site& site, const Request& request) {
  Result<RequestTarget> target = ParseRequestTarget(request.target);
  if (!target.ok()) {
    // A browser user who follows a bad link to a page gets an HTML page; API
    // clients keep the JSON error.
    if (!std::string_view(request.target).starts_with("/api/")) return BadRequestPage(request, target.error());
    return ErrorResponse(400, "bad_request", target.error().message, target.error().message_zh);
  }

  const std::optional<RouteMatch> match = MatchRoute(*target);
  if (!match.has_value()) {
    if (!IsApiPath(*target)) return NotFoundPage(request);
    return NotFound("no API resource has this path; GET /api/v1/openapi.json lists them",
                    "此路径下没有 API 资源；GET /api/v1/openapi.json 列出所有资源");
  }

  const bool head_of_get = request.method == "HEAD" && match->route->Allows("GET");
  if (!head_of_get && !match->route->Allows(request.method)) {
    return WithRoute(MethodNotAllowed(request.method, match->route->methods), *match->route);
  }
  return WithRoute(Dispatch(site, request, *target, *match), *match->route);
}

}  // namespace ngodesk::server
