// ngodesk: the directory and finder of the registration authorities for
// overseas NGOs in China. The CLI only parses arguments and prints; every
// command calls the domain library.
#include <filesystem>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "cli/command_registry.h"
#include "cli/context.h"

namespace ngodesk::cli {

std::vector<CommandSetup>& CommandSetups() {
  static std::vector<CommandSetup> setups;
  return setups;
}

namespace {

// True when the user chose Chinese: by the locale, or by a --lang zh that
// the parser may not have applied before the error.
bool ChineseRequested(const Context& context, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--lang=zh" || (arg == "--lang" && i + 1 < argc && std::string_view(argv[i + 1]) == "zh")) {
      return true;
    }
    if (arg == "--lang=en" || (arg == "--lang" && i + 1 < argc && std::string_view(argv[i + 1]) == "en")) {
      return false;
    }
  }
  return context.chinese();
}

// CLI11 writes its parse errors in English only. The kind of error is given
// in Chinese, followed by CLI11's text, which names the option or value.
void PrintParseErrorInChinese(const Context& context, const CLI::ParseError& error) {
  const auto code = static_cast<CLI::ExitCodes>(error.get_exit_code());
  std::string kind = "参数错误";
  if (code == CLI::ExitCodes::RequiredError) kind = "缺少必需的参数";
  if (code == CLI::ExitCodes::ExtrasError) kind = "无法识别的参数";
  if (code == CLI::ExitCodes::ValidationError) kind = "参数值无效";
  if (code == CLI::ExitCodes::ConversionError) kind = "参数值格式不对";
  if (code == CLI::ExitCodes::ArgumentMismatch) kind = "参数个数不对";
  *context.err << "ngodesk：错误：" << kind << "：" << error.what() << "\n"
               << "运行 ngodesk --help，或在子命令后加 --help，查看用法。\n";
}

// Moves the -h,--help flag of `command` and of every subcommand under it into
// `group`. CLI11 makes that flag before any group can be chosen, so it stays
// alone under "Options" otherwise.
void PutHelpFlagsInGroup(CLI::App& command, const std::string& group) {
  if (CLI::Option* help = command.get_help_ptr()) help->group(group);
  for (CLI::App* sub : command.get_subcommands({})) PutHelpFlagsInGroup(*sub, group);
}

}  // namespace

}  // namespace ngodesk::cli

int main(int argc, char** argv) {
  using namespace ngodesk::cli;

  Context context;
  context.lang = LanguageFromEnvironment();

  CLI::App app{
      "ngodesk: find and reach the registration authorities for overseas NGOs in China.\n"
      "ngodesk：查找境外非政府组织登记管理机关并与之联系。"};
  // CLI11's own words in the help, in both languages like the rest of it.
  // Subcommands made after this share the formatter and copy the help flag
  // and the option group.
  app.set_help_flag("-h,--help", "Print this help and exit / 显示此帮助并退出");
  app.option_defaults()->group("Options / 选项");
  const auto formatter = app.get_formatter();
  formatter->label("Usage", "Usage / 用法");
  formatter->label("OPTIONS", "OPTIONS");
  formatter->label("REQUIRED", "REQUIRED / 必填");
  formatter->label("Positionals", "Positionals / 位置参数");
  formatter->label("SUBCOMMAND", "SUBCOMMAND");
  app.set_version_flag("--version", "ngodesk 0.1.0",
                       "Print the version and exit / 显示版本并退出");
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--lang", context.lang,
                 "Language of messages: en or zh (default: from the locale) / "
                 "消息语言：en 或 zh（默认取自系统区域设置）")
      ->check(CLI::IsMember({"en", "zh"}));
  // A mistyped --db must not create a new, empty directory tree, so its
  // parent must exist. Only the default location is created on first use.
  app.add_option("--db", context.db_path,
                 "SQLite database file (default: $NGODESK_DB, else the user data directory) / "
                 "SQLite 数据库文件（默认取 $NGODESK_DB，否则为用户数据目录）")
      ->check(
          [](const std::string& path) -> std::string {
            const std::filesystem::path parent = std::filesystem::path(path).parent_path();
            std::error_code ignored;
            if (parent.empty() || std::filesystem::is_directory(parent, ignored)) return {};
            return "the directory " + parent.string() +
                   " does not exist; create it first or correct the path. / 目录 " +
                   parent.string() + " 不存在：请先创建该目录或更正路径。";
          },
          "PATH");

  for (const CommandSetup& setup : CommandSetups()) setup(app, context);
  for (CLI::App* command : app.get_subcommands({})) command->group("Commands / 命令");
  PutHelpFlagsInGroup(app, "Options / 选项");

  app.parse_complete_callback([&context] {
    if (context.db_path.empty()) context.db_path = DefaultDatabasePath();
  });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() != 0 && ChineseRequested(context, argc, argv)) {
      PrintParseErrorInChinese(context, error);
      return kExitUsage;
    }
    const int code = app.exit(error);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return context.exit_code;
}
