// Building the resolver's index from a Gazetteer and the curated tables.
#include "resolver/resolver_index.h"

#include <algorithm>

#include "ngodesk/jurisdictions.h"
#include "resolver/place_tables.h"
#include "resolver/query_text.h"

namespace ngodesk {

using resolver::Target;

namespace {

// Lowercase ASCII letters of `text`; everything else is dropped
// ("Xi'an" → "xian", "Inner Mongolia" → "innermongolia").
std::string LatinKey(std::string_view text) {
  std::string key;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char letter = resolver::FoldLatinLetter(resolver::NextCodePoint(text, &pos));
    if (letter != 0) key.push_back(letter);
  }
  return key;
}

std::size_t CodePointCount(std::string_view text) {
  std::size_t count = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    resolver::NextCodePoint(text, &pos);
    ++count;
  }
  return count;
}

// `name` without a trailing generic suffix when two characters remain
// (台北市 → 台北), else empty.
std::string WithoutSuffix(std::string_view name, std::initializer_list<std::string_view> suffixes) {
  for (std::string_view suffix : suffixes) {
    if (!name.ends_with(suffix)) continue;
    const std::string_view stem = name.substr(0, name.size() - suffix.size());
    if (CodePointCount(stem) >= 2) return std::string(stem);
  }
  return {};
}

// Drops former-name targets from a key that also names a current division:
// a current name wins (巢湖 is today's 巢湖市, not the former prefecture).
void PreferCurrentNames(std::vector<Target>& targets) {
  const bool has_current = std::any_of(targets.begin(), targets.end(),
                                       [](const Target& target) { return target.kind != MatchKind::kFormerName; });
  if (!has_current) return;
  std::erase_if(targets, [](const Target& target) { return target.kind == MatchKind::kFormerName; });
}

// The sub-provincial cities (副省级城市) that are not provincial capitals:
// 大连, 青岛, 宁波, 厦门, 深圳. The capitals among the fifteen come from the
// jurisdiction table's seat cities.
bool IsSubProvincialCity(std::string_view code) {
  constexpr std::string_view kCodes[] = {"210200", "370200", "330200", "350200", "440300"};
  return std::find(std::begin(kCodes), std::end(kCodes), code) != std::end(kCodes);
}

}  // namespace

Resolver::Index::Index(const Gazetteer& source) : gazetteer(source), divisions(source.divisions()) {
  resolver::PreloadTraditionalTable();
  ComputeFacts();
  AddDivisionKeys();
  AddCuratedKeys();
  trie.Finish([](std::vector<Target>& targets) { PreferCurrentNames(targets); });
  for (auto& [key, targets] : latin) PreferCurrentNames(targets);
}

void Resolver::Index::ComputeFacts() {
  facts.resize(divisions.size());
  for (uint32_t i = 0; i < divisions.size(); ++i) {
    const Division& division = divisions[i];
    if (const Division* parent = gazetteer.ParentOf(division)) facts[i].parent = static_cast<int32_t>(IndexOf(*parent));
    if (const Division* province = gazetteer.ProvinceOf(division)) {
      facts[i].province = static_cast<int32_t>(IndexOf(*province));
    }
    if (const Division* prefecture = gazetteer.PrefectureOf(division)) {
      facts[i].prefecture = static_cast<int32_t>(IndexOf(*prefecture));
    }
    facts[i].short_chars = static_cast<uint8_t>(std::min<std::size_t>(CodePointCount(division.short_zh), 255));
    if (division.code == "650000") xinjiang = i;
  }

  // The prior approximates population by administrative rank: higher levels
  // first, then districts of municipalities, then the provincial capitals
  // and sub-provincial cities and their districts.
  for (uint32_t i = 0; i < divisions.size(); ++i) {
    const Division& division = divisions[i];
    int32_t prior = division.level == DivisionLevel::kProvince ? 300
                    : division.level == DivisionLevel::kPrefecture ? 200
                                                                     : 100;
    const DivisionChain chain = ChainOf(i);
    if (division.level == DivisionLevel::kCounty && chain.prefecture != nullptr &&
        Gazetteer::IsMunicipality(*chain.prefecture)) {
      prior += 50;
    }
    const JurisdictionEntry* entry =
        chain.province != nullptr ? FindJurisdictionByProvinceCode(chain.province->code) : nullptr;
    const bool major_city = chain.prefecture != nullptr && !Gazetteer::IsMunicipality(*chain.prefecture) &&
                            ((entry != nullptr && chain.prefecture->code == entry->seat_code) ||
                             IsSubProvincialCity(chain.prefecture->code));
    if (major_city) prior += 30;
    facts[i].prior = prior;
    facts[i].office_id = ComputeOfficeId(i);
  }
}

