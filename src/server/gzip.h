// gzip content coding (RFC 1952) with zlib, and the HTTP header logic that
// decides when to use it.
#pragma once

#include <string>
#include <string_view>

namespace ngodesk::server {

// The gzip form of `data` at zlib's default level.
std::string GzipCompress(std::string_view data);

// True when an Accept-Encoding header value accepts gzip: "gzip", "x-gzip" or
// "*" with a quality above zero, an explicit "gzip;q=0" overriding "*".
bool AcceptsGzip(std::string_view accept_encoding);

}  // namespace ngodesk::server
