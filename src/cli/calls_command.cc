// ngodesk calls due: the numbers to call next, never-confirmed ones first,
// with each office's hours so that callers ring while someone is there.
#include <memory>
#include <string>

#include "cli/cli_util.h"
#include "cli/command_registry.h"
#include "cli/moderation_cli.h"

namespace ngodesk::cli {
namespace {

struct CallsOptions {
  std::string older_than = "180d";
  bool json = false;
};

std::string LatestText(const DueCall& due) {
  if (!due.latest) return "never called 从未拨打";
  return due.latest->date + " " + std::string(CallOutcomeName(due.latest->outcome));
}

std::string HoursText(const Hours& hours) {
  std::string text = hours.text.value_or("not published 未公布");
  if (!hours.expression.empty()) text += "  [" + hours.expression + "]";
  return text;
}

void PrintTable(Context& context, const std::vector<DueCall>& due) {
  constexpr std::size_t kOfficeWidth = 19;
  constexpr std::size_t kPhoneWidth = 16;
  constexpr std::size_t kLatestWidth = 26;
  std::ostream& out = *context.out;
  out << PadToWidth("Office 机关", kOfficeWidth) << PadToWidth("Number 号码", kPhoneWidth)
      << PadToWidth("Latest call 最近通话", kLatestWidth) << "Hours 办公时间\n";
  for (const DueCall& entry : due) {
    const std::string number = entry.phone.e164.empty() ? entry.phone.text : entry.phone.e164;
    out << PadToWidth(entry.office_id, kOfficeWidth) << PadToWidth(number, kPhoneWidth)
        << PadToWidth(LatestText(entry), kLatestWidth) << HoursText(entry.hours) << '\n';
  }
}

int RunDue(Context& context, const CallsOptions& options) {
  Result<std::chrono::days> age = ParseAge(options.older_than);
  if (!age.ok()) return context.Fail(age.error());

  Result<Store> store = OpenStoreForCli(context);
  if (!store.ok()) return context.Fail(store.error());
  Result<std::vector<DueCall>> due = Moderation(*store).CallsDue(*age, ChinaToday());
  if (!due.ok()) return context.Fail(due.error());

  if (options.json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const DueCall& entry : *due) list.push_back(DueCallToJson(entry));
    PrintJson(*context.out, nlohmann::ordered_json{{"due", list}});
  } else if (due->empty()) {
    context.Print("No number is due: every one was reached within " + options.older_than + ".",
                  "没有待拨号码：每个号码在 " + options.older_than + " 内都已接通。");
  } else {
    PrintTable(context, *due);
  }
  return kExitOk;
}

void SetupCalls(CLI::App& app, Context& context) {
  auto options = std::make_shared<CallsOptions>();
  CLI::App* calls = app.add_subcommand(
      "calls", "Plan verification calls.\n安排核实电话。");
  calls->require_subcommand(1);
  CLI::App* due = calls->add_subcommand(
      "due", "List the numbers to call next, oldest confirmation first / 列出待拨号码");
  due->add_option("--older-than", options->older_than,
                  "Due when last reached longer ago than this: 180d, 26w or 180 (days); default "
                  "180d / 上次接通早于此时长即待拨：180d、26w 或 180（天）；默认 180d");
  due->add_flag("--json", options->json, "Print JSON / 以 JSON 输出");
  due->callback([&context, options] { context.exit_code = RunDue(context, *options); });
}

}  // namespace

NGODESK_REGISTER_COMMAND(SetupCalls);

}  // namespace ngodesk::cli
