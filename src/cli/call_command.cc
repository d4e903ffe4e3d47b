// ngodesk call OFFICE PHONE --outcome ...: records a verification call. A
// reached call confirms the number on its date; a failed one after it marks
// the number as possibly out of date.
#include <memory>
#include <string>

#include "cli/cli_util.h"
#include "cli/command_registry.h"
#include "cli/moderation_cli.h"
#include "moderation/clock.h"

namespace ngodesk::cli {
namespace {

struct CallOptions {
  std::string office;
  std::string phone;
  std::string outcome;
  std::string date;
  std::string note;
  std::string editor;
};

// The day of the call: --date, else today in China. A day after today in
// China is rejected, because no call has happened there yet.
Result<std::string> CallDate(const CallOptions& options) {
  const std::string today = FormatDay(ChinaToday());
  if (options.date.empty()) return today;
  if (!moderation::ParseDate(options.date)) {
    return Error::InvalidArgument(
        "--date \"" + options.date + "\" is not a day of the form YYYY-MM-DD, e.g. 2026-12-01.",
        "--date \"" + options.date + "\" 不是 YYYY-MM-DD 格式的日期（例如 2026-12-01）。");
  }
  if (options.date > today) {
    return Error::InvalidArgument(
        "--date " + options.date + " is in the future (today in China is " + today +
            "); give the day the call was made.",
        "--date " + options.date + " 是将来的日期（中国今天是 " + today + "）；请填写实际通话日期。");
  }
  return options.date;
}

void PrintNumberState(Context& context, const PhoneNumber& number) {
  if (number.possibly_out_of_date()) {
    context.Print("The number is possibly out of date: the call on " + number.last_failed_call_on +
                      " did not reach the office" +
                      (number.confirmed() ? ", last confirmed on " + number.confirmed_on : "") + ".",
                  "该号码可能已过时：" + number.last_failed_call_on + " 的通话未能接通" +
                      (number.confirmed() ? "，上次确认于 " + number.confirmed_on : "") + "。");
  } else if (number.confirmed()) {
    context.Print("The number is confirmed on " + number.confirmed_on + ".",
                  "该号码确认于 " + number.confirmed_on + "。");
  }
}

int RunCall(Context& context, const CallOptions& options) {
  Result<std::string> date = CallDate(options);
  if (!date.ok()) return context.Fail(date.error());

  Result<Store> store = OpenStoreForCli(context);
  if (!store.ok()) return context.Fail(store.error());
  Result<Office> office = FindOfficeByUserQuery(*store, options.office);
  if (!office.ok()) return context.Fail(office.error());

  Call call;
  call.office_id = office->id;
  call.phone = options.phone;
  call.outcome = *ParseCallOutcome(options.outcome);  // checked by CLI11
  call.date = *date;
  call.note = options.note;
  call.caller = options.editor.empty() ? DefaultEditorName() : options.editor;
  Result<Call> recorded = Moderation(*store).RecordCall(call);
  if (!recorded.ok()) return context.Fail(recorded.error());

  context.Print("Recorded the call to " + recorded->phone + " of " + office->id + " on " +
                    recorded->date + ": " + options.outcome + ".",
                "已记录 " + recorded->date + " 对 " + office->id + " 的 " + recorded->phone +
                    " 的通话：" + options.outcome + "。");
  Result<std::optional<Office>> updated = store->FindOffice(office->id);
  if (updated.ok() && *updated) {
    for (const PhoneNumber& number : (*updated)->phones) {
      if ((number.e164.empty() ? number.text : number.e164) == recorded->phone) {
        PrintNumberState(context, number);
      }
    }
  }
  return kExitOk;
}

void SetupCall(CLI::App& app, Context& context) {
  auto options = std::make_shared<CallOptions>();
  CLI::App* command = app.add_subcommand(
      "call", "Record a call that checks one of an office's numbers.\n记录一次核实机关号码的通话。");
  command->add_option("OFFICE", options->office, "Office id or name, as for `show` / 机关 id 或名称")
      ->required();
  command->add_option("PHONE", options->phone, "The number as published, or its E.164 form / 号码")
      ->required();
  command
      ->add_option("--outcome", options->outcome,
                   "reached, no-answer, wrong-number or disconnected / "
                   "通话结果：reached 接通、no-answer 无人接听、wrong-number 号码错误或 "
                   "disconnected 停机")
      ->required()
      ->check(CLI::IsMember({"reached", "no-answer", "wrong-number", "disconnected"}));
  command->add_option("--date", options->date,
                      "Day of the call, YYYY-MM-DD (default: today in China) / "
                      "通话日期，YYYY-MM-DD（默认为中国的今天）");
  command->add_option("--note", options->note, "What was said, e.g. who answered / 备注");
  command->add_option("--editor", options->editor,
                      "Caller's name (default: $USER, else cli) / 拨打人姓名（默认为 $USER，否则为 cli）");
  command->callback([&context, options] { context.exit_code = RunCall(context, *options); });
}

}  // namespace

NGODESK_REGISTER_COMMAND(SetupCall);

}  // namespace ngodesk::cli
