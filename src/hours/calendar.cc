#include "ngodesk/calendar.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "ngodesk/embedded.h"

NGODESK_DECLARE_EMBEDDED(ngodesk_holidays_tsv)

namespace ngodesk {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

// Reads exactly `width` decimal digits at `pos`, or nullopt.
std::optional<int> ReadDigits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// Parses "YYYY-MM-DD" at the start of `text` into a valid date.
std::optional<year_month_day> ReadDate(std::string_view text) {
  const auto y = ReadDigits(text, 0, 4);
  const auto m = ReadDigits(text, 5, 2);
  const auto d = ReadDigits(text, 8, 2);
  if (!y || !m || !d || text[4] != '-' || text[7] != '-') return std::nullopt;
  const year_month_day date{std::chrono::year(*y), std::chrono::month(static_cast<unsigned>(*m)),
                            std::chrono::day(static_cast<unsigned>(*d))};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

Error CalendarError(int line, int column, const std::string& en, const std::string& zh) {
  return Error::Parse(line, column, "holiday calendar: " + en, "节假日日历：" + zh);
}

}  // namespace

ChinaTime ToChinaTime(std::chrono::sys_seconds instant) {
  const auto local = instant + kChinaUtcOffset;
  const auto day = std::chrono::floor<days>(local);
  const auto minute = std::chrono::floor<std::chrono::minutes>(local - day);
  return {year_month_day{sys_days{day}}, static_cast<int>(minute.count())};
}

std::chrono::sys_seconds FromChinaTime(year_month_day date, int minute) {
  return std::chrono::sys_seconds{sys_days{date}} + std::chrono::minutes{minute} - kChinaUtcOffset;
}

std::string FormatChinaTime(std::chrono::sys_seconds instant) {
  const auto local = instant + kChinaUtcOffset;
  const auto day = std::chrono::floor<days>(local);
  const year_month_day date{day};
  const std::chrono::hh_mm_ss time{local - day};
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d+08:00",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  return buffer;
}

Result<std::chrono::sys_seconds> ParseInstant(std::string_view text) {
  const auto invalid = [&text] {
    const std::string value(text);
    // A space after the time is most often the offset's '+', which a URL
    // query decodes as a space.
    const std::size_t space = text.size() > 16 ? text.find(' ', 16) : std::string_view::npos;
    const bool plus_lost = space != std::string_view::npos && space + 1 < text.size() &&
                           text[space + 1] >= '0' && text[space + 1] <= '9' &&
                           text.find('+') == std::string_view::npos;
    return Error::InvalidArgument(
        "invalid instant \"" + value +
            "\": expected ISO 8601 YYYY-MM-DDTHH:MM[:SS] with Z or an offset such as +08:00 "
            "(without an offset the time is read as China time)" +
            (plus_lost ? ". In a URL query a '+' becomes a space: write the offset as %2B08:00"
                       : ""),
        "无效的时刻“" + value +
            "”：应为 ISO 8601 格式 YYYY-MM-DDTHH:MM[:SS]，后接 Z 或时差（如 "
            "+08:00）；不写时差则按北京时间理解" +
            (plus_lost ? "。在 URL 查询中“+”会变成空格，请把时差写成 %2B08:00" : ""));
  };

  const auto date = ReadDate(text);
  if (!date || text.size() < 16 || (text[10] != 'T' && text[10] != ' ')) return invalid();
  const auto hour = ReadDigits(text, 11, 2);
  const auto minute = ReadDigits(text, 14, 2);
  if (!hour || !minute || text[13] != ':' || *hour > 23 || *minute > 59) return invalid();
  std::size_t pos = 16;

  int second = 0;
  if (pos < text.size() && text[pos] == ':') {
    const auto value = ReadDigits(text, pos + 1, 2);
    if (!value || *value > 59) return invalid();  // leap seconds are not accepted
    second = *value;
    pos += 3;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      ++pos;
      const std::size_t digits_start = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == digits_start) return invalid();
    }
  }

  std::chrono::minutes offset = kChinaUtcOffset;
  if (pos < text.size() && text[pos] == 'Z') {
    offset = std::chrono::minutes{0};
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const int sign = text[pos] == '+' ? 1 : -1;
    const auto offset_hours = ReadDigits(text, pos + 1, 2);
    if (!offset_hours || *offset_hours > 14) return invalid();
    pos += 3;
    int offset_minutes = 0;
    if (pos < text.size() && text[pos] == ':') ++pos;
    if (pos < text.size()) {
      const auto value = ReadDigits(text, pos, 2);
      if (!value || *value > 59) return invalid();
      offset_minutes = *value;
      pos += 2;
    }
    offset = std::chrono::minutes{sign * (*offset_hours * 60 + offset_minutes)};
  }
  if (pos != text.size()) return invalid();

  const auto local = std::chrono::sys_seconds{sys_days{*date}} + std::chrono::hours{*hour} +
                     std::chrono::minutes{*minute} + std::chrono::seconds{second};
  return local - offset;
}

