// The store routes through Corrections::Handle on a temporary database, with
// a fixed clock: every status of the corrections API, sessions and CSRF, the
// snapshot refresh after a change, the data_version watch and the escaping
// of reader text on every output.
#include "server/corrections.h"

#include <stdlib.h>

#include <filesystem>
#include <future>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "ngodesk/moderation.h"
#include "ngodesk/store.h"
#include "server/editor_access.h"

namespace ngodesk::server {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Json = nlohmann::json;

const std::chrono::sys_seconds kNow =
    std::chrono::sys_days{std::chrono::year{2026} / 12 / 4} + 8h + 30min;

// One request with owned strings; Send turns it into the views of a Request.
struct Exchange {
  std::string method = "GET";
  std::string target{};
  std::string body{};
  std::string content_type{};
  std::string cookie{};
  std::string csrf_token{};
  std::string origin{};
  std::string host = "127.0.0.1:8080";
  std::string client = "reader-1";
  std::chrono::sys_seconds now = kNow;
};

struct EditorSession {
  std::string cookie;  // "ngodesk_session=..."
  std::string csrf_token;
};

class CorrectionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "ngodesk-corrections-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    directory_ = pattern;
    db_path_ = (directory_ / "ngodesk.db").string();
    limits_.report_rate = 0;  // tests of the rate set their own
    OpenServer();

    Result<Store> admin = Store::Open(db_path_);
    ASSERT_TRUE(admin.ok()) << admin.error().message;
    admin_ = std::make_unique<Store>(std::move(admin).value());
    Result<std::string> token = Moderation(*admin_).AddEditor("li", kNow);
    ASSERT_TRUE(token.ok()) << token.error().message;
    token_ = *token;
  }

  void TearDown() override {
    corrections_.reset();
    admin_.reset();
    std::error_code ignored;
    fs::remove_all(directory_, ignored);
  }

  void OpenServer() {
    corrections_.reset();
    Result<std::unique_ptr<Corrections>> opened = Corrections::Open(db_path_, limits_, 50ms);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    corrections_ = std::move(opened).value();
  }

  Response Send(const Exchange& exchange) {
    Request request{exchange.method, exchange.target, {}, {}, {}};
    request.now = exchange.now;
    request.body = exchange.body;
    request.content_type = exchange.content_type;
    request.cookie = exchange.cookie;
    request.csrf_token = exchange.csrf_token;
    request.origin = exchange.origin;
    request.host = exchange.host;
    request.client = exchange.client;

    std::promise<Response> promise;
    std::future<Response> future = promise.get_future();
    corrections_->Handle(request, [&promise](Response response) {
      promise.set_value(std::move(response));
    });
    EXPECT_EQ(future.wait_for(30s), std::future_status::ready) << exchange.target;
    return future.get();
  }

  Response PostJson(const std::string& target, const Json& body, const EditorSession* editor = nullptr,
                    std::chrono::sys_seconds now = kNow) {
    Exchange exchange{"POST", target, body.dump(), "application/json"};
    exchange.now = now;
    if (editor != nullptr) {
      exchange.cookie = editor->cookie;
      exchange.csrf_token = editor->csrf_token;
    }
    return Send(exchange);
  }

  Response Get(const std::string& target, const EditorSession* editor = nullptr,
               std::chrono::sys_seconds now = kNow) {
    Exchange exchange{"GET", target};
    exchange.now = now;
    if (editor != nullptr) exchange.cookie = editor->cookie;
    return Send(exchange);
  }

  EditorSession SignIn(std::chrono::sys_seconds now = kNow) {
    const Response response = PostJson("/api/v1/session", {{"token", token_}}, nullptr, now);
    EXPECT_EQ(response.status, 201u) << response.body;
    const std::string cookie(response.Header("Set-Cookie"));
    return {cookie.substr(0, cookie.find(';')),
            Body(response).value("csrf_token", std::string())};
  }

  static Json Body(const Response& response) { return Json::parse(response.body); }
  static std::string ErrorCode(const Response& response) {
    return Body(response).at("error").at("code");
  }
  static std::string Message(const Response& response) {
    return Body(response).at("error").at("message");
  }
  static std::string MessageZh(const Response& response) {
    return Body(response).at("error").at("message_zh");
  }
  // True when `text` has two English words in a row ("is missing"). Single
  // names such as X-CSRF-Token or a value may stay in a Chinese message.
  static bool HasEnglishWords(const std::string& text) {
    const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    for (std::size_t i = 2; i + 2 < text.size(); ++i) {
      if (text[i] != ' ') continue;
      if (is_letter(text[i - 1]) && is_letter(text[i - 2]) && is_letter(text[i + 1]) &&
          is_letter(text[i + 2])) {
        return true;
      }
    }
    return false;
  }

  static Json JiangsuPhoneReport() {
    return {{"office", "jiangsu"},          {"field", "phones"},
            {"current", "025-86783861"},    {"proposed", "025-86783862"},
            {"evidence", "called on 2026-12-01"}, {"contact_email", "reader@example.org"}};
  }

  std::int64_t Submit(const Json& report) {
    const Response response = PostJson("/api/v1/reports", report);
    EXPECT_EQ(response.status, 201u) << response.body;
    return response.status == 201 ? Body(response).at("id").get<std::int64_t>() : 0;
  }

  fs::path directory_;
  std::string db_path_;
  ServerLimits limits_;
  std::unique_ptr<Corrections> corrections_;
  std::unique_ptr<Store> admin_;
  std::string token_;
};

