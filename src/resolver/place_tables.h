// Curated tables the resolver adds to the divisions data: abbreviations,
// former names, common aliases, ISO 3166-2 codes and the English words that
// mark a generic suffix or a street. Each table is small and sourced in
// place_tables.cc.
#pragma once

#include <span>
#include <string_view>

namespace ngodesk::resolver {

// The one-character abbreviation (简称) of a province-level division.
struct Abbreviation {
  std::string_view text;  // e.g. "苏"
  std::string_view code;  // e.g. "320000"
};

// A name in use before a renaming or merger, and the division that
// contains the place now.
struct FormerName {
  std::string_view name;     // e.g. "襄樊市"
  std::string_view code;     // e.g. "420600"
  std::string_view current;  // official name of `code`, checked by a test, e.g. "襄阳市"
  int year;                  // year of the change
};

// Another common name of a division (Chinese or Latin letters).
struct Alias {
  std::string_view name;  // e.g. "喀左", "kowloon"
  std::string_view code;
};

struct IsoCode {
  std::string_view iso;   // e.g. "CN-GD"
  std::string_view code;  // e.g. "440000"
};

std::span<const Abbreviation> Abbreviations();
std::span<const FormerName> FormerNames();
std::span<const Alias> ChineseAliases();
std::span<const Alias> LatinAliases();  // lowercase letters only
std::span<const IsoCode> IsoCodes();

// Names that mean the Xinjiang Production and Construction Corps itself.
std::span<const std::string_view> BingtuanNames();
// Whole queries that ask about the national level (公安部, China).
std::span<const std::string_view> NationalNames();

// Level a generic English or pinyin suffix word points to.
enum class SuffixLevel { kAny, kProvince, kCity, kCounty };

// The level of a lowercase suffix word ("city", "district", "qu"), or
// nullptr when the word is not a suffix word.
const SuffixLevel* FindSuffixWord(std::string_view word);

// True for lowercase words that name a street or a building ("road",
// "avenue", "lu", "square", "plaza"): a place name just before one of them
// names the street, not the place. Institutions ("university", "hospital")
// are not street words, because they are usually in the place they are
// named after (Peking University).
bool IsStreetWord(std::string_view word);

// True for lowercase direction words that may stand between a name and a
// street word ("Beijing Middle Road", "Dongfeng East Road").
bool IsDirectionWord(std::string_view word);

}  // namespace ngodesk::resolver
