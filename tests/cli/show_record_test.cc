// ngodesk show on a record with every field set, written to the database
// through the store, so the test does not depend on the bundled data.
#include <string>

#include <gtest/gtest.h>

#include "cli_test_support.h"
#include "ngodesk/jurisdictions.h"
#include "ngodesk/store.h"

namespace ngodesk::testing_cli {
namespace {

// A number from the page, with only its published and normalised forms set.
PhoneNumber PageNumber(std::string text, std::string e164, std::string national) {
  PhoneNumber number;
  number.text = std::move(text);
  number.e164 = std::move(e164);
  number.national = std::move(national);
  number.source_id = "page";
  return number;
}

Office FullOffice() {
  Office office = MakeOfficeSkeleton(*FindJurisdictionByOfficeId("jiangsu"));
  office.addresses = {
      {{"86 Zhanjiang Road, Nanjing", "南京市鼓楼区湛江路86号"}, "page", "main hall"}};
  office.phones = {PageNumber("025-86783861*", "+862586783861", "025 8678 3861"),
                   PageNumber("86783860", "+862586783860", "025 8678 3860"),
                   PageNumber("ask the desk", "", "")};
  office.phones[0].confirmed_on = "2017-04-23";
  office.phones[1].extension = "12";
  office.phones[1].area_code_inferred = true;
  office.faxes = {PageNumber("025-86783869", "+862586783869", "025 8678 3869")};
  office.emails = {"ngo@example.org"};
  office.hours.text = "9:00-17:00";
  office.hours.expression = "Mo-Fr 09:00-17:00; PH off";
  office.hours.assumed = true;
  office.hours.assumption = {"Monday to Friday is assumed.", "推定周一至周五办公。"};
  office.sources = {{"page", "Office list", "2017-04-23", ""}};
  office.corrections = {{"addresses[0].en", "Zhanjang", "Zhanjiang", "misspelt road name"}};
  return office;
}

class ShowRecord : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    Result<Store> store = Store::Open(db());
    ASSERT_TRUE(store.ok()) << store.error().message;
    ASSERT_TRUE(store->ReplaceOffices({FullOffice()}).ok());
  }
  std::string db() const { return (directory_ / "full.db").string(); }
};

TEST_F(ShowRecord, PrintsEveryField) {
  const CommandResult run = Ngodesk({"--db", db(), "show", "jiangsu"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "") << "a database with offices is not seeded";

  const std::string expected =
      "jiangsu  江苏省\n"
      "Name 名称            Overseas NGO Management Office, Jiangsu Provincial Public Security "
      "Department\n"
      "                     江苏省公安厅境外非政府组织管理办公室\n"
      "Jurisdiction 辖区    Jiangsu Province / 江苏省 (province-level 省级, GB/T 2260 320000)\n"
      "City 所在城市        Nanjing / 南京市 (320100)\n"
      "Address 地址         86 Zhanjiang Road, Nanjing\n"
      "                     南京市鼓楼区湛江路86号\n"
      "                     source 来源: page; main hall\n"
      "Phone 电话 1         +862586783861  025 8678 3861  (published 原文: 025-86783861*)\n"
      "                     confirmed on 确认于 2017-04-23\n"
      "Phone 电话 2         +862586783860  025 8678 3860 ext. 分机 12  (published 原文: 86783860)\n"
      "                     area code inferred from the number before 区号取自前一号码\n"
      "Phone 电话 3         not normalised 未能规范化  (published 原文: ask the desk)\n"
      "Fax 传真             +862586783869  025 8678 3869  (published 原文: 025-86783869)\n"
      "Email 电子邮件       ngo@example.org\n"
      "Website 网站         none 无\n"
      "Hours 办公时间       9:00-17:00\n"
      "Hours rule 时间规则  Mo-Fr 09:00-17:00; PH off\n"
      "Assumed 假设         Monday to Friday is assumed.\n"
      "                     推定周一至周五办公。\n"
      "Source 来源          [page] Office list, 2017-04-23\n"
      "Correction 更正      addresses[0].en: \"Zhanjang\" -> \"Zhanjiang\"\n"
      "                     misspelt road name\n";
  EXPECT_TRUE(run.out == expected) << FirstDifference(expected, run.out);
}

TEST_F(ShowRecord, ListCountsConfirmedNumbers) {
  const CommandResult run = Ngodesk({"--db", db(), "list"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<std::string> lines = Lines(run.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[1].starts_with("jiangsu ")) << lines[1];
  EXPECT_TRUE(lines[1].ends_with("+862586783861  1/3")) << lines[1];
}

TEST_F(ShowRecord, CsvKeepsPositions) {
  const CommandResult run = Ngodesk({"--db", db(), "export", "--format", "csv"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find(
                ",025-86783861*; 86783860; ask the desk,+862586783861; +862586783860; -,-; 12; -,"
                "2017-04-23; -; -,no; yes; no,"),
            std::string::npos)
      << run.out;
}

}  // namespace
}  // namespace ngodesk::testing_cli
