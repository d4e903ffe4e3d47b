// GET /api/v1/offices/{id}/hours?at=: an office's state at an instant, why,
// the next change, and seven days of hours from that date. The fields are
// those of `ngodesk hours ID --json` plus the "days" of `--week --json`.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "ngodesk/hours_json.h"
#include "ngodesk/office.h"
#include "ngodesk/opening_hours.h"

namespace ngodesk::server {

// An office's hours prepared once: the stored expression, or one derived
// from the published text, parsed. `parse_error` is set when it does not parse.
struct PreparedHours {
  Hours hours;
  std::optional<OpeningHours> parsed;
  std::string parse_error;
};

PreparedHours PrepareHours(const Office& office);

// The response body for a parsed expression at `instant`.
nlohmann::ordered_json HoursStatusJson(const std::string& office_id, const PreparedHours& hours,
                                       std::chrono::sys_seconds instant);

}  // namespace ngodesk::server
