// Tests of Pinyin(): the override table, mixed text, and agreement with the
// pinyin column of the bundled data.
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "ngodesk/gazetteer.h"

namespace ngodesk {
namespace {

struct PinyinCase {
  std::string_view text;
  std::string_view expected;
};

TEST(Pinyin, PlaceNameReadings) {
  const PinyinCase cases[] = {
      {"厦门", "xia men"},     {"长寿", "chang shou"}, {"六安", "lu an"},       {"蚌埠", "beng bu"},
      {"番禺", "pan yu"},      {"铅山", "yan shan"},   {"乐清", "yue qing"},    {"重庆", "chong qing"},
      {"蔚县", "yu xian"},     {"大城", "da cheng"},   {"单县", "shan xian"},   {"洪洞", "hong tong"},
      {"长沙", "chang sha"},   {"长春", "chang chun"}, {"朝阳", "chao yang"},   {"东阿", "dong e"},
      {"枞阳", "zong yang"},   {"尉氏", "wei shi"},    {"尉犁", "yu li"},       {"筠连", "jun lian"},
      {"荥阳", "xing yang"},   {"荥经", "ying jing"},  {"莘县", "shen xian"},   {"乐亭", "lao ting"},
      {"会昌", "hui chang"},   {"会同", "hui tong"},   {"长子", "zhang zi"},    {"成都", "cheng du"},
      {"喀什", "ka shi"},      {"阿勒泰", "a le tai"}, {"西藏", "xi zang"},     {"佛山", "fo shan"},
      {"黄埔", "huang pu"},    {"大埔", "da bu"},      {"珲春", "hun chun"},    {"繁峙", "fan shi"},
      {"宝坻", "bao di"},      {"泌阳", "bi yang"},    {"黄陂", "huang pi"},    {"浚县", "xun xian"},
      {"牟平", "mu ping"},     {"中牟", "zhong mou"},  {"犍为", "qian wei"},    {"崆峒", "kong tong"},
  };
  for (const PinyinCase& test : cases) EXPECT_EQ(Pinyin(test.text), test.expected) << test.text;
}

TEST(Pinyin, MixedTextKeepsNonHan) {
  EXPECT_EQ(Pinyin("苏州市姑苏区人民路100号"), "su zhou shi gu su qu ren min lu 100 hao");
  EXPECT_EQ(Pinyin("金桥大道"), "jin qiao da dao");
  EXPECT_EQ(Pinyin("Gusu District"), "Gusu District");
  EXPECT_EQ(Pinyin("光耀东方广场辅楼B座"), "guang yao dong fang guang chang fu lou B zuo");
  EXPECT_EQ(Pinyin(""), "");
}

TEST(Pinyin, InvalidUtf8PassesThrough) {
  const std::string text = std::string("苏州") + "\xff" + "市";
  EXPECT_EQ(Pinyin(text), "su zhou \xff shi");
}

// The pinyin column is generated with this library; a change of the override
// table or of ICU shows up here until tools/gen-divisions.mjs is run again.
TEST(Pinyin, BundledDataMatchesLibrary) {
  for (const Division& division : Gazetteer::Bundled().divisions()) {
    EXPECT_EQ(Pinyin(division.short_zh), division.pinyin) << division.code << " " << division.short_zh;
  }
}

TEST(Pinyin, OverrideFileIsWellFormed) {
  std::ifstream in(NGODESK_SOURCE_DIR "/data/pinyin-overrides.tsv");
  ASSERT_TRUE(in) << "cannot open data/pinyin-overrides.tsv";
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    std::istringstream fields(line);
    std::string word, reading, reason;
    std::getline(fields, word, '\t');
    std::getline(fields, reading, '\t');
    std::getline(fields, reason);
    EXPECT_FALSE(word.empty()) << "line " << line_number;
    EXPECT_FALSE(reason.empty()) << "line " << line_number << ": every override gives its reason";
    EXPECT_EQ(reading.find_first_not_of("abcdefghijklmnopqrstuvwxyz "), std::string::npos)
        << "line " << line_number << ": reading \"" << reading << "\"";
  }
}

}  // namespace
}  // namespace ngodesk
