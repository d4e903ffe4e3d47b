// The JSON bodies of the corrections API that only the server sends: the
// history document and editor sessions. Reports, changes and calls use the
// forms of ngodesk/moderation_json.h, which the CLI shares. Reader text is
// written as stored; the JSON writer escapes it, and pages show it with
// textContent.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ngodesk/moderation.h"
#include "ngodesk/moderation_json.h"

namespace ngodesk::server {

// {"office": id, "changes": [...]}, as GET /api/v1/offices/{id}/history sends it.
std::string HistoryToJson(std::string_view office_id, std::span<const Change> changes);

// {"editor","csrf_token","expires_at"}: never the session id, which travels
// in the HttpOnly cookie only.
nlohmann::ordered_json SessionToJson(const Session& session);

// Serialises a body with two-space indentation and a final newline;
// invalid UTF-8 is replaced rather than failing.
std::string DumpBody(const nlohmann::ordered_json& json);

}  // namespace ngodesk::server
