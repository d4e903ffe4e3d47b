// ngodesk: the directory and finder of the registration authorities for
// overseas NGOs in China. The CLI only parses arguments and prints; every
// command calls the domain library.
#include <filesystem>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/command_registry.h"
#include "cli/context.h"

namespace ngodesk::cli {

std::vector<CommandSetup>& CommandSetups() {
  static std::vector<CommandSetup> setups;
  return setups;
}

}  // namespace ngodesk::cli

int main(int argc, char** argv) {
  using namespace ngodesk::cli;

  Context context;
  context.lang = LanguageFromEnvironment();

  CLI::App app{
      "ngodesk: find and reach the registration authorities for overseas NGOs in China.\n"
      "ngodesk：查找境外非政府组织登记管理机关并与之联系。"};
  app.set_version_flag("--version", "ngodesk 0.1.0");
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--lang", context.lang, "Language of messages: en or zh (default: from the locale)")
      ->check(CLI::IsMember({"en", "zh"}));
  // A mistyped --db must not create a new, empty directory tree, so its
  // parent must exist. Only the default location is created on first use.
  app.add_option("--db", context.db_path,
                 "SQLite database file (default: $NGODESK_DB, else the user data directory)")
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

  app.parse_complete_callback([&context] {
    if (context.db_path.empty()) context.db_path = DefaultDatabasePath();
  });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return context.exit_code;
}