// Reports ---------------------------------------------------------------------

TEST_F(CorrectionsTest, ReportIs201WithLocation) {
  const Response response = PostJson("/api/v1/reports", JiangsuPhoneReport());
  ASSERT_EQ(response.status, 201u) << response.body;
  const std::int64_t id = Body(response).at("id");
  EXPECT_EQ(Body(response), (Json{{"id", id}, {"status", "open"}}));
  EXPECT_EQ(response.Header("Location"), "/api/v1/reports/" + std::to_string(id));
  EXPECT_EQ(response.Header("Cache-Control"), "no-store");
  EXPECT_EQ(response.route, "/api/v1/reports");
  EXPECT_EQ(std::string(response.body).find("reader@example.org"), std::string::npos);
}

TEST_F(CorrectionsTest, EncodedStorePathReachesStore) {
  Exchange exchange{"POST", "/api/v1/%72eports", JiangsuPhoneReport().dump(), "application/json"};
  EXPECT_EQ(Send(exchange).status, 201u);
  EXPECT_EQ(Send({"GET", "/api/v1/se%73sion"}).status, 401u);
}

TEST_F(CorrectionsTest, ReportNeedsJsonMediaType) {
  Exchange exchange{"POST", "/api/v1/reports", JiangsuPhoneReport().dump(), "text/plain"};
  const Response response = Send(exchange);
  EXPECT_EQ(response.status, 415u);
  EXPECT_EQ(ErrorCode(response), "unsupported_media_type");

  exchange.content_type = "Application/JSON; charset=utf-8";
  EXPECT_EQ(Send(exchange).status, 201u);
}

TEST_F(CorrectionsTest, ReportAboveMaxBytesIs413) {
  limits_.max_report_bytes = 200;
  OpenServer();
  Json report = JiangsuPhoneReport();
  report["evidence"] = std::string(300, 'x');
  const Response response = PostJson("/api/v1/reports", report);
  EXPECT_EQ(response.status, 413u);
  EXPECT_EQ(ErrorCode(response), "body_too_large");
}

TEST_F(CorrectionsTest, ReportRateIs429WithRetryAfter) {
  limits_.report_rate = 20;
  limits_.report_burst = 2;
  OpenServer();
  Json report = JiangsuPhoneReport();
  EXPECT_EQ(PostJson("/api/v1/reports", report).status, 201u);
  EXPECT_EQ(PostJson("/api/v1/reports", report).status, 201u);

  const Response rejected = PostJson("/api/v1/reports", report);
  EXPECT_EQ(rejected.status, 429u);
  EXPECT_EQ(ErrorCode(rejected), "too_many_reports");
  EXPECT_EQ(rejected.Header("Retry-After"), "180");  // 20 an hour: one every 180 s

  Exchange other{"POST", "/api/v1/reports", report.dump(), "application/json"};
  other.client = "reader-2";
  EXPECT_EQ(Send(other).status, 201u);
  EXPECT_EQ(PostJson("/api/v1/reports", report, nullptr, kNow + 180s).status, 201u);
}

