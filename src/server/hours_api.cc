#include "server/hours_api.h"

#include "ngodesk/calendar.h"
#include "ngodesk/hours_json.h"
#include "ngodesk/hours_text.h"

namespace ngodesk::server {
namespace {

using nlohmann::ordered_json;

constexpr int kWeekDays = 7;

}  // namespace

PreparedHours PrepareHours(const Office& office) {
  PreparedHours prepared;
  // An office without a stored expression is evaluated by the expression
  // derived from its published text, as `ngodesk hours` does.
  if (!office.hours.expression.empty()) {
    prepared.hours = office.hours;
  } else {
    prepared.hours = DeriveHours(office.hours.text);
    prepared.hours.source_id = office.hours.source_id;
  }

  Result<OpeningHours> parsed = OpeningHours::Parse(prepared.hours.expression);
  if (parsed.ok()) {
    prepared.parsed = std::move(parsed).value();
  } else {
    prepared.parse_error = parsed.error().message;
  }
  return prepared;
}

nlohmann::ordered_json HoursStatusJson(const std::string& office_id, const PreparedHours& hours,
                                       std::chrono::sys_seconds instant) {
  const HoursStatus status = EvaluateAt(*hours.parsed, instant);
  ordered_json json = {{"office", office_id},
                       {"at", FormatChinaTime(instant)},
                       {"hours", HoursToJson(hours.hours)},
                       {"state", HoursStateName(status.state)},
                       {"reason", HoursReasonToJson(status.reason)}};
  json["next_change"] =
      status.next_change ? ordered_json(FormatChinaTime(*status.next_change)) : ordered_json(nullptr);
  json["next_state"] =
      status.next_change ? ordered_json(HoursStateName(status.next_state)) : ordered_json(nullptr);

  const std::chrono::sys_days first{ToChinaTime(instant).date};
  ordered_json days = ordered_json::array();
  for (int offset = 0; offset < kWeekDays; ++offset) {
    const std::chrono::year_month_day date{first + std::chrono::days{offset}};
    days.push_back(DayHoursToJson(EvaluateDay(*hours.parsed, date)));
  }
  json["days"] = std::move(days);
  return json;
}

}  // namespace ngodesk::server
