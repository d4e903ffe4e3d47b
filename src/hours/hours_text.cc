// Derivation of an opening_hours expression from the hours text an office
// published, such as "09:00-11:30, 14:00-17:00", "Mon-Thurs 09:00-17:00, Fri
// 09:00-16:00" or "周一至周五 9:00-17:00", optionally followed by "(Summer
// Hours: ...)". A text that does not fit is kept verbatim and gets an
// expression of "unknown": the hours are never guessed.
#include "ngodesk/hours_text.h"

#include <array>
#include <bitset>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "hours/derived_comments.h"

namespace ngodesk {
namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr std::uint8_t kMondayToFriday = 0b0111110;  // bit i = std::chrono::weekday{i}

// Months in which a summer schedule without stated dates might apply. The
// window is deliberately wide because provinces set their own summer dates and
// an unknown state costs less than a wrong "closed".
constexpr std::string_view kPossiblySummer = "Apr-Oct";

// An expression of one "unknown" rule with a comment that gives the cause.
std::string UnknownExpression(const hours_internal::DerivedComment& comment) {
  return "unknown \"" + std::string(comment.en) + "\"";
}

// A run of days with the same timespans.
struct DayGroup {
  std::uint8_t weekdays = 0;
  bool stated = false;  // the text named the days
  std::vector<std::pair<int, int>> spans;
};

struct ParsedSchedule {
  std::vector<DayGroup> groups;
  bool days_stated = false;
};

// Day words in English and Chinese (after Normalize), mapped to std::chrono::weekday indexes.
struct DayWord {
  std::string_view word;
  int weekday;
};
constexpr std::array<DayWord, 33> kDayWords = {{
    {"monday", 1}, {"mon", 1},       {"mo", 1},   {"tuesday", 2}, {"tues", 2},   {"tue", 2},
    {"tu", 2},     {"wednesday", 3}, {"weds", 3}, {"wed", 3},     {"we", 3},     {"thursday", 4},
    {"thurs", 4},  {"thur", 4},      {"thu", 4},  {"th", 4},      {"friday", 5}, {"fri", 5},
    {"fr", 5},     {"saturday", 6},  {"sat", 6},  {"sa", 6},      {"sunday", 0}, {"sun", 0},
    {"su", 0},     {"周一", 1},      {"周二", 2}, {"周三", 3},    {"周四", 4},   {"周五", 5},
    {"周六", 6},   {"周日", 0},      {"周天", 0},
}};

// Replaces full-width punctuation and range words with their ASCII forms.
std::string Normalize(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kReplacements = {{
      {" to ", "-"},
      {" To ", "-"},
      {"：", ":"},
      {"，", ","},
      {"、", ","},
      {"；", ";"},
      {"（", "("},
      {"）", ")"},
      {"—", "-"},
      {"–", "-"},
      {"－", "-"},
      {"～", "-"},
      {"~", "-"},
      {"至", "-"},
      {"到", "-"},
      {"星期日", "周日"},
      {"星期天", "周日"},
  }};
  std::string result(text);
  for (const auto& [from, to] : kReplacements) {
    for (std::size_t pos = result.find(from); pos != std::string::npos;
         pos = result.find(from, pos + to.size())) {
      result.replace(pos, from.size(), to);
    }
  }
  // 星期二 to 星期四 have no entry above: map every 星期X to 周X.
  for (std::size_t pos = result.find("星期"); pos != std::string::npos;
       pos = result.find("星期", pos)) {
    result.replace(pos, std::string_view("星期").size(), "周");
  }
  return result;
}

class TextScanner {
 public:
  explicit TextScanner(std::string_view text) : text_(text) {}