Result<HolidayCalendar> HolidayCalendar::Parse(std::string_view text) {
  struct Entry {
    sys_days day;
    DayKind kind;
    std::uint16_t name;
  };
  HolidayCalendar calendar;
  calendar.holiday_month_days_.assign(13 * 32, false);
  std::vector<Entry> entries;
  bool has_coverage = false;

  int line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.empty() || line[0] == '#') continue;

    if (line[0] == '@') {
      const std::size_t space = line.find(' ');
      const std::string_view key = line.substr(0, space);
      const std::string_view value = space == std::string_view::npos ? "" : line.substr(space + 1);
      if (key == "@package") {
        calendar.package_ = std::string(value);
      } else if (key == "@last-entry") {
        calendar.last_entry_ = std::string(value);
      } else if (key == "@coverage") {
        const int parsed = std::sscanf(std::string(value).c_str(), "%d %d", &calendar.first_year_,
                                       &calendar.last_year_);
        if (parsed != 2 || calendar.first_year_ < 1900 ||
            calendar.last_year_ < calendar.first_year_ || calendar.last_year_ > 2200) {
          return CalendarError(line_number, 11, "invalid @coverage \"" + std::string(value) + "\"",
                               "无效的 @coverage“" + std::string(value) + "”");
        }
        has_coverage = true;
      }
      continue;
    }

    const std::vector<std::string_view> fields = SplitTabs(line);
    const auto date = ReadDate(fields[0]);
    if (fields.size() != 4 || !date || fields[0].size() != 10 || fields[2].empty() ||
        fields[3].empty()) {
      return CalendarError(
          line_number, 1,
          "expected DATE<TAB>holiday|workday<TAB>English<TAB>Chinese, got \"" + std::string(line) +
              "\"",
          "应为 日期<TAB>holiday|workday<TAB>英文名<TAB>中文名，实为“" + std::string(line) + "”");
    }
    DayKind kind;
    if (fields[1] == "holiday") {
      kind = DayKind::kPublicHoliday;
    } else if (fields[1] == "workday") {
      kind = DayKind::kMakeUpWorkday;
    } else {
      return CalendarError(line_number, 12, "unknown kind \"" + std::string(fields[1]) + "\"",
                           "未知类别“" + std::string(fields[1]) + "”");
    }

    BilingualText name{std::string(fields[2]), std::string(fields[3])};
    std::size_t index = 0;
    while (index < calendar.names_.size() && calendar.names_[index] != name) ++index;
    if (index == calendar.names_.size()) calendar.names_.push_back(std::move(name));
    entries.push_back({sys_days{*date}, kind, static_cast<std::uint16_t>(index)});

    const std::chrono::weekday weekday{sys_days{*date}};
    if (kind == DayKind::kPublicHoliday && weekday != std::chrono::Saturday &&
        weekday != std::chrono::Sunday) {
      calendar.holiday_month_days_[static_cast<unsigned>(date->month()) * 32 +
                                   static_cast<unsigned>(date->day())] = true;
    }
  }
  if (!has_coverage) {
    return CalendarError(line_number, 1, "the @coverage header is missing", "缺少 @coverage 头");
  }

  using std::chrono::January;
  using std::chrono::year;
  calendar.first_day_ = sys_days{year(calendar.first_year_) / January / 1};
  const sys_days after_last{year(calendar.last_year_ + 1) / January / 1};
  const auto day_count = static_cast<std::size_t>((after_last - calendar.first_day_).count());
  calendar.kinds_.assign(day_count, static_cast<std::uint8_t>(DayKind::kOrdinary));
  calendar.name_index_.assign(day_count, 0);
  for (const Entry& entry : entries) {
    if (entry.day < calendar.first_day_ || entry.day >= after_last) {
      return CalendarError(0, 0, "a date lies outside the @coverage years",
                           "有日期超出 @coverage 年份范围");
    }
    const auto offset = static_cast<std::size_t>((entry.day - calendar.first_day_).count());
    calendar.kinds_[offset] = static_cast<std::uint8_t>(entry.kind);
    calendar.name_index_[offset] = entry.name;
  }
  return calendar;
}

const HolidayCalendar& HolidayCalendar::Bundled() {
  static const HolidayCalendar calendar = [] {
    Result<HolidayCalendar> parsed = Parse(NGODESK_EMBEDDED_VIEW(ngodesk_holidays_tsv));
    if (!parsed.ok()) {
      // The file is generated and tested at build time, so this is a build defect.
      std::fprintf(stderr, "ngodesk: bundled holiday calendar is invalid: %s\n",
                   parsed.error().message.c_str());
      std::abort();
    }
    return std::move(parsed).value();
  }();
  return calendar;
}

HolidayCalendar HolidayCalendar::WithoutHolidays() {
  HolidayCalendar calendar;
  calendar.covers_all_years_ = true;
  calendar.holiday_month_days_.assign(13 * 32, false);
  calendar.package_ = "none";
  return calendar;
}

bool HolidayCalendar::Covers(year_month_day date) const {
  if (covers_all_years_) return true;
  const int year = static_cast<int>(date.year());
  return year >= first_year_ && year <= last_year_;
}

CalendarDay HolidayCalendar::Lookup(year_month_day date) const {
  if (covers_all_years_) return {};
  const auto offset = (sys_days{date} - first_day_).count();
  if (offset < 0 || static_cast<std::size_t>(offset) >= kinds_.size())
    return {DayKind::kNotCovered, nullptr};
  const auto index = static_cast<std::size_t>(offset);
  const auto kind = static_cast<DayKind>(kinds_[index]);
  if (kind == DayKind::kOrdinary) return {};
  return {kind, &names_[name_index_[index]]};
}

bool HolidayCalendar::MightBeHoliday(std::chrono::month_day day) const {
  if (!day.ok()) return false;
  return holiday_month_days_[static_cast<unsigned>(day.month()) * 32 +
                             static_cast<unsigned>(day.day())];
}

}  // namespace ngodesk
