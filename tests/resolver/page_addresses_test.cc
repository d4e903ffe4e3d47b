// Every address of the published list of offices (China NGO Project, 23
// April 2017), in English and in Chinese, must give its own office. The
// Bingtuan's address lies in Urumqi and gives Xinjiang with the note on the
// Bingtuan office. The table is the test; a second test reads the same
// addresses from the shared copy of the page when it is present.
#include <fstream>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "ngodesk/resolver.h"

namespace ngodesk {
namespace {

struct PageAddress {
  std::string_view name;
  std::string_view office;
  std::string_view en;
  std::string_view zh;
};

constexpr PageAddress kPageAddresses[] = {
    {"Anhui", "anhui",
     "Anhui Province Government Affairs Service Center, Hefei city, 509 Ma'anshan Road, Third Floor",
     "安徽省政务服务中心(合肥市马鞍山路509号)三楼"},
    {"Beijing", "beijing", "Beijing city, Haidian district, 22 Shuangyushu Beili Jia", "北京市海淀区双榆树北里甲22号"},
    {"Chongqing", "chongqing", "Chongqing city, Yubei district, 555 Huanglong Road", "重庆市渝北区黄龙路555号"},
    {"Fujian", "fujian",
     "Fuzhou city, Gulou district, 109 Middle North Ring Road, Fuzhou City PSB Entry-Exit Division, First Floor",
     "福州市鼓楼区北环中路109号福州市公安局出入境管理处一楼"},
    {"Gansu", "gansu", "Lanzhou city, Chengguan district, 52 Huangheyan", "兰州市城关区黄河沿52号"},
    {"Guangdong", "guangdong",
     "Guangdong Province Entry-Exit Administration Building, Guangzhou city, 698 Dongfeng East Road, Second Floor",
     "广东省公安厅出入境管理局大楼(广州市东风东路698号)二楼"},
    {"Guangxi", "guangxi", "Guangxi Nanning city, 6 Yibin Road, Government Affairs Hall, Third Floor",
     "广西南宁市怡宾路6号政务大厅三楼"},
    {"Guizhou", "guizhou",
     "Guizhou Province Government Affairs Service Center, Guiyang city, Nanming district, 282 Zunyi Road",
     "贵阳市南明区遵义路282号(贵州省政务服务中心)"},
    {"Hainan", "hainan", "Haikou city, Longhua district, 28 West Hongmian Road", "海口市龙华区红棉西路28号"},
    {"Hebei", "hebei", "Shijiazhuang city, Qiaoxi district, 276 West Huaian Road", "石家庄市桥西区槐安西路276号"},
    {"Heilongjiang", "heilongjiang", "Harbin city, Daoli district, 6 Jingwei Toudao Road", "哈尔滨市道里区经纬头道街6号"},
    {"Henan", "henan", "Zhengzhou city, 66 South Huanghe Road", "郑州市黄河南路66号"},
    {"Hubei", "hubei",
     "Wuhan city, Jiang’an district, 117 Jindao Avenue, “Citizens’ Home” First Floor Service Hall, Area B",
     "武汉市江岸区金桥大道117号“市民之家”一楼服务大厅B区"},
    {"Hunan", "hunan", "Changsha city, Yuelu district, 185 West Tongzipo Road", "长沙市岳麓区桐梓坡 西路185号"},
    {"InnerMongolia", "inner-mongolia",
     "Hohhot city, Xincheng district, Zhelimu Road, Jinshidun Residence Building 4, Entry-Exit Administration "
     "Reception Hall",
     "呼和浩特市新城区哲理木路金士顿公馆4号楼出入境接待大厅"},
    {"Jiangsu", "jiangsu", "Nanjing city, Gulou district, 86 Zhanjiang Road, Entry-Exit Administration Reception Hall",
     "南京市鼓楼区湛江路86, 省公安厅出入境接待大厅"},
    {"Jiangxi", "jiangxi", "Nanchang city, Xinjian district, 1366 South Ganjiang Avenue, West Entrance",
     "南昌市新建区赣江南大道1366号(西门)"},
    {"Jilin", "jilin", "Changchun city, Nanguan district, 8088 Renmin Avenue", "长春市南关区人民大街8088号"},
    {"Liaoning", "liaoning",
     "Liaoning Province Government Affairs Service Center, Shenyang city, Huanggu district, 19 East Chongshan Road",
     "沈阳市皇姑区崇山东路19号& (辽宁省政务服务中心 )"},
    {"Ningxia", "ningxia", "Yinchuan city, Xingqing district, 108 West Wenhua Street", "银川市兴庆区文化西街108号"},
    {"Qinghai", "qinghai",
     "Xining City Public Security Bureau Entry-Exit Administration Division, Xining city, Chengzhong district, 35 "
     "Beida Street",
     "西宁市城中区北大街35号西 (宁市公安局出入境管理处)"},
    {"Shaanxi", "shaanxi", "Xi’an city, Weiyang district, 51 West Section of North Second Ring Road",
     "西安市未央区二环北路西段51号"},
    {"Shandong", "shandong",
     "Jinan city, Shizhong district, 185 Jing’er Road, Northwest Gate (North Lishan Building)",
     "济南市市中区经二路185号西北门(丽山大厦北)"},
    {"Shanghai", "shanghai", "Shanghai city, Pudong New District, 1500 Minsheng Road", "上海市浦东新区民生路1500号"},
    {"Shanxi", "shanxi",
     "Entry-Exit Administration Service Reception Hall, Taiyuan city, Wanbailin district, 2 West Section of South "
     "Inner Ring Road (Southwest of the junction of South Inner Ring Road West Bridge and Xinjinci Road)",
     "太原市万柏林区南内环西街2号,南内环桥西与新晋祠路交汇口西南方向 ( 出入境办事服务大厅)"},
    {"Sichuan", "sichuan", "Chengdu city, 2 West Renmin Road", "成都市人民西路2号"},
    {"Tianjin", "tianjin",
     "Tianjing city, Binhai New District, Guangyao Dongfang Square Auxiliary Building B, at the intersection of "
     "Yingbin Avenue and Jihua Avenue",
     "天津市滨海新区迎宾大道与集华道交口处光耀东方广场辅楼B座"},
    {"TibetNational", "tibet", "Lhasa city, 4 Middle Beijing Road", "拉萨市北京中路4号"},
    {"TibetOwnSite", "tibet", "Lhasa city, Chengguan district, 1 East Beijing Road", "拉萨市城关区北京东路1号"},
    {"Xinjiang", "xinjiang", "Urumqi city, Shayibake district, 58 Huanghe Road", "乌鲁木齐市沙依巴克区黄河路58号"},
    {"BingtuanInUrumqi", "xinjiang", "Urumqi city, 204 Xinmin Road", "乌鲁木齐市新民路204号"},
    {"Yunnan", "yunnan",
     "Yunnan Province Public Security Bureau Entry-Exit Administration Reception Hall, Kunming city, Xishan "
     "district, Middle section of Guangfu Road (next to Tongren Hospital)",
     "昆明市西山区广福路中段, 同仁医院旁 (云南省公安厅出入境管理局接待大厅)"},
    {"Zhejiang", "zhejiang",
     "Zhejiang Province Public Security Bureau Entry-Exit Administration Building, Hangzhou city, 163 Jiefang Road, "
     "Second Floor Certification Management Hall",
     "杭州市解放路163号, 二楼办证大厅 (省公安厅出入境大楼)"},
};

bool HasNote(const Resolution& resolution, std::string_view id) {
  for (const Note& note : resolution.notes) {
    if (note.id == id) return true;
  }
  return false;
}

void ExpectOffice(std::string_view address, std::string_view office) {
  const Result<Resolution> resolution = Resolver::Bundled().Resolve(address);
  ASSERT_TRUE(resolution.ok()) << resolution.error().message;
  EXPECT_EQ(resolution->office_id, office) << address;
  EXPECT_FALSE(resolution->ambiguous) << address;
  if (office == "xinjiang") {
    EXPECT_TRUE(HasNote(*resolution, "urumqi-bingtuan")) << address;
  }
}

class PageAddressTest : public ::testing::TestWithParam<PageAddress> {};

TEST_P(PageAddressTest, EnglishGivesOwnOffice) { ExpectOffice(GetParam().en, GetParam().office); }

TEST_P(PageAddressTest, ChineseGivesOwnOffice) { ExpectOffice(GetParam().zh, GetParam().office); }

INSTANTIATE_TEST_SUITE_P(PublishedList, PageAddressTest, ::testing::ValuesIn(kPageAddresses),
                         [](const ::testing::TestParamInfo<PageAddress>& info) { return std::string(info.param.name); });

// Reads every "Address:" line of the shared copy of the page and checks that
// each is one of the table's English addresses with its Chinese text, so the
// table stays complete.
TEST(PublishedListFile, EveryAddressLineIsInTable) {
  std::ifstream in(NGODESK_SOURCE_DIR "/../shared/seed/ngo-offices-2017-04-23.txt");
  if (!in) GTEST_SKIP() << "the shared copy of the page is not present";
  std::string line;
  int addresses = 0;
  while (std::getline(in, line)) {
    if (!line.starts_with("Address: ")) continue;
    ++addresses;
    bool found = false;
    for (const PageAddress& entry : kPageAddresses) {
      found = found || (line.find(entry.zh.substr(0, 9)) != std::string::npos &&
                        line.find(entry.en.substr(0, 12)) != std::string::npos);
    }
    EXPECT_TRUE(found) << line;
    const Result<Resolution> resolution = Resolver::Bundled().Resolve(line.substr(9));
    ASSERT_TRUE(resolution.ok());
    EXPECT_TRUE(resolution->found) << line;
  }
  EXPECT_EQ(addresses, 32);
}

}  // namespace
}  // namespace ngodesk
