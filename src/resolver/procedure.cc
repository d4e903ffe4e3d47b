// Rules and notes. The articles are those of the Law of the People's
// Republic of China on the Administration of Activities of Overseas
// Non-Governmental Organizations within China (境外非政府组织境内活动管理法,
// 2016, amended 2017): Art. 6 names the registration authorities (the
// Ministry of Public Security and the provincial public security organs),
// Art. 11 and 12 govern registration of a representative office, Art. 16
// and 17 the filing of a temporary activity by the Chinese partner unit, and
// Art. 53 applies the law to NGOs of Hong Kong, Macau and Taiwan.
#include "resolver/procedure.h"

#include <algorithm>

namespace ngodesk::resolver {
namespace {

constexpr AppliedRule kOfficeRule = {
    "representative-office",
    "Overseas NGO Law, Art. 11, 12",
    {"representative-office",
     "A representative office registers with the registration authority, the public security department of the "
     "province-level division where the office will be.",
     "代表机构向其住所所在省级人民政府公安机关（登记管理机关）申请设立登记。"},
    "《境外非政府组织境内活动管理法》第十一条、第十二条",
};

constexpr AppliedRule kActivityRule = {
    "temporary-activity",
    "Overseas NGO Law, Art. 16, 17",
    {"temporary-activity",
     "A temporary activity is filed by the Chinese partner unit with the registration authority where the partner "
     "unit is located, at least 15 days before the activity starts.",
     "临时活动由中方合作单位在活动开展十五日前向其所在地的登记管理机关备案。"},
    "《境外非政府组织境内活动管理法》第十六条、第十七条",
};

constexpr AppliedRule kNationalRule = {
    "national",
    "Overseas NGO Law, Art. 6",
    {"national",
     "The Ministry of Public Security is the national registration authority. Representative offices register and "
     "temporary activities are filed with the province-level public security authority where the office or the "
     "Chinese partner unit is.",
     "国务院公安部门是全国的登记管理机关。代表机构的登记和临时活动的备案，由代表机构住所地或中方合作单位所在地的省级人民政府"
     "公安机关办理。"},
    "《境外非政府组织境内活动管理法》第六条",
};

constexpr AppliedRule kSpecialRegionRule = {
    "no-mainland-office",
    "Overseas NGO Law, Art. 53",
    {"no-mainland-office",
     "Hong Kong, Macau and Taiwan have no mainland registration authority. NGOs from there follow the same law in the "
     "mainland: the office is the one of the mainland province where the representative office will be, or where the "
     "Chinese partner unit of a temporary activity is located.",
     "香港、澳门、台湾没有内地的登记管理机关。这些地区的非政府组织在内地开展活动参照本法执行：代表机构向其住所所在省份的登记"
     "管理机关申请登记，临时活动由中方合作单位向其所在地的登记管理机关备案。"},
    "《境外非政府组织境内活动管理法》第五十三条",
};

constexpr Note kActivityPartnerNote = {
    "activity-partner-location",
    "This office follows the place you entered. If that is where the activity takes place rather than where your "
    "Chinese partner unit is located, look up the partner unit's location instead.",
    "以上结果依据您输入的地点。如果这是活动举办地而不是中方合作单位所在地，请改为查询中方合作单位的所在地。",
};

constexpr Note kBingtuanNote = {
    "bingtuan-confirm",
    "This place belongs to the Xinjiang Production and Construction Corps (Bingtuan), whose public security bureau "
    "registers overseas NGOs there. Confirm by phone with the Bingtuan office before you file, because responsibility "
    "between the Corps and the autonomous region can depend on the unit.",
    "该地属新疆生产建设兵团管理，境外非政府组织在此由兵团公安局登记管理。办理前请先致电兵团办公室确认，因为兵团与自治区之间的"
    "管辖可能因单位而异。",
};

constexpr Note kUrumqiNote = {
    "urumqi-bingtuan",
    "Urumqi is served by the office of the Xinjiang Uygur Autonomous Region. The Bingtuan's own office is also in "
    "Urumqi: if your office or partner unit belongs to the Xinjiang Production and Construction Corps, contact the "
    "Bingtuan office instead.",
    "乌鲁木齐市由新疆维吾尔自治区的办公室负责。新疆生产建设兵团的办公室也设在乌鲁木齐：如果您的代表机构或中方合作单位隶属于"
    "兵团，请联系兵团办公室。",
};

constexpr Note kAmbiguousNote = {
    "ambiguous",
    "The query matches more than one division. Candidates are ranked by level and administrative rank; add the "
    "province or city to decide.",
    "查询匹配多个行政区划。候选按级别和行政地位排序；请补充省份或城市名称以确定。",
};

constexpr Note kCorrectedNote = {
    "corrected",
    "The query was read with a spelling correction. Check that the division is the one you meant.",
    "查询经拼写更正后解读，请确认该行政区划是否为您所指。",
};

constexpr Note kFormerNameNote = {
    "former-name",
    "The query uses a former name. The division has been renamed or merged since.",
    "查询使用了旧地名，该行政区划此后已更名或合并。",
};

bool IsSpecialRegion(const Division* province) {
  return province != nullptr && (province->code == "810000" || province->code == "820000" || province->code == "710000");
}

}  // namespace

void ApplyProcedure(Procedure procedure, Resolution& resolution) {
  if (!resolution.found) return;

  if (resolution.office_id == "mps") {
    resolution.rule = kNationalRule;
  } else if (IsSpecialRegion(resolution.chain.province)) {
    resolution.office_id.clear();
    resolution.rule = kSpecialRegionRule;
  } else if (procedure == Procedure::kActivity) {
    resolution.rule = kActivityRule;
    resolution.notes.push_back(kActivityPartnerNote);
  } else {
    resolution.rule = kOfficeRule;
  }

  if (resolution.office_id == "xinjiang-bingtuan") resolution.notes.push_back(kBingtuanNote);
  const bool urumqi = resolution.chain.prefecture != nullptr && resolution.chain.prefecture->code == "650100";
  if (urumqi && resolution.office_id == "xinjiang") resolution.notes.push_back(kUrumqiNote);
  if (resolution.ambiguous) resolution.notes.push_back(kAmbiguousNote);
  if (resolution.corrected) resolution.notes.push_back(kCorrectedNote);
  const bool former = std::any_of(resolution.matched.begin(), resolution.matched.end(),
                                  [](const MatchedPart& part) { return part.kind == MatchKind::kFormerName; });
  if (former) resolution.notes.push_back(kFormerNameNote);
}

}  // namespace ngodesk::resolver
