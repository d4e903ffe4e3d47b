// The JSON bodies of the corrections API: reports, accepted changes, calls,
// numbers due for a call and editor sessions. Reader text is written as
// stored; the JSON writer escapes it, and pages show it with textContent.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ngodesk/moderation.h"

namespace ngodesk::server {

// {"id","office","field","old_value","new_value","evidence","editor",
// "changed_at","report_id"}; report_id is null for a change made without a report.
nlohmann::ordered_json ChangeToJson(const Change& change);

// {"office": id, "changes": [...]}, as GET /api/v1/offices/{id}/history sends it.
std::string HistoryToJson(std::string_view office_id, std::span<const Change> changes);

// One report for editors, contact email included: {"id","office","field",
// "current","proposed","evidence","contact_email","status","received_at",
// "closed_at","closed_by","reason"}, with null for what does not apply yet.
nlohmann::ordered_json ReportToJson(const Report& report);

// {"id","office","phone","outcome","date","note","caller"}.
nlohmann::ordered_json CallToJson(const Call& call);

// {"office","office_name":{"en","zh"},"phone":{...as in office JSON},
// "latest": {...call} or null,"hours": {...}}.
nlohmann::ordered_json DueCallToJson(const DueCall& due);

// {"editor","csrf_token","expires_at"}: never the session id, which travels
// in the HttpOnly cookie only.
nlohmann::ordered_json SessionToJson(const Session& session);

// Serialises a body with two-space indentation and a final newline;
// invalid UTF-8 is replaced rather than failing.
std::string DumpBody(const nlohmann::ordered_json& json);

}  // namespace ngodesk::server
