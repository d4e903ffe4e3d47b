// End-to-end tests of inputs the CLI must reject rather than half accept (a
// number libphonenumber reads but calls invalid, a --db path in a directory
// that does not exist) and of parse errors in the user's language.
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_test_support.h"

namespace ngodesk::testing_cli {
namespace {

namespace fs = std::filesystem;

using InputGuards = CliTest;

TEST_F(InputGuards, ValidPhoneExitsZero) {
  const CommandResult run = Ngodesk({"phone", "025 84661234"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("+862584661234"), std::string::npos) << run.out;
  EXPECT_EQ(run.err, "");
}

TEST_F(InputGuards, InvalidPhoneExitsTwo) {
  const CommandResult run = Ngodesk({"phone", "010 1234567"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find("Valid:     no"), std::string::npos) << run.out;
  EXPECT_NE(run.err.find("'010 1234567' is not a valid number"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("Check the digits"), std::string::npos) << run.err;
}

TEST_F(InputGuards, InvalidPhoneJsonExitsTwo) {
  const CommandResult run = Ngodesk({"phone", "010 1234567", "--json"});
  EXPECT_EQ(run.exit_code, 2);
  const nlohmann::json out = nlohmann::json::parse(run.out);
  EXPECT_EQ(out["valid"], false);
}

TEST_F(InputGuards, InvalidPhoneInChinese) {
  const CommandResult run = Ngodesk({"--lang", "zh", "phone", "010 1234567"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("不是有效的中国号码"), std::string::npos) << run.err;
}

TEST_F(InputGuards, PhoneTypeInChinese) {
  const CommandResult run = Ngodesk({"--lang", "zh", "phone", "13800138000"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("类型：      手机"), std::string::npos) << run.out;
}

TEST_F(InputGuards, DbInMissingDirectoryIsRejected) {
  const fs::path db = directory_ / "no" / "such" / "ngodesk.db";
  const CommandResult run = Ngodesk({"--db", db.string(), "list"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find((directory_ / "no" / "such").string() + " does not exist"),
            std::string::npos)
      << run.err;
  EXPECT_FALSE(fs::exists(directory_ / "no"));
}

TEST_F(InputGuards, DbInCurrentDirectoryIsAccepted) {
  const CommandResult run = Ngodesk({"--db", "plain.db", "list"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(fs::exists(directory_ / "plain.db"));
}

TEST_F(InputGuards, ParseErrorInChinese) {
  const CommandResult run = Ngodesk({"list", "--bogus"}, {"LANG=zh_CN.UTF-8"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("无法识别的参数"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("--bogus"), std::string::npos) << run.err;
}

TEST_F(InputGuards, ParseErrorFollowsLangOption) {
  const CommandResult run = Ngodesk({"--lang", "zh", "phone"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("缺少必需的参数"), std::string::npos) << run.err;
}

TEST_F(InputGuards, ParseErrorInEnglish) {
  const CommandResult run = Ngodesk({"--lang", "en", "list", "--bogus"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("was not expected: --bogus"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("无法识别"), std::string::npos) << run.err;
}

TEST_F(InputGuards, LawCitationInChinese) {
  const CommandResult run = Ngodesk({"--lang", "zh", "where", "苏州"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("《境外非政府组织境内活动管理法》第十一条、第十二条"), std::string::npos)
      << run.out;
  EXPECT_EQ(run.out.find("Overseas NGO Law"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace ngodesk::testing_cli