TEST_F(CorrectionsTest, RejectedReportsSpendNoAllowance) {
  limits_.report_rate = 20;
  limits_.report_burst = 5;
  OpenServer();
  Json unknown_office = JiangsuPhoneReport();
  unknown_office["office"] = "atlantis";
  EXPECT_EQ(PostJson("/api/v1/reports", JiangsuPhoneReport()).status, 201u);
  EXPECT_EQ(Send({"POST", "/api/v1/reports", "{", "application/json"}).status, 400u);
  EXPECT_EQ(Send({"POST", "/api/v1/reports", "[]", "application/json"}).status, 400u);
  EXPECT_EQ(PostJson("/api/v1/reports", unknown_office).status, 404u);
  EXPECT_EQ(Send({"POST", "/api/v1/reports", "{}", "text/plain"}).status, 415u);

  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(PostJson("/api/v1/reports", JiangsuPhoneReport()).status, 201u) << i;
  }
  const Response spent = PostJson("/api/v1/reports", JiangsuPhoneReport());
  EXPECT_EQ(spent.status, 429u);
  EXPECT_EQ(ErrorCode(spent), "too_many_reports");
}

TEST_F(CorrectionsTest, ClientWithoutAllowanceIs429BeforeParsing) {
  limits_.report_rate = 20;
  limits_.report_burst = 1;
  OpenServer();
  EXPECT_EQ(PostJson("/api/v1/reports", JiangsuPhoneReport()).status, 201u);
  const Response response = Send({"POST", "/api/v1/reports", "{", "application/json"});
  EXPECT_EQ(response.status, 429u);
  EXPECT_EQ(ErrorCode(response), "too_many_reports");
}

TEST_F(CorrectionsTest, InvalidReportIs400) {
  Json unknown_member = JiangsuPhoneReport();
  unknown_member["colour"] = "red";
  Json bad_field = JiangsuPhoneReport();
  bad_field["field"] = "fax-number";
  for (const std::string& body :
       {std::string("{"), std::string("[]"), unknown_member.dump(), bad_field.dump()}) {
    const Response response = Send({"POST", "/api/v1/reports", body, "application/json"});
    EXPECT_EQ(response.status, 400u) << body;
    EXPECT_EQ(ErrorCode(response), "invalid_report") << body;
  }
  const Response bad = PostJson("/api/v1/reports", bad_field);
  EXPECT_NE(Body(bad).at("error").at("message").get<std::string>().find("fax-number"),
            std::string::npos);
  EXPECT_FALSE(Body(bad).at("error").at("message_zh").get<std::string>().empty());
}

TEST_F(CorrectionsTest, UnknownOfficeIs404) {
  Json report = JiangsuPhoneReport();
  report["office"] = "atlantis";
  const Response response = PostJson("/api/v1/reports", report);
  EXPECT_EQ(response.status, 404u);
  EXPECT_EQ(ErrorCode(response), "unknown_office");
}

TEST_F(CorrectionsTest, WrongMethodIs405WithAllow) {
  const struct {
    std::string method;
    std::string target;
    std::string allow;
  } cases[] = {
      {"PUT", "/api/v1/reports", "GET, HEAD, POST"},
      {"GET", "/api/v1/reports/1/accept", "POST"},
      {"DELETE", "/api/v1/reports/1/reject", "POST"},
      {"PATCH", "/api/v1/session", "GET, HEAD, POST, DELETE"},
      {"GET", "/api/v1/calls", "POST"},
      {"POST", "/api/v1/calls/due", "GET, HEAD"},
      {"POST", "/api/v1/offices/jiangsu/history", "GET, HEAD"},
      {"POST", "/feed.atom", "GET, HEAD"},
  };
  for (const auto& c : cases) {
    const Response response = Send({c.method, c.target});
    EXPECT_EQ(response.status, 405u) << c.method << " " << c.target;
    EXPECT_EQ(response.Header("Allow"), c.allow) << c.method << " " << c.target;
  }
}

// Sessions and CSRF -----------------------------------------------------------

