// Curated place-name tables. Sources: the official one-character
// abbreviations of province-level divisions (as used on vehicle plates and
// in the State Council's list of province-level names), ISO 3166-2:CN as
// revised in 2017, and the renamings and mergers published by the Ministry
// of Civil Affairs (year of the State Council approval).
#include "resolver/place_tables.h"

#include <algorithm>
#include <array>
#include <utility>

namespace ngodesk::resolver {
namespace {

constexpr Abbreviation kAbbreviations[] = {
    {"京", "110000"}, {"津", "120000"}, {"冀", "130000"}, {"晋", "140000"}, {"蒙", "150000"},
    {"辽", "210000"}, {"吉", "220000"}, {"黑", "230000"}, {"沪", "310000"}, {"申", "310000"},
    {"苏", "320000"}, {"浙", "330000"}, {"皖", "340000"}, {"闽", "350000"}, {"赣", "360000"},
    {"鲁", "370000"}, {"豫", "410000"}, {"鄂", "420000"}, {"湘", "430000"}, {"粤", "440000"},
    {"桂", "450000"}, {"琼", "460000"}, {"渝", "500000"}, {"川", "510000"}, {"蜀", "510000"},
    {"贵", "520000"}, {"黔", "520000"}, {"云", "530000"}, {"滇", "530000"}, {"藏", "540000"},
    {"陕", "610000"}, {"秦", "610000"}, {"甘", "620000"}, {"陇", "620000"}, {"青", "630000"},
    {"宁", "640000"}, {"新", "650000"}, {"台", "710000"}, {"港", "810000"}, {"澳", "820000"},
};

constexpr FormerName kFormerNames[] = {
    {"襄樊市", "420600", "襄阳市", 2010},     {"思茅市", "530800", "普洱市", 2007},
    {"思茅地区", "530800", "普洱市", 2003},   {"大庸市", "430800", "张家界市", 1994},
    {"通什市", "469001", "五指山市", 2001},   {"崇文区", "110101", "东城区", 2010},
    {"宣武区", "110102", "西城区", 2010},     {"通县", "110112", "通州区", 1997},
    {"卢湾区", "310101", "黄浦区", 2011},     {"闸北区", "310106", "静安区", 2015},
    {"南汇区", "310115", "浦东新区", 2009},   {"塘沽区", "120116", "滨海新区", 2009},
    {"汉沽区", "120116", "滨海新区", 2009},   {"大港区", "120116", "滨海新区", 2009},
    {"莱芜市", "370116", "莱芜区", 2019},     {"巢湖地区", "340100", "合肥市", 2011},
    {"居巢区", "340181", "巢湖市", 2011},     {"下关区", "320106", "鼓楼区", 2013},
    {"白下区", "320104", "秦淮区", 2013},     {"沧浪区", "320508", "姑苏区", 2012},
    {"平江区", "320508", "姑苏区", 2012},     {"金阊区", "320508", "姑苏区", 2012},
    {"吴县市", "320506", "吴中区", 2001},     {"崇安区", "320213", "梁溪区", 2015},
    {"南长区", "320213", "梁溪区", 2015},     {"北塘区", "320213", "梁溪区", 2015},
    {"东陵区", "210112", "浑南区", 2014},     {"动力区", "230110", "香坊区", 2006},
    {"万县市", "500101", "万州区", 1998},     {"涪陵市", "500102", "涪陵区", 1997},
    {"芳村区", "440103", "荔湾区", 2005},     {"宜宾县", "511504", "叙州区", 2018},
    {"达县", "511703", "达川区", 2013},       {"下城区", "330105", "拱墅区", 2021},
    {"江干区", "330102", "上城区", 2021},     {"荆沙市", "421000", "荆州市", 1996},
    {"哲里木盟", "150500", "通辽市", 1999},   {"伊克昭盟", "150600", "鄂尔多斯市", 2001},
    {"昭乌达盟", "150400", "赤峰市", 1983},   {"锦西市", "211400", "葫芦岛市", 1994},
    {"浑江市", "220600", "白山市", 1994},     {"淮阴市", "320800", "淮安市", 2001},
    {"郧县", "420304", "郧阳区", 2014},       {"江北县", "500112", "渝北区", 1994},
};

constexpr Alias kChineseAliases[] = {
    {"内蒙", "150000"},     {"喀左", "211324"},     {"前郭", "220721"},     {"科左中旗", "150521"},
    {"科左后旗", "150522"}, {"科右前旗", "152221"}, {"科右中旗", "152222"}, {"察右前旗", "150926"},
    {"察右中旗", "150927"}, {"察右后旗", "150928"}, {"达茂旗", "150223"},   {"阿左旗", "152921"},
    {"阿右旗", "152922"},   {"新左旗", "150726"},   {"新右旗", "150727"},   {"莫旗", "150722"},
    {"台北", "710000"},     {"高雄", "710000"},     {"台中", "710000"},     {"台南", "710000"},
    {"新北", "710000"},     {"澳门半岛", "820000"}, {"氹仔", "820000"},     {"路环", "820000"},
    {"新疆兵团", "650000"},
};

constexpr Alias kLatinAliases[] = {
    {"macao", "820000"},      {"kowloon", "810000"},     {"taipei", "710000"},  {"kaohsiung", "710000"},
    {"taichung", "710000"},   {"tainan", "710000"},      {"xigaze", "540200"},  {"urumchi", "650100"},
    {"peking", "110000"},     {"neimongol", "150000"},   {"xizang", "540000"},  {"canton", "440100"},
    {"amoy", "350200"},       {"tientsin", "120000"},    {"nanking", "320100"}, {"chungking", "500000"},
    {"tsingtao", "370200"},   {"hongkongsar", "810000"},
};

constexpr IsoCode kIsoCodes[] = {
    {"CN-AH", "340000"}, {"CN-BJ", "110000"}, {"CN-CQ", "500000"}, {"CN-FJ", "350000"}, {"CN-GD", "440000"},
    {"CN-GS", "620000"}, {"CN-GX", "450000"}, {"CN-GZ", "520000"}, {"CN-HA", "410000"}, {"CN-HB", "420000"},
    {"CN-HE", "130000"}, {"CN-HI", "460000"}, {"CN-HK", "810000"}, {"CN-HL", "230000"}, {"CN-HN", "430000"},
    {"CN-JL", "220000"}, {"CN-JS", "320000"}, {"CN-JX", "360000"}, {"CN-LN", "210000"}, {"CN-MO", "820000"},
    {"CN-NM", "150000"}, {"CN-NX", "640000"}, {"CN-QH", "630000"}, {"CN-SC", "510000"}, {"CN-SD", "370000"},
    {"CN-SH", "310000"}, {"CN-SN", "610000"}, {"CN-SX", "140000"}, {"CN-TJ", "120000"}, {"CN-TW", "710000"},
    {"CN-XJ", "650000"}, {"CN-XZ", "540000"}, {"CN-YN", "530000"}, {"CN-ZJ", "330000"},
};

constexpr std::string_view kBingtuanNames[] = {
    "新疆生产建设兵团", "生产建设兵团", "兵团", "bingtuan", "xpcc", "xinjiangproductionandconstructioncorps",
};

constexpr std::string_view kNationalNames[] = {
    "公安部", "全国", "中国", "中华人民共和国", "国家", "全国性", "china", "prchina", "prc", "national",
    "nationwide", "mps", "ministryofpublicsecurity", "peoplesrepublicofchina",
};

constexpr std::pair<std::string_view, SuffixLevel> kSuffixWords[] = {
    {"province", SuffixLevel::kProvince},     {"sheng", SuffixLevel::kProvince},
    {"city", SuffixLevel::kCity},             {"shi", SuffixLevel::kCity},
    {"municipality", SuffixLevel::kCity},     {"prefecture", SuffixLevel::kCity},
    {"league", SuffixLevel::kCity},           {"meng", SuffixLevel::kCity},
    {"diqu", SuffixLevel::kCity},             {"district", SuffixLevel::kCounty},
    {"qu", SuffixLevel::kCounty},             {"county", SuffixLevel::kCounty},
    {"banner", SuffixLevel::kCounty},         {"autonomous", SuffixLevel::kAny},
    {"region", SuffixLevel::kAny},            {"area", SuffixLevel::kAny},
    {"new", SuffixLevel::kAny},               {"special", SuffixLevel::kAny},
    {"administrative", SuffixLevel::kAny},    {"sar", SuffixLevel::kAny},
    {"zizhiqu", SuffixLevel::kProvince},      {"zizhizhou", SuffixLevel::kCity},
    {"zizhixian", SuffixLevel::kCounty},      {"zhuang", SuffixLevel::kAny},
    {"hui", SuffixLevel::kAny},               {"uygur", SuffixLevel::kAny},
    {"uyghur", SuffixLevel::kAny},            {"uighur", SuffixLevel::kAny},
    {"korean", SuffixLevel::kAny},            {"mongol", SuffixLevel::kAny},
    {"mongolian", SuffixLevel::kAny},         {"tibetan", SuffixLevel::kAny},           {"dist", SuffixLevel::kCounty},
    {"prov", SuffixLevel::kProvince},         {"pref", SuffixLevel::kCity},
    {"of", SuffixLevel::kAny},
};

constexpr std::string_view kStreetWords[] = {
    "road", "rd", "street", "st", "avenue", "ave", "boulevard", "blvd", "lane", "alley", "hutong", "way",
    "highway", "expressway", "lu", "jie", "dajie", "dadao", "xiang", "hutong", "bridge", "square", "plaza",
    "building", "tower", "mansion", "hotel", "park", "garden", "gardens", "station", "campus", "village",
    "estate", "residence", "market", "temple", "gate",
};

constexpr std::string_view kDirectionWords[] = {
    "east", "west", "south", "north", "middle", "central", "inner", "outer", "upper", "lower",
    "dong", "xi", "nan", "bei", "zhong", "first", "second", "third", "1st", "2nd", "3rd",
};

template <typename Table>
bool Contains(const Table& table, std::string_view word) {
  return std::find(std::begin(table), std::end(table), word) != std::end(table);
}

}  // namespace

std::span<const Abbreviation> Abbreviations() { return kAbbreviations; }
std::span<const FormerName> FormerNames() { return kFormerNames; }
std::span<const Alias> ChineseAliases() { return kChineseAliases; }
std::span<const Alias> LatinAliases() { return kLatinAliases; }
std::span<const IsoCode> IsoCodes() { return kIsoCodes; }
std::span<const std::string_view> BingtuanNames() { return kBingtuanNames; }
std::span<const std::string_view> NationalNames() { return kNationalNames; }

const SuffixLevel* FindSuffixWord(std::string_view word) {
  for (const auto& [suffix, level] : kSuffixWords) {
    if (suffix == word) return &level;
  }
  return nullptr;
}

bool IsStreetWord(std::string_view word) { return Contains(kStreetWords, word); }

bool IsDirectionWord(std::string_view word) { return Contains(kDirectionWords, word); }

}  // namespace ngodesk::resolver
