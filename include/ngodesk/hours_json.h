// The JSON form of working hours and their evaluation, shared by
// `ngodesk hours --json` and GET /api/v1/offices/{id}/hours so that both
// return the same fields.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "ngodesk/office.h"
#include "ngodesk/opening_hours.h"

namespace ngodesk {

// Formats a minute of the day (0 to 1440) as "08:30".
std::string FormatMinuteOfDay(int minute);

// Returns a reason as {"code", "en", "zh"}.
nlohmann::ordered_json HoursReasonToJson(const HoursReason& reason);

// Returns an office's hours as {"text", "expression", "assumed", "assumption"}.
nlohmann::ordered_json HoursToJson(const Hours& hours);

// Returns one day as {"date", "intervals": [{"start", "end", "state", "reason"}]}.
nlohmann::ordered_json DayHoursToJson(const DayHours& day);

}  // namespace ngodesk
