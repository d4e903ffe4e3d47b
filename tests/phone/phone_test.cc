#include "ngodesk/phone.h"

#include <fstream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace ngodesk {
namespace {

// One row per kind of fault met in published Chinese numbers. `e164` empty
// means the text must be rejected.
struct PhoneCase {
  const char* name;
  const char* input;
  const char* area_code;
  const char* e164;
  const char* type;
  const char* extension;
  bool completed;
};

const PhoneCase kCases[] = {
    // Trunk 0 in front of the area code is dropped after +86.
    {"TrunkZeroWithSpace", "025 84661234", "", "+862584661234", "fixed_line", "", false},
    {"TrunkZeroWithHyphen", "0551-63851034", "", "+8655163851034", "fixed_line", "", false},
    {"TrunkZeroDigitsOnly", "02586783860", "", "+862586783860", "fixed_line", "", false},
    // A local number without area code is rejected, never guessed ...
    {"LocalEightDigits", "84661234", "", "", "", "", false},
    {"LocalSevenDigits", "6136535", "", "", "", "", false},
    {"LocalWithHyphenExtension", "86783860-12", "", "", "", "", false},
    // ... unless the caller gives the area code, and then it is marked.
    {"LocalWithAreaCode", "86783860", "025", "+862586783860", "fixed_line", "", true},
    {"LocalWithAreaCodeNoZero", "86783860", "25", "+862586783860", "fixed_line", "", true},
    {"LocalSevenDigitsWithAreaCode", "6136535", "0951", "+869516136535", "fixed_line", "", true},
    {"AreaCodeIgnoredWhenPresent", "010-58186464", "025", "+861058186464", "fixed_line", "", false},
    // Extensions after a hyphen or a written marker.
    {"HyphenExtension", "010-12345678-1234", "", "+861012345678", "fixed_line", "1234", false},
    {"HyphenExtensionThreeDigitArea", "0951-5012345-88", "", "+869515012345", "fixed_line", "88",
     false},
    {"ChineseExtensionMarker", "010-12345678转1234", "", "+861012345678", "fixed_line", "1234",
     false},
    {"EnglishExtensionMarker", "010-12345678 ext. 56", "", "+861012345678", "fixed_line", "56",
     false},
    // The trunk 0 in brackets after the country code.
    {"BracketedTrunkZero", "+86 (0)21 6123 4567", "", "+862161234567", "fixed_line", "", false},
    {"BracketedTrunkZeroNoSpace", "+86(0)25-86783861", "", "+862586783861", "fixed_line", "",
     false},
    {"InternationalPrefix", "0086 25 86783860", "", "+862586783860", "fixed_line", "", false},
    // Seven-digit subscriber numbers are normal outside the largest cities.
    {"SevenDigitsYinchuan", "0951-5012345", "", "+869515012345", "fixed_line", "", false},
    {"SevenDigitsLhasa", "0891-6598868", "", "+868916598868", "fixed_line", "", false},
    {"SevenDigitsLanzhou", "0931-5156476", "", "+869315156476", "fixed_line", "", false},
    // Other number types keep their type.
    {"Mobile", "138 1234 5678", "", "+8613812345678", "mobile", "", false},
    {"SharedCost", "400-810-8888", "", "+864008108888", "shared_cost", "", false},
    // Full-width digits and punctuation, common in Chinese text.
    {"FullWidthDigits", "０２５－８４６６１２３４", "", "+862584661234", "fixed_line", "", false},
    {"FullWidthPlusAndBrackets", "＋８６（０）２１　６１２３　４５６７", "", "+862161234567",
     "fixed_line", "", false},
    {"FullWidthLocalWithAreaCode", "８６７８３８６０", "０２５", "+862586783860", "fixed_line", "",
     true},
    // Texts that contain no possible number are rejected with a message.
    {"NoDigits", "call us", "", "", "", "", false},
    {"TooShort", "0-12", "", "", "", "", false},
};

void PrintTo(const PhoneCase& c, std::ostream* out) { *out << c.input; }

class PhoneTableTest : public testing::TestWithParam<PhoneCase> {};

TEST_P(PhoneTableTest, Normalizes) {
  const PhoneCase& c = GetParam();
  Result<NormalizedPhone> phone = NormalizePhone(c.input, c.area_code);

  if (std::string(c.e164).empty()) {
    ASSERT_FALSE(phone.ok()) << c.input << " gave " << phone->e164;
    EXPECT_FALSE(phone.error().message.empty());
    EXPECT_FALSE(phone.error().message_zh.empty());
    return;
  }
  ASSERT_TRUE(phone.ok()) << c.input << ": " << phone.error().message;
  EXPECT_EQ(phone->e164, c.e164);
  EXPECT_EQ(PhoneTypeName(phone->type), c.type);
  EXPECT_EQ(phone->extension, c.extension);
  EXPECT_TRUE(phone->valid);
  EXPECT_EQ(phone->area_code_completed, c.completed);
}

INSTANTIATE_TEST_SUITE_P(Cases, PhoneTableTest, testing::ValuesIn(kCases),
                         [](const testing::TestParamInfo<PhoneCase>& info) {
                           return info.param.name;
                         });

TEST(PhoneTest, LocalNumberErrorNamesAreaCode) {
  Result<NormalizedPhone> phone = NormalizePhone("84661234");
  ASSERT_FALSE(phone.ok());
  EXPECT_EQ(phone.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(phone.error().message.find("without area code"), std::string::npos);
  EXPECT_NE(phone.error().message.find("84661234"), std::string::npos);
}

TEST(PhoneTest, LocalNumberDetected) {
  EXPECT_TRUE(IsLocalNumberWithoutAreaCode("84661234"));
  EXPECT_TRUE(IsLocalNumberWithoutAreaCode("6136535"));
  EXPECT_TRUE(IsLocalNumberWithoutAreaCode("86783860-12"));
  EXPECT_FALSE(IsLocalNumberWithoutAreaCode("025-84661234"));
  EXPECT_FALSE(IsLocalNumberWithoutAreaCode("13812345678"));
  EXPECT_FALSE(IsLocalNumberWithoutAreaCode("+86 21 6123 4567"));
}

TEST(PhoneTest, MalformedAreaCodeRejected) {
  Result<NormalizedPhone> phone = NormalizePhone("84661234", "2x5");
  ASSERT_FALSE(phone.ok());
  EXPECT_NE(phone.error().message.find("2x5"), std::string::npos);
}

TEST(PhoneTest, NationalFormatAndAreaCode) {
  Result<NormalizedPhone> phone = NormalizePhone("025-86783861");
  ASSERT_TRUE(phone.ok());
  EXPECT_EQ(phone->national, "025 8678 3861");
  EXPECT_EQ(phone->area_code, "25");
}

TEST(PhoneTest, InvalidButPossibleNumberIsMarked) {
  // Shanghai's subscriber numbers have 8 digits. Seven is a possible length
  // in China, but it matches no Shanghai range.
  Result<NormalizedPhone> phone = NormalizePhone("021-1234567");
  ASSERT_TRUE(phone.ok());
  EXPECT_FALSE(phone->valid);
}

TEST(PhoneTest, GeocoderGivesCityInBothLanguages) {
  EXPECT_EQ(DescribePhoneLocation("+862586783861", "en"), "Nanjing, Jiangsu");
  EXPECT_EQ(DescribePhoneLocation("+862586783861", "zh"), "江苏省南京市");
  EXPECT_EQ(DescribePhoneLocation("+869516136535", "zh"), "宁夏银川市");
  EXPECT_EQ(DescribePhoneLocation("not a number", "en"), "");
}

// Every phone case of the hard-case list, read as data so that a case added
// there is tested here too.
TEST(PhoneTest, HardCasesFile) {
  std::ifstream file("../shared/cases/hard-cases.jsonl");
  if (!file) GTEST_SKIP() << "hard-case list not found next to the source tree";

  int checked = 0;
  std::string line;
  while (std::getline(file, line)) {
    if (line.empty()) continue;
    const nlohmann::json row = nlohmann::json::parse(line);
    if (row.at("kind") != "phone") continue;
    const std::string input = row.at("input");
    const nlohmann::json& expected = row.at("expected");
    Result<NormalizedPhone> phone = NormalizePhone(input);
    ++checked;

    if (expected.at("e164").is_null()) {
      EXPECT_FALSE(phone.ok()) << input;
      continue;
    }
    ASSERT_TRUE(phone.ok()) << input << ": " << phone.error().message;
    EXPECT_EQ(phone->e164, expected.at("e164").get<std::string>()) << input;
    if (expected.contains("type")) {
      EXPECT_EQ(PhoneTypeName(phone->type), expected.at("type").get<std::string>()) << input;
    }
    if (expected.contains("extension")) {
      EXPECT_EQ(phone->extension, expected.at("extension").get<std::string>()) << input;
    }
  }
  EXPECT_GE(checked, 5);
}

}  // namespace
}  // namespace ngodesk
