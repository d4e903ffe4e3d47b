// DeriveHours on every hours text of the directory and on variants of them:
// the expression it derives, whether it is an assumption, and the state of
// the derived expression at instants that every office shares.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "ngodesk/calendar.h"
#include "ngodesk/hours_text.h"
#include "ngodesk/opening_hours.h"

namespace ngodesk {
namespace {

constexpr const char* kNoDays = "The source states no working days";
constexpr const char* kDaysStated = "The source does not mention public holidays";

struct TextCase {
  std::string text;
  std::string expression;
  std::string assumption_start;  // empty: not assumed
};

const std::vector<TextCase> kDirectoryTexts = {
    {"08:30-17:00", "Mo-Fr 08:30-17:00; PH off", kNoDays},
    {"09:00-11:30, 14:00-17:00", "Mo-Fr 09:00-11:30,14:00-17:00; PH off", kNoDays},
    {"08:30-12:00, 14:30-18:00", "Mo-Fr 08:30-12:00,14:30-18:00; PH off", kNoDays},
    {"09:00-12:00, 13:30-16:30", "Mo-Fr 09:00-12:00,13:30-16:30; PH off", kNoDays},
    {"08:30-11:30, 13:00-16:00", "Mo-Fr 08:30-11:30,13:00-16:00; PH off", kNoDays},
    {"09:30-18:00", "Mo-Fr 09:30-18:00; PH off", kNoDays},
    {"Mon-Thurs 09:00-17:00, Fri 09:00-16:00", "Mo-Th 09:00-17:00; Fr 09:00-16:00; PH off",
     kDaysStated},
    {"09:00-11:30, 14:00-17:00 (Summer Hours: 9:00-11:30, 14:30-17:00)",
     "Mo-Fr 09:00-11:30,14:00-17:00; Apr-Oct Mo-Fr 09:00-11:30,14:30-17:00, Apr-Oct Mo-Fr "
     "14:00-14:30 unknown "
     "\"summer hours apply on dates not published\"; PH off",
     kNoDays},
};

const std::vector<TextCase> kOtherTexts = {
    {"Mon-Fri 9:00-17:00", "Mo-Fr 09:00-17:00; PH off", kDaysStated},
    {"Monday to Friday 9:00 to 17:00", "Mo-Fr 09:00-17:00; PH off", kDaysStated},
    {"周一至周五 9:00-12:00，14:00-17:00", "Mo-Fr 09:00-12:00,14:00-17:00; PH off", kDaysStated},
    {"星期一至星期四 9：00—17：00；星期五 9：00—16：00",
     "Mo-Th 09:00-17:00; Fr 09:00-16:00; PH off", kDaysStated},
    {"Mon, Wed, Fri: 10:00-12:00", "Mo,We,Fr 10:00-12:00; PH off", kDaysStated},
    {"Mon-Sat 09:00-17:00", "Mo-Sa 09:00-17:00; PH off", kDaysStated},
    {"8:30-17:00 (夏季: 8:30-17:30)",
     "Mo-Fr 08:30-17:00; Apr-Oct Mo-Fr 08:30-17:00, Apr-Oct Mo-Fr 17:00-17:30 unknown \"summer "
     "hours apply on "
     "dates not published\"; PH off",
     kNoDays},
    {"by appointment", "unknown \"published hours text not understood\"", ""},
    {"09:00-17:00 (closed on Wednesdays)", "unknown \"published hours text not understood\"", ""},
    {"17:00-09:00", "unknown \"published hours text not understood\"", ""},
    {"25:00-26:00", "unknown \"published hours text not understood\"", ""},
    {"Mon-Fri", "unknown \"published hours text not understood\"", ""},
    {"", "unknown \"published hours text not understood\"", ""},
};

void ExpectDerived(const TextCase& test) {
  const Hours hours = DeriveHours(test.text);

  EXPECT_EQ(hours.text, test.text);
  EXPECT_EQ(hours.expression, test.expression);
  EXPECT_EQ(hours.assumed, !test.assumption_start.empty());
  EXPECT_TRUE(hours.assumption.en.starts_with(test.assumption_start)) << hours.assumption.en;
  EXPECT_EQ(hours.assumption.zh.empty(), test.assumption_start.empty());
  const Result<OpeningHours> parsed = OpeningHours::Parse(hours.expression);
  EXPECT_TRUE(parsed.ok()) << hours.expression << ": " << parsed.error().message;
}

TEST(DeriveHours, DirectoryTexts) {
  for (const TextCase& test : kDirectoryTexts) {
    SCOPED_TRACE(test.text);
    ExpectDerived(test);
  }
}

TEST(DeriveHours, OtherFormsAndUnreadableTexts) {
  for (const TextCase& test : kOtherTexts) {
    SCOPED_TRACE(test.text);
    ExpectDerived(test);
  }
}

TEST(DeriveHours, NoTextIsUnknownNotAGuess) {
  const Hours hours = DeriveHours(std::nullopt);

  EXPECT_FALSE(hours.text.has_value());
  EXPECT_EQ(hours.expression, "unknown \"no hours published\"");
  EXPECT_FALSE(hours.assumed);
  const OpeningHours parsed = OpeningHours::Parse(hours.expression).value();
  EXPECT_EQ(EvaluateAt(parsed, ParseInstant("2026-03-10T10:00+08:00").value()).state,
            HoursState::kUnknown);
}

TEST(DeriveHours, HebeiSummerAssumptionIsStated) {
  const Hours hours = DeriveHours(kDirectoryTexts.back().text);

  EXPECT_NE(hours.assumption.en.find("April to October"), std::string::npos);
  EXPECT_NE(hours.assumption.zh.find("4月至10月"), std::string::npos);
}

TEST(DeriveHours, HebeiUnknownReasonInChinese) {
  const OpeningHours parsed =
      OpeningHours::Parse(DeriveHours(kDirectoryTexts.back().text).expression).value();
  const HoursReason reason =
      EvaluateAt(parsed, ParseInstant("2026-07-15T14:15+08:00").value()).reason;

  const BilingualText text = Describe(reason);
  EXPECT_NE(text.en.find("summer hours apply on dates not published"), std::string::npos);
  EXPECT_NE(text.zh.find("夏季作息时间适用的日期未公布"), std::string::npos);
  EXPECT_EQ(text.zh.find("summer"), std::string::npos);
}

// Every office's derived hours at instants where all of them agree.
TEST(DeriveHours, EveryDirectoryTextAtSharedInstants) {
  struct Instant {
    const char* at;
    HoursState state;
    ReasonCode reason;
  };
  const std::vector<Instant> instants = {
      {"2026-03-10T10:00+08:00", HoursState::kOpen, ReasonCode::kOpeningHours},
      {"2026-02-17T10:00+08:00", HoursState::kClosed, ReasonCode::kPublicHoliday},
      {"2026-02-14T10:00+08:00", HoursState::kOpen, ReasonCode::kMakeUpWorkday},
      {"2026-10-05T10:00+08:00", HoursState::kClosed, ReasonCode::kPublicHoliday},
      {"2026-03-14T10:00+08:00", HoursState::kClosed, ReasonCode::kWeekend},
      {"2026-03-10T20:00+08:00", HoursState::kClosed, ReasonCode::kOutsideHours},
      {"2026-03-10T12:45+08:00", HoursState::kClosed, ReasonCode::kLunchBreak},
  };
  for (const TextCase& test : kDirectoryTexts) {
    const OpeningHours hours = OpeningHours::Parse(DeriveHours(test.text).expression).value();
    for (const Instant& instant : instants) {
      // Offices without a lunch break are open at 12:45.
      const bool no_lunch =
          test.text == "08:30-17:00" || test.text == "09:30-18:00" || test.text.starts_with("Mon");
      if (no_lunch && instant.reason == ReasonCode::kLunchBreak) continue;
      const HoursStatus status = EvaluateAt(hours, ParseInstant(instant.at).value());
      EXPECT_EQ(status.state, instant.state) << test.text << " at " << instant.at;
      EXPECT_EQ(status.reason.code, instant.reason) << test.text << " at " << instant.at;
    }
  }
}

}  // namespace
}  // namespace ngodesk
