// ngodesk restore FILE: replaces the database with a backup after checking
// it. Stop `ngodesk serve` first: a server keeps the old file open.
#include <memory>
#include <string>

#include "cli/cli_util.h"
#include "cli/command_registry.h"
#include "ngodesk/moderation.h"

namespace ngodesk::cli {
namespace {

int RunRestore(Context& context, const std::string& file) {
  if (context.db_path.empty()) context.db_path = DefaultDatabasePath();
  if (Status restored = RestoreStore(file, context.db_path); !restored.ok()) {
    return context.Fail(restored.error());
  }
  context.Print("Restored " + context.db_path + " from " + file + ".",
                "已从 " + file + " 恢复 " + context.db_path + "。");
  return kExitOk;
}

void SetupRestore(CLI::App& app, Context& context) {
  auto file = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "restore", "Replace the database with a backup made by `ngodesk backup`; stop the server "
                 "first.\n用 `ngodesk backup` 生成的备份替换数据库；请先停止服务器。");
  command->add_option("FILE", *file, "The backup file / 备份文件")->required();
  command->callback([&context, file] { context.exit_code = RunRestore(context, *file); });
}

}  // namespace

NGODESK_REGISTER_COMMAND(SetupRestore);

}  // namespace ngodesk::cli
