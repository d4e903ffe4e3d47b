// The response head the server writes: status line, header order, the
// Content-Length and Connection rules, and header text that cannot break a line.
#include "server/response_head.h"

#include <gtest/gtest.h>

namespace ngodesk::server {
namespace {

std::string Head(const Response& response, bool keep_alive = true, unsigned version = 11) {
  std::string out;
  AppendResponseHead(response, keep_alive, version, out);
  return out;
}

TEST(ResponseHead, PreparedLinesComeBeforeOtherHeaders) {
  Response response;
  response.header_lines = "Content-Type: text/plain\r\nETag: \"1\"\r\n";
  response.headers.emplace_back("Retry-After", "3");
  response.body = "hello";
  EXPECT_EQ(Head(response),
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nETag: \"1\"\r\nRetry-After: 3\r\n"
            "Content-Length: 5\r\n\r\n");
}

TEST(ResponseHead, NoContentLengthWhereNoBodyMayFollow) {
  for (const unsigned status : {204u, 304u}) {
    Response response;
    response.status = status;
    EXPECT_EQ(Head(response).find("Content-Length"), std::string::npos) << status;
  }
  Response not_found;
  not_found.status = 404;
  EXPECT_NE(Head(not_found).find("Content-Length: 0\r\n"), std::string::npos);
}

TEST(ResponseHead, ConnectionHeaderFollowsTheVersion) {
  Response response;
  EXPECT_EQ(Head(response, true, 11).find("Connection"), std::string::npos);
  EXPECT_NE(Head(response, false, 11).find("Connection: close\r\n"), std::string::npos);
  EXPECT_TRUE(Head(response, true, 10).starts_with("HTTP/1.0 200 OK\r\n"));
  EXPECT_NE(Head(response, true, 10).find("Connection: keep-alive\r\n"), std::string::npos);
  EXPECT_EQ(Head(response, false, 10).find("Connection"), std::string::npos);
}

TEST(ResponseHead, LineBreaksInHeadersBecomeSpaces) {
  Response response;
  response.status = 303;
  response.headers.emplace_back("Location", "/editor\r\nSet-Cookie: stolen=1");
  response.headers.emplace_back("X-Bad\nName", "v");
  const std::string head = Head(response);
  EXPECT_NE(head.find("Location: /editor  Set-Cookie: stolen=1\r\n"), std::string::npos);
  EXPECT_NE(head.find("X-Bad Name: v\r\n"), std::string::npos);
  EXPECT_EQ(head.find("\r\nSet-Cookie"), std::string::npos);
  EXPECT_TRUE(head.starts_with("HTTP/1.1 303 See Other\r\n"));
}

TEST(ResponseHead, ReadsHeadersFromPreparedLines) {
  Response response;
  response.header_lines = "Content-Type: a/b\r\nETag: \"x\"\r\nETagged: no\r\n";
  response.headers.emplace_back("Allow", "GET");
  EXPECT_EQ(response.Header("ETag"), "\"x\"");
  EXPECT_EQ(response.Header("Content-Type"), "a/b");
  EXPECT_EQ(response.Header("Allow"), "GET");
  EXPECT_EQ(response.Header("ETagged"), "no");
  EXPECT_EQ(response.Header("Vary"), "");
}

TEST(Representation, HeaderLinesAreBuiltOncePerForm) {
  const auto representation = MakeRepresentation("text/plain", "body");
  int builds = 0;
  const auto build = [&] {
    ++builds;
    return std::string("X: 1\r\n");
  };
  EXPECT_EQ(representation->header_lines(false, "max-age=1", build), "X: 1\r\n");
  EXPECT_EQ(representation->header_lines(false, "max-age=1", build), "X: 1\r\n");
  EXPECT_EQ(builds, 1);
  EXPECT_EQ(representation->header_lines(true, "max-age=1", build), "X: 1\r\n");
  EXPECT_EQ(builds, 2);
  // Another Cache-Control than the one the lines were built with: the caller
  // has to build its own.
  EXPECT_EQ(representation->header_lines(false, "no-store", build), "");
  EXPECT_EQ(builds, 2);
}

}  // namespace
}  // namespace ngodesk::server
