// Parsing of an HTTP request target (origin form, RFC 9112 section 3.2.1)
// into decoded path segments and query parameters. Pure functions with no
// socket code, so that the router and the fuzz target can use them directly.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ngodesk/result.h"

namespace ngodesk::server {

// A request target after percent-decoding. Every segment and every query key
// and value is valid UTF-8 without NUL bytes. `path` is the raw path as sent,
// still percent-encoded, for logs.
struct RequestTarget {
  std::string path;
  std::vector<std::string> segments;  // "/api/v1/offices/" gives {"api", "v1", "offices", ""}
  std::vector<std::pair<std::string, std::string>> query;

  // The value of the first query parameter named `key`, or nullopt.
  std::optional<std::string_view> Param(std::string_view key) const;
};

// Decodes %XX escapes. With `plus_as_space` (query strings in the
// application/x-www-form-urlencoded form) '+' becomes a space. Fails on a
// truncated or non-hexadecimal escape.
Result<std::string> PercentDecode(std::string_view text, bool plus_as_space);

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates,
// nothing above U+10FFFF).
bool IsValidUtf8(std::string_view text);

// Parses an origin-form target such as "/api/v1/resolve?q=%E8%8B%8F%E5%B7%9E".
// Fails (for a 400 response) on a target that does not start with '/', a
// fragment, a bad escape, invalid UTF-8, a NUL or control byte after decoding,
// or a "." or ".." segment.
Result<RequestTarget> ParseRequestTarget(std::string_view target);

}  // namespace ngodesk::server
