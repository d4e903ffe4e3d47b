#include "cli/moderation_cli.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <ostream>

#include "server/reader_text.h"

namespace ngodesk::cli {

using Json = nlohmann::ordered_json;

std::chrono::sys_seconds Now() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::chrono::sys_days ChinaToday() {
  return std::chrono::floor<std::chrono::days>(Now() + std::chrono::hours(8));
}

std::string FormatDay(std::chrono::sys_days day) {
  const std::chrono::year_month_day date(day);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

std::string DefaultEditorName() {
  const char* user = std::getenv("USER");
  return user != nullptr && *user != '\0' ? std::string(user) : std::string("cli");
}

Result<std::int64_t> ParseReportId(std::string_view text) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error == std::errc() && end == text.data() + text.size() && id > 0) return id;
  const std::string value(text);
  return Error::InvalidArgument(
      "\"" + value + "\" is not a report id; use the number `ngodesk review` shows.",
      "\"" + value + "\" 不是报告编号；请使用 `ngodesk review` 显示的数字。");
}

Result<std::chrono::days> ParseAge(std::string_view text) {
  std::string_view digits = text;
  int days_per_unit = 1;
  if (!digits.empty() && (digits.back() == 'd' || digits.back() == 'w')) {
    days_per_unit = digits.back() == 'w' ? 7 : 1;
    digits.remove_suffix(1);
  }
  int count = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
  constexpr int kMaxDays = 100 * 366;
  if (!digits.empty() && error == std::errc() && end == digits.data() + digits.size() &&
      count >= 0 && count <= kMaxDays / days_per_unit) {
    return std::chrono::days(count * days_per_unit);
  }
  const std::string value(text);
  return Error::InvalidArgument(
      "--older-than \"" + value + "\" is not an age; write days as 180d or 180, weeks as 26w.",
      "--older-than \"" + value + "\" 不是有效时长；天数写作 180d 或 180，周数写作 26w。");
}

std::string ShowReaderText(std::string_view text) { return server::RevealInvisible(text); }

void PrintJson(std::ostream& out, const Json& json) {
  out << json.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace ngodesk::cli
