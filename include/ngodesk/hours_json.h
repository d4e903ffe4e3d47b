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

// {"code", "en", "zh"} of a reason.
nlohmann::ordered_json HoursReasonToJson(const HoursReason& reason);

// {"text", "expression", "assumed", "assumption"} of an office's hours.
nlohmann::ordered_json HoursToJson(const Hours& hours);

// {"date", "intervals": [{"start", "end", "state", "reason"}]} of one day.
nlohmann::ordered_json DayHoursToJson(const DayHours& day);

}  // namespace ngodesk
