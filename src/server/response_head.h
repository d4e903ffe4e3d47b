// The bytes before a response body on the wire: the status line and the
// header block, written by the server itself. Beast's serializer allocated a
// field for every header of every response. With prepared header lines
// (Representation::header_lines), a response head is a few appends to a
// buffer that the connection reuses.
#pragma once

#include <string>

#include "server/handlers.h"

namespace ngodesk::server {

// Appends the status line and header block of `response` to `out`, ending
// with the empty line. Content-Length is the size of `response.body`, also
// for HEAD. A Connection header is added where `version` (10 or 11, as in
// Beast) needs one to express `keep_alive`. CR and LF inside a header name or
// value become spaces, so no value can start a header of its own.
void AppendResponseHead(const Response& response, bool keep_alive, unsigned version,
                        std::string& out);

}  // namespace ngodesk::server
