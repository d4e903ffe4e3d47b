#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ngodesk/checks.h"
#include "ngodesk/jurisdictions.h"
#include "ngodesk/page_importer.h"
#include "ngodesk/phone.h"

namespace ngodesk {
namespace {

std::vector<OfficeWarning> CheckFixture() {
  std::ifstream file("tests/fixtures/page-entries.txt");
  std::stringstream text;
  text << file.rdbuf();
  PageOptions options;
  options.date = "2017-04-23";
  const PageImport page = ParsePage(text.str(), options);
  EXPECT_TRUE(page.ok());
  return CheckOffices(page.offices);
}

std::vector<std::string> Lines(const std::vector<OfficeWarning>& warnings, bool chinese) {
  std::vector<std::string> lines;
  for (const OfficeWarning& warning : warnings)
    lines.push_back(warning.code + " " + FormatWarning(warning, chinese));
  return lines;
}

Office OfficeWithAddress(const std::string& id, const std::string& en, const std::string& zh) {
  Office office = MakeOfficeSkeleton(*FindJurisdictionByOfficeId(id));
  office.addresses.push_back({{en, zh}, "test", ""});
  return office;
}

Office OfficeWithPhone(const std::string& id, const std::string& text) {
  Office office = MakeOfficeSkeleton(*FindJurisdictionByOfficeId(id));
  Result<NormalizedPhone> phone = NormalizePhone(text);
  EXPECT_TRUE(phone.ok());
  office.phones.push_back({text, phone->e164, phone->national, "", false, "", "", "test"});
  return office;
}

// The page's known faults, and only those, in office order.
TEST(ChecksTest, FixtureWarnings) {
  const std::vector<std::string> expected = {
      "address-romanisation tianjin addresses[0].en: English address has \"Tianjing\" where the "
      "Chinese address "
      "reads \"Tianjin\" (天津)",
      "address-damaged shanxi addresses[0].zh: stray space inside brackets in \"( 出\"",
      "address-damaged liaoning addresses[0].zh: stray space inside brackets in \"心 )\"",
      "address-damaged liaoning addresses[0].zh: stray symbol \"&\" in the Chinese address",
      "phone-area-code-inferred jiangsu phones[1].text: number \"86783860\" was published without "
      "area code; "
      "+862586783860 takes the area code of the number before it",
      "address-romanisation hubei addresses[0].en: English address has \"Jindao\" where the "
      "Chinese address reads "
      "\"Jinqiao\" (金桥)",
      "address-damaged hunan addresses[0].zh: stray space between two Chinese characters in \"坡 "
      "西\"",
      "address-damaged qinghai addresses[0].zh: a bracket splits the place name 西宁 in the "
      "Chinese address; the "
      "text looks damaged",
  };
  EXPECT_EQ(Lines(CheckFixture(), false), expected);
}

TEST(ChecksTest, WarningsInChinese) {
  const std::vector<std::string> lines = Lines(CheckFixture(), true);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0],
            "address-romanisation tianjin addresses[0].en: "
            "英文地址写作“Tianjing”，而中文地址中的“天津”应拼作“Tianjin”");
}

TEST(ChecksTest, AreaCodeOfOtherCity) {
  const Office office = OfficeWithPhone("jiangsu", "0571-87287100");
  const std::vector<OfficeWarning> warnings = CheckOffices(std::vector<Office>{office});
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, kCheckPhoneAreaCode);
  EXPECT_EQ(warnings[0].field, "phones[0].text");
  EXPECT_NE(warnings[0].message.en.find("Hangzhou, Zhejiang"), std::string::npos);
  EXPECT_NE(warnings[0].message.zh.find("南京市"), std::string::npos);
}

TEST(ChecksTest, AreaCodeOfOwnCity) {
  EXPECT_TRUE(
      CheckOffices(std::vector<Office>{OfficeWithPhone("ningxia", "0951-6136535")}).empty());
  EXPECT_TRUE(
      CheckOffices(std::vector<Office>{OfficeWithPhone("beijing", "010-62638800")}).empty());
}

TEST(ChecksTest, MobileNumberNotCheckedForCity) {
  EXPECT_TRUE(CheckOffices(std::vector<Office>{OfficeWithPhone("tibet", "13812345678")}).empty());
}

TEST(ChecksTest, NumberOutsideRanges) {
  const std::vector<OfficeWarning> warnings =
      CheckOffices(std::vector<Office>{OfficeWithPhone("shanghai", "021-1234567")});
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, kCheckPhoneInvalid);
}

TEST(ChecksTest, RomanisationMatches) {
  const Office office =
      OfficeWithAddress("shaanxi",
                        "Xi’an city, Weiyang district, 51 West Section of North Second "
                        "Ring Road",
                        "西安市未央区二环北路西段51号");
  EXPECT_TRUE(CheckOffices(std::vector<Office>{office}).empty());
}

TEST(ChecksTest, RomanisationNearMiss) {
  const Office office =
      OfficeWithAddress("gansu", "Lanzhou city, 52 Huangheyang Road", "兰州市城关区黄河沿52号");
  const std::vector<OfficeWarning> warnings = CheckOffices(std::vector<Office>{office});
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, kCheckAddressRomanisation);
  EXPECT_NE(warnings[0].message.en.find("\"Huangheyan\" (黄河沿)"), std::string::npos);
}

TEST(ChecksTest, EnglishWordsNotTakenForPinyin) {
  const Office office = OfficeWithAddress("inner-mongolia",
                                          "Hohhot city, Jinshidun Residence Building 4, Area B, "
                                          "Northwest Gate",
                                          "呼和浩特市新城区金士顿公馆4号楼");
  EXPECT_TRUE(CheckOffices(std::vector<Office>{office}).empty());
}

TEST(ChecksTest, UnbalancedBracketDamaged) {
  const Office office = OfficeWithAddress("sichuan", "Chengdu city", "成都市人民西路2号(二楼");
  const std::vector<OfficeWarning> warnings = CheckOffices(std::vector<Office>{office});
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, kCheckAddressDamaged);
  EXPECT_EQ(warnings[0].field, "addresses[0].zh");
}

TEST(ChecksTest, OrdinaryBracketsNotDamaged) {
  const Office office =
      OfficeWithAddress("anhui", "Hefei city", "安徽省政务服务中心(合肥市马鞍山路509号)三楼");
  EXPECT_TRUE(CheckOffices(std::vector<Office>{office}).empty());
}

}  // namespace
}  // namespace ngodesk
