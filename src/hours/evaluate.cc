// Evaluation of a parsed opening_hours expression for one China date, and
// the state at an instant with the next change. A day is a short list of
// segments in a fixed-size buffer, so evaluation allocates nothing.
#include <algorithm>
#include <array>

#include "ngodesk/opening_hours.h"

#include "hours/derived_comments.h"

namespace ngodesk {
namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr int kMinutesPerDay = 24 * 60;
constexpr std::uint8_t kNoRule = 255;        // no rule covers the segment
constexpr std::uint8_t kCalendarRule = 254;  // unknown because the calendar is not loaded
constexpr int kSearchDays = 400;

// A part of the day from `start` to the next segment's start (or 24:00),
// with the state and the index of the rule that set it.
struct Segment {
  std::uint16_t start;
  HoursState state;
  std::uint8_t rule;
};

// Two rules add at most two boundaries per timespan, and merging the holiday
// and working-day versions of a day adds the two lists: 4 * kMaxTimespans + 8
// bounds them all.
constexpr int kMaxSegments = 4 * OpeningHours::kMaxTimespans + 8;

struct Plan {
  std::array<Segment, kMaxSegments> segments;
  int count = 0;

  int End(int i) const { return i + 1 < count ? segments[i + 1].start : kMinutesPerDay; }
  void Reset() {
    segments[0] = {0, HoursState::kClosed, kNoRule};
    count = 1;
  }
  bool HasWorkingTime() const {
    for (int i = 0; i < count; ++i) {
      if (segments[i].state != HoursState::kClosed) return true;
    }
    return false;
  }
};

// Appends a segment, merging it into the last one when nothing differs.
void Append(Plan& plan, Segment segment) {
  if (plan.count > 0) {
    const Segment& last = plan.segments[plan.count - 1];
    if (last.state == segment.state && last.rule == segment.rule) return;
    if (last.start == segment.start) {
      plan.segments[plan.count - 1] = segment;
      if (plan.count > 1) {
        const Segment& before = plan.segments[plan.count - 2];
        if (before.state == segment.state && before.rule == segment.rule) --plan.count;
      }
      return;
    }
  }
  plan.segments[plan.count++] = segment;
}

// Sets [from, to) to `state` set by `rule`; a fallback rule sets only the
// parts that are closed so far.
void Overlay(Plan& plan, int from, int to, HoursState state, std::uint8_t rule, bool fallback) {
  Plan result;
  for (int i = 0; i < plan.count; ++i) {
    const Segment segment = plan.segments[i];
    const int start = segment.start;
    const int end = plan.End(i);
    const bool replace = !fallback || segment.state == HoursState::kClosed;
    if (!replace || end <= from || start >= to) {
      Append(result, segment);
      continue;
    }
    if (start < from) Append(result, {segment.start, segment.state, segment.rule});
    Append(result, {static_cast<std::uint16_t>(std::max(start, from)), state, rule});
    if (end > to) Append(result, {static_cast<std::uint16_t>(to), segment.state, segment.rule});
  }
  // Copy only the segments in use: the whole buffer is ten times larger.
  std::copy_n(result.segments.begin(), result.count, plan.segments.begin());
  plan.count = result.count;
}

HoursState StateOf(RuleModifier modifier) {
  switch (modifier) {
    case RuleModifier::kOpen:
      return HoursState::kOpen;
    case RuleModifier::kClosed:
      return HoursState::kClosed;
    case RuleModifier::kUnknown:
      break;
  }
  return HoursState::kUnknown;
}

bool Matches(const Rule& rule, std::chrono::month_day day, unsigned weekday, bool is_holiday) {
  if (!rule.monthday_ranges.empty()) {
    bool in_range = false;
    for (const MonthdayRange& range : rule.monthday_ranges)
      in_range = in_range || range.Contains(day);
    if (!in_range) return false;
  }
  if (!rule.has_weekday_selector()) return true;
  return (rule.weekday_mask & (1u << weekday)) != 0 || (rule.public_holiday && is_holiday);
}

bool HasDaySelector(const Rule& rule) {
  return !rule.monthday_ranges.empty() || rule.has_weekday_selector();
}

// Returns true when a matching rule replaces what earlier rules set for the
// day. This follows the npm package opening_hours 3.15.0, the reference
// implementation. A normal rule replaces the day when it opens or is unknown
// and selects days, or when it opens and the rule before it selected no days
// ("10:00-12:00; 14:00-16:00"). A closing rule never replaces the day, so
// "Mo-Fr 09:00-17:00; We 12:00-13:00 off" closes only 12:00-13:00.
bool ReplacesDay(const std::vector<Rule>& rules, std::size_t index) {
  const Rule& rule = rules[index];
  if (rule.separator != RuleSeparator::kNormal || rule.modifier == RuleModifier::kClosed)
    return false;
  if (HasDaySelector(rule)) return true;
  return index > 0 && rule.modifier == RuleModifier::kOpen && !HasDaySelector(rules[index - 1]);
}

// Applies the rules in order to one day.
void BuildPlan(const OpeningHours& hours, std::chrono::month_day day, unsigned weekday,
               bool is_holiday, Plan& plan) {
  plan.Reset();
  const std::vector<Rule>& rules = hours.rules();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule& rule = rules[i];
    if (!Matches(rule, day, weekday, is_holiday)) continue;
    if (ReplacesDay(rules, i)) plan.Reset();
    const bool fallback = rule.separator == RuleSeparator::kFallback;
    const auto index = static_cast<std::uint8_t>(i);
    const HoursState state = StateOf(rule.modifier);
    if (rule.timespans.empty()) {
      Overlay(plan, 0, kMinutesPerDay, state, index, fallback);
      continue;
    }
    for (const Timespan& span : rule.timespans) {
      Overlay(plan, span.start_minute, span.end_minute, state, index, fallback);
    }
  }
}