void Resolver::Index::AddDivisionKeys() {
  for (uint32_t i = 0; i < divisions.size(); ++i) {
    const Division& division = divisions[i];
    trie.Insert(division.name_zh, {i, MatchKind::kName});
    if (division.short_zh != division.name_zh) trie.Insert(division.short_zh, {i, MatchKind::kShortName});

    // 海南藏族自治州 is commonly written 海南州, 长阳土家族自治县 长阳县.
    for (const auto& [suffix, shortened] : {std::pair<std::string_view, std::string_view>{"自治州", "州"},
                                            {"自治县", "县"},
                                            {"自治旗", "旗"}}) {
      if (division.name_zh.ends_with(suffix)) trie.Insert(division.short_zh + std::string(shortened), {i, MatchKind::kAlias});
    }

    // Character readings for homophone checks, where syllables and
    // characters line up one to one.
    std::vector<std::string> syllables;
    std::size_t start = 0;
    while (start <= division.pinyin.size()) {
      const std::size_t space = std::min(division.pinyin.find(' ', start), division.pinyin.size());
      if (space > start) syllables.emplace_back(division.pinyin.substr(start, space - start));
      start = space + 1;
    }
    if (syllables.size() == facts[i].short_chars) {
      std::size_t pos = 0;
      for (const std::string& syllable : syllables) {
        char_pinyin.try_emplace(resolver::NextCodePoint(division.short_zh, &pos), syllable);
      }
    }

    const std::string pinyin_key = LatinKey(division.pinyin);
    const std::string english_key = LatinKey(division.name_en);
    if (!pinyin_key.empty()) AddLatinKey(pinyin_key, {i, MatchKind::kPinyin});
    if (!english_key.empty() && english_key != pinyin_key) AddLatinKey(english_key, {i, MatchKind::kEnglish});
  }

  // A conventional English name wins over the same letters as another
  // division's pinyin at that level: "Shanxi" is 山西, never 陕西 (Shaanxi).
  for (auto& [key, targets] : latin) {
    std::erase_if(targets, [&](const Target& target) {
      if (target.kind != MatchKind::kPinyin) return false;
      if (LatinKey(divisions[target.division].name_en) == key) return false;
      return std::any_of(targets.begin(), targets.end(), [&](const Target& other) {
        return other.division != target.division && LatinKey(divisions[other.division].name_en) == key &&
               divisions[other.division].level == divisions[target.division].level;
      });
    });
  }
}

