// The JSON forms of reports, accepted changes and verification calls, shared
// by the CLI's --json output and the HTTP API so that both read the same.
// Reader text is written as stored: the JSON writer escapes it.
#pragma once

#include <nlohmann/json.hpp>

#include "ngodesk/moderation.h"

namespace ngodesk {

// One report for editors, contact email included: {"id","office","field",
// "current","proposed","evidence","contact_email","status","received_at",
// "closed_at","closed_by","reason"}, with null for what does not apply yet.
nlohmann::ordered_json ReportToJson(const Report& report);

// {"id","office","field","old_value","new_value","evidence","editor",
// "changed_at","report_id"}, where report_id is null for a change made without a report.
nlohmann::ordered_json ChangeToJson(const Change& change);

// {"id","office","phone","outcome","date","note","caller","source"}, where
// source is null for a call an editor recorded.
nlohmann::ordered_json CallToJson(const Call& call);

// {"office","office_name":{"en","zh"},"phone","latest","hours"}: the number
// and the hours as in the office JSON, and the latest call or null.
nlohmann::ordered_json DueCallToJson(const DueCall& due);

}  // namespace ngodesk
