#include "ngodesk/hours_json.h"

#include "ngodesk/calendar.h"

namespace ngodesk {

using nlohmann::ordered_json;

std::string FormatMinuteOfDay(int minute) {
  const int hours = minute / 60;
  const int minutes = minute % 60;
  std::string text = std::to_string(hours / 10) + std::to_string(hours % 10) + ":";
  return text + std::to_string(minutes / 10) + std::to_string(minutes % 10);
}

ordered_json HoursReasonToJson(const HoursReason& reason) {
  const BilingualText text = Describe(reason);
  return {{"code", ReasonCodeName(reason.code)}, {"en", text.en}, {"zh", text.zh}};
}

ordered_json HoursToJson(const Hours& hours) {
  ordered_json json = {{"text", hours.text ? ordered_json(*hours.text) : ordered_json(nullptr)},
                       {"expression", hours.expression},
                       {"assumed", hours.assumed}};
  json["assumption"] = hours.assumed
                           ? ordered_json{{"en", hours.assumption.en}, {"zh", hours.assumption.zh}}
                           : ordered_json(nullptr);
  return json;
}

ordered_json DayHoursToJson(const DayHours& day) {
  ordered_json intervals = ordered_json::array();
  for (const HoursInterval& interval : day.intervals) {
    intervals.push_back({{"start", FormatMinuteOfDay(interval.start_minute)},
                         {"end", FormatMinuteOfDay(interval.end_minute)},
                         {"state", HoursStateName(interval.state)},
                         {"reason", HoursReasonToJson(interval.reason)}});
  }
  return {{"date", FormatChinaTime(FromChinaTime(day.date, 0)).substr(0, 10)},
          {"intervals", intervals}};
}

}  // namespace ngodesk
