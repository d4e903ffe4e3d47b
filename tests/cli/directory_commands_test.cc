// End-to-end tests of list, show and export and of the database path rules.
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_test_support.h"

namespace ngodesk::testing_cli {
namespace {

namespace fs = std::filesystem;

class DirectoryCommands : public CliTest {
 protected:
  std::string db() const { return (directory_ / "ngodesk.db").string(); }
};

TEST_F(DirectoryCommands, ListSeedsDatabaseOnFirstUse) {
  const CommandResult first = Ngodesk({"--db", db(), "list"});
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("created the database " + db() + " with the 33 offices"),
            std::string::npos)
      << first.err;

  const std::vector<std::string> lines = Lines(first.out);
  ASSERT_EQ(lines.size(), 34u);
  EXPECT_TRUE(lines[0].starts_with("ID ")) << lines[0];
  EXPECT_NE(lines[0].find("First phone"), std::string::npos);
  EXPECT_TRUE(lines[1].starts_with("anhui ")) << lines[1];

  const CommandResult second = Ngodesk({"--db", db(), "list"});
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_EQ(second.err, "");
  EXPECT_EQ(second.out, first.out);
}

// Terminal columns of `text`, counting the 3-byte UTF-8 sequences of CJK
// ideographs (lead bytes 0xE3 to 0xE9) as two.
std::size_t Columns(std::string_view text) {
  std::size_t columns = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0xE3 && byte <= 0xE9) {
      columns += 2;
      i += 2;
    } else if ((byte & 0xC0) != 0x80) {
      ++columns;
    }
  }
  return columns;
}

// The byte offset where the fourth column starts; columns are separated by
// two or more spaces.
std::size_t FourthColumn(const std::string& line) {
  std::size_t at = 0;
  for (int column = 1; column < 4; ++column) {
    at = line.find("  ", at);
    at = line.find_first_not_of(' ', at);
  }
  return at;
}

TEST_F(DirectoryCommands, ConcurrentFirstUseSeedsOnce) {
  // Four processes start on a missing database at the default location at
  // once; each must succeed, creating the directories, and exactly one must fill it.
  const std::string binary = "env -i HOME=" + ShellQuote(directory_.string()) +
                             " PATH=/usr/bin:/bin LANG=C.UTF-8 " +
                             ShellQuote(NGODESK_BINARY_DIR "/ngodesk");
  std::string script = "cd " + ShellQuote(directory_.string()) + " && for i in 1 2 3 4; do (" +
                       binary + " list >out$i 2>err$i; echo $? >rc$i) & done; wait";
  ASSERT_EQ(std::system(script.c_str()), 0);

  int notes = 0;
  for (int i = 1; i <= 4; ++i) {
    const std::string suffix = std::to_string(i);
    EXPECT_EQ(ReadFile(directory_ / ("rc" + suffix)), "0\n")
        << ReadFile(directory_ / ("err" + suffix));
    EXPECT_EQ(Lines(ReadFile(directory_ / ("out" + suffix))).size(), 34u);
    if (ReadFile(directory_ / ("err" + suffix)).find("created the database") != std::string::npos)
      ++notes;
  }
  EXPECT_EQ(notes, 1);
}

TEST_F(DirectoryCommands, ListAlignsChineseColumns) {
  const CommandResult run = Ngodesk({"--db", db(), "list"});
  const std::vector<std::string> lines = Lines(run.out);
  ASSERT_GT(lines.size(), 2u);

  const std::size_t expected = Columns(lines[0].substr(0, lines[0].find("First phone")));
  for (const std::string& line : lines) {
    EXPECT_EQ(Columns(line.substr(0, FourthColumn(line))), expected) << line;
  }
  EXPECT_NE(run.out.find("Jiangsu Province"), std::string::npos);
  EXPECT_NE(run.out.find("广西壮族自治区"), std::string::npos);
}

