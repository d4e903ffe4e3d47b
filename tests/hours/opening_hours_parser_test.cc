// The expression parser: what it accepts, the rules it builds, and the column
// and reason of each rejection.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ngodesk/opening_hours.h"

namespace ngodesk {
namespace {

using std::chrono::month_day;

TEST(OpeningHoursParse, WeekdaysTimespansAndPublicHolidays) {
  const Result<OpeningHours> hours = OpeningHours::Parse("Mo-Fr 08:30-12:00,13:30-17:30; PH off");
  ASSERT_TRUE(hours.ok()) << hours.error().message;

  ASSERT_EQ(hours->rules().size(), 2u);
  const Rule& weekdays = hours->rules()[0];
  EXPECT_EQ(weekdays.weekday_mask, 0b0111110);
  EXPECT_EQ(weekdays.timespans, (std::vector<Timespan>{{510, 720}, {810, 1050}}));
  EXPECT_EQ(weekdays.modifier, RuleModifier::kOpen);
  const Rule& holidays = hours->rules()[1];
  EXPECT_TRUE(holidays.public_holiday);
  EXPECT_EQ(holidays.modifier, RuleModifier::kClosed);
  EXPECT_TRUE(hours->uses_public_holidays());
}

TEST(OpeningHoursParse, MonthAndDateRanges) {
  const Result<OpeningHours> hours =
      OpeningHours::Parse("May-Sep Mo,We 09:00-12:00; Jul 01-Aug 31: Fr 10:00-11:00");
  ASSERT_TRUE(hours.ok()) << hours.error().message;

  const Rule& summer = hours->rules()[0];
  ASSERT_EQ(summer.monthday_ranges.size(), 1u);
  EXPECT_EQ(summer.monthday_ranges[0].first, month_day(std::chrono::May, std::chrono::day{1}));
  EXPECT_EQ(summer.monthday_ranges[0].last,
            month_day(std::chrono::September, std::chrono::day{30}));
  EXPECT_EQ(summer.weekday_mask, 0b0001010);
  const Rule& holiday = hours->rules()[1];
  EXPECT_EQ(holiday.monthday_ranges[0].first, month_day(std::chrono::July, std::chrono::day{1}));
  EXPECT_EQ(holiday.monthday_ranges[0].last, month_day(std::chrono::August, std::chrono::day{31}));
}

TEST(OpeningHoursParse, WrappingMonthRangeContainsNewYear) {
  const Result<OpeningHours> hours = OpeningHours::Parse("Nov-Feb 09:00-16:00");
  ASSERT_TRUE(hours.ok());
  const MonthdayRange& range = hours->rules()[0].monthday_ranges[0];

  EXPECT_TRUE(range.Contains(month_day(std::chrono::January, std::chrono::day{15})));
  EXPECT_TRUE(range.Contains(month_day(std::chrono::February, std::chrono::day{29})));
  EXPECT_FALSE(range.Contains(month_day(std::chrono::March, std::chrono::day{1})));
}

TEST(OpeningHoursParse, CommaBetweenSelectorsStartsAdditionalRule) {
  const Result<OpeningHours> hours =
      OpeningHours::Parse("Mo-Fr 09:00-12:00, Sa 10:00-11:00 || \"call first\"");
  ASSERT_TRUE(hours.ok()) << hours.error().message;

  ASSERT_EQ(hours->rules().size(), 3u);
  EXPECT_EQ(hours->rules()[1].separator, RuleSeparator::kAdditional);
  EXPECT_EQ(hours->rules()[2].separator, RuleSeparator::kFallback);
  EXPECT_EQ(hours->rules()[2].modifier, RuleModifier::kUnknown);
  EXPECT_EQ(hours->rules()[2].comment, "call first");
}

TEST(OpeningHoursParse, ModifiersCommentsAndAlwaysOpen) {
  for (const char* expression :
       {"24/7", "off", "closed", "unknown", "unknown \"no hours published\"", "\"by appointment\"",
        "Mo-Fr 09:00-17:00 open \"front desk\"", "PH,Sa,Su off", "Fr-Mo 10:00-24:00", "Dec 25 off",
        "Jan 01-05 off"}) {
    const Result<OpeningHours> hours = OpeningHours::Parse(expression);
    EXPECT_TRUE(hours.ok()) << expression << ": " << hours.error().message;
  }
}

struct Rejection {
  std::string expression;
  int column;
  std::string message_part;
  ErrorCode code = ErrorCode::kParse;
};

class OpeningHoursRejects : public testing::TestWithParam<Rejection> {};

TEST_P(OpeningHoursRejects, WithColumnAndReason) {
  const Rejection& test = GetParam();
  const Result<OpeningHours> hours = OpeningHours::Parse(test.expression);
  ASSERT_FALSE(hours.ok()) << test.expression;

  EXPECT_EQ(hours.error().code, test.code);
  EXPECT_EQ(hours.error().line, 1);
  EXPECT_EQ(hours.error().column, test.column);
  EXPECT_NE(hours.error().message.find(test.message_part), std::string::npos)
      << hours.error().message;
  EXPECT_FALSE(hours.error().message_zh.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, OpeningHoursRejects,
    testing::Values(
        Rejection{"", 1, "empty"}, Rejection{"Mon-Fri 09:00-17:00", 1, "weekdays are written"},
        Rejection{"Mo-Fr 9:00-17:00", 7, "two-digit"},
        Rejection{"Mo-Fr 09:00-25:00", 13, "invalid time"},
        Rejection{"Mo-Fr 09:00-17:60", 13, "invalid time"},
        Rejection{"Mo-Fr 09:00", 12, "'-' and the end"},
        Rejection{"Mo-Fr 09:00-17:00;", 19, "must be followed by a rule"},
        Rejection{"Mo-Fr 17:00-17:00", 13, "ends when it starts"},
        Rejection{"Mo-Fr 09:00-17:00 \"note", 19, "never closed"},
        Rejection{"Mo-Fr 09:00-17:00 PH", 19, "rule separator"},
        Rejection{"Mo-Fr 09:00-17:00 bogus", 19, "unknown word 'bogus'"},
        Rejection{"Jul 32", 5, "invalid day"}, Rejection{"Mo- 09:00", 5, "to end the range"},
        Rejection{"Mo-Fr 09:00–17:00", 12, "'-' and the end"}, Rejection{"周一 09:00", 1, "'周'"},
        Rejection{"24/8", 1, "24/7"},
        Rejection{"Mo-Fr 22:00-02:00", 13, "past midnight", ErrorCode::kUnsupported},
        Rejection{"2026 Mo-Fr 09:00-17:00", 1, "year", ErrorCode::kUnsupported},
        Rejection{"SH off", 1, "school holidays", ErrorCode::kUnsupported},
        Rejection{"Mo[1] 09:00-12:00", 3, "nth weekday", ErrorCode::kUnsupported},
        Rejection{"Mo-Fr 09:00+", 12, "open-ended", ErrorCode::kUnsupported},
        Rejection{"Mo-Fr sunrise-sunset", 7, "variable times", ErrorCode::kUnsupported}));

TEST(OpeningHoursParse, ColumnsCountCharactersNotBytes) {
  const Result<OpeningHours> hours = OpeningHours::Parse("\"午休\" Mo-Fr x");
  ASSERT_FALSE(hours.ok());

  EXPECT_EQ(hours.error().column, 6);
}

}  // namespace
}  // namespace ngodesk
