// hours_eval: evaluates lines of "EXPRESSION<TAB>INSTANT" from standard input
// by the opening_hours specification alone (no holiday calendar) and prints
// "STATE<TAB>NEXT_CHANGE_UNIX_SECONDS" per line ("-" for no change, or
// "error<TAB>MESSAGE"). The differential test against the npm package
// opening_hours drives it.
#include <iostream>
#include <string>

#include "ngodesk/calendar.h"
#include "ngodesk/opening_hours.h"

int main() {
  const ngodesk::HolidayCalendar calendar = ngodesk::HolidayCalendar::WithoutHolidays();
  std::string line;
  while (std::getline(std::cin, line)) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      std::cout << "error\tmissing tab\n";
      continue;
    }
    const auto hours = ngodesk::OpeningHours::Parse(line.substr(0, tab));
    const auto instant = ngodesk::ParseInstant(line.substr(tab + 1));
    if (!hours.ok() || !instant.ok()) {
      std::cout << "error\t" << (hours.ok() ? instant.error().message : hours.error().message)
                << '\n';
      continue;
    }
    const ngodesk::HoursStatus status = ngodesk::EvaluateAt(*hours, *instant, calendar);
    std::cout << ngodesk::HoursStateName(status.state) << '\t';
    if (status.next_change) {
      std::cout << status.next_change->time_since_epoch().count();
    } else {
      std::cout << '-';
    }
    std::cout << '\n';
  }
  return 0;
}