TEST_F(CorrectionsTest, SignInSetsSessionCookie) {
  const Response response = PostJson("/api/v1/session", {{"token", token_}});
  ASSERT_EQ(response.status, 201u) << response.body;
  const std::string cookie(response.Header("Set-Cookie"));
  EXPECT_TRUE(cookie.starts_with("ngodesk_session=")) << cookie;
  EXPECT_NE(cookie.find("; Path=/; HttpOnly; SameSite=Strict; Max-Age=28800"), std::string::npos)
      << cookie;
  const Json body = Body(response);
  EXPECT_EQ(body.at("editor"), "li");
  EXPECT_EQ(body.at("expires_at"), "2026-12-04T16:30:00Z");
  EXPECT_EQ(body.at("csrf_token").get<std::string>().size(), 64u);
  EXPECT_EQ(std::string(response.body).find(token_), std::string::npos);
  const std::string session_id = cookie.substr(16, cookie.find(';') - 16);
  EXPECT_EQ(std::string(response.body).find(session_id), std::string::npos);
}

TEST_F(CorrectionsTest, WrongTokenIs401ThenSignInsAre429) {
  for (int i = 0; i < 5; ++i) {
    const Response response = PostJson("/api/v1/session", {{"token", "wrong"}});
    EXPECT_EQ(response.status, 401u);
    EXPECT_EQ(ErrorCode(response), "invalid_token");
  }
  const Response blocked = PostJson("/api/v1/session", {{"token", token_}});
  EXPECT_EQ(blocked.status, 429u);
  EXPECT_EQ(ErrorCode(blocked), "too_many_sign_ins");
  EXPECT_EQ(blocked.Header("Retry-After"), "900");

  EXPECT_EQ(PostJson("/api/v1/session", {{"token", token_}}, nullptr, kNow + 15min).status, 201u);
}

TEST_F(CorrectionsTest, FailedSignInLogsNoTokenOrAddress) {
  std::ostringstream log;
  const std::shared_ptr<spdlog::logger> previous = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>(
      "capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(log)));

  Exchange sign_in{"POST", "/api/v1/session", Json{{"token", "guessed-token-4711"}}.dump(),
                   "application/json"};
  sign_in.client = "client-address-0451";
  const Response response = Send(sign_in);
  spdlog::set_default_logger(previous);

  EXPECT_EQ(response.status, 401u);
  EXPECT_NE(log.str().find("failed editor sign-in"), std::string::npos) << log.str();
  EXPECT_EQ(log.str().find("guessed-token-4711"), std::string::npos) << log.str();
  EXPECT_EQ(log.str().find("client-address-0451"), std::string::npos) << log.str();
}

TEST_F(CorrectionsTest, SessionExpiresAfterEightHours) {
  const EditorSession editor = SignIn();
  EXPECT_EQ(Get("/api/v1/session", &editor, kNow + 7h).status, 200u);
  EXPECT_EQ(Body(Get("/api/v1/session", &editor, kNow + 7h)).at("editor"), "li");
  const Response expired = Get("/api/v1/session", &editor, kNow + 8h + 1s);
  EXPECT_EQ(expired.status, 401u);
  EXPECT_EQ(ErrorCode(expired), "not_signed_in");
  EXPECT_EQ(Get("/api/v1/reports", &editor, kNow + 8h + 1s).status, 401u);
}

TEST_F(CorrectionsTest, EditorRoutesNeedSession) {
  const EditorSession stranger{"ngodesk_session=0123", "x"};
  for (const EditorSession* editor : {static_cast<const EditorSession*>(nullptr), &stranger}) {
    EXPECT_EQ(Get("/api/v1/reports", editor).status, 401u);
    EXPECT_EQ(Get("/api/v1/reports/1", editor).status, 401u);
    EXPECT_EQ(Get("/api/v1/session", editor).status, 401u);
    EXPECT_EQ(Get("/api/v1/calls/due", editor).status, 401u);
    EXPECT_EQ(PostJson("/api/v1/reports/1/accept", Json::object(), editor).status, 401u);
    EXPECT_EQ(PostJson("/api/v1/calls", Json::object(), editor).status, 401u);
  }
}

TEST_F(CorrectionsTest, CsrfGuardsEditorActions) {
  const std::int64_t id = Submit(JiangsuPhoneReport());
  const EditorSession editor = SignIn();
  const std::string accept = "/api/v1/reports/" + std::to_string(id) + "/accept";

  Exchange missing{"POST", accept};
  missing.cookie = editor.cookie;
  Exchange wrong = missing;
  wrong.csrf_token = std::string(64, '0');
  Exchange foreign = missing;
  foreign.csrf_token = editor.csrf_token;
  foreign.origin = "http://evil.example";
  for (const Exchange* exchange : {&missing, &wrong, &foreign}) {
    const Response response = Send(*exchange);
    EXPECT_EQ(response.status, 403u) << exchange->csrf_token << " " << exchange->origin;
    EXPECT_EQ(ErrorCode(response), "csrf_failed");
    EXPECT_FALSE(HasEnglishWords(MessageZh(response))) << MessageZh(response);
  }
  Exchange foreign_sign_in{"POST", "/api/v1/session", Json{{"token", token_}}.dump(),
                           "application/json"};
  foreign_sign_in.origin = "http://evil.example";
  const Response sign_in = Send(foreign_sign_in);
  EXPECT_EQ(sign_in.status, 403u);
  EXPECT_FALSE(HasEnglishWords(MessageZh(sign_in))) << MessageZh(sign_in);
  EXPECT_EQ(Get("/api/v1/reports", &editor).status, 200u);  // a GET needs no token

  Exchange same_origin = foreign;
  same_origin.origin = "http://127.0.0.1:8080";
  EXPECT_EQ(Send(same_origin).status, 200u);
}

TEST_F(CorrectionsTest, SignOutEndsSession) {
  const EditorSession editor = SignIn();
  Exchange sign_out{"DELETE", "/api/v1/session"};
  sign_out.cookie = editor.cookie;
  EXPECT_EQ(Send(sign_out).status, 403u);  // no CSRF token
  sign_out.csrf_token = editor.csrf_token;
  const Response response = Send(sign_out);
  EXPECT_EQ(response.status, 204u);
  EXPECT_NE(response.Header("Set-Cookie").find("Max-Age=0"), std::string_view::npos);
  EXPECT_EQ(Get("/api/v1/session", &editor).status, 401u);
}

// Review ------------------------------------------------------------------------

TEST_F(CorrectionsTest, EditorListShowsContactEmail) {
  const std::int64_t id = Submit(JiangsuPhoneReport());
  const EditorSession editor = SignIn();
  const Response response = Get("/api/v1/reports", &editor);
  ASSERT_EQ(response.status, 200u);
  const Json reports = Body(response).at("reports");
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].at("id"), id);
  EXPECT_EQ(reports[0].at("contact_email"), "reader@example.org");
  EXPECT_EQ(reports[0].at("status"), "open");
  EXPECT_EQ(reports[0].at("received_at"), "2026-12-04T08:30:00Z");
  EXPECT_EQ(Get("/api/v1/reports/" + std::to_string(id), &editor).status, 200u);
  EXPECT_EQ(Get("/api/v1/reports?status=maybe", &editor).status, 400u);
}

