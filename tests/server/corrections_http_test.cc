// The corrections routes over real sockets: the request headers that the
// handlers need (Content-Type, Cookie, X-CSRF-Token, Origin, Host) reach
// them, and responses written from the store thread arrive intact.
#include <stdlib.h>

#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ngodesk/moderation.h"
#include "ngodesk/store.h"
#include "test_support.h"

namespace ngodesk::server {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::string Post(const std::string& target, const std::string& body, const std::string& headers) {
  return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
         headers + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

TEST(CorrectionsHttp, ReportSignInAndAcceptOverSockets) {
  std::string pattern = (fs::temp_directory_path() / "ngodesk-corrections-http-XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  const fs::path directory = pattern;
  const std::string db_path = (directory / "ngodesk.db").string();

  std::string token;
  {
    Result<Store> store = Store::Open(db_path);
    ASSERT_TRUE(store.ok()) << store.error().message;
    ASSERT_TRUE(store->SeedFromBundledDirectory().ok());
    Result<std::string> added =
        Moderation(*store).AddEditor("li", std::chrono::floor<std::chrono::seconds>(
                                               std::chrono::system_clock::now()));
    ASSERT_TRUE(added.ok()) << added.error().message;
    token = *added;
  }

  ServerOptions options;
  options.db_path = db_path;
  {
    testing::TestServer server(options);
    testing::RawClient client(server.port());
    ASSERT_TRUE(client.connected());

    const Json report = {{"office", "jiangsu"}, {"field", "phones"},
                         {"current", "025-86783861"}, {"proposed", "025-86783862"}};
    ASSERT_TRUE(client.Send(Post("/api/v1/reports", report.dump(), "")));
    const std::optional<testing::HttpResponse> created = client.Read();
    ASSERT_TRUE(created.has_value());
    EXPECT_EQ(created->status, 201) << created->body;
    const std::string location = created->Header("location");
    EXPECT_TRUE(location.starts_with("/api/v1/reports/")) << location;

    const std::string origin = "Origin: http://127.0.0.1\r\n";
    ASSERT_TRUE(client.Send(Post("/api/v1/session", Json{{"token", token}}.dump(), origin)));
    const std::optional<testing::HttpResponse> session = client.Read();
    ASSERT_TRUE(session.has_value());
    ASSERT_EQ(session->status, 201) << session->body;
    const std::string set_cookie = session->Header("set-cookie");
    const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
    const std::string csrf = Json::parse(session->body).at("csrf_token");

    ASSERT_TRUE(client.Send(Post(location + "/accept", "", "Cookie: " + cookie + "\r\n" + origin)));
    const std::optional<testing::HttpResponse> without_token = client.Read();
    ASSERT_TRUE(without_token.has_value());
    EXPECT_EQ(without_token->status, 403) << without_token->body;

    ASSERT_TRUE(client.Send(Post(location + "/accept", "",
                                 "Cookie: " + cookie + "\r\nX-CSRF-Token: " + csrf + "\r\n" + origin)));
    const std::optional<testing::HttpResponse> accepted = client.Read();
    ASSERT_TRUE(accepted.has_value());
    EXPECT_EQ(accepted->status, 200) << accepted->body;

    const std::optional<testing::HttpResponse> office =
        testing::Get(server.port(), "/api/v1/offices/jiangsu");
    ASSERT_TRUE(office.has_value());
    EXPECT_NE(office->body.find("025-86783862"), std::string::npos);
    const std::optional<testing::HttpResponse> feed = testing::Get(server.port(), "/feed.atom");
    ASSERT_TRUE(feed.has_value());
    EXPECT_EQ(feed->Header("content-type"), "application/atom+xml; charset=utf-8");
    EXPECT_NE(feed->body.find("025-86783861 → 025-86783862"), std::string::npos);
  }
  std::error_code ignored;
  fs::remove_all(directory, ignored);
}

}  // namespace
}  // namespace ngodesk::server
