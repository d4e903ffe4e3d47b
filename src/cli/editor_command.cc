// ngodesk editor add|remove|list: the people who may review reports. A new
// editor's token is printed once; the database keeps only its hash.
#include <memory>
#include <string>

#include "cli/cli_util.h"
#include "cli/command_registry.h"
#include "cli/moderation_cli.h"

namespace ngodesk::cli {
namespace {

struct EditorOptions {
  std::string name;
  bool json = false;
};

int RunAdd(Context& context, const EditorOptions& options) {
  Result<Store> store = OpenStoreForCli(context);
  if (!store.ok()) return context.Fail(store.error());

  Result<std::string> token = Moderation(*store).AddEditor(options.name, Now());
  if (!token.ok()) return context.Fail(token.error());
  context.Print("Added the editor " + options.name + ". Their sign-in token follows. It is shown "
                "only this once and cannot be recovered, so pass it on privately now:",
                "已添加编辑 " + options.name + "。其登录令牌如下，仅显示这一次且无法找回，"
                "请立即以私密方式转交：");
  *context.out << *token << '\n';
  return kExitOk;
}

int RunRemove(Context& context, const EditorOptions& options) {
  Result<Store> store = OpenStoreForCli(context);
  if (!store.ok()) return context.Fail(store.error());

  if (Status removed = Moderation(*store).RemoveEditor(options.name); !removed.ok()) {
    return context.Fail(removed.error());
  }
  context.Print("Removed the editor " + options.name +
                    " and ended their sessions. Their name stays in the history.",
                "已删除编辑 " + options.name + " 并结束其会话。其姓名仍保留在历史记录中。");
  return kExitOk;
}

int RunList(Context& context, const EditorOptions& options) {
  Result<Store> store = OpenStoreForCli(context);
  if (!store.ok()) return context.Fail(store.error());

  Result<std::vector<std::string>> names = Moderation(*store).ListEditors();
  if (!names.ok()) return context.Fail(names.error());
  if (options.json) {
    PrintJson(*context.out, nlohmann::ordered_json{{"editors", *names}});
  } else if (names->empty()) {
    context.Print("No editors yet. Add one with `ngodesk editor add NAME`.",
                  "尚无编辑。请用 `ngodesk editor add NAME` 添加。");
  } else {
    for (const std::string& name : *names) *context.out << name << '\n';
  }
  return kExitOk;
}

void SetupEditor(CLI::App& app, Context& context) {
  auto options = std::make_shared<EditorOptions>();
  CLI::App* editor = app.add_subcommand(
      "editor", "Add, remove or list the editors who review reports.\n添加、删除或列出审核报告的编辑。");
  editor->require_subcommand(1);

  CLI::App* add = editor->add_subcommand(
      "add", "Add an editor and print their token once / 添加编辑并显示其令牌（仅一次）");
  add->add_option("NAME", options->name, "Editor name, 1 to 64 characters / 编辑姓名")->required();
  add->callback([&context, options] { context.exit_code = RunAdd(context, *options); });

  CLI::App* remove = editor->add_subcommand(
      "remove", "Remove an editor and end their sessions / 删除编辑并结束其会话");
  remove->add_option("NAME", options->name, "Editor name / 编辑姓名")->required();
  remove->callback([&context, options] { context.exit_code = RunRemove(context, *options); });

  CLI::App* list = editor->add_subcommand("list", "List the editors / 列出编辑");
  list->add_flag("--json", options->json, "Print JSON / 以 JSON 输出");
  list->callback([&context, options] { context.exit_code = RunList(context, *options); });
}

}  // namespace

NGODESK_REGISTER_COMMAND(SetupEditor);

}  // namespace ngodesk::cli