// Merges the holiday and working-day versions of a day. Where they differ the
// state is unknown, because the calendar cannot tell which applies.
void MergeUncertain(const Plan& working, const Plan& holiday, Plan& result) {
  result.count = 0;
  int i = 0;
  int j = 0;
  int minute = 0;
  while (minute < kMinutesPerDay) {
    const Segment& a = working.segments[i];
    const Segment& b = holiday.segments[j];
    const Segment merged =
        a.state == b.state
            ? Segment{static_cast<std::uint16_t>(minute), a.state, a.rule}
            : Segment{static_cast<std::uint16_t>(minute), HoursState::kUnknown, kCalendarRule};
    Append(result, merged);
    const int next = std::min(working.End(i), holiday.End(j));
    if (working.End(i) == next) ++i;
    if (holiday.End(j) == next) ++j;
    minute = next;
  }
}

// The evaluated day: segments plus what the reasons need to know.
struct DayContext {
  Plan plan;
  CalendarDay calendar;
  unsigned weekday = 0;  // the real weekday, 0 = Sunday
};

void ComputeDay(const OpeningHours& hours, year_month_day date, const HolidayCalendar& calendar,
                DayContext& day) {
  const std::chrono::month_day month_day{date.month(), date.day()};
  day.calendar = calendar.Lookup(date);
  day.weekday = std::chrono::weekday{sys_days{date}}.c_encoding();

  switch (day.calendar.kind) {
    case DayKind::kOrdinary:
      BuildPlan(hours, month_day, day.weekday, false, day.plan);
      return;
    case DayKind::kPublicHoliday:
      BuildPlan(hours, month_day, day.weekday, true, day.plan);
      return;
    case DayKind::kMakeUpWorkday:
      // Monday's hours, or the first weekday up to Friday that opens at all.
      for (unsigned weekday = 1; weekday <= 5; ++weekday) {
        BuildPlan(hours, month_day, weekday, false, day.plan);
        if (day.plan.HasWorkingTime()) return;
      }
      BuildPlan(hours, month_day, 1, false, day.plan);
      return;
    case DayKind::kNotCovered:
      break;
  }

  const bool weekend = day.weekday == 0 || day.weekday == 6;
  if (!hours.uses_public_holidays() || weekend || !calendar.MightBeHoliday(month_day)) {
    BuildPlan(hours, month_day, day.weekday, false, day.plan);
    return;
  }
  Plan working;
  Plan holiday;
  BuildPlan(hours, month_day, day.weekday, false, working);
  BuildPlan(hours, month_day, day.weekday, true, holiday);
  MergeUncertain(working, holiday, day.plan);
}

HoursReason ReasonFor(const OpeningHours& hours, const DayContext& day, int index) {
  const Segment& segment = day.plan.segments[index];
  const Rule* rule = segment.rule < hours.rules().size() ? &hours.rules()[segment.rule] : nullptr;
  HoursReason reason;
  if (rule != nullptr) reason.comment = rule->comment;

  if (segment.state == HoursState::kUnknown) {
    reason.code =
        segment.rule == kCalendarRule ? ReasonCode::kCalendarNotLoaded : ReasonCode::kUnknownHours;
    return reason;
  }
  if (segment.state == HoursState::kOpen) {
    const bool make_up = day.calendar.kind == DayKind::kMakeUpWorkday;
    reason.code = make_up ? ReasonCode::kMakeUpWorkday : ReasonCode::kOpeningHours;
    if (make_up) reason.holiday = day.calendar.name;
    return reason;
  }

  if (rule != nullptr && rule->public_holiday && day.calendar.kind == DayKind::kPublicHoliday) {
    reason.code = ReasonCode::kPublicHoliday;
    reason.holiday = day.calendar.name;
    return reason;
  }
  if (!day.plan.HasWorkingTime()) {
    const bool weekend =
        (day.weekday == 0 || day.weekday == 6) && day.calendar.kind != DayKind::kMakeUpWorkday;
    reason.code = weekend ? ReasonCode::kWeekend : ReasonCode::kClosedAllDay;
    return reason;
  }
  bool working_before = false;
  bool working_after = false;
  for (int i = 0; i < day.plan.count; ++i) {
    if (day.plan.segments[i].state == HoursState::kClosed) continue;
    (i < index ? working_before : working_after) = true;
  }
  reason.code =
      working_before && working_after ? ReasonCode::kLunchBreak : ReasonCode::kOutsideHours;
  return reason;
}

