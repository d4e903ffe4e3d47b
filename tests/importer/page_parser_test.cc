#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ngodesk/page_importer.h"

namespace ngodesk {
namespace {

PageImport Parse(const std::string& text, std::string date = "2017-04-23") {
  PageOptions options;
  options.date = std::move(date);
  return ParsePage(text, options);
}

// The one office of a page that must parse.
Office Only(const PageImport& page) {
  EXPECT_TRUE(page.ok()) << (page.errors.empty() ? "" : page.errors.front().message);
  EXPECT_EQ(page.offices.size(), 1u);
  return page.offices.empty() ? Office{} : page.offices.front();
}

std::string Positions(const PageImport& page) {
  std::string positions;
  for (const Error& error : page.errors) {
    positions += std::to_string(error.line) + ":" + std::to_string(error.column) + " ";
  }
  return positions;
}

TEST(PageParserTest, NestedDamagedBracketsKeptWhole) {
  const Office office =
      Only(Parse("Address: Liaoning Province Government Affairs Service Center, Shenyang city, "
                 "Huanggu district, 19 East "
                 "Chongshan Road (沈阳市皇姑区崇山东路19号& (辽宁省政务服务中心 ))\n"));
  EXPECT_EQ(office.id, "liaoning");
  ASSERT_EQ(office.addresses.size(), 1u);
  EXPECT_EQ(office.addresses[0].text.zh, "沈阳市皇姑区崇山东路19号& (辽宁省政务服务中心 )");
  EXPECT_EQ(office.addresses[0].text.en,
            "Liaoning Province Government Affairs Service Center, Shenyang city, Huanggu district, "
            "19 East "
            "Chongshan Road");
}

TEST(PageParserTest, BracketSplittingNameKeptWhole) {
  const Office office =
      Only(Parse("Address: Xining city, Chengzhong district, 35 Beida Street "
                 "(西宁市城中区北大街35号西 (宁市公安局出入境管理处))\n"));
  EXPECT_EQ(office.id, "qinghai");
  EXPECT_EQ(office.addresses[0].text.zh, "西宁市城中区北大街35号西 (宁市公安局出入境管理处)");
}

TEST(PageParserTest, EnglishBracketBeforeChinese) {
  const Office office =
      Only(Parse("Address: Jinan city, 185 Jing’er Road, Northwest Gate (North Lishan Building) "
                 "(济南市市中区经二路185号西北门(丽山大厦北))\n"));
  EXPECT_EQ(office.id, "shandong");
  EXPECT_EQ(office.addresses[0].text.en,
            "Jinan city, 185 Jing’er Road, Northwest Gate (North Lishan Building)");
  EXPECT_EQ(office.addresses[0].text.zh, "济南市市中区经二路185号西北门(丽山大厦北)");
}

TEST(PageParserTest, CommaInsideChineseKept) {
  const Office office =
      Only(Parse("Address: Hangzhou city, 163 Jiefang Road (杭州市解放路163号, 二楼办证大厅 "
                 "(省公安厅出入境大楼))\n"));
  EXPECT_EQ(office.id, "zhejiang");
  EXPECT_EQ(office.addresses[0].text.zh, "杭州市解放路163号, 二楼办证大厅 (省公安厅出入境大楼)");
}

TEST(PageParserTest, TwoAddressesEachWithSourceNote) {
  const Office office =
      Only(Parse("Address: Lhasa city, 4 Middle Beijing Road (address as provided on national MPS "
                 "site: 拉萨市北京中路4号); "
                 "Lhasa city, Chengguan district, 1 East Beijing Road (address as provided on "
                 "Tibet site: 拉萨市城关区北京东路1号)\n"));
  EXPECT_EQ(office.id, "tibet");
  ASSERT_EQ(office.addresses.size(), 2u);
  EXPECT_EQ(office.addresses[0].text.en, "Lhasa city, 4 Middle Beijing Road");
  EXPECT_EQ(office.addresses[0].text.zh, "拉萨市北京中路4号");
  EXPECT_EQ(office.addresses[0].note, "address as provided on national MPS site");
  EXPECT_EQ(office.addresses[1].text.zh, "拉萨市城关区北京东路1号");
  EXPECT_EQ(office.addresses[1].note, "address as provided on Tibet site");
  EXPECT_EQ(office.addresses[1].source_id, "page-2017-04-23");
}

TEST(PageParserTest, AreaCodeTakenFromNumberBefore) {
  const Office office =
      Only(Parse("Address: Nanjing city, Gulou district, 86 Zhanjiang Road (南京市鼓楼区湛江路86, "
                 "省公安厅出入境接待大厅)\n"
                 "Telephone: 025-86783861, 86783860*\n"));
  EXPECT_EQ(office.id, "jiangsu");
  ASSERT_EQ(office.phones.size(), 2u);
  EXPECT_EQ(office.phones[0].e164, "+862586783861");
  EXPECT_FALSE(office.phones[0].area_code_inferred);
  EXPECT_EQ(office.phones[1].text, "86783860");
  EXPECT_EQ(office.phones[1].e164, "+862586783860");
  EXPECT_EQ(office.phones[1].national, "025 8678 3860");
  EXPECT_TRUE(office.phones[1].area_code_inferred);
}

TEST(PageParserTest, AsteriskConfirmsThatNumberOnly) {
  const Office office =
      Only(Parse("Address: Zhengzhou city, 66 South Huanghe Road (郑州市黄河南路66号)\n"
                 "Telephone: 0371-86038309, 0371-86038319*\n"));
  ASSERT_EQ(office.phones.size(), 2u);
  EXPECT_FALSE(office.phones[0].confirmed());
  EXPECT_TRUE(office.phones[1].confirmed());
  EXPECT_EQ(office.phones[1].confirmed_on, "2017-04-23");
  EXPECT_EQ(office.phones[1].source_id, "page-2017-04-23");
  EXPECT_EQ(office.phones[1].text, "0371-86038319");
}

TEST(PageParserTest, FaxParsed) {
  const Office office = Only(Parse(
      "Address: Chongqing city, Yubei district, 555 Huanglong Road (重庆市渝北区黄龙路555号)\n"
      "Telephone: 023-63961219*\nFax: 023-63962440\nRegular Working Hours: 09:00-11:30, "
      "14:00-17:00\n"));
  EXPECT_EQ(office.id, "chongqing");
  ASSERT_EQ(office.faxes.size(), 1u);
  EXPECT_EQ(office.faxes[0].e164, "+862363962440");
  EXPECT_FALSE(office.faxes[0].confirmed());
}

TEST(PageParserTest, LocalNumberFirstInListIsError) {
  const PageImport page =
      Parse("Address: Nanjing city (南京市鼓楼区湛江路86号)\nTelephone: 86783860*\n");
  ASSERT_EQ(page.errors.size(), 1u);
  EXPECT_EQ(page.errors[0].line, 2);
  EXPECT_EQ(page.errors[0].column, 12);
  EXPECT_NE(page.errors[0].message.find("has no area code"), std::string::npos);
  EXPECT_NE(page.errors[0].message.find("025-86783860"), std::string::npos);
  EXPECT_TRUE(page.offices.empty());
}

TEST(PageParserTest, EntryWithoutPhoneOrHours) {
  const Office office =
      Only(Parse("Address: Haikou city, Longhua district, 28 West Hongmian Road "
                 "(海口市龙华区红棉西路28号)\n"));
  EXPECT_EQ(office.id, "hainan");
  EXPECT_TRUE(office.phones.empty());
  EXPECT_FALSE(office.hours.text.has_value());
}

TEST(PageParserTest, HoursKeptVerbatim) {
  const PageImport page = Parse(
      "Address: Shijiazhuang city (石家庄市桥西区槐安西路276号)\n"
      "Regular Working Hours: 09:00-11:30, 14:00-17:00 (Summer Hours: 9:00-11:30, 14:30-17:00)\n\n"
      "Address: Tianjing city (天津市滨海新区迎宾大道与集华道交口处光耀东方广场辅楼B座)\n"
      "Regular Working Hours: Mon-Thurs 09:00-17:00, Fri 09:00-16:00\n");
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page.offices.size(), 2u);
  EXPECT_EQ(page.offices[0].id, "tianjin");
  EXPECT_EQ(page.offices[0].hours.text, "Mon-Thurs 09:00-17:00, Fri 09:00-16:00");
  EXPECT_EQ(page.offices[1].id, "hebei");
  EXPECT_EQ(page.offices[1].hours.text,
            "09:00-11:30, 14:00-17:00 (Summer Hours: 9:00-11:30, 14:30-17:00)");
  EXPECT_EQ(page.offices[1].hours.source_id, "page-2017-04-23");
}

TEST(PageParserTest, HeadingKeepsBingtuanApartFromXinjiang) {
  const PageImport page = Parse(
      "Address: Urumqi city, Shayibake district, 58 Huanghe Road "
      "(乌鲁木齐市沙依巴克区黄河路58号)\n\n"
      "Xinjiang Bingtuan\nAddress: Urumqi city, 204 Xinmin Road (乌鲁木齐市新民路204号)\n");
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page.offices.size(), 2u);
  EXPECT_EQ(page.offices[0].id, "xinjiang");
  EXPECT_EQ(page.offices[1].id, "xinjiang-bingtuan");
}