TEST_F(CorrectionsTest, AcceptRefreshesOfficeHistoryAndFeed) {
  const std::int64_t id = Submit(JiangsuPhoneReport());
  const EditorSession editor = SignIn();
  const Response accepted =
      PostJson("/api/v1/reports/" + std::to_string(id) + "/accept", Json::object(), &editor);
  ASSERT_EQ(accepted.status, 200u) << accepted.body;
  const Json change = Body(accepted).at("change");
  EXPECT_EQ(change.at("field"), "phones");
  EXPECT_EQ(change.at("old_value"), "025-86783861");
  EXPECT_EQ(change.at("new_value"), "025-86783862");
  EXPECT_EQ(change.at("editor"), "li");
  EXPECT_EQ(change.at("report_id"), id);

  const Response office = Get("/api/v1/offices/jiangsu");
  EXPECT_NE(std::string(office.body).find("025-86783862"), std::string::npos);
  const Response history = Get("/api/v1/offices/jiangsu/history");
  ASSERT_EQ(history.status, 200u);
  EXPECT_EQ(Body(history).at("office"), "jiangsu");
  ASSERT_EQ(Body(history).at("changes").size(), 1u);
  EXPECT_EQ(Body(history).at("changes")[0].at("id"), change.at("id"));
  EXPECT_EQ(Body(Get("/api/v1/offices/beijing/history")).at("changes").size(), 0u);
  const Response feed = Get("/feed.atom");
  EXPECT_EQ(feed.Header("Content-Type"), "application/atom+xml; charset=utf-8");
  EXPECT_FALSE(feed.Header("ETag").empty());
  EXPECT_NE(std::string(feed.body).find("025-86783861 → 025-86783862"), std::string::npos);

  const Response again =
      PostJson("/api/v1/reports/" + std::to_string(id) + "/accept", Json::object(), &editor);
  EXPECT_EQ(again.status, 409u);
  EXPECT_EQ(ErrorCode(again), "report_closed");
}

