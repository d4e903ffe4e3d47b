// Feeds arbitrary bytes to OpeningHours::Parse, DeriveHours and ParseInstant.
// Every expression that parses is evaluated on days that exercise the
// calendar (a public holiday, a make-up working day, an uncovered year), and
// the intervals of each day must cover 00:00 to 24:00 without gaps.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "ngodesk/calendar.h"
#include "ngodesk/hours_text.h"
#include "ngodesk/opening_hours.h"

namespace {

void CheckDay(const ngodesk::DayHours& day) {
  int minute = 0;
  for (const ngodesk::HoursInterval& interval : day.intervals) {
    if (interval.start_minute != minute || interval.end_minute <= interval.start_minute)
      __builtin_trap();
    minute = interval.end_minute;
  }
  if (minute != 24 * 60) __builtin_trap();
}

void Evaluate(const ngodesk::OpeningHours& hours) {
  using std::chrono::year;
  for (const auto date :
       {year{2026} / 2 / 17, year{2026} / 2 / 14, year{2026} / 7 / 15, year{2027} / 10 / 1}) {
    CheckDay(ngodesk::EvaluateDay(hours, date));
    const ngodesk::HoursStatus status =
        ngodesk::EvaluateAt(hours, ngodesk::FromChinaTime(date, 12 * 60 + 15));
    if (status.next_change && *status.next_change <= ngodesk::FromChinaTime(date, 12 * 60 + 15))
      __builtin_trap();
    (void)ngodesk::Describe(status.reason);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);

  const ngodesk::Result<ngodesk::OpeningHours> hours = ngodesk::OpeningHours::Parse(text);
  if (hours.ok()) Evaluate(*hours);

  // Derived expressions must always parse: DeriveHours never returns a broken one.
  const ngodesk::Hours derived = ngodesk::DeriveHours(text);
  if (!ngodesk::OpeningHours::Parse(derived.expression).ok()) __builtin_trap();

  (void)ngodesk::ParseInstant(text);
  return 0;
}