TEST(PageParserTest, ShaanxiAndShanxiApart) {
  const PageImport page = Parse(
      "Address: Xi’an city, Weiyang district (西安市未央区二环北路西段51号)\n\n"
      "Address: Taiyuan city, Wanbailin district (太原市万柏林区南内环西街2号)\n");
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page.offices.size(), 2u);
  EXPECT_EQ(page.offices[0].id, "shanxi");
  EXPECT_EQ(page.offices[1].id, "shaanxi");
}

// When the Chinese text names no division at its start, the English city decides.
TEST(PageParserTest, EnglishCityWhenChineseSilent) {
  const PageImport page = Parse(
      "Address: Xi’an city, 51 West Section (未央区二环北路西段51号)\n\n"
      "Address: Taiyuan city, 2 West Section (万柏林区南内环西街2号)\n\n"
      "Address: Urumqi city, 58 Huanghe Road (沙依巴克区黄河路58号)\n");
  ASSERT_TRUE(page.ok()) << page.errors.front().message;
  ASSERT_EQ(page.offices.size(), 3u);
  EXPECT_EQ(page.offices[0].id, "shanxi");
  EXPECT_EQ(page.offices[1].id, "shaanxi");
  EXPECT_EQ(page.offices[2].id, "xinjiang");
}