TEST_F(CorrectionsTest, AcceptOfChangedValueIs409) {
  const std::int64_t first = Submit(JiangsuPhoneReport());
  Json competing = JiangsuPhoneReport();
  competing["proposed"] = "025-86783869";
  const std::int64_t second = Submit(competing);
  const EditorSession editor = SignIn();
  EXPECT_EQ(PostJson("/api/v1/reports/" + std::to_string(first) + "/accept", Json::object(),
                     &editor).status, 200u);
  const Response response =
      PostJson("/api/v1/reports/" + std::to_string(second) + "/accept", Json::object(), &editor);
  EXPECT_EQ(response.status, 409u);
  EXPECT_EQ(ErrorCode(response), "value_changed");
  const std::string id = std::to_string(second);
  EXPECT_EQ(Message(response),
            "report " + id + " cannot be applied: another change already replaced "
            "\"025-86783861\" in the phones of jiangsu; reject the report as out of date");
  EXPECT_EQ(MessageZh(response),
            "报告 " + id + " 无法采纳：另一项更改已替换了 jiangsu 的 phones 中的 "
            "\"025-86783861\"；请以内容过时为由拒绝该报告");
}

TEST_F(CorrectionsTest, AcceptOfAlreadyAddedValueIs409) {
  Json added = JiangsuPhoneReport();
  added["current"] = "";
  const std::int64_t first = Submit(added);
  const std::int64_t second = Submit(added);
  const EditorSession editor = SignIn();
  EXPECT_EQ(PostJson("/api/v1/reports/" + std::to_string(first) + "/accept", Json::object(),
                     &editor).status, 200u);
  const Response response =
      PostJson("/api/v1/reports/" + std::to_string(second) + "/accept", Json::object(), &editor);
  EXPECT_EQ(response.status, 409u);
  EXPECT_EQ(ErrorCode(response), "value_changed");
  EXPECT_NE(Message(response).find("already added \"025-86783862\""), std::string::npos)
      << Message(response);
  EXPECT_FALSE(HasEnglishWords(MessageZh(response))) << MessageZh(response);
}

TEST_F(CorrectionsTest, UnknownReportIs404) {
  const EditorSession editor = SignIn();
  for (const std::string id : {"999", "0", "-1", "abc"}) {
    const Response response =
        PostJson("/api/v1/reports/" + id + "/accept", Json::object(), &editor);
    EXPECT_EQ(response.status, 404u) << id;
    EXPECT_EQ(ErrorCode(response), "unknown_report") << id;
  }
  EXPECT_EQ(Get("/api/v1/reports/999", &editor).status, 404u);
}

TEST_F(CorrectionsTest, RejectNeedsReasonAndErasesEmail) {
  const std::int64_t id = Submit(JiangsuPhoneReport());
  const EditorSession editor = SignIn();
  const std::string reject = "/api/v1/reports/" + std::to_string(id) + "/reject";
  EXPECT_EQ(PostJson(reject, Json::object(), &editor).status, 400u);
  EXPECT_EQ(ErrorCode(PostJson(reject, {{"reason", "  "}}, &editor)), "missing_reason");

  const Response response = PostJson(reject, {{"reason", "the office confirmed the old number"}},
                                     &editor);
  ASSERT_EQ(response.status, 200u) << response.body;
  EXPECT_EQ(Body(response), (Json{{"id", id}, {"status", "rejected"}}));

  const Json reports = Body(Get("/api/v1/reports?status=rejected", &editor)).at("reports");
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].at("reason"), "the office confirmed the old number");
  EXPECT_EQ(reports[0].at("closed_by"), "li");
  EXPECT_TRUE(reports[0].at("contact_email").is_null());
  EXPECT_EQ(PostJson(reject, {{"reason", "again"}}, &editor).status, 409u);
}

// Calls -------------------------------------------------------------------------

