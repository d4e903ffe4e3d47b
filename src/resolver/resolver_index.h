// Resolver::Index: everything the resolver precomputes over a Gazetteer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ngodesk/gazetteer.h"
#include "ngodesk/resolver.h"
#include "resolver/name_index.h"

namespace ngodesk {

// Per-division facts used while ranking: parent index (-1 for a province),
// the prior and the number of characters of the short name.
struct DivisionFacts {
  int32_t parent = -1;
  int32_t province = -1;    // index of the province-level division (itself for a province)
  int32_t prefecture = -1;  // index of Gazetteer::PrefectureOf, or -1
  int32_t prior = 0;
  uint8_t short_chars = 0;
  std::string_view office_id;  // see OfficeIdOf
};

class Resolver::Index {
 public:
  explicit Index(const Gazetteer& gazetteer);

  const Gazetteer& gazetteer;
  std::span<const Division> divisions;
  std::vector<DivisionFacts> facts;
  resolver::ChineseTrie trie;
  resolver::LatinKeyMap latin;
  // Pinyin syllable of each Han character of the division names, from the
  // data file, so that homophone checks need no transliteration.
  std::unordered_map<int32_t, std::string> char_pinyin;
  std::unordered_map<std::string, uint32_t, resolver::StringHash, std::equal_to<>> abbreviations;
  std::unordered_map<std::string, uint32_t, resolver::StringHash, std::equal_to<>> iso_codes;
  uint32_t xinjiang = 0;

  uint32_t IndexOf(const Division& division) const {
    return static_cast<uint32_t>(&division - divisions.data());
  }
  const Division& At(uint32_t index) const { return divisions[index]; }

  // True when `ancestor` is `division` or one of its parents.
  bool IsAncestorOrSelf(uint32_t ancestor, uint32_t division) const;
  bool IsStrictAncestor(uint32_t ancestor, uint32_t division) const {
    return ancestor != division && IsAncestorOrSelf(ancestor, division);
  }

  // The three-level chain of a division.
  DivisionChain ChainOf(uint32_t division) const;

  // The office id for a division: the province's office, the Bingtuan's
  // for its cities, empty for Hong Kong, Macau and Taiwan.
  std::string_view OfficeIdOf(uint32_t division) const { return facts[division].office_id; }

  bool IsBingtuanCity(uint32_t division) const;

 private:
  void AddDivisionKeys();
  void AddCuratedKeys();
  void AddLatinKey(std::string key, const resolver::Target& target);
  // Joined pinyin of `name` from char_pinyin, or empty when a character has no reading there.
  std::string RomanisedFromDivisionReadings(std::string_view name) const;
  void ComputeFacts();
  std::string_view ComputeOfficeId(uint32_t division) const;
};

}  // namespace ngodesk
