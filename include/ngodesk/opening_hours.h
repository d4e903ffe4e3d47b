// A subset of the OpenStreetMap opening_hours specification
// (https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification), and
// its evaluation in China Standard Time against the official holiday calendar.
//
// Supported terms:
// - rules separated by ";" (normal rule), "," (additional rule) and "||"
//   (fallback rule);
// - wide range selectors of months and dates ("May-Sep", "Jul 01-Aug 31",
//   "Dec 25", "Nov-Feb"), optionally followed by ":";
// - weekday selectors of weekday ranges and the public holiday "PH" ("Mo-Fr",
//   "Mo,We", "PH,Sa");
// - time selectors of timespans within a day ("08:30-12:00,13:30-17:30", end
//   up to 24:00), and "24/7";
// - rule modifiers "open", "closed", "off", "unknown", and comments ("...").
// Years, weeks, "SH", "Mo[1]", sunrise and timespans past midnight are
// rejected with a kUnsupported error naming the column.
//
// Evaluation follows the npm package opening_hours 3.15.0, the reference
// implementation. A normal rule that opens or is unknown and selects days
// replaces what earlier rules set for those days. A closing rule closes only
// the times it names. An additional rule adds to the day, and a fallback rule
// fills the times that are closed so far. On top of that, China's calendar
// applies: "PH" matches the statutory public holidays, and a make-up working
// day (调休) is evaluated as a working weekday (see EvaluateDay).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ngodesk/calendar.h"
#include "ngodesk/office.h"
#include "ngodesk/result.h"

namespace ngodesk {

// A time of day interval [start, end) in minutes after midnight, 0-1440.
struct Timespan {
  int start_minute = 0;
  int end_minute = 0;

  bool operator==(const Timespan&) const = default;
};

// An inclusive range of days of the year, "Jul 01-Aug 31" or "May-Sep"
// (May 01-Sep 30). When `first` comes after `last` the range wraps over the
// new year ("Nov-Feb").
struct MonthdayRange {
  std::chrono::month_day first;
  std::chrono::month_day last;

  bool Contains(std::chrono::month_day day) const;
  bool operator==(const MonthdayRange&) const = default;
};

enum class RuleSeparator : std::uint8_t {
  kNormal,      // ";" (and the first rule)
  kAdditional,  // ","
  kFallback,    // "||"
};

enum class RuleModifier : std::uint8_t {
  kOpen,     // no modifier, or "open"
  kClosed,   // "closed" or "off"
  kUnknown,  // "unknown", or a rule of a comment alone
};

// One rule: selectors, then a rule modifier and an optional comment. An
// empty selector matches every day (wide range and weekday selectors) or the
// whole day (time selector).
struct Rule {
  RuleSeparator separator = RuleSeparator::kNormal;
  std::vector<MonthdayRange> monthday_ranges;  // wide range selector; empty: every day
  std::uint8_t weekday_mask = 0;    // bit i: weekday i (0 = Sunday), as std::chrono::weekday
  bool public_holiday = false;      // "PH" appears in the weekday selector
  std::vector<Timespan> timespans;  // time selector; empty: all day
  RuleModifier modifier = RuleModifier::kOpen;
  std::string comment;

  bool has_weekday_selector() const { return weekday_mask != 0 || public_holiday; }
  bool operator==(const Rule&) const = default;
};

// A parsed opening_hours expression. Parse is the only way to build one, so
// every instance contains a valid rule list within the limits below.
class OpeningHours {
 public:
  // Limits that keep a day's evaluation in fixed-size buffers; real office
  // hours use a handful of each.
  static constexpr int kMaxRules = 64;
  static constexpr int kMaxTimespans = 48;

  // Parses an expression. Errors are kParse (malformed: column and reason)
  // or kUnsupported (valid opening_hours outside this subset), with line 1 and
  // a 1-based column counted in characters, in English and Chinese.
  static Result<OpeningHours> Parse(std::string_view expression);

