// ngodesk backup FILE: a consistent copy of the database, taken with SQLite's
// online backup while servers and other commands keep working.
#include <memory>
#include <string>

#include "cli/cli_util.h"
#include "cli/command_registry.h"
#include "ngodesk/moderation.h"

namespace ngodesk::cli {
namespace {

int RunBackup(Context& context, const std::string& file) {
  Result<Store> store = OpenStoreForCli(context);
  if (!store.ok()) return context.Fail(store.error());
  if (Status copied = BackupStore(*store, file); !copied.ok()) return context.Fail(copied.error());

  context.Print("Backed up " + context.db_path + " to " + file + ".",
                "已将 " + context.db_path + " 备份到 " + file + "。");
  return kExitOk;
}

void SetupBackup(CLI::App& app, Context& context) {
  auto file = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "backup", "Copy the database to a new file, safely while it is in use.\n将数据库复制到新文件（使用中亦可安全进行）。");
  command->add_option("FILE", *file, "The backup file; it must not exist yet / 备份文件（不得已存在）")
      ->required();
  command->callback([&context, file] { context.exit_code = RunBackup(context, *file); });
}

}  // namespace

NGODESK_REGISTER_COMMAND(SetupBackup);

}  // namespace ngodesk::cli
