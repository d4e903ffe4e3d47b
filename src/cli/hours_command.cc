// ngodesk hours: whether an office is open at an instant in China Standard
// Time, why, and when that changes, or with --week seven days of its hours.
// ngodesk open: which offices are open. "Now" is the system clock unless --at
// gives an instant.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/cli_util.h"
#include "cli/command_registry.h"
#include "ngodesk/calendar.h"
#include "ngodesk/hours_json.h"
#include "ngodesk/hours_text.h"
#include "ngodesk/opening_hours.h"

namespace ngodesk::cli {
namespace {

using nlohmann::ordered_json;

constexpr int kWeekDays = 7;

struct HoursOptions {
  std::string office_id;
  std::string expression;
  std::string at;
  bool json = false;
  bool week = false;
};

struct OpenOptions {
  std::string at;
  bool json = false;
};

// The subject of one evaluation: the hours, and the office when there is one.
struct Subject {
  std::optional<Office> office;
  Hours hours;
};

Result<std::chrono::sys_seconds> InstantFromOption(const std::string& at) {
  if (at.empty()) return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return ParseInstant(at);
}

// The office's stored expression, or one derived from its published text
// when none is stored (an office without hours text gets "unknown").
Hours HoursOf(const Office& office) {
  if (!office.hours.expression.empty()) return office.hours;
  Hours derived = DeriveHours(office.hours.text);
  derived.source_id = office.hours.source_id;
  return derived;
}

Result<OpeningHours> ParseExpression(const std::string& expression) {
  Result<OpeningHours> hours = OpeningHours::Parse(expression);
  if (hours.ok()) return hours;
  Error error = hours.error();
  error.message = "invalid opening_hours expression \"" + expression + "\": " + error.message;
  if (!error.message_zh.empty()) {
    error.message_zh = "opening_hours 表达式“" + expression + "”无效：" + error.message_zh;
  }
  return error;
}

std::string WeekdayName(std::chrono::year_month_day date, bool chinese) {
  static constexpr const char* kEnglish[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kChinese[] = {"星期日", "星期一", "星期二", "星期三",
                                             "星期四", "星期五", "星期六"};
  const unsigned index = std::chrono::weekday{std::chrono::sys_days{date}}.c_encoding();
  return chinese ? kChinese[index] : kEnglish[index];
}

// "2026-02-17 10:00" in China time, without seconds or offset.
std::string ShortChinaTime(std::chrono::sys_seconds instant) {
  return FormatChinaTime(instant).substr(0, 16).replace(10, 1, " ");
}

std::string StateZh(HoursState state) {
  switch (state) {
    case HoursState::kOpen:
      return "办公";
    case HoursState::kClosed:
      return "不办公";
    case HoursState::kUnknown:
      break;
  }
  return "不确定";
}

ordered_json StatusJson(const HoursStatus& status) {
  ordered_json json = {{"state", HoursStateName(status.state)},
                       {"reason", HoursReasonToJson(status.reason)}};
  json["next_change"] =
      status.next_change ? ordered_json(FormatChinaTime(*status.next_change)) : nullptr;
  json["next_state"] =
      status.next_change ? ordered_json(HoursStateName(status.next_state)) : nullptr;
  return json;
}

void PrintJson(Context& context, const ordered_json& json) {
  *context.out << json.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

void PrintSubjectHeader(Context& context, const Subject& subject) {
  if (subject.office) {
    context.Print(subject.office->name.en + " (" + subject.office->id + ")",
                  subject.office->name.zh + "（" + subject.office->id + "）");
  }
  if (subject.hours.text) {
    context.Print("Published hours: " + *subject.hours.text,
                  "公布的办公时间：" + *subject.hours.text);
  }
  context.Print("Expression: " + subject.hours.expression, "表达式：" + subject.hours.expression);
  if (subject.hours.assumed)
    context.Print("Assumed: " + subject.hours.assumption.en,
                  "推定：" + subject.hours.assumption.zh);
}

void PrintStatus(Context& context, std::chrono::sys_seconds instant, const HoursStatus& status) {
  const ChinaTime china = ToChinaTime(instant);
  const std::string when = ShortChinaTime(instant);
  context.Print("At " + when + " China time (" + WeekdayName(china.date, false) + ")",
                "北京时间 " + when + "（" + WeekdayName(china.date, true) + "）");
  const BilingualText reason = Describe(status.reason);
  context.Print("State: " + std::string(HoursStateName(status.state)) + ": " + reason.en,
                "状态：" + StateZh(status.state) + "：" + reason.zh);
  if (status.next_change) {
    const std::string next = ShortChinaTime(*status.next_change);
    context.Print("Next change: " + next + ", " + std::string(HoursStateName(status.next_state)),
                  "下次变化：" + next + "，" + StateZh(status.next_state));
  } else {
    context.Print("Next change: none within 400 days", "下次变化：400 天内无变化");
  }
}

// One line per day: the open and unknown intervals, or why the day is closed.
void PrintDay(Context& context, const DayHours& day) {
  std::string en;
  std::string zh;
  for (const HoursInterval& interval : day.intervals) {
    if (interval.state == HoursState::kClosed) continue;
    const std::string span =
        FormatMinuteOfDay(interval.start_minute) + "-" + FormatMinuteOfDay(interval.end_minute);
    const BilingualText reason = Describe(interval.reason);
    en += (en.empty() ? "" : ", ") + span + " " + std::string(HoursStateName(interval.state));
    zh += (zh.empty() ? "" : "，") + span + " " + StateZh(interval.state);
    if (interval.state == HoursState::kUnknown) {
      en += " (" + reason.en + ")";
      zh += "（" + reason.zh + "）";
    }
  }
  if (en.empty()) {
    const BilingualText reason = Describe(day.intervals.front().reason);
    en = "closed all day: " + reason.en;
    zh = "全天不办公：" + reason.zh;
  }
  if (day.calendar.kind == DayKind::kMakeUpWorkday && day.calendar.name != nullptr) {
    en = "make-up working day (调休) for " + day.calendar.name->en + ": " + en;
    zh = "调休上班日（" + day.calendar.name->zh + "）：" + zh;
  }
  const std::string date = FormatChinaTime(FromChinaTime(day.date, 0)).substr(0, 10);
  context.Print(WeekdayName(day.date, false) + " " + date + "  " + en,
                date + " " + WeekdayName(day.date, true) + "  " + zh);
}

Result<Subject> LoadSubject(Context& context, const HoursOptions& options) {
  Subject subject;
  if (!options.expression.empty()) {
    subject.hours.expression = options.expression;
    return subject;
  }
  Result<Store> store = OpenStoreForCli(context);
  if (!store.ok()) return store.error();
  Result<Office> office = FindOfficeByUserQuery(*store, options.office_id);
  if (!office.ok()) return office.error();
  subject.office = std::move(*office);
  subject.hours = HoursOf(*subject.office);
  return subject;
}

int RunHours(Context& context, const HoursOptions& options) {
  if (options.office_id.empty() == options.expression.empty()) {
    return context.Fail(
        Error::InvalidArgument("give either an office ID or --expr EXPRESSION, not both or neither",
                               "请给出机关 ID 或 --expr 表达式之一（不能同时给出或都不给）"));
  }
  Result<std::chrono::sys_seconds> instant = InstantFromOption(options.at);
  if (!instant.ok()) return context.Fail(instant.error());
  Result<Subject> subject = LoadSubject(context, options);
  if (!subject.ok()) return context.Fail(subject.error());
  Result<OpeningHours> hours = ParseExpression(subject->hours.expression);
  if (!hours.ok()) return context.Fail(hours.error());

  ordered_json json = {{"office", subject->office ? ordered_json(subject->office->id) : nullptr},
                       {"at", FormatChinaTime(*instant)},
                       {"hours", HoursToJson(subject->hours)}};
  if (options.week) {
    const std::chrono::sys_days first{ToChinaTime(*instant).date};
    ordered_json days = ordered_json::array();
    if (!options.json) PrintSubjectHeader(context, *subject);
    for (int offset = 0; offset < kWeekDays; ++offset) {
      const DayHours day =
          EvaluateDay(*hours, std::chrono::year_month_day{first + std::chrono::days{offset}});
      if (options.json) {
        days.push_back(DayHoursToJson(day));
      } else {
        PrintDay(context, day);
      }
    }
    json["days"] = days;
    if (options.json) PrintJson(context, json);
    return kExitOk;
  }

  const HoursStatus status = EvaluateAt(*hours, *instant);
  if (options.json) {
    json.update(StatusJson(status));
    PrintJson(context, json);
    return kExitOk;
  }
  PrintSubjectHeader(context, *subject);
  PrintStatus(context, *instant, status);
  return kExitOk;
}

int RunOpen(Context& context, const OpenOptions& options) {
  Result<std::chrono::sys_seconds> instant = InstantFromOption(options.at);
  if (!instant.ok()) return context.Fail(instant.error());
  Result<Store> store = OpenStoreForCli(context);
  if (!store.ok()) return context.Fail(store.error());
  Result<std::vector<Office>> offices = store->ListOffices();
  if (!offices.ok()) return context.Fail(offices.error());

  ordered_json list = ordered_json::array();
  int open_count = 0;
  const std::string when = ShortChinaTime(*instant);
  if (!options.json) context.Print("At " + when + " China time:", "北京时间 " + when + "：");
  for (const Office& office : *offices) {
    Result<OpeningHours> hours = ParseExpression(HoursOf(office).expression);
    if (!hours.ok()) {
      // One office with a broken stored expression must not hide the others.
      list.push_back({{"id", office.id}, {"state", "unknown"}, {"error", hours.error().message}});
      if (!options.json) {
        context.Print(
            PadToWidth("unknown", 9) + PadToWidth(office.id, 19) + hours.error().message,
            PadToWidth("不确定", 8) + PadToWidth(office.id, 19) + hours.error().Text(true));
      }
      continue;
    }
    const HoursStatus status = EvaluateAt(*hours, *instant);
    if (status.state == HoursState::kOpen) ++open_count;

    ordered_json entry = {{"id", office.id}};
    entry.update(StatusJson(status));
    list.push_back(entry);
    if (options.json) continue;
    const BilingualText reason = Describe(status.reason);
    const std::string until = status.next_change ? ShortChinaTime(*status.next_change) : "-";
    context.Print(PadToWidth(std::string(HoursStateName(status.state)), 9) +
                      PadToWidth(office.id, 19) + reason.en +
                      (status.next_change ? ", until " + until : ""),
                  PadToWidth(StateZh(status.state), 8) + PadToWidth(office.id, 19) + reason.zh +
                      (status.next_change ? "，至 " + until : ""));
  }
  if (options.json) {
    PrintJson(context,
              {{"at", FormatChinaTime(*instant)}, {"open", open_count}, {"offices", list}});
    return kExitOk;
  }
  const std::string counts = std::to_string(open_count) + "/" + std::to_string(offices->size());
  context.Print(counts + " offices open", counts + " 个机关正在办公");
  return kExitOk;
}

const char* const kAtHelp =
    "Instant in ISO 8601, e.g. 2026-02-17T10:00+08:00 or 2026-02-17T02:00Z; without an offset, "
    "China time "
    "(default: now) / ISO 8601 时刻，不写时差按北京时间（默认：现在）";

void SetupHours(CLI::App& app, Context& context) {
  auto options = std::make_shared<HoursOptions>();
  CLI::App* command =
      app.add_subcommand("hours",
                         "Whether an office is open at an instant in China time, why, and the next "
                         "change; --week shows seven days.\n"
                         "某机关在某一北京时间是否办公、原因及下次变化；--week 显示七天。");
  command->add_option("id", options->office_id, "Office id, e.g. hebei / 机关 id，如 hebei");
  command->add_option("--expr", options->expression,
                      "Evaluate this opening_hours expression instead of an office's / 改为计算此 "
                      "opening_hours 表达式");
  command->add_option("--at", options->at, kAtHelp);
  command->add_flag("--week", options->week,
                    "Show seven days from the day of --at / 显示自 --at 当天起的七天");
  command->add_flag("--json", options->json, "Print JSON / 以 JSON 输出");
  command->callback([&context, options] { context.exit_code = RunHours(context, *options); });
}

void SetupOpen(CLI::App& app, Context& context) {
  auto options = std::make_shared<OpenOptions>();
  CLI::App* command = app.add_subcommand(
      "open",
      "Which offices are open at an instant in China time.\n哪些机关在某一北京时间正在办公。");
  command->add_option("--at", options->at, kAtHelp);
  command->add_flag("--json", options->json, "Print JSON / 以 JSON 输出");
  command->callback([&context, options] { context.exit_code = RunOpen(context, *options); });
}

}  // namespace

NGODESK_REGISTER_COMMAND(SetupHours);
NGODESK_REGISTER_COMMAND(SetupOpen);

}  // namespace ngodesk::cli