int SegmentAt(const Plan& plan, int minute) {
  int index = 0;
  while (index + 1 < plan.count && plan.segments[index + 1].start <= minute) ++index;
  return index;
}

}  // namespace

std::string_view ReasonCodeName(ReasonCode code) {
  switch (code) {
    case ReasonCode::kOpeningHours:
      return "opening_hours";
    case ReasonCode::kMakeUpWorkday:
      return "make_up_workday";
    case ReasonCode::kLunchBreak:
      return "lunch_break";
    case ReasonCode::kOutsideHours:
      return "outside_hours";
    case ReasonCode::kWeekend:
      return "weekend";
    case ReasonCode::kClosedAllDay:
      return "closed_all_day";
    case ReasonCode::kPublicHoliday:
      return "public_holiday";
    case ReasonCode::kCalendarNotLoaded:
      return "calendar_not_loaded";
    case ReasonCode::kUnknownHours:
      return "unknown_hours";
  }
  return "unknown_hours";
}

std::string_view HoursStateName(HoursState state) {
  switch (state) {
    case HoursState::kOpen:
      return "open";
    case HoursState::kClosed:
      return "closed";
    case HoursState::kUnknown:
      break;
  }
  return "unknown";
}

BilingualText Describe(const HoursReason& reason) {
  const BilingualText holiday = reason.holiday != nullptr ? *reason.holiday : BilingualText{};
  BilingualText text;
  switch (reason.code) {
    case ReasonCode::kOpeningHours:
      text = {"within opening hours", "办公时间内"};
      break;
    case ReasonCode::kMakeUpWorkday:
      text = {"make-up working day (调休) for " + holiday.en, "调休上班日（" + holiday.zh + "）"};
      break;
    case ReasonCode::kLunchBreak:
      text = {"lunch break", "午休"};
      break;
    case ReasonCode::kOutsideHours:
      text = {"outside opening hours", "非办公时间"};
      break;
    case ReasonCode::kWeekend:
      text = {"weekend", "周末"};
      break;
    case ReasonCode::kClosedAllDay:
      text = {"closed all day", "全天不办公"};
      break;
    case ReasonCode::kPublicHoliday:
      text = {"public holiday: " + holiday.en, "法定节假日：" + holiday.zh};
      break;
    case ReasonCode::kCalendarNotLoaded:
      text = {
          "calendar not loaded: the official holiday calendar for this year is not loaded, and "
          "this day might "
          "be a public holiday",
          "未载入日历：尚未载入该年度的官方节假日安排，当天可能是法定节假日"};
      break;
    case ReasonCode::kUnknownHours:
      text = {"hours unknown", "办公时间不确定"};
      break;
  }
  if (!reason.comment.empty()) {
    text.en += " (" + std::string(reason.comment) + ")";
    text.zh += "（" + std::string(hours_internal::ChineseComment(reason.comment)) + "）";
  }
  return text;
}

DayHours EvaluateDay(const OpeningHours& hours, year_month_day date,
                     const HolidayCalendar& calendar) {
  DayContext day;
  ComputeDay(hours, date, calendar, day);

  DayHours result;
  result.date = date;
  result.calendar = day.calendar;
  for (int i = 0; i < day.plan.count; ++i) {
    const HoursInterval interval{day.plan.segments[i].start, day.plan.End(i),
                                 day.plan.segments[i].state, ReasonFor(hours, day, i)};
    if (!result.intervals.empty() && result.intervals.back().state == interval.state &&
        result.intervals.back().reason == interval.reason) {
      result.intervals.back().end_minute = interval.end_minute;
      continue;
    }
    result.intervals.push_back(interval);
  }
  return result;
}

HoursStatus EvaluateAt(const OpeningHours& hours, std::chrono::sys_seconds instant,
                       const HolidayCalendar& calendar) {
  const ChinaTime now = ToChinaTime(instant);
  DayContext day;
  ComputeDay(hours, now.date, calendar, day);
  const int index = SegmentAt(day.plan, now.minute);

  HoursStatus status;
  status.state = day.plan.segments[index].state;
  status.reason = ReasonFor(hours, day, index);

  for (int i = index + 1; i < day.plan.count; ++i) {
    if (day.plan.segments[i].state == status.state) continue;
    status.next_change = FromChinaTime(now.date, day.plan.segments[i].start);
    status.next_state = day.plan.segments[i].state;
    return status;
  }
  sys_days next_date{now.date};
  for (int offset = 1; offset <= kSearchDays; ++offset) {
    next_date += std::chrono::days{1};
    ComputeDay(hours, year_month_day{next_date}, calendar, day);
    for (int i = 0; i < day.plan.count; ++i) {
      if (day.plan.segments[i].state == status.state) continue;
      status.next_change = FromChinaTime(year_month_day{next_date}, day.plan.segments[i].start);
      status.next_state = day.plan.segments[i].state;
      return status;
    }
  }
  return status;
}

}  // namespace ngodesk
