// ngodesk export: the whole directory as JSON or as CSV for spreadsheets.
#include <memory>
#include <string>

#include "cli/cli_util.h"
#include "cli/command_registry.h"
#include "ngodesk/export.h"

namespace ngodesk::cli {
namespace {

struct ExportOptions {
  std::string format = "json";
  std::string output;
};

int RunExport(Context& context, const ExportOptions& options) {
  Result<ExportFormat> format = ParseExportFormat(options.format);
  if (!format.ok()) return context.Fail(format.error());

  Result<Store> store = OpenStoreForCli(context);
  if (!store.ok()) return context.Fail(store.error());

  Result<std::vector<Office>> offices = store->ListOffices();
  if (!offices.ok()) return context.Fail(offices.error());

  const std::string text = ExportDirectory(*offices, *format);
  if (Status written = WriteOutput(context, options.output, text); !written.ok()) {
    return context.Fail(written.error());
  }

  if (!options.output.empty() && options.output != "-") {
    const std::string count = std::to_string(offices->size());
    context.Print("Wrote " + count + " offices to " + options.output + ".",
                  "已将 " + count + " 个机关写入 " + options.output + "。");
  }
  return kExitOk;
}

void SetupExport(CLI::App& app, Context& context) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* command = app.add_subcommand(
      "export",
      "Export the whole directory as JSON or CSV (UTF-8 with BOM for Excel). Columns and fields: "
      "docs/export-schema.md.\n以 JSON 或 CSV（带 BOM 的 UTF-8，便于 Excel 打开）导出全部名录。");
  // The value is checked by ParseExportFormat, whose message is bilingual.
  command->add_option("--format", options->format,
                      "json (default) or csv / 格式：json（默认）或 csv");
  command->add_option("--output,-o", options->output,
                      "Write to FILE instead of standard output / 写入文件而非标准输出");
  command->callback([&context, options] { context.exit_code = RunExport(context, *options); });
}

}  // namespace

NGODESK_REGISTER_COMMAND(SetupExport);

}  // namespace ngodesk::cli