TEST_F(CorrectionsTest, CallIs201AndConfirmsNumber) {
  const EditorSession editor = SignIn();
  const Response response = PostJson(
      "/api/v1/calls",
      {{"office", "beijing"}, {"phone", "010-62638800"}, {"outcome", "reached"}, {"date", "2026-12-03"}},
      &editor);
  ASSERT_EQ(response.status, 201u) << response.body;
  EXPECT_EQ(Body(response).at("call").at("caller"), "li");
  EXPECT_EQ(Body(response).at("call").at("outcome"), "reached");

  const Json office = Body(Get("/api/v1/offices/beijing"));
  EXPECT_EQ(office.at("phones")[0].at("confirmed_on"), "2026-12-03");

  const Response due = Get("/api/v1/calls/due?older_than_days=180", &editor);
  ASSERT_EQ(due.status, 200u);
  const Json due_numbers = Body(due).at("due");
  for (const Json& each : due_numbers) {
    EXPECT_NE(each.at("phone").at("text"), "010-62638800");
  }
  EXPECT_EQ(Get("/api/v1/calls/due?older_than_days=soon", &editor).status, 400u);
}

TEST_F(CorrectionsTest, InvalidCallIs400Or404) {
  const EditorSession editor = SignIn();
  EXPECT_EQ(PostJson("/api/v1/calls", {{"office", "beijing"}}, &editor).status, 400u);
  EXPECT_EQ(PostJson("/api/v1/calls",
                     {{"office", "beijing"}, {"phone", "010-62638800"}, {"outcome", "maybe"}},
                     &editor).status,
            400u);
  const Response unknown = PostJson(
      "/api/v1/calls", {{"office", "beijing"}, {"phone", "010-11111111"}, {"outcome", "reached"}},
      &editor);
  EXPECT_EQ(unknown.status, 404u);
  EXPECT_EQ(ErrorCode(unknown), "unknown_phone");
}

TEST_F(CorrectionsTest, CallOnUnknownOfficeIs404) {
  const EditorSession editor = SignIn();
  const Response response = PostJson(
      "/api/v1/calls", {{"office", "atlantis"}, {"phone", "010-62638800"}, {"outcome", "reached"}},
      &editor);
  EXPECT_EQ(response.status, 404u);
  EXPECT_EQ(ErrorCode(response), "unknown_office");
}

TEST_F(CorrectionsTest, CallDatedAfterTodayInChinaIs400) {
  const EditorSession editor = SignIn();
  // kNow is 2026-12-04 08:30 UTC, 16:30 in China.
  for (const std::string date : {"2026-12-05", "2027-03-01", "9999-12-31"}) {
    const Response response = PostJson("/api/v1/calls",
                                       {{"office", "beijing"}, {"phone", "010-62638800"},
                                        {"outcome", "reached"}, {"date", date}},
                                       &editor);
    EXPECT_EQ(response.status, 400u) << date;
    EXPECT_EQ(ErrorCode(response), "invalid_call") << date;
    EXPECT_NE(Message(response).find(date), std::string::npos) << Message(response);
    EXPECT_NE(MessageZh(response).find(date), std::string::npos) << MessageZh(response);
  }
  const Response today = PostJson("/api/v1/calls",
                                  {{"office", "beijing"}, {"phone", "010-62638800"},
                                   {"outcome", "reached"}, {"date", "2026-12-04"}},
                                  &editor);
  EXPECT_EQ(today.status, 201u) << today.body;
}

TEST_F(CorrectionsTest, CallDateFollowsChinaDay) {
  const EditorSession editor = SignIn();
  const Json call = {{"office", "beijing"}, {"phone", "010-62638800"}, {"outcome", "reached"},
                     {"date", "2026-12-05"}};
  // 16:00 UTC on 2026-12-04 is already 00:00 on 2026-12-05 in China.
  const std::chrono::sys_seconds china_midnight =
      std::chrono::sys_days{std::chrono::year{2026} / 12 / 4} + 16h;
  EXPECT_EQ(PostJson("/api/v1/calls", call, &editor, china_midnight - 1s).status, 400u);
  EXPECT_EQ(PostJson("/api/v1/calls", call, &editor, china_midnight).status, 201u);
}

// The snapshot ------------------------------------------------------------------

