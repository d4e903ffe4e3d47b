// China Standard Time conversions, ISO 8601 instants and the holiday calendar.
#include <gtest/gtest.h>

#include <string>

#include "ngodesk/calendar.h"

namespace ngodesk {
namespace {

using std::chrono::year;

struct InstantCase {
  std::string text;
  std::string china_time;  // empty: rejected
};

class ParseInstantTable : public testing::TestWithParam<InstantCase> {};

TEST_P(ParseInstantTable, ConvertsToChinaTime) {
  const InstantCase& test = GetParam();
  const Result<std::chrono::sys_seconds> instant = ParseInstant(test.text);
  if (test.china_time.empty()) {
    ASSERT_FALSE(instant.ok()) << test.text;
    EXPECT_EQ(instant.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(instant.error().message.find("YYYY-MM-DDTHH:MM"), std::string::npos);
    EXPECT_NE(instant.error().message_zh.find("格式"), std::string::npos);
    return;
  }
  ASSERT_TRUE(instant.ok()) << instant.error().message;
  EXPECT_EQ(FormatChinaTime(*instant), test.china_time);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ParseInstantTable,
    testing::Values(InstantCase{"2026-02-17T10:00+08:00", "2026-02-17T10:00:00+08:00"},
                    InstantCase{"2026-02-17T02:00:00Z", "2026-02-17T10:00:00+08:00"},
                    InstantCase{"2026-02-16T23:30:00Z", "2026-02-17T07:30:00+08:00"},
                    InstantCase{"2026-02-16T21:00:00-05:00", "2026-02-17T10:00:00+08:00"},
                    InstantCase{"2026-02-17T10:00:30.250+0800", "2026-02-17T10:00:30+08:00"},
                    InstantCase{"2026-02-17T11:00+09", "2026-02-17T10:00:00+08:00"},
                    InstantCase{"2026-02-17T10:00", "2026-02-17T10:00:00+08:00"},
                    InstantCase{"2026-02-17 10:00:00", "2026-02-17T10:00:00+08:00"},
                    InstantCase{"2024-12-31T16:00Z", "2025-01-01T00:00:00+08:00"},
                    InstantCase{"2026-02-30T10:00Z", ""}, InstantCase{"2026-02-17", ""},
                    InstantCase{"17/02/2026 10:00", ""}, InstantCase{"2026-02-17T24:00Z", ""},
                    InstantCase{"2026-02-17T10:00+8", ""},
                    InstantCase{"2026-02-17T10:00+08:00 ", ""},
                    InstantCase{"2026-02-17T10:00:61Z", ""}, InstantCase{"", ""}));

TEST(ParseInstant, HintsAtAPlusLostInAUrlQuery) {
  const Result<std::chrono::sys_seconds> lost = ParseInstant("2026-03-03T10:00 08:00");
  ASSERT_FALSE(lost.ok());
  EXPECT_NE(lost.error().message.find("write the offset as %2B08:00"), std::string::npos);
  EXPECT_NE(lost.error().message_zh.find("请把时差写成 %2B08:00"), std::string::npos);

  const Result<std::chrono::sys_seconds> trailing = ParseInstant("2026-02-17T10:00+08:00 ");
  ASSERT_FALSE(trailing.ok());
  EXPECT_EQ(trailing.error().message.find("%2B"), std::string::npos);
}

TEST(ChinaTime, RoundTripsThroughDateAndMinute) {
  const std::chrono::sys_seconds instant = ParseInstant("2026-02-16T23:30:00Z").value();
  const ChinaTime china = ToChinaTime(instant);

  EXPECT_EQ(china.date, year{2026} / 2 / 17);
  EXPECT_EQ(china.minute, 7 * 60 + 30);
  EXPECT_EQ(FromChinaTime(china.date, china.minute), instant);
}

TEST(BundledCalendar, RecordsPackageAndCoverage) {
  const HolidayCalendar& calendar = HolidayCalendar::Bundled();

  EXPECT_EQ(calendar.package(), "chinese-days 1.5.7 MIT");
  EXPECT_LE(calendar.first_year(), 2017);
  EXPECT_GE(calendar.last_year(), 2026);
  EXPECT_FALSE(calendar.last_entry().empty());
}

TEST(BundledCalendar, SpringFestivalAndMakeUpDays2026) {
  const HolidayCalendar& calendar = HolidayCalendar::Bundled();

  const CalendarDay holiday = calendar.Lookup(year{2026} / 2 / 17);
  EXPECT_EQ(holiday.kind, DayKind::kPublicHoliday);
  ASSERT_NE(holiday.name, nullptr);
  EXPECT_EQ(holiday.name->en, "Spring Festival");
  EXPECT_EQ(holiday.name->zh, "春节");
  EXPECT_EQ(calendar.Lookup(year{2026} / 2 / 14).kind, DayKind::kMakeUpWorkday);
  EXPECT_EQ(calendar.Lookup(year{2026} / 3 / 10).kind, DayKind::kOrdinary);
  EXPECT_EQ(calendar.Lookup(year{2027} / 2 / 10).kind, DayKind::kNotCovered);
  EXPECT_EQ(calendar.Lookup(year{1999} / 10 / 1).kind, DayKind::kNotCovered);
}

TEST(BundledCalendar, EveryYearFrom2017To2026HasSpringFestival) {
  const HolidayCalendar& calendar = HolidayCalendar::Bundled();
  for (int y = 2017; y <= 2026; ++y) {
    int spring_festival_days = 0;
    for (std::chrono::sys_days day{year{y} / 1 / 15};
         day <= std::chrono::sys_days{year{y} / 2 / 28}; day += std::chrono::days{1}) {
      const CalendarDay entry = calendar.Lookup(std::chrono::year_month_day{day});
      if (entry.kind == DayKind::kPublicHoliday && entry.name->en == "Spring Festival")
        ++spring_festival_days;
    }
    EXPECT_GE(spring_festival_days, 7) << y;
  }
}

TEST(BundledCalendar, MightBeHolidayFollowsCoveredYears) {
  const HolidayCalendar& calendar = HolidayCalendar::Bundled();
  using std::chrono::month_day;

  EXPECT_TRUE(calendar.MightBeHoliday(month_day{std::chrono::October, std::chrono::day{1}}));
  EXPECT_TRUE(calendar.MightBeHoliday(month_day{std::chrono::February, std::chrono::day{10}}));
  EXPECT_FALSE(calendar.MightBeHoliday(month_day{std::chrono::March, std::chrono::day{10}}));
  EXPECT_FALSE(calendar.MightBeHoliday(month_day{std::chrono::March, std::chrono::day{8}}));
}

TEST(CalendarParse, RejectsBadLinesWithLineNumber) {
  const Result<HolidayCalendar> bad_kind =
      HolidayCalendar::Parse("@coverage 2026 2026\n2026-01-01\tfestival\tNew Year's Day\t元旦\n");
  ASSERT_FALSE(bad_kind.ok());
  EXPECT_EQ(bad_kind.error().line, 2);
  EXPECT_NE(bad_kind.error().message.find("festival"), std::string::npos);

  const Result<HolidayCalendar> bad_date =
      HolidayCalendar::Parse("@coverage 2026 2026\n2026-02-30\tholiday\tX\tY\n");
  ASSERT_FALSE(bad_date.ok());
  EXPECT_EQ(bad_date.error().line, 2);

  const Result<HolidayCalendar> no_coverage = HolidayCalendar::Parse("2026-01-01\tholiday\tX\tY\n");
  EXPECT_FALSE(no_coverage.ok());
}

}  // namespace
}  // namespace ngodesk
