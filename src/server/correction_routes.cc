#include "server/correction_routes.h"

#include <charconv>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "ngodesk/calendar.h"
#include "server/moderation_json.h"

namespace ngodesk::server {
namespace {

using Json = nlohmann::ordered_json;

bool IsJsonMediaType(std::string_view content_type) {
  const std::string_view type = content_type.substr(0, content_type.find(';'));
  std::string lower;
  for (const char c : type) {
    if (c != ' ' && c != '\t') lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return lower == "application/json";
}

Response UnsupportedMediaType(std::string_view content_type) {
  return ErrorResponse(415, "unsupported_media_type",
                       "the request body must be JSON with Content-Type: application/json, not '" +
                           std::string(content_type) + "'",
                       "请求体必须是 JSON，并带有 Content-Type: application/json，而不是“" +
                           std::string(content_type) + "”");
}

Response StoreFailed(const Error& error) {
  spdlog::error("store request failed: {}", error.message);
  return ErrorResponse(500, "store_failed", "the database failed: " + error.message,
                       "数据库出错：" + error.Text(true));
}

Response NotSignedIn() {
  return ErrorResponse(401, "not_signed_in",
                       "this action needs an editor session; sign in with POST /api/v1/session",
                       "此操作需要编辑登录；请用 POST /api/v1/session 登录");
}

// `failed_check` and `failed_check_zh` name the failed check in English and Chinese.
Response CsrfFailed(std::string_view failed_check, std::string_view failed_check_zh) {
  return ErrorResponse(403, "csrf_failed",
                       "the request was rejected: " + std::string(failed_check) +
                           "; send the csrf_token of your session in the X-CSRF-Token header "
                           "from a page of this site",
                       "请求被拒绝：" + std::string(failed_check_zh) +
                           "；请从本站页面发送请求，并在 X-CSRF-Token 头中带上会话的 csrf_token");
}

Response ForeignOrigin(std::string_view origin) {
  const std::string value(origin);
  return CsrfFailed("the Origin '" + value + "' is not this site",
                    "Origin “" + value + "”不是本站");
}

// Parses a JSON object body, or returns the 400 response that names where
// the syntax error is.
std::variant<Json, Response> ParseObjectBody(std::string_view body) {
  Json json = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    return ErrorResponse(400, "invalid_json",
                         "the request body is not valid JSON; send one JSON object",
                         "请求体不是有效的 JSON；请发送一个 JSON 对象");
  }
  if (!json.is_object()) {
    return ErrorResponse(400, "invalid_json", "the request body must be a JSON object",
                         "请求体必须是 JSON 对象");
  }
  return json;
}

// The string member `name` of `json`: nullopt when absent, or a 400 response
// when it is not a string.
std::variant<std::optional<std::string>, Response> StringMember(const Json& json,
                                                               std::string_view name) {
  const auto it = json.find(name);
  if (it == json.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) {
    return ErrorResponse(400, "invalid_request",
                         "the member '" + std::string(name) + "' must be a string, not " +
                             it->dump(-1, ' ', false, Json::error_handler_t::replace),
                         "成员“" + std::string(name) + "”必须是字符串");
  }
  return std::optional<std::string>(it->get<std::string>());
}

std::optional<std::int64_t> ParseId(std::string_view text) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

Response UnknownReport(std::string_view id) {
  return ErrorResponse(404, "unknown_report",
                       "no report has the id '" + std::string(id) +
                           "'; GET /api/v1/reports?status=all lists them",
                       "没有编号为“" + std::string(id) + "”的报告；GET /api/v1/reports?status=all 列出所有报告");
}

Response ReportClosed(const Report& report) {
  const std::string id = std::to_string(report.id);
  const std::string status(ReportStatusName(report.status));
  return ErrorResponse(409, "report_closed",
                       "report " + id + " is already " + status + " and cannot be reviewed again",
                       "报告 " + id + " 已处理（" + status + "），不能再次审核");
}

// The editor's live session, or the 401 response.
std::variant<Session, Response> FindEditor(StoreContext& context, const StoreRequest& request) {
  if (request.session_id.empty()) return NotSignedIn();
  Result<std::optional<Session>> session =
      context.moderation.FindSession(request.session_id, request.now);
  if (!session.ok()) return StoreFailed(session.error());
  if (!session->has_value()) return NotSignedIn();
  return **session;
}

// The CSRF rules of every editor action other than a GET: the session's
// token in X-CSRF-Token, and an Origin, when sent, of this host.
std::optional<Response> CheckCsrf(const Session& session, const StoreRequest& request) {
  if (request.csrf_token.empty()) {
    return CsrfFailed("the X-CSRF-Token header is missing", "缺少 X-CSRF-Token 头");
  }
  if (!TokensEqual(request.csrf_token, session.csrf_token)) {
    return CsrfFailed("the X-CSRF-Token header does not match the session",
                      "X-CSRF-Token 头与会话不符");
  }
  if (!OriginMatchesHost(request.origin, request.host)) return ForeignOrigin(request.origin);
  return std::nullopt;
}

// The editor of a request that passed the session and, unless it is a GET,
// the CSRF checks; else the 401 or 403 response.
std::variant<Session, Response> AuthorizeEditor(StoreContext& context,
                                                const StoreRequest& request) {
  std::variant<Session, Response> editor = FindEditor(context, request);
  if (std::holds_alternative<Response>(editor) || request.method == "GET") return editor;
  if (std::optional<Response> refused = CheckCsrf(std::get<Session>(editor), request)) {
    return *std::move(refused);
  }
  return editor;
}

// POST /api/v1/reports -------------------------------------------------------

StoreOutcome SubmitReport(StoreContext& context, const StoreRequest& request) {
  Result<NewReport> report = ParseReportJson(request.body);
  if (!report.ok()) {
    return {ErrorResponse(400, "invalid_report", report.error().message,
                          report.error().Text(true))};
  }
  Result<std::int64_t> id = context.moderation.SubmitReport(*report, request.now);
  if (!id.ok()) {
    const Error& error = id.error();
    if (error.code == ErrorCode::kNotFound) {
      return {ErrorResponse(404, "unknown_office", error.message, error.Text(true))};
    }
    if (error.code == ErrorCode::kInvalidArgument || error.code == ErrorCode::kParse) {
      return {ErrorResponse(400, "invalid_report", error.message, error.Text(true))};
    }
    return {StoreFailed(error)};
  }

  spdlog::info("stored report {} on office {} ({})", *id, report->office_id,
               ReportFieldName(report->field));
  Response response =
      JsonResponse(201, DumpBody(Json{{"id", *id}, {"status", ReportStatusName(ReportStatus::kOpen)}}));
  response.headers.emplace_back("Location", "/api/v1/reports/" + std::to_string(*id));
  return {std::move(response)};
}

// GET /api/v1/reports, GET /api/v1/reports/{id} ------------------------------

StoreOutcome ListReports(StoreContext& context, const StoreRequest& request) {
  const std::string_view status_name = request.target.Param("status").value_or("open");
  std::optional<ReportStatus> status;
  if (status_name != "all") {
    status = ParseReportStatus(status_name);
    if (!status) {
      return {ErrorResponse(400, "invalid_argument",
                            "the query parameter 'status' is '" + std::string(status_name) +
                                "'; use open, accepted, rejected or all",
                            "查询参数“status”为“" + std::string(status_name) +
                                "”；请使用 open、accepted、rejected 或 all")};
    }
  }
  Result<std::vector<Report>> reports = context.moderation.ListReports(status);
  if (!reports.ok()) return {StoreFailed(reports.error())};

  Json list = Json::array();
  for (const Report& report : *reports) list.push_back(ReportToJson(report));
  return {JsonResponse(200, DumpBody(Json{{"reports", std::move(list)}}))};
}

StoreOutcome ShowReport(StoreContext& context, const StoreRequest& request) {
  const std::optional<std::int64_t> id = ParseId(request.params[0]);
  if (!id) return {UnknownReport(request.params[0])};
  Result<Report> report = context.moderation.FindReport(*id);
  if (!report.ok()) {
    if (report.error().code == ErrorCode::kNotFound) return {UnknownReport(request.params[0])};
    return {StoreFailed(report.error())};
  }
  return {JsonResponse(200, DumpBody(Json{{"report", ReportToJson(*report)}}))};
}

// POST /api/v1/reports/{id}/accept and /reject --------------------------------

// The open report named by the path, or the 404 or 409 response.
std::variant<Report, Response> OpenReport(StoreContext& context, const StoreRequest& request) {
  const std::optional<std::int64_t> id = ParseId(request.params[0]);
  if (!id) return UnknownReport(request.params[0]);
  Result<Report> report = context.moderation.FindReport(*id);
  if (!report.ok()) {
    if (report.error().code == ErrorCode::kNotFound) return UnknownReport(request.params[0]);
    return StoreFailed(report.error());
  }
  if (report->status != ReportStatus::kOpen) return ReportClosed(*report);
  return *std::move(report);
}

// The 409 of a report that no longer fits the office. The library's message
// advises the reader who writes a report, so the editor gets this one instead.
Response ValueChanged(const Report& report) {
  const std::string id = std::to_string(report.id);
  const NewReport& content = report.content;
  const std::string field(ReportFieldName(content.field));
  if (content.current.empty()) {
    return ErrorResponse(
        409, "value_changed",
        "report " + id + " cannot be applied: another change already added \"" +
            content.proposed + "\" to the " + field + " of " + content.office_id +
            "; reject the report as out of date",
        "报告 " + id + " 无法采纳：另一项更改已将 \"" + content.proposed + "\" 加入 " +
            content.office_id + " 的 " + field + "；请以内容过时为由拒绝该报告");
  }
  return ErrorResponse(
      409, "value_changed",
      "report " + id + " cannot be applied: another change already replaced \"" +
          content.current + "\" in the " + field + " of " + content.office_id +
          "; reject the report as out of date",
      "报告 " + id + " 无法采纳：另一项更改已替换了 " + content.office_id + " 的 " + field +
          " 中的 \"" + content.current + "\"；请以内容过时为由拒绝该报告");
}

StoreOutcome AcceptReport(StoreContext& context, const StoreRequest& request,
                          const Session& editor) {
  std::variant<Report, Response> report = OpenReport(context, request);
  if (auto* refused = std::get_if<Response>(&report)) return {std::move(*refused)};
  const std::int64_t id = std::get<Report>(report).id;

  Result<Change> change = context.moderation.Accept(id, editor.editor, request.now);
  if (!change.ok()) {
    const Error& error = change.error();
    if (error.code == ErrorCode::kInvalidArgument) {
      spdlog::info("report {} no longer fits office {}: {}", id,
                   std::get<Report>(report).content.office_id, error.message);
      return {ValueChanged(std::get<Report>(report))};
    }
    if (error.code == ErrorCode::kNotFound) return {UnknownReport(request.params[0])};
    return {StoreFailed(error)};
  }
  spdlog::info("editor {} accepted report {} as change {} of office {} ({})", editor.editor, id,
               change->id, change->office_id, ReportFieldName(change->field));
  return {JsonResponse(200, DumpBody(Json{{"change", ChangeToJson(*change)}})), true};
}

StoreOutcome RejectReport(StoreContext& context, const StoreRequest& request,
                          const Session& editor) {
  if (!IsJsonMediaType(request.content_type)) return {UnsupportedMediaType(request.content_type)};
  std::variant<Json, Response> body = ParseObjectBody(request.body);
  if (auto* refused = std::get_if<Response>(&body)) return {std::move(*refused)};
  std::variant<std::optional<std::string>, Response> reason =
      StringMember(std::get<Json>(body), "reason");
  if (auto* refused = std::get_if<Response>(&reason)) return {std::move(*refused)};
  const std::optional<std::string>& text = std::get<std::optional<std::string>>(reason);
  if (!text || text->find_first_not_of(" \t\r\n") == std::string::npos) {
    return {ErrorResponse(400, "missing_reason",
                          "a rejection needs a reason: send {\"reason\": \"...\"}",
                          "拒绝报告需要理由：请发送 {\"reason\": \"...\"}")};
  }

  std::variant<Report, Response> report = OpenReport(context, request);
  if (auto* refused = std::get_if<Response>(&report)) return {std::move(*refused)};
  const std::int64_t id = std::get<Report>(report).id;

  const Status rejected = context.moderation.Reject(id, editor.editor, *text, request.now);
  if (!rejected.ok()) {
    const Error& error = rejected.error();
    if (error.code == ErrorCode::kInvalidArgument) {
      return {ErrorResponse(400, "invalid_reason", error.message, error.Text(true))};
    }
    return {StoreFailed(error)};
  }
  spdlog::info("editor {} rejected report {}", editor.editor, id);
  return {JsonResponse(200, DumpBody(Json{{"id", id},
                                          {"status", ReportStatusName(ReportStatus::kRejected)}}))};
}

// /api/v1/session ------------------------------------------------------------

Response SessionResponse(unsigned status, const Session& session, std::chrono::sys_seconds now) {
  Response response = JsonResponse(status, DumpBody(SessionToJson(session)));
  std::chrono::seconds max_age = kSessionLifetime;
  if (Result<std::chrono::sys_seconds> expires = ParseInstant(session.expires_at); expires.ok()) {
    max_age = std::max(std::chrono::seconds(0), *expires - now);
  }
  response.headers.emplace_back("Set-Cookie", SessionCookieHeader(session.id, max_age));
  return response;
}

StoreOutcome SignIn(StoreContext& context, const StoreRequest& request) {
  if (!OriginMatchesHost(request.origin, request.host)) return {ForeignOrigin(request.origin)};
  const auto limit_now = LimitClock(request.now);
  if (const auto wait = context.sign_ins.Blocked(request.client, limit_now)) {
    const std::string seconds = std::to_string(wait->count());
    Response response = ErrorResponse(
        429, "too_many_sign_ins",
        "too many failed sign-ins from this address; try again in " + seconds + " s",
        "此地址登录失败次数过多，请在 " + seconds + " 秒后重试");
    response.headers.emplace_back("Retry-After", seconds);
    return {std::move(response)};
  }
  if (!IsJsonMediaType(request.content_type)) return {UnsupportedMediaType(request.content_type)};
  std::variant<Json, Response> body = ParseObjectBody(request.body);
  if (auto* refused = std::get_if<Response>(&body)) return {std::move(*refused)};
  std::variant<std::optional<std::string>, Response> token =
      StringMember(std::get<Json>(body), "token");
  if (auto* refused = std::get_if<Response>(&token)) return {std::move(*refused)};

  const std::string secret = std::get<std::optional<std::string>>(token).value_or("");
  Result<Session> session = context.moderation.SignIn(secret, request.now);
  if (!session.ok() && session.error().code != ErrorCode::kNotFound &&
      session.error().code != ErrorCode::kInvalidArgument) {
    return {StoreFailed(session.error())};
  }
  if (!session.ok()) {
    // The token and the address stay out of the log, because either could
    // identify or help an attacker.
    const std::size_t failures = context.sign_ins.RecordFailure(request.client, limit_now);
    spdlog::warn("failed editor sign-in: unknown token ({} failures from this client in {} min)",
                 failures, std::chrono::duration_cast<std::chrono::minutes>(
                               context.sign_ins.window()).count());
    return {ErrorResponse(401, "invalid_token",
                          "no editor has this token; ask an administrator for `ngodesk editor add`",
                          "没有编辑使用此令牌；请联系管理员运行 `ngodesk editor add`")};
  }
  spdlog::info("editor {} signed in", session->editor);
  return {SessionResponse(201, *session, request.now)};
}

StoreOutcome SignOut(StoreContext& context, const Session& editor) {
  const Status ended = context.moderation.SignOut(editor.id);
  if (!ended.ok()) return {StoreFailed(ended.error())};
  spdlog::info("editor {} signed out", editor.editor);
  Response response;
  response.status = 204;
  response.headers.emplace_back("Cache-Control", "no-store");
  response.headers.emplace_back("Set-Cookie", ExpiredSessionCookieHeader());
  return {std::move(response)};
}

// /api/v1/calls ----------------------------------------------------------------

// The day in China (UTC+8) at `now`, because the calls are made there.
std::chrono::sys_days ChinaToday(std::chrono::sys_seconds now) {
  return std::chrono::floor<std::chrono::days>(now + std::chrono::hours(8));
}

// A date of the form YYYY-MM-DD, or nullopt. The library reports the
// malformed ones.
std::optional<std::chrono::sys_days> ParseCallDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::string_view fields[3] = {text.substr(0, 4), text.substr(5, 2), text.substr(8, 2)};
  for (int i = 0; i < 3; ++i) {
    const auto [end, error] =
        std::from_chars(fields[i].data(), fields[i].data() + fields[i].size(), parts[i]);
    if (error != std::errc() || end != fields[i].data() + fields[i].size()) return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year(parts[0]),
                                         std::chrono::month(static_cast<unsigned>(parts[1])),
                                         std::chrono::day(static_cast<unsigned>(parts[2]))};
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days(date);
}

// The 400 of a call dated after today in China, or nullopt.
std::optional<Response> CheckCallDate(const std::string& date, std::chrono::sys_seconds now) {
  const std::optional<std::chrono::sys_days> day = ParseCallDate(date);
  const std::chrono::sys_days today = ChinaToday(now);
  if (!day || *day <= today) return std::nullopt;
  const std::string today_text = fmt::format("{:%Y-%m-%d}", std::chrono::sys_seconds(today));
  return ErrorResponse(400, "invalid_call",
                       "the call date '" + date + "' is after today in China (" + today_text +
                           "); give the day the call was made",
                       "通话日期“" + date + "”晚于今天（北京时间 " + today_text +
                           "）；请填写实际通话的日期");
}

// The 404 of a call on a number that `office_id` does not publish:
// unknown_office when no office has that id, else unknown_phone.
Response UnknownCallTarget(StoreContext& context, const std::string& office_id,
                           const Error& error) {
  Result<std::optional<Office>> office = context.store.FindOffice(office_id);
  if (office.ok() && !office->has_value()) {
    return ErrorResponse(404, "unknown_office", error.message, error.Text(true));
  }
  return ErrorResponse(404, "unknown_phone", error.message, error.Text(true));
}

StoreOutcome RecordCall(StoreContext& context, const StoreRequest& request,
                        const Session& editor) {
  if (!IsJsonMediaType(request.content_type)) return {UnsupportedMediaType(request.content_type)};
  std::variant<Json, Response> parsed = ParseObjectBody(request.body);
  if (auto* refused = std::get_if<Response>(&parsed)) return {std::move(*refused)};
  const Json& body = std::get<Json>(parsed);

  Call call;
  call.caller = editor.editor;
  // The day in China (UTC+8) when no date is given, because the calls are made there.
  call.date = fmt::format("{:%Y-%m-%d}", std::chrono::sys_seconds(ChinaToday(request.now)));
  for (const std::string_view name : {"office", "phone", "outcome", "date", "note"}) {
    std::variant<std::optional<std::string>, Response> member = StringMember(body, name);
    if (auto* refused = std::get_if<Response>(&member)) return {std::move(*refused)};
    const std::optional<std::string>& value = std::get<std::optional<std::string>>(member);
    if (!value) continue;
    if (name == "office") call.office_id = *value;
    if (name == "phone") call.phone = *value;
    if (name == "date") call.date = *value;
    if (name == "note") call.note = *value;
    if (name == "outcome") {
      const std::optional<CallOutcome> outcome = ParseCallOutcome(*value);
      if (!outcome) {
        return {ErrorResponse(400, "invalid_call",
                              "the outcome '" + *value +
                                  "' is invalid; use reached, no-answer, wrong-number or "
                                  "disconnected",
                              "结果“" + *value +
                                  "”无效；请使用 reached、no-answer、wrong-number 或 disconnected")};
      }
      call.outcome = *outcome;
    }
  }
  if (call.office_id.empty() || call.phone.empty() || !body.contains("outcome")) {
    return {ErrorResponse(400, "invalid_call", "a call needs the members office, phone and outcome",
                          "通话记录需要 office、phone 和 outcome 成员")};
  }
  if (std::optional<Response> refused = CheckCallDate(call.date, request.now)) {
    return {*std::move(refused)};
  }

  Result<Call> recorded = context.moderation.RecordCall(call);
  if (!recorded.ok()) {
    const Error& error = recorded.error();
    if (error.code == ErrorCode::kNotFound) {
      return {UnknownCallTarget(context, call.office_id, error)};
    }
    if (error.code == ErrorCode::kInvalidArgument || error.code == ErrorCode::kParse) {
      return {ErrorResponse(400, "invalid_call", error.message, error.Text(true))};
    }
    return {StoreFailed(error)};
  }
  spdlog::info("editor {} recorded call {} on office {}: {}", editor.editor, recorded->id,
               recorded->office_id, CallOutcomeName(recorded->outcome));
  return {JsonResponse(201, DumpBody(Json{{"call", CallToJson(*recorded)}})), true};
}

StoreOutcome CallsDue(StoreContext& context, const StoreRequest& request) {
  const std::string_view text = request.target.Param("older_than_days").value_or("180");
  int days = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), days);
  if (error != std::errc() || end != text.data() + text.size() || days < 0 || days > 36'500) {
    return {ErrorResponse(400, "invalid_argument",
                          "the query parameter 'older_than_days' is '" + std::string(text) +
                              "'; give a whole number of days from 0 to 36500",
                          "查询参数“older_than_days”为“" + std::string(text) +
                              "”；请给出 0 到 36500 之间的整数天数")};
  }
  const auto today = ChinaToday(request.now);
  Result<std::vector<DueCall>> due = context.moderation.CallsDue(std::chrono::days(days), today);
  if (!due.ok()) return {StoreFailed(due.error())};

  Json list = Json::array();
  for (const DueCall& each : *due) list.push_back(DueCallToJson(each));
  return {JsonResponse(200, DumpBody(Json{{"due", std::move(list)}}))};
}

