// The address and name cases collected from bug reports of address parsers,
// each a named test. The same cases are also read from the shared case file
// (case_files_test.cc); this table keeps them when that file is absent.
#include <string_view>

#include <gtest/gtest.h>

#include "expectation.h"

namespace ngodesk::testing {
namespace {

struct HardCase {
  std::string_view name;
  std::string_view input;
  std::string_view expected;  // JSON object
};

constexpr HardCase kHardCases[] = {
    {"ProvincePlusDistrictPicksFuzhou", "福建省鼓楼区",
     R"({"province": "福建省", "prefecture": "福州市", "county": "鼓楼区"})"},
    {"BareChaoyangDistrictRanksBeijing", "朝阳区汉庭酒店大山子店",
     R"({"province": "北京市", "prefecture": "北京市", "county": "朝阳区", "ambiguous": true})"},
    {"TraditionalAddressIgnoresRoadName", "廣東省東莞市虎門鎮運河北路行運茶餐廳",
     R"({"province": "广东省", "prefecture": "东莞市", "county": null})"},
    {"EstateNamedShanghaiInYining", "新疆伊宁市上海城徐汇苑",
     R"({"province": "新疆维吾尔自治区", "prefecture": "伊犁哈萨克自治州", "county": "伊宁市"})"},
    {"FormerNameXiangfan", "湖北省襄樊市", R"({"province": "湖北省", "prefecture": "襄阳市"})"},
    {"UpperCaseEnglishWithPostcode", "BAOSHAN DISTRICT 201900 SHANGHAI P.R. CHINA",
     R"({"province": "上海市", "prefecture": "上海市", "county": "宝山区"})"},
    {"BingtuanDivisionBeforeShihezi", "兵团第八师石河子市",
     R"({"province": "新疆维吾尔自治区", "prefecture": null, "county": "石河子市"})"},
    {"HainanPrefectureInQinghai", "青海海南州共和县",
     R"({"province": "青海省", "prefecture": "海南藏族自治州", "county": "共和县"})"},
    {"BeijingStreetInLhasa", "西藏拉萨市城关区北京中路",
     R"({"province": "西藏自治区", "prefecture": "拉萨市", "county": "城关区"})"},
    {"ChaoyangNameIsAmbiguous", "朝阳",
     R"({"ambiguous": true, "candidates": [{"province": "辽宁省", "prefecture": "朝阳市"},
         {"province": "北京市", "prefecture": "北京市", "county": "朝阳区"},
         {"province": "吉林省", "prefecture": "长春市", "county": "朝阳区"}]})"},
    {"AbbreviationHu", "沪", R"({"province": "上海市"})"},
    {"XianWithoutApostrophe", "Xian Shaanxi", R"({"province": "陕西省", "prefecture": "西安市"})"},
    {"ForeignMinistryIsNoPlace", "乌干达贸易、工业和合作部", R"({"province": null})"},
};

class HardCaseTest : public ::testing::TestWithParam<HardCase> {};

TEST_P(HardCaseTest, Resolves) {
  const HardCase& test = GetParam();
  const nlohmann::json test_case = {{"input", std::string(test.input)},
                                    {"expected", nlohmann::json::parse(test.expected)}};
  EXPECT_EQ(CheckCase(test_case), "") << test.input;
}

INSTANTIATE_TEST_SUITE_P(AddressAndName, HardCaseTest, ::testing::ValuesIn(kHardCases),
                         [](const ::testing::TestParamInfo<HardCase>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace ngodesk::testing