  void SkipSpaces() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }
  bool AtEnd() {
    SkipSpaces();
    return pos_ >= text_.size();
  }
  bool Consume(char c) {
    SkipSpaces();
    if (pos_ >= text_.size() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  // A day word, longest match first; English words case-insensitive and not
  // followed by another letter.
  int ReadDay() {
    SkipSpaces();
    for (const DayWord& entry : kDayWords) {
      const std::string_view word = entry.word;
      if (pos_ + word.size() > text_.size()) continue;
      bool same = true;
      for (std::size_t i = 0; i < word.size() && same; ++i) {
        same = std::tolower(static_cast<unsigned char>(text_[pos_ + i])) ==
               static_cast<unsigned char>(word[i]);
      }
      if (!same) continue;
      const std::size_t after = pos_ + word.size();
      if (after < text_.size() && std::isalpha(static_cast<unsigned char>(text_[after]))) continue;
      pos_ = after;
      Consume('.');
      return entry.weekday;
    }
    return -1;
  }

  // "9:00" or "09:00": minutes after midnight, or -1.
  int ReadTime() {
    SkipSpaces();
    std::size_t pos = pos_;
    int hour = 0;
    int digits = 0;
    while (pos < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos])) &&
           digits < 3) {
      hour = hour * 10 + (text_[pos++] - '0');
      ++digits;
    }
    if (digits == 0 || digits > 2 || pos + 2 >= text_.size() || text_[pos] != ':') return -1;
    if (!std::isdigit(static_cast<unsigned char>(text_[pos + 1])) ||
        !std::isdigit(static_cast<unsigned char>(text_[pos + 2]))) {
      return -1;
    }
    const int minute = (text_[pos + 1] - '0') * 10 + (text_[pos + 2] - '0');
    if (hour > 24 || minute > 59 || (hour == 24 && minute != 0)) return -1;
    pos_ = pos + 3;
    return hour * 60 + minute;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// Days: "Mon-Fri", "Mon, Wed", "周一-周五". Returns the weekday mask, or 0.
std::uint8_t ReadDays(TextScanner& scanner, int first) {
  std::uint8_t mask = 0;
  int start = first;
  while (true) {
    int end = start;
    if (scanner.Consume('-')) {
      end = scanner.ReadDay();
      if (end < 0) return 0;
    }
    for (int day = start;; day = (day + 1) % 7) {
      mask = static_cast<std::uint8_t>(mask | (1u << day));
      if (day == end) break;
    }
    // "Mon, Wed 09:00-12:00": a comma followed by another day continues the list.
    TextScanner lookahead = scanner;
    if (!lookahead.Consume(',')) return mask;
    start = lookahead.ReadDay();
    if (start < 0) return mask;
    scanner = lookahead;
  }
}

// Reads day groups and timespans. Returns nullopt for any text it cannot read.
std::optional<ParsedSchedule> ParseSchedule(std::string_view text) {
  ParsedSchedule schedule;
  TextScanner scanner(text);
  while (!scanner.AtEnd()) {
    if (scanner.Consume(',') || scanner.Consume(';')) continue;
    if (const int day = scanner.ReadDay(); day >= 0) {
      const std::uint8_t mask = ReadDays(scanner, day);
      if (mask == 0) return std::nullopt;
      scanner.Consume(':');
      schedule.groups.push_back({mask, true, {}});
      schedule.days_stated = true;
      continue;
    }
    const int start = scanner.ReadTime();
    if (start < 0 || !scanner.Consume('-')) return std::nullopt;
    const int end = scanner.ReadTime();
    if (end <= start) return std::nullopt;
    if (schedule.groups.empty()) schedule.groups.push_back({kMondayToFriday, false, {}});
    schedule.groups.back().spans.emplace_back(start, end);
  }
  if (schedule.groups.empty()) return std::nullopt;
  for (const DayGroup& group : schedule.groups) {
    if (group.spans.empty()) return std::nullopt;
  }
  return schedule;
}

std::string FormatTime(int minute) {
  const std::string hours = std::to_string(minute / 60);
  const std::string minutes = std::to_string(minute % 60);
  return (hours.size() < 2 ? "0" : "") + hours + ":" + (minutes.size() < 2 ? "0" : "") + minutes;
}

std::string FormatSpans(const std::vector<std::pair<int, int>>& spans) {
  std::string result;
  for (const auto& [start, end] : spans) {
    if (!result.empty()) result += ',';
    result += FormatTime(start) + "-" + FormatTime(end);
  }
  return result;
}

// "Mo-Fr", "Mo-Th", "Mo,We", "Sa,Su", in Monday-first order.
std::string FormatWeekdays(std::uint8_t mask) {
  static constexpr std::array<std::string_view, 7> kNames = {"Su", "Mo", "Tu", "We",
                                                             "Th", "Fr", "Sa"};
  std::string result;
  int position = 0;
  while (position < 7) {
    const int day = (position + 1) % 7;
    if ((mask & (1u << day)) == 0) {
      ++position;
      continue;
    }
    int run_end = position;
    while (run_end + 1 < 7 && (mask & (1u << ((run_end + 2) % 7))) != 0) ++run_end;
    if (!result.empty()) result += ',';
    result += kNames[day];
    if (run_end - position >= 2) {
      result += "-" + std::string(kNames[(run_end + 1) % 7]);
    } else if (run_end - position == 1) {
      result += "," + std::string(kNames[(run_end + 1) % 7]);
    }
    position = run_end + 1;
  }
  return result;
}

using MinuteSet = std::bitset<kMinutesPerDay>;

MinuteSet ToMinutes(const std::vector<std::pair<int, int>>& spans) {
  MinuteSet set;
  for (const auto& [start, end] : spans) {
    for (int minute = start; minute < end; ++minute) set.set(static_cast<std::size_t>(minute));
  }
  return set;
}

std::vector<std::pair<int, int>> ToSpans(const MinuteSet& set) {
  std::vector<std::pair<int, int>> spans;
  int minute = 0;
  while (minute < kMinutesPerDay) {
    if (!set.test(static_cast<std::size_t>(minute))) {
      ++minute;
      continue;
    }
    const int start = minute;
    while (minute < kMinutesPerDay && set.test(static_cast<std::size_t>(minute))) ++minute;
    spans.emplace_back(start, minute);
  }
  return spans;
}

// Rules for the months that might be summer: certain where both schedules
// agree, unknown where they differ.
std::string SummerRules(const DayGroup& group,
                        const std::vector<std::pair<int, int>>& summer_spans) {
  const MinuteSet standard = ToMinutes(group.spans);
  const MinuteSet summer = ToMinutes(summer_spans);
  const std::vector<std::pair<int, int>> both = ToSpans(standard & summer);
  const std::vector<std::pair<int, int>> differ = ToSpans(standard ^ summer);
  if (differ.empty()) return {};

  const std::string selector = std::string(kPossiblySummer) + " " + FormatWeekdays(group.weekdays);
  std::string rules = "; " + selector + (both.empty() ? " off" : " " + FormatSpans(both));
  rules += ", " + selector + " " + FormatSpans(differ) + " unknown \"" +
           std::string(hours_internal::kSummerDatesNotPublished.en) + "\"";
  return rules;
}

// Splits "main (Summer Hours: summer)" into its two parts. Returns false when
// the text has a parenthesis that is not a summer schedule.
bool SplitSummer(const std::string& text, std::string& main, std::string& summer) {
  const std::size_t open = text.find('(');
  if (open == std::string::npos) {
    main = text;
    return text.find(')') == std::string::npos;
  }
  const std::size_t close = text.find(')', open);
  if (close == std::string::npos || text.find_first_not_of(" \t.", close + 1) != std::string::npos)
    return false;
  std::string inner = text.substr(open + 1, close - open - 1);
  std::string lower;
  for (char c : inner) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t label_end = std::string::npos;
  for (std::string_view label : {"summer hours", "summer", "夏季作息时间", "夏季作息", "夏季"}) {
    if (lower.rfind(label, 0) == 0) {
      label_end = label.size();
      break;
    }
  }
  if (label_end == std::string::npos) return false;
  summer = inner.substr(label_end);
  main = text.substr(0, open);
  return true;
}

Hours Unreadable(const std::string& text) {
  Hours hours;
  hours.text = text;
  hours.expression = UnknownExpression(hours_internal::kHoursTextNotUnderstood);
  return hours;
}

}  // namespace