TEST(PageParserTest, AmbiguousEnglishCityIsError) {
  // Suzhou is 苏州 (Jiangsu) and 宿州 (Anhui): no guess.
  const PageImport page = Parse("Address: Suzhou city, 1 Ganjiang Road (干将路1号)\n");
  ASSERT_EQ(page.errors.size(), 1u);
  EXPECT_NE(page.errors[0].message.find("cannot tell the province"), std::string::npos);
}

TEST(PageParserTest, ChineseAddressWinsOverEnglish) {
  const PageImport page =
      Parse("Address: Xi’an city, 2 West Section (太原市万柏林区南内环西街2号)\n");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page.offices[0].id, "shanxi");
  ASSERT_FALSE(page.warnings.empty());
  EXPECT_EQ(page.warnings[0].code, "address-province-conflict");
  EXPECT_EQ(page.warnings[0].line, 1);
}

TEST(PageParserTest, ChineseHeading) {
  const Office office = Only(Parse("江苏省\nTelephone: 025-86783861\n"));
  EXPECT_EQ(office.id, "jiangsu");
}

TEST(PageParserTest, ProvinceShortNameAtStart) {
  const Office office = Only(
      Parse("Address: Guangxi Nanning city, 6 Yibin Road (广西南宁市怡宾路6号政务大厅三楼)\n"));
  EXPECT_EQ(office.id, "guangxi");
}

