#include "importer/province_inference.h"

#include <string>
#include <vector>

#include "importer/text.h"
#include "ngodesk/gazetteer.h"

namespace ngodesk::importer {
namespace {

// Prefixes of the leading run of Han characters, longest first. The shortest
// has two characters, the minimum length of a division name.
std::vector<std::string> HanPrefixes(std::string_view zh) {
  const std::vector<CodePoint> points = DecodeUtf8(zh);
  std::vector<std::size_t> ends;
  for (const CodePoint& point : points) {
    if (!IsHan(point.value)) break;
    ends.push_back(point.offset + point.length);
  }

  std::vector<std::string> prefixes;
  for (std::size_t count = ends.size(); count >= 2; --count) {
    prefixes.emplace_back(zh.substr(0, ends[count - 1]));
  }
  return prefixes;
}

const JurisdictionEntry* EntryOfDivision(const Division& division, const Gazetteer& gazetteer) {
  const Division* province = gazetteer.ProvinceOf(division);
  if (province == nullptr) return nullptr;
  return FindJurisdictionByProvinceCode(province->code);
}

bool CountsAsStart(const Division& division, std::string_view prefix) {
  if (division.level == DivisionLevel::kProvince) return true;
  return division.level == DivisionLevel::kPrefecture && division.name_zh == prefix;
}

// The English name before " city" or " Province" in one comma-separated part.
std::string NamedPlace(std::string_view part) {
  const std::string trimmed = Trim(part);
  for (std::string_view suffix : {" city", " City", " Province", " province"}) {
    const std::size_t at = trimmed.rfind(suffix);
    if (at != std::string::npos && at + suffix.size() == trimmed.size())
      return trimmed.substr(0, at);
  }
  return {};
}

const JurisdictionEntry* FindBySeatOrName(std::string_view folded) {
  for (const JurisdictionEntry& entry : Jurisdictions()) {
    if (entry.kind != JurisdictionKind::kProvince) continue;
    if (FoldName(entry.seat_en) == folded) return &entry;
    if (FoldName(entry.office_id) == folded) return &entry;
  }
  return nullptr;
}

const JurisdictionEntry* FindByDivisionName(std::string_view folded, const Gazetteer& gazetteer) {
  const JurisdictionEntry* found = nullptr;
  for (const Division& division : gazetteer.divisions()) {
    if (division.level == DivisionLevel::kCounty || FoldName(division.name_en) != folded) continue;
    const JurisdictionEntry* entry = EntryOfDivision(division, gazetteer);
    // Two cities of one English name in different provinces (Suzhou): no guess.
    if (found != nullptr && entry != found) return nullptr;
    found = entry;
  }
  return found;
}

}  // namespace

const JurisdictionEntry* InferFromChineseAddress(std::string_view zh, const Gazetteer& gazetteer) {
  for (const std::string& prefix : HanPrefixes(zh)) {
    for (const Division* division : gazetteer.FindByName(prefix)) {
      if (!CountsAsStart(*division, prefix)) continue;
      if (const JurisdictionEntry* entry = EntryOfDivision(*division, gazetteer)) return entry;
    }
  }
  return nullptr;
}

const JurisdictionEntry* InferFromEnglishAddress(std::string_view en, const Gazetteer& gazetteer) {
  std::size_t start = 0;
  while (start <= en.size()) {
    const std::size_t comma = std::min(en.find(',', start), en.size());
    const std::string place = FoldName(NamedPlace(en.substr(start, comma - start)));
    start = comma + 1;
    if (place.empty()) continue;

    if (const JurisdictionEntry* entry = FindBySeatOrName(place)) return entry;
    if (const JurisdictionEntry* entry = FindByDivisionName(place, gazetteer)) return entry;
  }
  return nullptr;
}

const JurisdictionEntry* FindJurisdictionByHeading(std::string_view heading) {
  const std::string folded = FoldName(heading);
  if (folded == "national" || folded == "nationalmps" || folded == "mps" ||
      folded == "ministryofpublicsecurity") {
    return FindJurisdictionByOfficeId("mps");
  }
  if (folded == "bingtuan" || folded == "xpcc" ||
      folded == "xinjiangproductionandconstructioncorps") {
    return FindJurisdictionByOfficeId("xinjiang-bingtuan");
  }

  const std::string trimmed = Trim(heading);
  for (const JurisdictionEntry& entry : Jurisdictions()) {
    if (!folded.empty() &&
        (FoldName(entry.office_id) == folded || FoldName(entry.name_en) == folded))
      return &entry;
    if (entry.name_zh == trimmed) return &entry;
  }
  return nullptr;
}

}  // namespace ngodesk::importer
