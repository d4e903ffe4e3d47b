// ngodesk check: runs the maintainer's checks over the stored directory and
// prints each warning with the office id and field.
#include <memory>
#include <vector>

#include "cli/cli_util.h"
#include "cli/command_registry.h"
#include "ngodesk/checks.h"

namespace ngodesk::cli {
namespace {

struct CheckOptions {
  bool fail_on_warning = false;
};

int RunCheck(Context& context, const CheckOptions& options) {
  Result<Store> store = OpenStoreForCli(context);
  if (!store) return context.Fail(store.error());
  Result<std::vector<Office>> offices = store->ListOffices();
  if (!offices) return context.Fail(offices.error());

  const std::vector<OfficeWarning> warnings = CheckOffices(*offices);
  for (const OfficeWarning& warning : warnings) {
    context.Print(FormatWarning(warning, false), FormatWarning(warning, true));
  }
  const std::string count = std::to_string(warnings.size());
  const std::string checked = std::to_string(offices->size());
  context.Print("Checked " + checked + " offices: " + count + " warning(s).",
                "已检查 " + checked + " 个机关：" + count + " 条警告。");
  return options.fail_on_warning && !warnings.empty() ? kExitFailure : kExitOk;
}

void SetupCheck(CLI::App& app, Context& context) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command = app.add_subcommand(
      "check",
      "Check the stored offices: phone area codes against the office's city, English addresses "
      "against the "
      "pinyin of the Chinese text, damaged Chinese addresses, inferred area codes. Checks: "
      "docs/importer.md.\n"
      "检查已存储的机关：电话区号与所在城市、英文地址与中文地址拼音、受损的中文地址、推断的区号。");
  command->add_flag("--fail-on-warning", options->fail_on_warning,
                    "Exit 1 when there is any warning / 有任何警告时以退出码 1 结束");
  command->callback([&context, options] { context.exit_code = RunCheck(context, *options); });
}

}  // namespace

NGODESK_REGISTER_COMMAND(SetupCheck);

}  // namespace ngodesk::cli
