// Inputs shared by the resolver benchmark and the side-by-side script: a
// fixed, reproducible set of names and full Chinese addresses built from the
// bundled divisions.
#pragma once

#include <string>
#include <vector>

#include "ngodesk/gazetteer.h"

namespace ngodesk::bench {

// Every division's official name and short name, in code order.
inline std::vector<std::string> NameQueries() {
  std::vector<std::string> names;
  for (const Division& division : Gazetteer::Bundled().divisions()) {
    names.push_back(division.name_zh);
    if (division.short_zh != division.name_zh) names.push_back(division.short_zh);
  }
  return names;
}

// A full address (province, prefecture, county, street, number) for every
// county-level division, in code order; counties directly under a province
// or of a municipality have no prefecture in the text.
inline std::vector<std::string> AddressQueries() {
  const Gazetteer& gazetteer = Gazetteer::Bundled();
  constexpr const char* kStreets[] = {"人民路", "解放大道", "中山北路", "建设街", "北京东路", "文化西街"};
  std::vector<std::string> addresses;
  std::size_t n = 0;
  for (const Division& division : gazetteer.divisions()) {
    if (division.level != DivisionLevel::kCounty) continue;
    const Division* province = gazetteer.ProvinceOf(division);
    const Division* prefecture = gazetteer.PrefectureOf(division);
    std::string address = province->name_zh;
    if (prefecture != nullptr && prefecture != province) address += prefecture->name_zh;
    address += division.name_zh + kStreets[n % 6] + std::to_string(10 + n % 890) + "号";
    addresses.push_back(std::move(address));
    ++n;
  }
  return addresses;
}

}  // namespace ngodesk::bench