void Resolver::Index::AddCuratedKeys() {
  const auto index_of_code = [this](std::string_view code) -> int64_t {
    const Division* division = gazetteer.FindByCode(code);
    return division == nullptr ? -1 : static_cast<int64_t>(IndexOf(*division));
  };

  const auto former_names = resolver::FormerNames();
  for (std::size_t f = 0; f < former_names.size(); ++f) {
    const int64_t index = index_of_code(former_names[f].code);
    if (index < 0) continue;
    const Target target{static_cast<uint32_t>(index), MatchKind::kFormerName, static_cast<int16_t>(f)};
    trie.Insert(former_names[f].name, target);
    // 襄樊 as well as 襄樊市. A stem that also names a current division
    // (平江 of 平江区 and 平江县) loses to it in PreferCurrentNames.
    const std::string stem = WithoutSuffix(former_names[f].name, {"地区", "市", "盟", "区", "县"});
    if (!stem.empty()) trie.Insert(stem, target);

    // The romanised former name (Xiangfan), built from the readings of
    // characters in current division names. A name with any other character
    // gets no key, because loading ICU here would slow the index build.
    const std::string romanised = RomanisedFromDivisionReadings(stem.empty() ? former_names[f].name : stem);
    if (!romanised.empty()) AddLatinKey(romanised, target);
  }

  for (const resolver::Alias& alias : resolver::ChineseAliases()) {
    if (const int64_t index = index_of_code(alias.code); index >= 0) {
      trie.Insert(alias.name, {static_cast<uint32_t>(index), MatchKind::kAlias});
    }
  }
  for (const DivisionAlias& alias : gazetteer.aliases()) {
    const int64_t index = index_of_code(alias.code);
    if (index < 0) continue;
    trie.Insert(alias.name, {static_cast<uint32_t>(index), MatchKind::kAlias});
    const std::string stem = WithoutSuffix(alias.name, {"市", "县"});
    if (!stem.empty()) trie.Insert(stem, {static_cast<uint32_t>(index), MatchKind::kAlias});
  }
  for (const resolver::Alias& alias : resolver::LatinAliases()) {
    if (const int64_t index = index_of_code(alias.code); index >= 0) {
      AddLatinKey(std::string(alias.name), {static_cast<uint32_t>(index), MatchKind::kAlias});
    }
  }

  for (const resolver::Abbreviation& abbreviation : resolver::Abbreviations()) {
    if (const int64_t index = index_of_code(abbreviation.code); index >= 0) {
      abbreviations.try_emplace(std::string(abbreviation.text), static_cast<uint32_t>(index));
    }
  }
  for (const resolver::IsoCode& iso : resolver::IsoCodes()) {
    if (const int64_t index = index_of_code(iso.code); index >= 0) {
      iso_codes.try_emplace(std::string(iso.iso), static_cast<uint32_t>(index));
      // The numeric form used before 2017: CN-32 for Jiangsu, CN-91 for Hong Kong.
      std::string numeric(iso.code.substr(0, 2));
      if (iso.code == "810000") numeric = "91";
      if (iso.code == "820000") numeric = "92";
      iso_codes.try_emplace("CN-" + numeric, static_cast<uint32_t>(index));
    }
  }
}

std::string Resolver::Index::RomanisedFromDivisionReadings(std::string_view name) const {
  std::string key;
  std::size_t pos = 0;
  while (pos < name.size()) {
    const auto reading = char_pinyin.find(resolver::NextCodePoint(name, &pos));
    if (reading == char_pinyin.end()) return {};
    key += reading->second;
  }
  return key;
}

void Resolver::Index::AddLatinKey(std::string key, const Target& target) {
  std::vector<Target>& targets = latin[std::move(key)];
  const bool duplicate = std::any_of(targets.begin(), targets.end(), [&target](const Target& existing) {
    return existing.division == target.division;
  });
  if (!duplicate) targets.push_back(target);
}

bool Resolver::Index::IsAncestorOrSelf(uint32_t ancestor, uint32_t division) const {
  int32_t current = static_cast<int32_t>(division);
  while (current >= 0) {
    if (static_cast<uint32_t>(current) == ancestor) return true;
    current = facts[static_cast<std::size_t>(current)].parent;
  }
  return false;
}

DivisionChain Resolver::Index::ChainOf(uint32_t index) const {
  const DivisionFacts& fact = facts[index];
  DivisionChain chain;
  chain.province = fact.province >= 0 ? &divisions[static_cast<std::size_t>(fact.province)] : nullptr;
  chain.prefecture = fact.prefecture >= 0 ? &divisions[static_cast<std::size_t>(fact.prefecture)] : nullptr;
  if (divisions[index].level == DivisionLevel::kCounty) chain.county = &divisions[index];
  return chain;
}

bool Resolver::Index::IsBingtuanCity(uint32_t index) const {
  const Division& division = divisions[index];
  return division.level == DivisionLevel::kCounty && division.code.starts_with("6590");
}

std::string_view Resolver::Index::ComputeOfficeId(uint32_t index) const {
  if (IsBingtuanCity(index)) return "xinjiang-bingtuan";
  const Division* province = gazetteer.ProvinceOf(divisions[index]);
  if (province == nullptr) return {};
  const JurisdictionEntry* entry = FindJurisdictionByProvinceCode(province->code);
  return entry == nullptr ? std::string_view() : entry->office_id;
}

}  // namespace ngodesk