TEST_F(CorrectionsTest, SeesChangeFromAnotherProcess) {
  Moderation other(*admin_);
  Result<std::int64_t> id = other.SubmitReport(
      {"jiangsu", ReportField::kPhones, "025-86783861", "025-86783868", "", ""}, kNow);
  ASSERT_TRUE(id.ok()) << id.error().message;
  ASSERT_TRUE(other.Accept(*id, "wang", kNow).ok());

  // The poll runs every 50 ms here; allow a busy machine plenty of time.
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  bool seen = false;
  while (!seen && std::chrono::steady_clock::now() < deadline) {
    const Response office = Get("/api/v1/offices/jiangsu");
    seen = std::string(office.body).find("025-86783868") != std::string::npos;
    if (!seen) std::this_thread::sleep_for(20ms);
  }
  EXPECT_TRUE(seen);
  EXPECT_EQ(Body(Get("/api/v1/offices/jiangsu/history")).at("changes").size(), 1u);
}

TEST_F(CorrectionsTest, HistoryLimitIsChecked) {
  EXPECT_EQ(Get("/api/v1/offices/jiangsu/history?limit=0").status, 400u);
  EXPECT_EQ(Get("/api/v1/offices/jiangsu/history?limit=1001").status, 400u);
  EXPECT_EQ(Get("/api/v1/offices/jiangsu/history?limit=5").status, 200u);
  EXPECT_EQ(Get("/api/v1/offices/atlantis/history").status, 404u);
}

// Reader text -------------------------------------------------------------------

TEST_F(CorrectionsTest, ReaderTextIsEscapedOnEveryOutput) {
  const std::string hostile =
      "<script>alert(1)</script>\" onmouseover=\"alert(2) \u202Egnp.exe 0\u200B25";
  const Json report = {{"office", "jiangsu"}, {"field", "addresses"}, {"current", ""},
                       {"proposed", hostile}, {"evidence", hostile}};
  const std::int64_t id = Submit(report);
  const EditorSession editor = SignIn();

  // JSON keeps the text as sent; the JSON writer escapes quotes.
  const Json listed = Body(Get("/api/v1/reports", &editor)).at("reports")[0];
  EXPECT_EQ(listed.at("proposed"), hostile);
  ASSERT_EQ(PostJson("/api/v1/reports/" + std::to_string(id) + "/accept", Json::object(), &editor)
                .status,
            200u);
  EXPECT_EQ(Body(Get("/api/v1/offices/jiangsu/history")).at("changes")[0].at("new_value"), hostile);

  const std::string feed(Get("/feed.atom").body);
  const std::string page(Get("/offices/jiangsu").body);
  for (const std::string* markup : {&feed, &page}) {
    EXPECT_EQ(markup->find("<script>"), std::string::npos);
    EXPECT_EQ(markup->find("\" onmouseover"), std::string::npos);
  }
  EXPECT_NE(feed.find("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover"), std::string::npos);
  EXPECT_NE(feed.find("⟨U+202E⟩gnp.exe 0⟨U+200B⟩25"), std::string::npos);
  EXPECT_EQ(feed.find("\u202E"), std::string::npos);
  EXPECT_EQ(feed.find("\u200B"), std::string::npos);
}

TEST_F(CorrectionsTest, FeedRevalidatesWithETag) {
  const Response feed = Get("/feed.atom");
  ASSERT_EQ(feed.status, 200u);
  EXPECT_EQ(feed.Header("Cache-Control"), "no-cache");
  const std::string etag(feed.Header("ETag"));
  const Response again = HandleRequest(*corrections_->site(), {"GET", "/feed.atom", etag, {}, {}});
  EXPECT_EQ(again.status, 304u);
}

TEST_F(CorrectionsTest, HeadOfEditorRouteIsLikeGet) {
  const EditorSession editor = SignIn();
  Exchange head{"HEAD", "/api/v1/session"};
  head.cookie = editor.cookie;
  const Response response = Send(head);
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.Header("Content-Type"), "application/json; charset=utf-8");
}

TEST_F(CorrectionsTest, EditorPageIsHtml) {
  const Response response = Get("/editor");
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(response.Header("Cache-Control"), "no-store");
}

TEST(CorrectionsWithoutStore, StoreRoutesAre503) {
  const std::shared_ptr<const Site> site = Site::Build({}, {});
  const Response response = HandleRequest(*site, {"POST", "/api/v1/reports", {}, {}, {}});
  EXPECT_EQ(response.status, 503u);
  EXPECT_EQ(Json::parse(response.body).at("error").at("code"), "store_unavailable");
}

}  // namespace
}  // namespace ngodesk::server
