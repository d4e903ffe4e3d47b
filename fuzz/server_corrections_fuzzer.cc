// Fuzzes the corrections routes (reports, sign-in, editor actions) with an
// in-memory database: the JSON bodies, the session cookie, the CSRF header
// and the Origin. The input is six lines (method, target, Content-Type,
// Cookie, X-CSRF-Token, Origin) and then the body. Aborts when a response
// has a status the API does not document, or when an editor route succeeds,
// because no editor exists in this database.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <future>
#include <string>
#include <string_view>

#include "server/corrections.h"

namespace {

ngodesk::server::Corrections& FuzzCorrections() {
  static const std::unique_ptr<ngodesk::server::Corrections> corrections = [] {
    ngodesk::ServerLimits limits;
    limits.report_rate = 0;
    auto opened = ngodesk::server::Corrections::Open(":memory:", limits);
    if (!opened.ok()) std::abort();
    return std::move(opened).value();
  }();
  return *corrections;
}

std::string_view NextLine(std::string_view& input) {
  const std::size_t newline = input.find('\n');
  const std::string_view line = input.substr(0, newline);
  input.remove_prefix(newline == std::string_view::npos ? input.size() : newline + 1);
  return line;
}

bool Documented(unsigned status) {
  switch (status) {
    case 200: case 201: case 204: case 304: case 400: case 401: case 403: case 404: case 405:
    case 409: case 413: case 415: case 429:
      return true;
    default:
      return false;
  }
}

bool EditorOnly(std::string_view route, std::string_view method) {
  if (route == "/api/v1/reports" || route == "/api/v1/session") return method != "POST";
  return route == "/api/v1/reports/{id}" || route == "/api/v1/reports/{id}/accept" ||
         route == "/api/v1/reports/{id}/reject" || route == "/api/v1/calls" ||
         route == "/api/v1/calls/due";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  ngodesk::server::Request request;
  request.method = NextLine(input);
  request.target = NextLine(input);
  request.content_type = NextLine(input);
  request.cookie = NextLine(input);
  request.csrf_token = NextLine(input);
  request.origin = NextLine(input);
  request.host = "127.0.0.1:8080";
  request.client = "fuzz";
  request.body = input;
  request.now = std::chrono::sys_days{std::chrono::year{2026} / 12 / 4};

  std::promise<ngodesk::server::Response> promise;
  std::future<ngodesk::server::Response> future = promise.get_future();
  FuzzCorrections().Handle(request, [&promise](ngodesk::server::Response response) {
    promise.set_value(std::move(response));
  });
  const ngodesk::server::Response response = future.get();
  if (!Documented(response.status)) std::abort();
  if (response.status < 300 && EditorOnly(response.route, request.method)) std::abort();
  return 0;
}