Hours DeriveHours(const std::optional<std::string>& published_text) {
  if (!published_text.has_value()) {
    Hours hours;
    hours.expression = UnknownExpression(hours_internal::kNoHoursPublished);
    return hours;
  }
  const std::string& text = *published_text;
  std::string main;
  std::string summer_text;
  if (!SplitSummer(Normalize(text), main, summer_text)) return Unreadable(text);

  const std::optional<ParsedSchedule> schedule = ParseSchedule(main);
  if (!schedule) return Unreadable(text);
  std::optional<ParsedSchedule> summer;
  if (!summer_text.empty()) {
    std::string_view rest = summer_text;
    while (!rest.empty() && (rest.front() == ':' || rest.front() == ' ')) rest.remove_prefix(1);
    summer = ParseSchedule(rest);
    // A summer schedule must be one set of timespans for the same days.
    if (!summer || summer->groups.size() != 1 || summer->days_stated) return Unreadable(text);
  }

  std::string expression;
  for (const DayGroup& group : schedule->groups) {
    if (!expression.empty()) expression += "; ";
    expression += FormatWeekdays(group.weekdays) + " " + FormatSpans(group.spans);
  }
  if (summer) {
    for (const DayGroup& group : schedule->groups)
      expression += SummerRules(group, summer->groups[0].spans);
  }
  expression += "; PH off";

  Hours hours;
  hours.text = text;
  hours.expression = expression;
  hours.assumed = true;
  if (schedule->days_stated) {
    hours.assumption = {
        "The source does not mention public holidays: closed on public holidays is assumed.",
        "来源未提及法定节假日：推定法定节假日不办公。"};
  } else {
    hours.assumption = {
        "The source states no working days: Monday to Friday is assumed, closed on public "
        "holidays.",
        "来源未写明办公日：推定周一至周五办公，法定节假日不办公。"};
  }
  if (summer) {
    hours.assumption.en +=
        " The dates of the summer hours are not stated: from April to October the times where the "
        "two schedules "
        "differ are unknown.";
    hours.assumption.zh += "夏季作息的起止日期未写明：4月至10月两套时间不一致的时段记为“不确定”。";
  }
  return hours;
}

}  // namespace ngodesk
