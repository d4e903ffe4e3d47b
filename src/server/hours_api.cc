#include "server/hours_api.h"

#include "ngodesk/calendar.h"
#include "ngodesk/hours_text.h"

namespace ngodesk::server {
namespace {

using nlohmann::ordered_json;

constexpr int kWeekDays = 7;

std::string FormatDate(std::chrono::year_month_day date) {
  return FormatChinaTime(FromChinaTime(date, 0)).substr(0, 10);
}

ordered_json ReasonJson(const HoursReason& reason) {
  const BilingualText text = Describe(reason);
  return {{"code", ReasonCodeName(reason.code)}, {"en", text.en}, {"zh", text.zh}};
}

ordered_json HoursJson(const Hours& hours) {
  ordered_json json = {{"text", hours.text ? ordered_json(*hours.text) : ordered_json(nullptr)},
                       {"expression", hours.expression},
                       {"assumed", hours.assumed}};
  json["assumption"] = hours.assumed
                           ? ordered_json{{"en", hours.assumption.en}, {"zh", hours.assumption.zh}}
                           : ordered_json(nullptr);
  return json;
}

ordered_json DayJson(const DayHours& day) {
  ordered_json intervals = ordered_json::array();
  for (const HoursInterval& interval : day.intervals) {
    intervals.push_back({{"start", FormatMinuteOfDay(interval.start_minute)},
                         {"end", FormatMinuteOfDay(interval.end_minute)},
                         {"state", HoursStateName(interval.state)},
                         {"reason", ReasonJson(interval.reason)}});
  }
  return {{"date", FormatDate(day.date)}, {"intervals", intervals}};
}

}  // namespace

std::string FormatMinuteOfDay(int minute) {
  const int hours = minute / 60;
  const int minutes = minute % 60;
  std::string text = std::to_string(hours / 10) + std::to_string(hours % 10) + ":";
  return text + std::to_string(minutes / 10) + std::to_string(minutes % 10);
}

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
                       {"hours", HoursJson(hours.hours)},
                       {"state", HoursStateName(status.state)},
                       {"reason", ReasonJson(status.reason)}};
  json["next_change"] =
      status.next_change ? ordered_json(FormatChinaTime(*status.next_change)) : ordered_json(nullptr);
  json["next_state"] =
      status.next_change ? ordered_json(HoursStateName(status.next_state)) : ordered_json(nullptr);

  const std::chrono::sys_days first{ToChinaTime(instant).date};
  ordered_json days = ordered_json::array();
  for (int offset = 0; offset < kWeekDays; ++offset) {
    const std::chrono::year_month_day date{first + std::chrono::days{offset}};
    days.push_back(DayJson(EvaluateDay(*hours.parsed, date)));
  }
  json["days"] = std::move(days);
  return json;
}

}  // namespace ngodesk::server
