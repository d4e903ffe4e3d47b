// ngodesk review [accept ID | reject ID --reason TEXT]: the queue of reports
// from readers and the editor's decision on each.
#include <memory>
#include <optional>
#include <string>

#include "cli/cli_util.h"
#include "cli/command_registry.h"
#include "cli/moderation_cli.h"

namespace ngodesk::cli {
namespace {

constexpr const char* kEditorHelp =
    "Editor name (default: $USER, else cli) / 编辑姓名（默认为 $USER，否则为 cli）";

struct ReviewOptions {
  std::string status = "open";
  bool json = false;
  std::string id;
  std::string editor;
  std::string reason;
};

std::string EditorOf(const ReviewOptions& options) {
  return options.editor.empty() ? DefaultEditorName() : options.editor;
}

void PrintReport(Context& context, const Report& report) {
  std::ostream& out = *context.out;
  out << "#" << report.id << "  " << ReportStatusName(report.status) << "  "
      << report.content.office_id << "  " << ReportFieldName(report.content.field) << "  "
      << report.received_at << '\n';
  auto line = [&](const char* label, const std::string& value) {
    if (!value.empty()) out << "    " << label << ShowReaderText(value) << '\n';
  };
  line("current 现值:   ", report.content.current);
  line("proposed 新值:  ", report.content.proposed);
  line("evidence 依据:  ", report.content.evidence);
  line("contact 联系:   ", report.content.contact_email);
  if (report.status != ReportStatus::kOpen) {
    out << "    closed 处理: " << report.closed_at << " by " << report.closed_by << '\n';
  }
  line("reason 理由:    ", report.reason);
}

int RunList(Context& context, const ReviewOptions& options) {
  std::optional<ReportStatus> status;
  if (options.status != "all") status = ParseReportStatus(options.status);

  Result<Store> store = OpenStoreForCli(context);
  if (!store.ok()) return context.Fail(store.error());
  Result<std::vector<Report>> reports = Moderation(*store).ListReports(status);
  if (!reports.ok()) return context.Fail(reports.error());

  if (options.json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Report& report : *reports) list.push_back(ReportToJson(report));
    PrintJson(*context.out, nlohmann::ordered_json{{"reports", list}});
    return kExitOk;
  }
  if (reports->empty()) {
    context.Print("No " + options.status + " reports.", "没有状态为 " + options.status + " 的报告。");
  }
  for (const Report& report : *reports) PrintReport(context, report);
  return kExitOk;
}

int RunAccept(Context& context, const ReviewOptions& options) {
  Result<std::int64_t> id = ParseReportId(options.id);
  if (!id.ok()) return context.Fail(id.error());

  Result<Store> store = OpenStoreForCli(context);
  if (!store.ok()) return context.Fail(store.error());
  Result<Change> change = Moderation(*store).Accept(*id, EditorOf(options), Now());
  if (!change.ok()) return context.Fail(change.error());

  const std::string field(ReportFieldName(change->field));
  const std::string what = "\"" + ShowReaderText(change->old_value) + "\" -> \"" +
                           ShowReaderText(change->new_value) + "\"";
  context.Print("Accepted report " + options.id + ": the " + field + " of " + change->office_id +
                    " changed " + what + " (history entry " + std::to_string(change->id) + ").",
                "已采纳报告 " + options.id + "：" + change->office_id + " 的 " + field + " 已更改 " +
                    what + "（历史记录 " + std::to_string(change->id) + "）。");
  return kExitOk;
}

int RunReject(Context& context, const ReviewOptions& options) {
  Result<std::int64_t> id = ParseReportId(options.id);
  if (!id.ok()) return context.Fail(id.error());

  Result<Store> store = OpenStoreForCli(context);
  if (!store.ok()) return context.Fail(store.error());
  Status rejected = Moderation(*store).Reject(*id, EditorOf(options), options.reason, Now());
  if (!rejected.ok()) return context.Fail(rejected.error());

  context.Print("Rejected report " + options.id + "; it is kept with the reason given.",
                "已驳回报告 " + options.id + "；报告连同理由一并保留。");
  return kExitOk;
}

void SetupReview(CLI::App& app, Context& context) {
  auto options = std::make_shared<ReviewOptions>();
  CLI::App* review = app.add_subcommand(
      "review", "List reports from readers, or accept or reject one.\n列出读者报告，或采纳、驳回其中一份。");
  review
      ->add_option("--status", options->status,
                   "open, accepted, rejected or all (default: open) / "
                   "报告状态：open 未结、accepted 已采纳、rejected 已驳回或 all 全部（默认 open）")
      ->check(CLI::IsMember({"open", "accepted", "rejected", "all"}));
  review->add_flag("--json", options->json, "Print JSON with the reports' ids / 以 JSON 输出");

  CLI::App* accept = review->add_subcommand(
      "accept", "Apply a report to its office and record the change / 采纳报告并记录更改");
  accept->add_option("ID", options->id, "Report id / 报告编号")->required();
  accept->add_option("--editor", options->editor, kEditorHelp);
  accept->callback([&context, options] { context.exit_code = RunAccept(context, *options); });

  CLI::App* reject = review->add_subcommand(
      "reject", "Close a report without change, with a reason / 驳回报告并说明理由");
  reject->add_option("ID", options->id, "Report id / 报告编号")->required();
  reject->add_option("--reason", options->reason, "Why the report is rejected / 驳回理由")
      ->required();
  reject->add_option("--editor", options->editor, kEditorHelp);
  reject->callback([&context, options] { context.exit_code = RunReject(context, *options); });

  review->callback([&context, options, accept, reject] {
    if (accept->parsed() || reject->parsed()) return;
    context.exit_code = RunList(context, *options);
  });
}

}  // namespace

NGODESK_REGISTER_COMMAND(SetupReview);

}  // namespace ngodesk::cli
