// Consistency of the curated tables with the bundled divisions.
#include <gtest/gtest.h>

#include "ngodesk/gazetteer.h"
#include "resolver/place_tables.h"

namespace ngodesk::resolver {
namespace {

const Division* Find(std::string_view code) { return Gazetteer::Bundled().FindByCode(code); }

TEST(PlaceTables, FormerNamesPointToCurrentNames) {
  for (const FormerName& former : FormerNames()) {
    const Division* division = Find(former.code);
    ASSERT_NE(division, nullptr) << former.name;
    EXPECT_EQ(division->name_zh, former.current) << former.name;
    EXPECT_TRUE(Gazetteer::Bundled().FindByName(former.name).empty()) << former.name << " is a current name";
    EXPECT_GE(former.year, 1980);
  }
}

TEST(PlaceTables, CodesExist) {
  for (const Abbreviation& abbreviation : Abbreviations()) EXPECT_NE(Find(abbreviation.code), nullptr) << abbreviation.text;
  for (const Alias& alias : ChineseAliases()) EXPECT_NE(Find(alias.code), nullptr) << alias.name;
  for (const Alias& alias : LatinAliases()) EXPECT_NE(Find(alias.code), nullptr) << alias.name;
  for (const IsoCode& iso : IsoCodes()) {
    const Division* division = Find(iso.code);
    ASSERT_NE(division, nullptr) << iso.iso;
    EXPECT_EQ(division->level, DivisionLevel::kProvince) << iso.iso;
  }
}

TEST(PlaceTables, EveryProvinceHasIsoCodeAndAbbreviation) {
  for (const Division& division : Gazetteer::Bundled().divisions()) {
    if (division.level != DivisionLevel::kProvince) continue;
    bool iso = false;
    bool abbreviation = false;
    for (const IsoCode& entry : IsoCodes()) iso = iso || entry.code == division.code;
    for (const Abbreviation& entry : Abbreviations()) abbreviation = abbreviation || entry.code == division.code;
    EXPECT_TRUE(iso) << division.name_zh;
    EXPECT_TRUE(abbreviation) << division.name_zh;
  }
}

TEST(PlaceTables, SuffixAndStreetWords) {
  ASSERT_NE(FindSuffixWord("district"), nullptr);
  EXPECT_EQ(*FindSuffixWord("district"), SuffixLevel::kCounty);
  EXPECT_EQ(FindSuffixWord("road"), nullptr);
  EXPECT_TRUE(IsStreetWord("road"));
  EXPECT_TRUE(IsDirectionWord("middle"));
}

}  // namespace
}  // namespace ngodesk::resolver