  const std::string& expression() const { return expression_; }
  const std::vector<Rule>& rules() const { return rules_; }
  // True when some rule selects "PH", so the state depends on the calendar.
  bool uses_public_holidays() const { return uses_public_holidays_; }

 private:
  std::string expression_;
  std::vector<Rule> rules_;
  bool uses_public_holidays_ = false;
};

enum class HoursState : std::uint8_t { kOpen, kClosed, kUnknown };

// The cause of a state, as a machine-readable code. Describe gives the text.
enum class ReasonCode : std::uint8_t {
  kOpeningHours,       // open: within the stated hours
  kMakeUpWorkday,      // open: a weekend day that is an official working day
  kLunchBreak,         // closed between two working periods of the same day
  kOutsideHours,       // closed before the first or after the last working period
  kWeekend,            // closed all day on a Saturday or Sunday
  kClosedAllDay,       // closed all day on a weekday by the expression
  kPublicHoliday,      // closed by "PH off" on a statutory public holiday
  kCalendarNotLoaded,  // unknown: the day might be a public holiday in a year not covered
  kUnknownHours,       // unknown: the expression states "unknown" (its comment gives the cause)
};

// A reason with its details. The views point into the calendar and the
// OpeningHours evaluated, which must outlive the reason.
struct HoursReason {
  ReasonCode code = ReasonCode::kOutsideHours;
  const BilingualText* holiday = nullptr;  // the holiday for kPublicHoliday and kMakeUpWorkday
  std::string_view comment;                // the comment of the deciding rule, if any

  bool operator==(const HoursReason&) const = default;
};

// A stable machine code: "opening_hours", "make_up_workday", "lunch_break",
// "outside_hours", "weekend", "closed_all_day", "public_holiday",
// "calendar_not_loaded", "unknown_hours".
std::string_view ReasonCodeName(ReasonCode code);

// "open", "closed" or "unknown".
std::string_view HoursStateName(HoursState state);

// The reason as a sentence fragment in both languages, for example
// "public holiday: Spring Festival" / "法定节假日：春节".
BilingualText Describe(const HoursReason& reason);

// The state at an instant and when it next changes.
struct HoursStatus {
  HoursState state = HoursState::kUnknown;
  HoursReason reason;
  // The first later instant with another state, searched up to 400 days
  // ahead; nullopt when the state never changes within that horizon.
  std::optional<std::chrono::sys_seconds> next_change;
  HoursState next_state = HoursState::kUnknown;
};

// A part of a day in one state for one reason, [start_minute, end_minute).
struct HoursInterval {
  int start_minute = 0;
  int end_minute = 0;
  HoursState state = HoursState::kClosed;
  HoursReason reason;

  bool operator==(const HoursInterval&) const = default;
};

// One China date: what the calendar says and the intervals that cover it
// from 00:00 to 24:00, adjacent intervals differing in state or reason.
struct DayHours {
  std::chrono::year_month_day date;
  CalendarDay calendar;
  std::vector<HoursInterval> intervals;
};

// Evaluates one China date. Public holidays match "PH". A make-up working
// day is evaluated as Monday, or as the first of Tuesday to Friday that has
// open hours under the expression when Monday has none: the State Council's
// notices name no weekday whose hours apply. For a date in a year that the
// calendar does not cover, a weekday that might be a public holiday
// (HolidayCalendar::MightBeHoliday) is evaluated both as a holiday and as a
// working day when the expression uses "PH": where the two differ the state
// is unknown with kCalendarNotLoaded. Weekends stay weekends.
DayHours EvaluateDay(const OpeningHours& hours, std::chrono::year_month_day date,
                     const HolidayCalendar& calendar = HolidayCalendar::Bundled());

// The state at an instant (converted to China Standard Time) and the next change.
HoursStatus EvaluateAt(const OpeningHours& hours, std::chrono::sys_seconds instant,
                       const HolidayCalendar& calendar = HolidayCalendar::Bundled());

}  // namespace ngodesk
