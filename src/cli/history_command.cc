// ngodesk history OFFICE: the accepted changes to one office, newest first.
#include <memory>
#include <string>

#include "cli/cli_util.h"
#include "cli/command_registry.h"
#include "cli/moderation_cli.h"

namespace ngodesk::cli {
namespace {

struct HistoryOptions {
  std::string office;
  std::size_t limit = 100;
  bool json = false;
};

void PrintChange(Context& context, const Change& change) {
  std::ostream& out = *context.out;
  out << change.changed_at << "  " << ReportFieldName(change.field) << "  " << change.editor;
  if (change.report_id) out << "  report " << *change.report_id;
  out << '\n';
  out << "    old 原值: " << (change.old_value.empty() ? "-" : ShowReaderText(change.old_value))
      << '\n';
  out << "    new 新值: " << (change.new_value.empty() ? "-" : ShowReaderText(change.new_value))
      << '\n';
  if (!change.evidence.empty()) out << "    evidence 依据: " << ShowReaderText(change.evidence) << '\n';
}

int RunHistory(Context& context, const HistoryOptions& options) {
  Result<Store> store = OpenStoreForCli(context);
  if (!store.ok()) return context.Fail(store.error());
  Result<Office> office = FindOfficeByUserQuery(*store, options.office);
  if (!office.ok()) return context.Fail(office.error());

  Result<std::vector<Change>> changes = Moderation(*store).History(office->id, options.limit);
  if (!changes.ok()) return context.Fail(changes.error());

  if (options.json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Change& change : *changes) list.push_back(ChangeToJson(change));
    PrintJson(*context.out, nlohmann::ordered_json{{"office", office->id}, {"changes", list}});
    return kExitOk;
  }
  if (changes->empty()) {
    context.Print("No accepted changes to " + office->id + " yet.",
                  office->id + " 尚无已采纳的更改。");
  }
  for (const Change& change : *changes) PrintChange(context, change);
  return kExitOk;
}

void SetupHistory(CLI::App& app, Context& context) {
  auto options = std::make_shared<HistoryOptions>();
  CLI::App* command = app.add_subcommand(
      "history", "Show the accepted changes to one office, newest first.\n显示一个机关已采纳的更改，最新的在前。");
  command->add_option("OFFICE", options->office, "Office id or name, as for `show` / 机关 id 或名称")
      ->required();
  command
      ->add_option("--limit", options->limit,
                   "At most this many changes (default: 100) / 最多显示的更改条数（默认 100）")
      ->check(CLI::Range(1, 10000));
  command->add_flag("--json", options->json, "Print JSON / 以 JSON 输出");
  command->callback([&context, options] { context.exit_code = RunHistory(context, *options); });
}

}  // namespace

NGODESK_REGISTER_COMMAND(SetupHistory);

}  // namespace ngodesk::cli
