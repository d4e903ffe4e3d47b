// Fuzzes the request target parser, the router and the handlers with the
// bundled offices. The input is up to five lines: method, target,
// Accept-Encoding, If-None-Match and Accept-Language. Aborts when a parsed
// target breaks its contract or a response has an unexpected status.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ngodesk/store.h"
#include "server/handlers.h"
#include "server/request_target.h"

namespace {

const ngodesk::server::Site& FuzzSite() {
  static const std::shared_ptr<const ngodesk::server::Site> site = [] {
    ngodesk::Result<std::vector<ngodesk::Office>> offices = ngodesk::BundledDirectory();
    if (!offices.ok()) std::abort();
    return ngodesk::server::Site::Build(std::move(offices).value());
  }();
  return *site;
}

std::string_view NextLine(std::string_view& input) {
  const std::size_t newline = input.find('\n');
  const std::string_view line = input.substr(0, newline);
  input.remove_prefix(newline == std::string_view::npos ? input.size() : newline + 1);
  return line;
}

void CheckTarget(std::string_view text) {
  const ngodesk::Result<ngodesk::server::RequestTarget> target =
      ngodesk::server::ParseRequestTarget(text);
  if (!target.ok()) return;
  for (const std::string& segment : target->segments) {
    if (!ngodesk::server::IsValidUtf8(segment) || segment == ".." ||
        segment.find('/') != std::string::npos) {
      std::abort();
    }
  }
  for (const auto& [key, value] : target->query) {
    if (!ngodesk::server::IsValidUtf8(key) || !ngodesk::server::IsValidUtf8(value)) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  ngodesk::server::Request request;
  request.method = NextLine(input);
  request.target = NextLine(input);
  request.accept_encoding = NextLine(input);
  request.if_none_match = NextLine(input);
  request.accept_language = NextLine(input);

  CheckTarget(request.target);
  const ngodesk::server::Response response =
      ngodesk::server::HandleRequest(FuzzSite(), request);
  switch (response.status) {
    case 200: case 304: case 400: case 404: case 405:
      break;
    case 503:
      // Without a database the store routes respond with 503, and only they do.
      if (response.body.find("store_unavailable") == std::string_view::npos) std::abort();
      break;
    default:
      std::abort();
  }
  if (response.status != 304 && response.body.empty() && request.method != "HEAD") std::abort();
  return 0;
}