TEST_F(DirectoryCommands, ListJsonHasAllOffices) {
  const CommandResult run = Ngodesk({"--db", db(), "list", "--json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const nlohmann::json json = nlohmann::json::parse(run.out);
  ASSERT_EQ(json["offices"].size(), 33u);
  EXPECT_EQ(json["offices"][0]["id"], "anhui");
  EXPECT_EQ(json["offices"][0]["jurisdiction"]["code"], "340000");
  EXPECT_TRUE(json["offices"][0].contains("first_phone"));
  EXPECT_TRUE(json["offices"][0].contains("confirmed"));
}

TEST_F(DirectoryCommands, ListInChinese) {
  const CommandResult run = Ngodesk({"--db", db(), "--lang", "zh", "list"});
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_NE(Lines(run.out)[0].find("首个电话"), std::string::npos);
  EXPECT_NE(run.err.find("已创建数据库"), std::string::npos) << run.err;
}

TEST_F(DirectoryCommands, ShowPrintsBilingualRecord) {
  const CommandResult run = Ngodesk({"--db", db(), "show", "jiangsu"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("Jiangsu Province / 江苏省 (province-level 省级, GB/T 2260 320000)"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("City 所在城市"), std::string::npos);
  EXPECT_NE(run.out.find("Phone 电话"), std::string::npos);
}

TEST_F(DirectoryCommands, ShowJsonIsTheExportObject) {
  const CommandResult run = Ngodesk({"--db", db(), "show", "xinjiang-bingtuan", "--json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const nlohmann::json json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["id"], "xinjiang-bingtuan");
  EXPECT_TRUE(json["jurisdiction"]["code"].is_null());
  EXPECT_EQ(json["jurisdiction"]["kind"], "bingtuan");
}

TEST_F(DirectoryCommands, ShowIgnoresCase) {
  const CommandResult run = Ngodesk({"--db", db(), "show", "MPS"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.out.starts_with("mps  公安部\n")) << run.out;
}

TEST_F(DirectoryCommands, ShowAcceptsCodeAndNames) {
  for (const char* query :
       {"320000", "江苏省", "江苏", "Jiangsu Province", "jiangsu province", "JIANGSU"}) {
    const CommandResult run = Ngodesk({"--db", db(), "show", query});
    EXPECT_EQ(run.exit_code, 0) << query << ": " << run.err;
    EXPECT_TRUE(run.out.starts_with("jiangsu  江苏省\n")) << query;
  }
}

TEST_F(DirectoryCommands, ShowAmbiguousNameIsNotGuessed) {
  // 新疆 starts both 新疆维吾尔自治区 and 新疆生产建设兵团.
  const CommandResult run = Ngodesk({"--db", db(), "show", "新疆"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.err.find("no office has the id \"新疆\""), std::string::npos) << run.err;
}

TEST_F(DirectoryCommands, ShowUnknownIdExitsThree) {
  const CommandResult run = Ngodesk({"--db", db(), "show", "shanxii"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(
      run.err.find("ngodesk: error: no office has the id \"shanxii\". Did you mean \"shanxi\"? "
                   "Run `ngodesk list` to see all ids."),
      std::string::npos)
      << run.err;
}

TEST_F(DirectoryCommands, ShowUnknownIdInChineseLocale) {
  const CommandResult run = Ngodesk({"--db", db(), "show", "atlantis"}, {"LANG=zh_CN.UTF-8"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(
      run.err.find(
          "ngodesk：错误：没有 id 为 \"atlantis\" 的机关。运行 `ngodesk list` 可查看所有 id。"),
      std::string::npos)
      << run.err;
}

TEST_F(DirectoryCommands, ShowWithoutIdIsUsageError) {
  const CommandResult run = Ngodesk({"--db", db(), "show"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_FALSE(fs::exists(db())) << "a usage error must not create the database";
}

TEST_F(DirectoryCommands, ExportJsonEqualsBundledFile) {
  const CommandResult run = Ngodesk({"--db", db(), "export", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string bundled = ReadFile(NGODESK_SOURCE_DIR "/data/offices.json");
  EXPECT_TRUE(run.out == bundled) << FirstDifference(bundled, run.out);
}

TEST_F(DirectoryCommands, ExportCsvToFile) {
  const CommandResult run =
      Ngodesk({"--db", db(), "export", "--format", "csv", "--output", "offices.csv"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "Wrote 33 offices to offices.csv.\n");

  const std::string csv = ReadFile(directory_ / "offices.csv");
  EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBFid,name_en,name_zh,")) << csv.substr(0, 40);
  std::size_t rows = 0;
  for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2))
    ++rows;
  EXPECT_EQ(rows, 34u);
  EXPECT_FALSE(fs::exists(directory_ / "offices.csv.partial"));
}

TEST_F(DirectoryCommands, ExportUnknownFormatIsUsageError) {
  const CommandResult run = Ngodesk({"--db", db(), "--lang", "zh", "export", "--format", "xlsx"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("未知的导出格式 \"xlsx\""), std::string::npos) << run.err;
}

TEST_F(DirectoryCommands, ExportToMissingDirectoryFails) {
  const CommandResult run =
      Ngodesk({"--db", db(), "export", "--output", "no/such/dir/offices.json"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("cannot write no/such/dir/offices.json"), std::string::npos) << run.err;
}

TEST_F(DirectoryCommands, DbThatIsADirectoryFailsClearly) {
  fs::create_directory(directory_ / "folder");
  const CommandResult run = Ngodesk({"--db", (directory_ / "folder").string(), "list"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find("ngodesk: error: cannot open the database"), std::string::npos) << run.err;
}

TEST_F(DirectoryCommands, DbThatIsNotADatabaseIsLeftAlone) {
  const fs::path notes = directory_ / "notes.txt";
  const std::string content = "these are notes, not a database\n";
  std::ofstream(notes) << content;

  const CommandResult run = Ngodesk({"--db", notes.string(), "--lang", "zh", "list"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("不是 ngodesk 数据库"), std::string::npos) << run.err;
  EXPECT_EQ(ReadFile(notes), content);
}

TEST_F(DirectoryCommands, DbPathFromEnvironment) {
  const std::string path = (directory_ / "from-env" / "x.db").string();
  const CommandResult run = Ngodesk({"list"}, {"NGODESK_DB=" + path});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(fs::exists(path));
}

TEST_F(DirectoryCommands, DbOptionBeatsEnvironment) {
  const std::string env_path = (directory_ / "env.db").string();
  const CommandResult run = Ngodesk({"list", "--db", db()}, {"NGODESK_DB=" + env_path});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(fs::exists(db()));
  EXPECT_FALSE(fs::exists(env_path));
}

TEST_F(DirectoryCommands, DbDefaultsToUserDataDirectory) {
  const CommandResult run = Ngodesk({"list"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(fs::exists(directory_ / ".local/share/ngodesk/ngodesk.db"));
}

TEST_F(DirectoryCommands, TopLevelHelpIsBilingual) {
  const CommandResult run = Ngodesk({"--help"});
  EXPECT_EQ(run.exit_code, 0);
  for (const char* label : {"Usage / 用法:", "Options / 选项:", "Commands / 命令:",
                            "显示此帮助并退出", "显示版本并退出", "消息语言", "SQLite 数据库文件"}) {
    EXPECT_NE(run.out.find(label), std::string::npos) << label << "\n" << run.out;
  }
  // No group is left with CLI11's English-only name.
  EXPECT_EQ(run.out.find("\nOptions:"), std::string::npos) << run.out;
}

TEST_F(DirectoryCommands, HelpOnEveryCommand) {
  for (const char* command : {"list", "show", "export"}) {
    const CommandResult run = Ngodesk({command, "--help"});
    EXPECT_EQ(run.exit_code, 0) << command;
    EXPECT_NE(run.out.find("Usage / 用法:"), std::string::npos) << command;
    EXPECT_FALSE(fs::exists(directory_ / ".local/share/ngodesk/ngodesk.db")) << command;
  }
}

}  // namespace
}  // namespace ngodesk::testing_cli