// Routes that need a signed-in editor.
StoreOutcome HandleEditorRoute(StoreContext& context, const StoreRequest& request,
                               const Session& editor) {
  switch (request.route) {
    case RouteId::kApiReports:
      return ListReports(context, request);
    case RouteId::kApiReport:
      return ShowReport(context, request);
    case RouteId::kApiAccept:
      return AcceptReport(context, request, editor);
    case RouteId::kApiReject:
      return RejectReport(context, request, editor);
    case RouteId::kApiCalls:
      return RecordCall(context, request, editor);
    case RouteId::kApiCallsDue:
      return CallsDue(context, request);
    case RouteId::kApiSession:
      if (request.method == "DELETE") return SignOut(context, editor);
      return {SessionResponse(200, editor, request.now)};
    default:
      return {ErrorResponse(500, "internal", "no store handler for the route",
                            "该路由没有数据库处理程序")};
  }
}

}  // namespace

std::optional<Response> CheckReportLimits(const Request& request, const ServerLimits& limits,
                                          RateLimiter& report_rate) {
  if (request.body.size() > limits.max_report_bytes) {
    const std::string max = std::to_string(limits.max_report_bytes);
    return ErrorResponse(413, "body_too_large",
                         "the report is " + std::to_string(request.body.size()) +
                             " bytes long; the maximum is " + max + " bytes",
                         "报告长 " + std::to_string(request.body.size()) + " 字节，上限为 " + max +
                             " 字节");
  }
  if (!IsJsonMediaType(request.content_type)) return UnsupportedMediaType(request.content_type);

  const RateDecision admitted = report_rate.Admit(request.client, LimitClock(request.now));
  if (!admitted.allowed) {
    const std::string seconds = std::to_string(admitted.retry_after.count());
    Response response = ErrorResponse(
        429, "too_many_reports",
        "too many reports from this address; try again in " + seconds + " s",
        "来自此地址的报告过多，请在 " + seconds + " 秒后重试");
    response.headers.emplace_back("Retry-After", seconds);
    return response;
  }
  return std::nullopt;
}

StoreOutcome HandleStoreRoute(StoreContext& context, const StoreRequest& request) {
  if (request.route == RouteId::kApiReports && request.method == "POST") {
    return SubmitReport(context, request);
  }
  if (request.route == RouteId::kApiSession && request.method == "POST") {
    return SignIn(context, request);
  }
  std::variant<Session, Response> editor = AuthorizeEditor(context, request);
  if (auto* refused = std::get_if<Response>(&editor)) return {std::move(*refused)};
  return HandleEditorRoute(context, request, std::get<Session>(editor));
}

}  // namespace ngodesk::server
