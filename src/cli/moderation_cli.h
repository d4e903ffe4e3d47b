// Helpers shared by the CLI commands of corrections and calls (editor,
// review, history, call, calls): the clock, the default editor name, number
// and age arguments. The JSON forms of reports, changes and calls come from
// ngodesk/moderation_json.h, as the HTTP API's do.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ngodesk/moderation.h"
#include "ngodesk/moderation_json.h"
#include "ngodesk/result.h"

namespace ngodesk::cli {

// The current time, to the second.
std::chrono::sys_seconds Now();

// Today's date in China (UTC+8), the day a call made now is dated.
std::chrono::sys_days ChinaToday();

std::string FormatDay(std::chrono::sys_days day);

// The name recorded for an editor action without --editor: $USER, else "cli".
std::string DefaultEditorName();

// Parses a report id: a positive decimal integer.
Result<std::int64_t> ParseReportId(std::string_view text);

// Parses an age: "180d" (days), "26w" (weeks) or a plain number of days.
Result<std::chrono::days> ParseAge(std::string_view text);

// Reader text for a terminal: invisible characters (bidi controls,
// zero-width characters) shown as markers such as ⟨U+202E⟩, so that a report
// cannot reorder or hide what an editor reads.
std::string ShowReaderText(std::string_view text);

// Writes `json` to context.out with two-space indentation.
void PrintJson(std::ostream& out, const nlohmann::ordered_json& json);

}  // namespace ngodesk::cli
