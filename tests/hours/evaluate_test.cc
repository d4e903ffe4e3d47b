// The evaluator at fixed instants against the bundled calendar: every case
// names the expression, the instant, and the expected state, reason and next
// change, so a failure reads as one line of the table.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ngodesk/calendar.h"
#include "ngodesk/opening_hours.h"

namespace ngodesk {
namespace {

constexpr const char* kStandard = "Mo-Fr 08:30-17:00; PH off";
constexpr const char* kLunch = "Mo-Fr 09:00-11:30,14:00-17:00; PH off";
constexpr const char* kTianjin = "Mo-Th 09:00-17:00; Fr 09:00-16:00; PH off";
constexpr const char* kHebei =
    "Mo-Fr 09:00-11:30,14:00-17:00; Apr-Oct Mo-Fr 09:00-11:30,14:30-17:00, "
    "Apr-Oct Mo-Fr 14:00-14:30 unknown \"summer hours apply on dates not published\"; PH off";

struct Case {
  std::string name;
  std::string expression;
  std::string at;
  std::string state;
  std::string reason;
  std::string next_change;      // China time, empty for none
  std::string holiday_zh = {};  // the holiday's Chinese name, when the reason has one
};

void PrintTo(const Case& test, std::ostream* out) { *out << test.name; }

std::string EvaluateCase(const Case& test, HoursStatus& status) {
  Result<OpeningHours> hours = OpeningHours::Parse(test.expression);
  if (!hours.ok()) return "parse failed: " + hours.error().message;
  Result<std::chrono::sys_seconds> at = ParseInstant(test.at);
  if (!at.ok()) return "instant failed: " + at.error().message;
  status = EvaluateAt(*hours, *at);
  return {};
}

const std::vector<Case> kCases = {
    {"SpringFestival", kStandard, "2026-02-17T10:00+08:00", "closed", "public_holiday",
     "2026-02-24T08:30:00+08:00", "春节"},
    {"SaturdayMakeUpDay", kStandard, "2026-02-14T10:00+08:00", "open", "make_up_workday",
     "2026-02-14T17:00:00+08:00", "春节"},
    {"SundayMakeUpDay", kStandard, "2026-01-04T09:00+08:00", "open", "make_up_workday",
     "2026-01-04T17:00:00+08:00", "元旦"},
    {"NationalDay", kStandard, "2026-10-05T10:00+08:00", "closed", "public_holiday",
     "2026-10-08T08:30:00+08:00", "国庆节"},
    {"MakeUpDayAfterNationalDay", kStandard, "2026-10-10T16:59+08:00", "open", "make_up_workday",
     "2026-10-10T17:00:00+08:00", "国庆节"},
    {"LunchBreak", kLunch, "2026-03-10T12:30+08:00", "closed", "lunch_break",
     "2026-03-10T14:00:00+08:00"},
    {"MorningOpen", kLunch, "2026-03-10T09:00+08:00", "open", "opening_hours",
     "2026-03-10T11:30:00+08:00"},
    {"BeforeOpening", kLunch, "2026-03-10T08:59:59+08:00", "closed", "outside_hours",
     "2026-03-10T09:00:00+08:00"},
    {"Evening", kStandard, "2026-03-10T17:00+08:00", "closed", "outside_hours",
     "2026-03-11T08:30:00+08:00"},
    {"Saturday", kStandard, "2026-03-14T10:00+08:00", "closed", "weekend",
     "2026-03-16T08:30:00+08:00"},
    {"TianjinFridayAfternoon", kTianjin, "2026-03-13T16:30+08:00", "closed", "outside_hours",
     "2026-03-16T09:00:00+08:00"},
    {"TianjinThursdayAfternoon", kTianjin, "2026-03-12T16:30+08:00", "open", "opening_hours",
     "2026-03-12T17:00:00+08:00"},
    {"TianjinMakeUpDayTakesMondayHours", kTianjin, "2026-02-14T16:30+08:00", "open",
     "make_up_workday", "2026-02-14T17:00:00+08:00", "春节"},
    {"HebeiJulySummerWindow", kHebei, "2026-07-15T14:15+08:00", "unknown", "unknown_hours",
     "2026-07-15T14:30:00+08:00"},
    {"HebeiJulyAfterWindow", kHebei, "2026-07-15T14:45+08:00", "open", "opening_hours",
     "2026-07-15T17:00:00+08:00"},
    {"HebeiJulyLunch", kHebei, "2026-07-15T12:00+08:00", "closed", "lunch_break",
     "2026-07-15T14:00:00+08:00"},
    {"HebeiJanuaryStandardHours", kHebei, "2026-01-14T14:15+08:00", "open", "opening_hours",
     "2026-01-14T17:00:00+08:00"},
    {"UtcInstantCrossesMidnight", kStandard, "2026-03-09T23:30:00Z", "closed", "outside_hours",
     "2026-03-10T08:30:00+08:00"},
    {"UtcInstantOpen", kStandard, "2026-03-10T00:30:00Z", "open", "opening_hours",
     "2026-03-10T17:00:00+08:00"},
    {"NegativeOffsetCrossesMidnight", kStandard, "2026-03-09T20:30:00-05:00", "open",
     "opening_hours", "2026-03-10T17:00:00+08:00"},
    {"UncoveredYearMightBeHoliday", kStandard, "2027-10-01T10:00+08:00", "unknown",
     "calendar_not_loaded", "2027-10-01T17:00:00+08:00"},
    {"UncoveredYearEveningIsCertain", kStandard, "2027-10-01T20:00+08:00", "closed",
     "outside_hours", "2027-10-04T08:30:00+08:00"},
    {"UncoveredYearWeekendIsWeekend", kStandard, "2027-10-02T10:00+08:00", "closed", "weekend",
     "2027-10-04T08:30:00+08:00"},
    {"UncoveredYearOrdinaryWeekday", kStandard, "2027-03-10T10:00+08:00", "open", "opening_hours",
     "2027-03-10T17:00:00+08:00"},
    {"UncoveredYearWithoutPH", "Mo-Fr 08:30-17:00", "2027-10-01T10:00+08:00", "open",
     "opening_hours", "2027-10-01T17:00:00+08:00"},
    {"WithoutPHHolidayIsOrdinary", "Mo-Fr 08:30-17:00", "2026-10-05T10:00+08:00", "open",
     "opening_hours", "2026-10-05T17:00:00+08:00"},
    {"WomensDayIsNoHoliday", kStandard, "2024-03-08T10:00+08:00", "open", "opening_hours",
     "2024-03-08T17:00:00+08:00"},
    {"ChildrensDayIsNoHoliday", kStandard, "2026-06-01T10:00+08:00", "open", "opening_hours",
     "2026-06-01T17:00:00+08:00"},
    {"YouthDayIsNoHoliday", kStandard, "2023-05-04T10:00+08:00", "open", "opening_hours",
     "2023-05-04T17:00:00+08:00"},
    {"NewYearsEveHolidayFrom2025", kStandard, "2025-01-28T10:00+08:00", "closed", "public_holiday",
     "2025-02-05T08:30:00+08:00", "春节"},
    {"NewYearsEveWorkingBefore2025", kStandard, "2024-02-09T10:00+08:00", "open", "opening_hours",
     "2024-02-09T17:00:00+08:00"},
    {"UnknownExpression", "unknown \"no hours published\"", "2026-03-10T10:00+08:00", "unknown",
     "unknown_hours", ""},
    {"AlwaysOpen", "24/7", "2026-02-17T10:00+08:00", "open", "opening_hours", ""},
    {"WeekdayClosedAllDay", "Mo-Th 09:00-17:00; PH off", "2026-03-13T10:00+08:00", "closed",
     "closed_all_day", "2026-03-16T09:00:00+08:00"},
    {"SummerMonthRange",
     "May-Sep Mo-Fr 08:30-12:00,14:30-17:30; Oct-Apr Mo-Fr 08:30-12:00,14:00-17:00; PH off",
     "2026-09-30T14:15+08:00", "closed", "lunch_break", "2026-09-30T14:30:00+08:00"},
    {"WinterMonthRangeWraps",
     "May-Sep Mo-Fr 08:30-12:00,14:30-17:30; Oct-Apr Mo-Fr 08:30-12:00,14:00-17:00; PH off",
     "2026-10-09T14:15+08:00", "open", "opening_hours", "2026-10-09T17:00:00+08:00"},
    {"DateRange", "Mo-Fr 09:00-17:00; Jul 01-Aug 31 Mo-Fr 09:00-12:00", "2026-08-31T13:00+08:00",
     "closed", "outside_hours", "2026-09-01T09:00:00+08:00"},
    {"AdditionalRuleAddsSaturday", "Mo-Fr 09:00-12:00, Sa 10:00-11:00", "2026-03-14T10:30+08:00",
     "open", "opening_hours", "2026-03-14T11:00:00+08:00"},
    {"ClosingRuleClosesOnlyItsTimes", "Mo-Fr 09:00-17:00; We 12:00-13:00 off",
     "2026-03-11T14:00+08:00", "open", "opening_hours", "2026-03-11T17:00:00+08:00"},
    {"ClosingRuleMakesLunchBreak", "Mo-Fr 09:00-17:00; We 12:00-13:00 off",
     "2026-03-11T12:30+08:00", "closed", "lunch_break", "2026-03-11T13:00:00+08:00"},
    {"DaylessRuleReplacesDaylessRule", "10:00-12:00; 14:00-16:00", "2026-03-11T11:00+08:00",
     "closed", "outside_hours", "2026-03-11T14:00:00+08:00"},
    {"FallbackRuleFillsTheRest", "Mo-Fr 09:00-12:00 || \"by appointment\"",
     "2026-03-10T13:00+08:00", "unknown", "unknown_hours", "2026-03-11T09:00:00+08:00"},
};

class EvaluateAtTable : public testing::TestWithParam<Case> {};

TEST_P(EvaluateAtTable, StateReasonAndNextChange) {
  const Case& test = GetParam();
  HoursStatus status;
  ASSERT_EQ(EvaluateCase(test, status), "");
  EXPECT_EQ(HoursStateName(status.state), test.state);
  EXPECT_EQ(ReasonCodeName(status.reason.code), test.reason);
  EXPECT_EQ(status.next_change ? FormatChinaTime(*status.next_change) : "", test.next_change);
  if (!test.holiday_zh.empty()) {
    ASSERT_NE(status.reason.holiday, nullptr);
    EXPECT_EQ(status.reason.holiday->zh, test.holiday_zh);
    EXPECT_NE(Describe(status.reason).zh.find(test.holiday_zh), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, EvaluateAtTable, testing::ValuesIn(kCases),
                         [](const testing::TestParamInfo<Case>& info) { return info.param.name; });

TEST(EvaluateDay, SpringFestivalHolidayIsClosedAllDay) {
  const OpeningHours hours = OpeningHours::Parse(kStandard).value();
  const DayHours day = EvaluateDay(hours, std::chrono::year{2026} / 2 / 17);

  EXPECT_EQ(day.calendar.kind, DayKind::kPublicHoliday);
  ASSERT_EQ(day.intervals.size(), 1u);
  EXPECT_EQ(day.intervals[0].state, HoursState::kClosed);
  EXPECT_EQ(day.intervals[0].reason.code, ReasonCode::kPublicHoliday);
}

TEST(EvaluateDay, LunchDaySplitsIntoFiveIntervals) {
  const OpeningHours hours = OpeningHours::Parse(kLunch).value();
  const DayHours day = EvaluateDay(hours, std::chrono::year{2026} / 3 / 10);

  ASSERT_EQ(day.intervals.size(), 5u);
  EXPECT_EQ(day.intervals[1],
            (HoursInterval{540, 690, HoursState::kOpen, {ReasonCode::kOpeningHours, nullptr, {}}}));
  EXPECT_EQ(day.intervals[2],
            (HoursInterval{690, 840, HoursState::kClosed, {ReasonCode::kLunchBreak, nullptr, {}}}));
  EXPECT_EQ(day.intervals[4].reason.code, ReasonCode::kOutsideHours);
  EXPECT_EQ(day.intervals[4].end_minute, 1440);
}

TEST(EvaluateDay, WithoutHolidaysCalendarIgnoresPublicHolidays) {
  const OpeningHours hours = OpeningHours::Parse(kStandard).value();
  const HolidayCalendar calendar = HolidayCalendar::WithoutHolidays();
  const DayHours day = EvaluateDay(hours, std::chrono::year{2026} / 2 / 17, calendar);

  EXPECT_EQ(day.calendar.kind, DayKind::kOrdinary);
  EXPECT_EQ(day.intervals.size(), 3u);
}

TEST(Describe, GivesBothLanguagesAndComment) {
  const BilingualText text = Describe({ReasonCode::kUnknownHours, nullptr, "by appointment"});

  EXPECT_EQ(text.en, "hours unknown (by appointment)");
  EXPECT_EQ(text.zh, "办公时间不确定（by appointment）");
}

}  // namespace
}  // namespace ngodesk
