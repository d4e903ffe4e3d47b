// End-to-end tests of the commands for corrections and calls: editors, the
// review queue, history, verification calls and backups. Reports arrive over
// HTTP in production, so the tests file them with the library.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_test_support.h"
#include "ngodesk/moderation.h"
#include "ngodesk/store.h"

namespace ngodesk::testing_cli {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

class ModerationCommands : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ASSERT_EQ(Run({"editor", "list"}).exit_code, 0);  // creates and seeds the database
  }

  std::string db() const { return (directory_ / "ngodesk.db").string(); }

  CommandResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db()});
    return Ngodesk(args, {"USER=wang"});
  }

  std::int64_t File(const NewReport& report) {
    Result<Store> store = Store::Open(db());
    EXPECT_TRUE(store.ok());
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    Result<std::int64_t> id = Moderation(*store).SubmitReport(report, now);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }
};

TEST_F(ModerationCommands, EditorAddPrintsTheTokenOnce) {
  const CommandResult added = Run({"editor", "add", "li"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_NE(added.out.find("shown only this once"), std::string::npos) << added.out;
  const std::string token = added.out.substr(added.out.find('\n') + 1, 64);
  EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos) << token;

  EXPECT_EQ(Run({"editor", "add", "li"}).exit_code, 2);
  EXPECT_EQ(Run({"editor", "list"}).out, "li\n");
  EXPECT_EQ(Json::parse(Run({"editor", "list", "--json"}).out)["editors"], Json::array({"li"}));
  EXPECT_EQ(Run({"editor", "remove", "li"}).exit_code, 0);
  EXPECT_EQ(Run({"editor", "remove", "li"}).exit_code, 3);
  EXPECT_EQ(ReadFile(db()).find(token), std::string::npos);
}

TEST_F(ModerationCommands, ChineseMessagesUnderLangZh) {
  const CommandResult run = Run({"--lang", "zh", "editor", "add", "李"});
  EXPECT_NE(run.out.find("仅显示这一次"), std::string::npos) << run.out;
}

TEST_F(ModerationCommands, ReviewListsAndAcceptsReports) {
  const std::int64_t id = File({"jiangsu", ReportField::kPhones, "025-86783861", "025-86783862",
                                "Called on 2026-12-01.", "reader@example.org"});

  const CommandResult listed = Run({"review", "--json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const Json reports = Json::parse(listed.out)["reports"];
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0]["id"], id);
  EXPECT_EQ(reports[0]["contact_email"], "reader@example.org");
  EXPECT_NE(Run({"review"}).out.find("proposed 新值:  025-86783862"), std::string::npos);

  const CommandResult accepted = Run({"review", "accept", std::to_string(id)});
  ASSERT_EQ(accepted.exit_code, 0) << accepted.err;
  EXPECT_NE(accepted.out.find("\"025-86783861\" -> \"025-86783862\""), std::string::npos)
      << accepted.out;
  EXPECT_NE(Run({"show", "jiangsu"}).out.find("+862586783862"), std::string::npos);

  const Json history = Json::parse(Run({"history", "江苏", "--json"}).out);
  EXPECT_EQ(history["office"], "jiangsu");
  ASSERT_EQ(history["changes"].size(), 1u);
  EXPECT_EQ(history["changes"][0]["editor"], "wang");
  EXPECT_EQ(history["changes"][0]["report_id"], id);

  const Json closed = Json::parse(Run({"review", "--status", "accepted", "--json"}).out);
  EXPECT_TRUE(closed["reports"][0]["contact_email"].is_null());
  EXPECT_EQ(Run({"review", "accept", std::to_string(id)}).exit_code, 2);
}

TEST_F(ModerationCommands, ReviewRejectNeedsAReason) {
  const std::int64_t id = File({"mps", ReportField::kOther, "", "Moved.", "", ""});

  EXPECT_EQ(Run({"review", "reject", std::to_string(id)}).exit_code, 2);
  const CommandResult rejected =
      Run({"review", "reject", std::to_string(id), "--reason", "No source.", "--editor", "li"});
  ASSERT_EQ(rejected.exit_code, 0) << rejected.err;

  const Json reports = Json::parse(Run({"review", "--status", "all", "--json"}).out)["reports"];
  EXPECT_EQ(reports[0]["status"], "rejected");
  EXPECT_EQ(reports[0]["reason"], "No source.");
  EXPECT_EQ(reports[0]["closed_by"], "li");
}

TEST_F(ModerationCommands, ReviewRejectsUnknownAndMalformedIds) {
  EXPECT_EQ(Run({"review", "accept", "42"}).exit_code, 3);
  EXPECT_EQ(Run({"review", "accept", "abc"}).exit_code, 2);
  EXPECT_EQ(Run({"review", "--status", "closed"}).exit_code, 2);
  EXPECT_EQ(Run({"history", "atlantis"}).exit_code, 3);
}

TEST_F(ModerationCommands, ReviewShowsInvisibleCharactersAsMarkers) {
  File({"mps", ReportField::kOther, "", "abc\u202Edef\u200Bghi", "", ""});

  const CommandResult listed = Run({"review"});
  EXPECT_NE(listed.out.find("abc⟨U+202E⟩def⟨U+200B⟩ghi"), std::string::npos) << listed.out;
}

TEST_F(ModerationCommands, CallsConfirmAndFlagNumbers) {
  CommandResult run = Run({"call", "jiangsu", "025-86783861", "--outcome", "reached", "--date",
                           "2026-11-02", "--note", "Duty officer answered."});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("confirmed on 2026-11-02"), std::string::npos) << run.out;

  run = Run({"call", "jiangsu", "+862586783861", "--outcome", "no-answer", "--date", "2026-11-20"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("possibly out of date"), std::string::npos) << run.out;
  EXPECT_NE(Run({"show", "jiangsu"}).out.find("possibly out of date: a call on 2026-11-20"),
            std::string::npos);

  EXPECT_EQ(Run({"call", "jiangsu", "025-11111111", "--outcome", "reached"}).exit_code, 3);
  EXPECT_EQ(Run({"call", "jiangsu", "86783860", "--outcome", "busy"}).exit_code, 2);
  EXPECT_EQ(Run({"call", "jiangsu", "86783860", "--outcome", "reached", "--date", "2999-01-01"})
                .exit_code,
            2);
  EXPECT_EQ(Run({"call", "jiangsu", "86783860", "--outcome", "reached", "--date", "2026-02-30"})
                .exit_code,
            2);
}

TEST_F(ModerationCommands, SameDayFailureAfterSuccessIsDue) {
  for (const char* outcome : {"reached", "wrong-number"}) {
    const CommandResult run =
        Run({"call", "jiangsu", "86783860", "--outcome", outcome, "--date", "2026-12-01"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }
  EXPECT_NE(Run({"show", "jiangsu"}).out.find("possibly out of date: a call on 2026-12-01"),
            std::string::npos);

  const Json due = Json::parse(Run({"calls", "due", "--json"}).out)["due"];
  const Json* entry = nullptr;
  for (const Json& each : due) {
    if (each["phone"]["e164"] == "+862586783860") entry = &each;
  }
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ((*entry)["latest"]["outcome"], "wrong-number");
}

TEST_F(ModerationCommands, CallsDueListsNeverConfirmedNumbersFirst) {
  const CommandResult run = Run({"calls", "due", "--json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const Json due = Json::parse(run.out)["due"];
  ASSERT_GT(due.size(), 30u);
  EXPECT_TRUE(due[0]["latest"].is_null());
  EXPECT_EQ(due[0]["phone"]["confirmed"], false);
  EXPECT_EQ(due[due.size() - 1]["latest"]["caller"], "page");
  EXPECT_TRUE(due[0]["hours"].contains("expression"));

  EXPECT_NE(Run({"calls", "due"}).out.find("never called 从未拨打"), std::string::npos);
  EXPECT_EQ(Run({"calls", "due", "--older-than", "26w"}).exit_code, 0);
  EXPECT_EQ(Run({"calls", "due", "--older-than", "soon"}).exit_code, 2);
}

TEST_F(ModerationCommands, BackupAndRestore) {
  File({"mps", ReportField::kOther, "", "kept", "", ""});
  const std::string backup = (directory_ / "backup.db").string();
  ASSERT_EQ(Run({"backup", backup}).exit_code, 0);
  EXPECT_EQ(Run({"backup", backup}).exit_code, 2);
  File({"mps", ReportField::kOther, "", "dropped by the restore", "", ""});

  std::ofstream(directory_ / "junk.db") << "junk";
  EXPECT_EQ(Run({"restore", (directory_ / "junk.db").string()}).exit_code, 2);
  EXPECT_EQ(Json::parse(Run({"review", "--json"}).out)["reports"].size(), 2u);

  const CommandResult restored = Run({"restore", backup});
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  EXPECT_EQ(Json::parse(Run({"review", "--json"}).out)["reports"].size(), 1u);
}

// Every option of the moderation commands explains itself in English and,
// after " / ", in Chinese.
TEST_F(ModerationCommands, OptionHelpIsBilingual) {
  const std::vector<std::vector<std::string>> commands = {
      {"call", "--help"},           {"calls", "due", "--help"},
      {"review", "--help"},         {"review", "accept", "--help"},
      {"review", "reject", "--help"}, {"history", "--help"},
  };
  for (const std::vector<std::string>& command : commands) {
    const CommandResult help = Ngodesk(command);
    ASSERT_EQ(help.exit_code, 0) << command[0];
    const std::size_t options = help.out.find("Options / 选项:");
    ASSERT_NE(options, std::string::npos) << help.out;

    // An option's text runs from its name to the next option.
    std::size_t start = help.out.find("\n  --", options);
    while (start != std::string::npos) {
      const std::size_t end = help.out.find("\n  -", start + 1);
      const std::string option = help.out.substr(start + 1, end - start - 1);
      EXPECT_NE(option.find(" / "), std::string::npos) << command[0] << ": " << option;
      start = help.out.find("\n  --", start + 1);
    }
  }
}

}  // namespace
}  // namespace ngodesk::testing_cli
