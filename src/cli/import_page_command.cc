// ngodesk import-page: reads a published office list into the store in one
// transaction, after the checks, and prints a summary with the warnings. A
// page with any problem stores nothing and lists every problem.
#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <spdlog/spdlog.h>

#include "cli/cli_util.h"
#include "cli/command_registry.h"
#include "ngodesk/checks.h"
#include "ngodesk/office_json.h"
#include "ngodesk/page_importer.h"

namespace ngodesk::cli {
namespace {

struct ImportPageOptions {
  std::string file;
  std::string date;
  std::string source_id;
  std::string source_title;
  bool dry_run = false;
  // Used by tools/build-directory.sh to build the bundled directory.
  std::string corrections;
  std::string json_out;
};

Result<std::string> ReadTextFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return Error::Io("cannot read \"" + path + "\": the file does not exist or is not readable",
                     "无法读取“" + path + "”：文件不存在或不可读");
  }
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

void PrintProblems(Context& context, const std::string& file, const PageImport& page) {
  // file:line:column, the form editors and compilers use, so a user can jump there.
  for (const Error& error : page.errors) {
    const std::string where = error.line > 0 ? file + ":" + std::to_string(error.line) + ":" +
                                                   std::to_string(error.column)
                                             : file;
    context.PrintError(where + ": " + error.message, where + "：" + error.Text(true));
  }
  const std::string count = std::to_string(page.errors.size());
  context.PrintError(
      count + " problem(s) in " + file + "; nothing was stored. Fix them and import again.",
      file + " 中有 " + count + " 个问题，未存储任何内容。请修正后重新导入。");
}

void PrintSummary(Context& context, const std::string& file, const PageImport& page, bool stored) {
  std::size_t phones = 0;
  std::size_t confirmed = 0;
  std::size_t faxes = 0;
  for (const Office& office : page.offices) {
    phones += office.phones.size();
    faxes += office.faxes.size();
    confirmed +=
        static_cast<std::size_t>(std::count_if(office.phones.begin(), office.phones.end(),
                                               [](const PhoneNumber& p) { return p.confirmed(); }));
  }
  const std::string offices = std::to_string(page.offices.size());
  const std::string numbers = std::to_string(phones) + " phone numbers (" +
                              std::to_string(confirmed) + " confirmed), " + std::to_string(faxes) +
                              " fax";
  const std::string numbers_zh = std::to_string(phones) + " 个电话号码（" +
                                 std::to_string(confirmed) + " 个已确认），" +
                                 std::to_string(faxes) + " 个传真";
  const std::string date = page.source.date;
  if (stored) {
    context.Print("Imported " + offices + " offices from " + file + " (page of " + date +
                      "): " + numbers + ".",
                  "已从 " + file + "（" + date + " 的页面）导入 " + offices + " 个机关：" +
                      numbers_zh + "。");
  } else {
    context.Print("Read " + offices + " offices from " + file + " (page of " + date +
                      "): " + numbers + ". Nothing was stored (dry run).",
                  "已从 " + file + "（" + date + " 的页面）读取 " + offices + " 个机关：" +
                      numbers_zh + "。试运行，未存储。");
  }
}

// Each warning starts with FILE:LINE when the field's line is known.
void PrintWarnings(Context& context, const std::string& file,
                   const std::vector<OfficeWarning>& warnings) {
  if (warnings.empty()) return;
  const std::string count = std::to_string(warnings.size());
  context.Print(count + " warning(s):", count + " 条警告：");
  for (const OfficeWarning& warning : warnings) {
    const std::string where =
        warning.line > 0 ? "  " + file + ":" + std::to_string(warning.line) + ": " : "  ";
    context.Print(where + FormatWarning(warning, false), where + FormatWarning(warning, true));
  }
}

int RunImportPage(Context& context, const ImportPageOptions& options) {
  Result<std::string> text = ReadTextFile(options.file);
  if (!text) return context.Fail(text.error());

  PageImport page =
      ParsePage(*text, PageOptions{options.date, options.source_id, options.source_title});
  if (!page.ok()) {
    PrintProblems(context, options.file, page);
    return kExitUsage;
  }

  if (!options.corrections.empty()) {
    Result<std::string> corrections = ReadTextFile(options.corrections);
    if (!corrections) return context.Fail(corrections.error());
    if (Status applied = ApplyCorrections(page.offices, *corrections); !applied)
      return context.Fail(applied.error());
  }

  std::vector<OfficeWarning> warnings = page.warnings;
  for (OfficeWarning warning : CheckOffices(page.offices)) {
    warning.line = page.LineOf(warning.office_id, warning.field);
    warnings.push_back(std::move(warning));
  }

  if (!options.json_out.empty()) {
    if (Status written = WriteOutput(context, options.json_out, DirectoryToJson(page.offices));
        !written) {
      return context.Fail(written.error());
    }
    return kExitOk;
  }

  if (!options.dry_run) {
    Result<Store> store = OpenStoreForCli(context, Seeding::kNone);
    if (!store) return context.Fail(store.error());
    if (Status replaced = store->ReplaceOffices(page.offices); !replaced)
      return context.Fail(replaced.error());
    spdlog::info("imported {} offices from {} into {}", page.offices.size(), options.file,
                 context.db_path);
  }
  PrintSummary(context, options.file, page, !options.dry_run);
  PrintWarnings(context, options.file, warnings);
  return kExitOk;
}

void SetupImportPage(CLI::App& app, Context& context) {
  auto options = std::make_shared<ImportPageOptions>();
  CLI::App* command = app.add_subcommand("import-page",
                                         "Import the published list of registration offices from a "
                                         "text page, replacing the directory in one "
                                         "transaction. Exit 2 and nothing stored when the page has "
                                         "problems. Format: docs/importer.md.\n"
                                         "从文本页面导入已发布的登记管理机关名录，在一个事务中替换"
                                         "整个名录。页面有问题时退出码为 2，不存储任何内容。");
  command
      ->add_option("FILE", options->file,
                   "The page as plain text (UTF-8) / 页面纯文本文件（UTF-8）")
      ->required();
  command->add_option("--date", options->date,
                      "Date of the page, YYYY-MM-DD, when it has no date line or to override it / "
                      "页面日期（YYYY-MM-DD），用于页面无日期行或需覆盖时");
  command->add_option(
      "--source-id", options->source_id,
      "Source id recorded on every field (default: page-DATE) / 记录在每个字段上的来源标识");
  command->add_option(
      "--source-title", options->source_title,
      "Source title (default: the page's title line) / 来源标题（默认取页面标题行）");
  command->add_flag("--dry-run", options->dry_run,
                    "Read and check the page without storing it / 只读取并检查页面，不存储");
  command->add_option("--corrections", options->corrections, "Corrections file to apply")
      ->group("");
  command
      ->add_option("--json-out", options->json_out,
                   "Write the directory JSON here instead of storing")
      ->group("");
  command->callback([&context, options] { context.exit_code = RunImportPage(context, *options); });
}

}  // namespace

NGODESK_REGISTER_COMMAND(SetupImportPage);

}  // namespace ngodesk::cli
