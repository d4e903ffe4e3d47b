// Instants and dates as the moderation tables store them: instants as
// ISO 8601 UTC ("2026-12-04T08:30:00Z"), dates as "YYYY-MM-DD". Both sort
// as text in time order, which the SQL relies on.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ngodesk::moderation {

std::string FormatInstant(std::chrono::sys_seconds instant);
std::string FormatDate(std::chrono::sys_days day);

// Parses "YYYY-MM-DD" naming a real day of the Gregorian calendar.
std::optional<std::chrono::sys_days> ParseDate(std::string_view text);

// The day in China (UTC+8, no daylight saving time) at `instant`.
std::chrono::sys_days ChinaDate(std::chrono::sys_seconds instant);

}  // namespace ngodesk::moderation
