#include "server/response_head.h"

#include <boost/beast/http/status.hpp>

namespace ngodesk::server {
namespace {

void AppendHeaderText(std::string_view text, std::string& out) {
  for (const char c : text) out += (c == '\r' || c == '\n') ? ' ' : c;
}

}  // namespace

void AppendResponseHead(const Response& response, bool keep_alive, unsigned version,
                        std::string& out) {
  namespace http = boost::beast::http;
  out.append(version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
  out.append(std::to_string(response.status)).append(" ");
  out.append(http::obsolete_reason(http::int_to_status(response.status))).append("\r\n");
  out.append(response.header_lines);
  for (const auto& [name, value] : response.headers) {
    AppendHeaderText(name, out);
    out.append(": ");
    AppendHeaderText(value, out);
    out.append("\r\n");
  }
  // No body may follow a 1xx, 204 or 304 status (RFC 9110 section 8.6).
  if (response.status >= 200 && response.status != 204 && response.status != 304) {
    out.append("Content-Length: ").append(std::to_string(response.body.size())).append("\r\n");
  }
  // HTTP/1.1 keeps a connection open unless it sends "close". HTTP/1.0 closes
  // it unless it sends "keep-alive".
  if (version >= 11 && !keep_alive) out.append("Connection: close\r\n");
  if (version < 11 && keep_alive) out.append("Connection: keep-alive\r\n");
  out.append("\r\n");
}

}  // namespace ngodesk::server
