#include "ngodesk/jurisdictions.h"

#include <algorithm>
#include <array>
#include <string>

namespace ngodesk {
namespace {

// Office names follow the standard naming of these offices: the
// 境外非政府组织管理办公室 of the Ministry, of each provincial public security
// department (公安厅; 公安局 for the four municipalities) and of the Bingtuan's
// public security bureau.
constexpr std::array<JurisdictionEntry, 33> kJurisdictions = {{
    {"mps", JurisdictionKind::kNational, "", "公安部", "Ministry of Public Security",
     "公安部境外非政府组织管理办公室",
     "Overseas NGO Management Office, Ministry of Public Security", "110000", "北京市", "Beijing"},
    {"beijing", JurisdictionKind::kProvince, "110000", "北京市", "Beijing Municipality",
     "北京市公安局境外非政府组织管理办公室",
     "Overseas NGO Management Office, Beijing Municipal Public Security Bureau", "110000", "北京市", "Beijing"},
    {"tianjin", JurisdictionKind::kProvince, "120000", "天津市", "Tianjin Municipality",
     "天津市公安局境外非政府组织管理办公室",
     "Overseas NGO Management Office, Tianjin Municipal Public Security Bureau", "120000", "天津市", "Tianjin"},
    {"hebei", JurisdictionKind::kProvince, "130000", "河北省", "Hebei Province",
     "河北省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Hebei Provincial Public Security Department", "130100", "石家庄市", "Shijiazhuang"},
    {"shanxi", JurisdictionKind::kProvince, "140000", "山西省", "Shanxi Province",
     "山西省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Shanxi Provincial Public Security Department", "140100", "太原市", "Taiyuan"},
    {"inner-mongolia", JurisdictionKind::kProvince, "150000", "内蒙古自治区", "Inner Mongolia Autonomous Region",
     "内蒙古自治区公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Inner Mongolia Autonomous Region Public Security Department", "150100", "呼和浩特市", "Hohhot"},
    {"liaoning", JurisdictionKind::kProvince, "210000", "辽宁省", "Liaoning Province",
     "辽宁省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Liaoning Provincial Public Security Department", "210100", "沈阳市", "Shenyang"},
    {"jilin", JurisdictionKind::kProvince, "220000", "吉林省", "Jilin Province",
     "吉林省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Jilin Provincial Public Security Department", "220100", "长春市", "Changchun"},
    {"heilongjiang", JurisdictionKind::kProvince, "230000", "黑龙江省", "Heilongjiang Province",
     "黑龙江省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Heilongjiang Provincial Public Security Department", "230100", "哈尔滨市", "Harbin"},
    {"shanghai", JurisdictionKind::kProvince, "310000", "上海市", "Shanghai Municipality",
     "上海市公安局境外非政府组织管理办公室",
     "Overseas NGO Management Office, Shanghai Municipal Public Security Bureau", "310000", "上海市", "Shanghai"},
    {"jiangsu", JurisdictionKind::kProvince, "320000", "江苏省", "Jiangsu Province",
     "江苏省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Jiangsu Provincial Public Security Department", "320100", "南京市", "Nanjing"},
    {"zhejiang", JurisdictionKind::kProvince, "330000", "浙江省", "Zhejiang Province",
     "浙江省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Zhejiang Provincial Public Security Department", "330100", "杭州市", "Hangzhou"},
    {"anhui", JurisdictionKind::kProvince, "340000", "安徽省", "Anhui Province",
     "安徽省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Anhui Provincial Public Security Department", "340100", "合肥市", "Hefei"},
    {"fujian", JurisdictionKind::kProvince, "350000", "福建省", "Fujian Province",
     "福建省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Fujian Provincial Public Security Department", "350100", "福州市", "Fuzhou"},
    {"jiangxi", JurisdictionKind::kProvince, "360000", "江西省", "Jiangxi Province",
     "江西省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Jiangxi Provincial Public Security Department", "360100", "南昌市", "Nanchang"},
    {"shandong", JurisdictionKind::kProvince, "370000", "山东省", "Shandong Province",
     "山东省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Shandong Provincial Public Security Department", "370100", "济南市", "Jinan"},
    {"henan", JurisdictionKind::kProvince, "410000", "河南省", "Henan Province",
     "河南省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Henan Provincial Public Security Department", "410100", "郑州市", "Zhengzhou"},
    {"hubei", JurisdictionKind::kProvince, "420000", "湖北省", "Hubei Province",
     "湖北省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Hubei Provincial Public Security Department", "420100", "武汉市", "Wuhan"},
    {"hunan", JurisdictionKind::kProvince, "430000", "湖南省", "Hunan Province",
     "湖南省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Hunan Provincial Public Security Department", "430100", "长沙市", "Changsha"},
    {"guangdong", JurisdictionKind::kProvince, "440000", "广东省", "Guangdong Province",
     "广东省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Guangdong Provincial Public Security Department", "440100", "广州市", "Guangzhou"},
    {"guangxi", JurisdictionKind::kProvince, "450000", "广西壮族自治区", "Guangxi Zhuang Autonomous Region",
     "广西壮族自治区公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Guangxi Zhuang Autonomous Region Public Security Department", "450100", "南宁市", "Nanning"},
    {"hainan", JurisdictionKind::kProvince, "460000", "海南省", "Hainan Province",
     "海南省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Hainan Provincial Public Security Department", "460100", "海口市", "Haikou"},
    {"chongqing", JurisdictionKind::kProvince, "500000", "重庆市", "Chongqing Municipality",
     "重庆市公安局境外非政府组织管理办公室",
     "Overseas NGO Management Office, Chongqing Municipal Public Security Bureau", "500000", "重庆市", "Chongqing"},
    {"sichuan", JurisdictionKind::kProvince, "510000", "四川省", "Sichuan Province",
     "四川省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Sichuan Provincial Public Security Department", "510100", "成都市", "Chengdu"},
    {"guizhou", JurisdictionKind::kProvince, "520000", "贵州省", "Guizhou Province",
     "贵州省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Guizhou Provincial Public Security Department", "520100", "贵阳市", "Guiyang"},
    {"yunnan", JurisdictionKind::kProvince, "530000", "云南省", "Yunnan Province",
     "云南省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Yunnan Provincial Public Security Department", "530100", "昆明市", "Kunming"},
    {"tibet", JurisdictionKind::kProvince, "540000", "西藏自治区", "Tibet Autonomous Region",
     "西藏自治区公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Tibet Autonomous Region Public Security Department", "540100", "拉萨市", "Lhasa"},
    {"shaanxi", JurisdictionKind::kProvince, "610000", "陕西省", "Shaanxi Province",
     "陕西省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Shaanxi Provincial Public Security Department", "610100", "西安市", "Xi'an"},
    {"gansu", JurisdictionKind::kProvince, "620000", "甘肃省", "Gansu Province",
     "甘肃省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Gansu Provincial Public Security Department", "620100", "兰州市", "Lanzhou"},
    {"qinghai", JurisdictionKind::kProvince, "630000", "青海省", "Qinghai Province",
     "青海省公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Qinghai Provincial Public Security Department", "630100", "西宁市", "Xining"},
    {"ningxia", JurisdictionKind::kProvince, "640000", "宁夏回族自治区", "Ningxia Hui Autonomous Region",
     "宁夏回族自治区公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Ningxia Hui Autonomous Region Public Security Department", "640100", "银川市", "Yinchuan"},
    {"xinjiang", JurisdictionKind::kProvince, "650000", "新疆维吾尔自治区", "Xinjiang Uygur Autonomous Region",
     "新疆维吾尔自治区公安厅境外非政府组织管理办公室",
     "Overseas NGO Management Office, Xinjiang Uygur Autonomous Region Public Security Department", "650100", "乌鲁木齐市", "Urumqi"},
    {"xinjiang-bingtuan", JurisdictionKind::kBingtuan, "", "新疆生产建设兵团",
     "Xinjiang Production and Construction Corps", "新疆生产建设兵团公安局境外非政府组织管理办公室",
     "Overseas NGO Management Office, Public Security Bureau of the Xinjiang Production and Construction Corps",
     "650100", "乌鲁木齐市", "Urumqi"},
}};

}  // namespace

const char* JurisdictionKindName(JurisdictionKind kind) {
  switch (kind) {
    case JurisdictionKind::kNational:
      return "national";
    case JurisdictionKind::kProvince:
      return "province";
    case JurisdictionKind::kBingtuan:
      return "bingtuan";
  }
  return "province";
}

std::span<const JurisdictionEntry> Jurisdictions() { return kJurisdictions; }

const JurisdictionEntry* FindJurisdictionByOfficeId(std::string_view office_id) {
  const auto* it = std::find_if(kJurisdictions.begin(), kJurisdictions.end(),
                                [&](const JurisdictionEntry& e) { return e.office_id == office_id; });
  return it == kJurisdictions.end() ? nullptr : &*it;
}

const JurisdictionEntry* FindJurisdictionByProvinceCode(std::string_view code) {
  if (code.size() < 2) return nullptr;
  const std::string_view prefix = code.substr(0, 2);
  const auto* it = std::find_if(kJurisdictions.begin(), kJurisdictions.end(), [&](const JurisdictionEntry& e) {
    return e.kind == JurisdictionKind::kProvince && e.province_code.substr(0, 2) == prefix;
  });
  return it == kJurisdictions.end() ? nullptr : &*it;
}

Office MakeOfficeSkeleton(const JurisdictionEntry& entry) {
  Office office;
  office.id = std::string(entry.office_id);
  office.name = {std::string(entry.office_en), std::string(entry.office_zh)};
  office.jurisdiction.kind = entry.kind;
  office.jurisdiction.code = std::string(entry.province_code);
  office.jurisdiction.name = {std::string(entry.name_en), std::string(entry.name_zh)};
  office.city = City{std::string(entry.seat_code), {std::string(entry.seat_en), std::string(entry.seat_zh)}};
  return office;
}

}  // namespace ngodesk