TEST(PageParserTest, HeadingForMinistry) {
  const Office office = Only(Parse("National (MPS)\nTelephone: 010-58186464, 010-58186465*\n"));
  EXPECT_EQ(office.id, "mps");
  EXPECT_EQ(office.phones.size(), 2u);
}

TEST(PageParserTest, ProseAroundEntriesSkipped) {
  const PageImport page = ParsePage(
      "You are here\n\nApril 23, 2017\n\nWhere Can I Register?\n\nSome introduction: with a "
      "colon.\n\n"
      "National (MPS)\nTelephone: 010-58186464\n\nSupport us\n\nTell us more!\n");
  ASSERT_TRUE(page.ok()) << page.errors.front().message;
  EXPECT_EQ(page.source.date, "2017-04-23");
  EXPECT_EQ(page.source.id, "page-2017-04-23");
  EXPECT_EQ(page.source.title, "Where Can I Register?");
  EXPECT_EQ(page.offices.size(), 1u);
}

TEST(PageParserTest, DateOptionOverridesDateLine) {
  PageOptions options;
  options.date = "2018-01-02";
  options.source_id = "list";
  const PageImport page =
      ParsePage("April 23, 2017\n\nNational (MPS)\nTelephone: 010-58186465*\n", options);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page.offices[0].phones[0].confirmed_on, "2018-01-02");
  EXPECT_EQ(page.offices[0].phones[0].source_id, "list");
}

TEST(PageParserTest, MissingDateIsError) {
  const PageImport page = ParsePage("National (MPS)\nTelephone: 010-58186465*\n");
  ASSERT_FALSE(page.ok());
  EXPECT_NE(page.errors[0].message.find("--date"), std::string::npos);
}

TEST(PageParserTest, UnrecognisedLineReportedWithPosition) {
  const PageImport page = Parse(
      "National (MPS)\nTelephone: 010-58186464\n\n"
      "Address: Beijing city (北京市海淀区双榆树北里甲22号)\n  Call ahead before visiting\n\n"
      "Address: Chengdu city (成都市人民西路2号)\n");
  ASSERT_EQ(page.errors.size(), 1u);
  EXPECT_EQ(page.errors[0].line, 5);
  EXPECT_EQ(page.errors[0].column, 3);
  EXPECT_NE(page.errors[0].message.find("Call ahead before visiting"), std::string::npos);
  EXPECT_TRUE(page.offices.empty());
}

TEST(PageParserTest, MalformedPageReportsEveryError) {
  const PageImport page = Parse(
      "Address: Beijing city (北京市海淀区双榆树北里甲22号\n"  // unclosed bracket
      "Telephone: 010-58186464\n\n"
      "Atlantis\nAddress: Somewhere (某地)\n\n"  // unknown heading
      "Address: Chengdu city (成都市人民西路2号)\n"
      "Telephone: 028-86408917, , 0-12\n\n"  // empty item, impossible number
      "Lost paragraph in the middle\n\n"
      "Address: Harbin city (哈尔滨市道里区经纬头道街6号)\nAddress: again (哈尔滨市)\n\n"
      "Adress: Hefei city (合肥市)\n");
  EXPECT_EQ(Positions(page), "1:23 4:1 8:25 8:28 10:1 13:1 15:1 ");
  EXPECT_TRUE(page.offices.empty());
  for (const Error& error : page.errors) {
    EXPECT_EQ(error.code, ErrorCode::kParse);
    EXPECT_FALSE(error.message_zh.empty()) << error.message;
  }
}

TEST(PageParserTest, UnrecognisedLineHidesNoOtherError) {
  const PageImport page = Parse("Address: Beijing city (北京市\nFoo bar\n");
  EXPECT_EQ(Positions(page), "1:23 2:1 ");
}

TEST(PageParserTest, MisspeltLabelAfterEntriesIsError) {
  const PageImport page = Parse("National (MPS)\nTelephone: 010-58186464\n\nTelephon: 010-1\n");
  ASSERT_EQ(page.errors.size(), 1u);
  EXPECT_EQ(page.errors[0].line, 4);
  EXPECT_NE(page.errors[0].message.find("Telephon"), std::string::npos);
}

TEST(PageParserTest, SecondEntryForOfficeIsError) {
  const PageImport page = Parse(
      "Address: Chengdu city (成都市人民西路2号)\n\nAddress: Chengdu city, again "
      "(成都市人民西路3号)\n");
  ASSERT_EQ(page.errors.size(), 1u);
  EXPECT_EQ(page.errors[0].line, 3);
  EXPECT_NE(page.errors[0].message.find("sichuan"), std::string::npos);
}

TEST(PageParserTest, UnknownProvinceIsError) {
  const PageImport page = Parse("Address: Somewhere city, 1 Road (某某路1号)\n");
  ASSERT_EQ(page.errors.size(), 1u);
  EXPECT_NE(page.errors[0].message.find("heading"), std::string::npos);
}

TEST(PageParserTest, TextAfterChineseIsError) {
  const PageImport page = Parse("Address: Chengdu city (成都市人民西路2号) Second Floor\n");
  ASSERT_EQ(page.errors.size(), 1u);
  EXPECT_EQ(page.errors[0].column, 35);
  EXPECT_NE(page.errors[0].message.find("Second Floor"), std::string::npos);
}

TEST(PageParserTest, FieldLinesRecorded) {
  const PageImport page = Parse(
      "National (MPS)\nTelephone: 010-58186464\n\n"
      "Address: Nanjing city (南京市鼓楼区湛江路86号)\nTelephone: 025-86783861, 86783860*\n");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page.LineOf("jiangsu", "phones[1].text"), 5);
  EXPECT_EQ(page.LineOf("jiangsu", "addresses[0].zh"), 4);
  EXPECT_EQ(page.LineOf("mps", "phones[0].text"), 2);
  EXPECT_EQ(page.LineOf("mps", "hours.text"), 0);
}

TEST(PageParserTest, MissingOfficesAreWarnings) {
  const PageImport page = Parse("National (MPS)\nTelephone: 010-58186464\n");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page.warnings.size(), 32u);
  EXPECT_EQ(page.warnings[0].code, "office-missing");
}

TEST(PageParserTest, CrlfAndByteOrderMarkAccepted) {
  const Office office = Only(Parse("\xEF\xBB\xBFNational (MPS)\r\nTelephone: 010-58186464\r\n"));
  EXPECT_EQ(office.phones.size(), 1u);
}

}  // namespace
}  // namespace ngodesk

namespace ngodesk {
namespace {

TEST(PageParserTest, InvalidUtf8RejectedWithPosition) {
  const PageImport page = Parse(
      "Address: Beijing city, Haidian district (北京市海淀区\xff\xfe双榆树北里甲22号)\n"
      "Telephone: 010-62638800*\n");

  EXPECT_TRUE(page.offices.empty());
  ASSERT_EQ(page.errors.size(), 2u);
  EXPECT_EQ(page.errors[0].line, 1);
  EXPECT_EQ(page.errors[0].column, 48);
  EXPECT_NE(page.errors[0].message.find("0xFF"), std::string::npos);
  EXPECT_NE(page.errors[0].message.find("UTF-8"), std::string::npos);
  EXPECT_EQ(page.errors[1].column, 49);
}

TEST(PageParserTest, ReplacementCharacterItselfIsValid) {
  const PageImport page = Parse(
      "Address: Beijing city, Haidian district (北京市海淀区\xef\xbf\xbd双榆树北里甲22号)\n"
      "Telephone: 010-62638800*\n");

  EXPECT_TRUE(page.ok());
}

}  // namespace
}  // namespace ngodesk
