// Gazetteer: parsing of the divisions data file and the lookups over it.
#include "ngodesk/gazetteer.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <iostream>
#include <tuple>

#include "ngodesk/embedded.h"

NGODESK_DECLARE_EMBEDDED(ngodesk_divisions_tsv)

namespace ngodesk {

std::string_view DivisionLevelName(DivisionLevel level) {
  switch (level) {
    case DivisionLevel::kProvince:
      return "province";
    case DivisionLevel::kPrefecture:
      return "prefecture";
    case DivisionLevel::kCounty:
      return "county";
  }
  return "county";
}

class GazetteerBuilder {
 public:
  Status AddLine(std::string_view line, int line_number);
  Result<Gazetteer> Finish();

 private:
  Status AddMetadata(std::string_view line, int line_number);
  Status AddDivision(std::string_view line, int line_number);
  Status AddAlias(std::string_view value, int line_number);
  Status CheckParents() const;

  Gazetteer gazetteer_;
  std::vector<int> line_numbers_;  // source line of each division, for errors
};

namespace {

constexpr std::size_t kColumns = 7;

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

// 1-based column (in bytes) of field `index` of a tab-separated line.
int ColumnOf(const std::vector<std::string_view>& fields, std::size_t index) {
  int column = 1;
  for (std::size_t i = 0; i < index && i < fields.size(); ++i) column += static_cast<int>(fields[i].size()) + 1;
  return column;
}

bool IsDivisionCode(std::string_view code) {
  return code.size() == 6 && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<DivisionLevel> ParseLevel(std::string_view text) {
  for (DivisionLevel level : {DivisionLevel::kProvince, DivisionLevel::kPrefecture, DivisionLevel::kCounty}) {
    if (DivisionLevelName(level) == text) return level;
  }
  return Error::InvalidArgument("");
}

Error LineError(int line, int column, const std::string& en, const std::string& zh) {
  return Error::Parse(line, column, en, zh);
}

}  // namespace

Status GazetteerBuilder::AddLine(std::string_view line, int line_number) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.empty() || line.front() == '#' || line.starts_with("code\t")) return {};
  if (line.front() == '@') return AddMetadata(line, line_number);
  return AddDivision(line, line_number);
}

Status GazetteerBuilder::AddMetadata(std::string_view line, int line_number) {
  const std::size_t tab = line.find('\t');
  if (tab == std::string_view::npos) {
    return LineError(line_number, 1, "metadata line \"" + std::string(line) + "\" has no tab between key and value",
                     "元数据行“" + std::string(line) + "”的键和值之间缺少制表符");
  }
  const std::string_view key = line.substr(1, tab - 1);
  const std::string value(line.substr(tab + 1));
  if (key == "alias") return AddAlias(value, line_number);
  if (key == "package") gazetteer_.package_name_ = value;
  if (key == "version") gazetteer_.package_version_ = value;
  if (key == "data_date") gazetteer_.data_date_ = value;
  return {};
}

Status GazetteerBuilder::AddAlias(std::string_view value, int line_number) {
  const std::size_t tab = value.find('\t');
  if (tab == std::string_view::npos || !IsDivisionCode(value.substr(0, tab)) || tab + 1 == value.size()) {
    return LineError(line_number, 8, "invalid alias \"" + std::string(value) + "\": expected CODE<TAB>NAME",
                     "别名“" + std::string(value) + "”无效：格式应为“代码<制表符>名称”");
  }
  gazetteer_.aliases_.push_back({std::string(value.substr(0, tab)), std::string(value.substr(tab + 1))});
  return {};
}

Status GazetteerBuilder::AddDivision(std::string_view line, int line_number) {
  const std::vector<std::string_view> fields = SplitTabs(line);
  if (fields.size() != kColumns) {
    return LineError(line_number, 1,
                     "expected 7 tab-separated columns (code, level, parent, name_zh, short_zh, pinyin, name_en), "
                     "found " + std::to_string(fields.size()) + " in \"" + std::string(line) + "\"",
                     "应有 7 列（以制表符分隔），实际为 " + std::to_string(fields.size()) + " 列：“" +
                         std::string(line) + "”");
  }
  if (!IsDivisionCode(fields[0])) {
    return LineError(line_number, 1, "invalid division code \"" + std::string(fields[0]) + "\": expected 6 digits",
                     "行政区划代码“" + std::string(fields[0]) + "”无效：应为 6 位数字");
  }
  const Result<DivisionLevel> level = ParseLevel(fields[1]);
  if (!level.ok()) {
    return LineError(line_number, ColumnOf(fields, 1),
                     "invalid level \"" + std::string(fields[1]) + "\": expected province, prefecture or county",
                     "级别“" + std::string(fields[1]) + "”无效：应为 province、prefecture 或 county");
  }
  if (*level != DivisionLevel::kProvince && !IsDivisionCode(fields[2])) {
    return LineError(line_number, ColumnOf(fields, 2),
                     "invalid parent code \"" + std::string(fields[2]) + "\" of " + std::string(fields[0]),
                     std::string(fields[0]) + " 的上级代码“" + std::string(fields[2]) + "”无效");
  }
  if (fields[3].empty() || fields[4].empty()) {
    return LineError(line_number, ColumnOf(fields, 3), "division " + std::string(fields[0]) + " has an empty name",
                     "行政区划 " + std::string(fields[0]) + " 的名称为空");
  }

  Division division;
  division.code = fields[0];
  division.level = *level;
  division.parent_code = fields[2];
  division.name_zh = fields[3];
  division.short_zh = fields[4];
  division.pinyin = fields[5];
  division.name_en = fields[6];
  gazetteer_.divisions_.push_back(std::move(division));
  line_numbers_.push_back(line_number);
  return {};
}

Status GazetteerBuilder::CheckParents() const {
  const std::vector<Division>& divisions = gazetteer_.divisions_;
  // FindByCode needs the codes sorted, so order is checked before parents.
  for (std::size_t i = 1; i < divisions.size(); ++i) {
    if (divisions[i - 1].code >= divisions[i].code) {
      return LineError(line_numbers_[i], 1, "division code " + divisions[i].code + " is duplicated or out of order",
                       "行政区划代码 " + divisions[i].code + " 重复或未按顺序排列");
    }
  }
  for (std::size_t i = 0; i < divisions.size(); ++i) {
    const Division& division = divisions[i];
    if (division.level == DivisionLevel::kProvince) continue;

    const Division* parent = gazetteer_.FindByCode(division.parent_code);
    const bool valid = parent != nullptr && parent->level < division.level;
    if (!valid) {
      return LineError(line_numbers_[i], 1,
                       "division " + division.code + " has parent " + division.parent_code +
                           ", which is missing or not of a higher level",
                       "行政区划 " + division.code + " 的上级 " + division.parent_code + " 不存在或级别不高于它");
    }
  }
  for (const DivisionAlias& alias : gazetteer_.aliases_) {
    if (gazetteer_.FindByCode(alias.code) == nullptr) {
      return LineError(0, 0, "alias " + alias.name + " names the missing division " + alias.code,
                       "别名 " + alias.name + " 对应的行政区划 " + alias.code + " 不存在");
    }
  }
  return {};
}

Result<Gazetteer> GazetteerBuilder::Finish() {
  std::vector<Division>& divisions = gazetteer_.divisions_;
  if (Status status = CheckParents(); !status.ok()) return status.error();

  auto& index = gazetteer_.name_index_;
  for (std::size_t i = 0; i < divisions.size(); ++i) {
    index.emplace_back(divisions[i].name_zh, i);
    if (divisions[i].short_zh != divisions[i].name_zh) index.emplace_back(divisions[i].short_zh, i);
  }
  std::sort(index.begin(), index.end(), [&divisions](const auto& a, const auto& b) {
    return std::tie(a.first, divisions[a.second].level, a.second) <
           std::tie(b.first, divisions[b.second].level, b.second);
  });
  return std::move(gazetteer_);
}

Result<Gazetteer> Gazetteer::Parse(std::string_view text) {
  GazetteerBuilder builder;
  int line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const std::size_t end = std::min(text.find('\n'), text.size());
    if (Status status = builder.AddLine(text.substr(0, end), line_number); !status.ok()) return status.error();
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return builder.Finish();
}

const Gazetteer& Gazetteer::Bundled() {
  static const Gazetteer bundled = [] {
    Result<Gazetteer> parsed = Parse(NGODESK_EMBEDDED_VIEW(ngodesk_divisions_tsv));
    if (!parsed.ok()) {
      // The embedded file is checked by the tests; failing here is a build bug.
      std::cerr << "ngodesk: internal error: embedded divisions data: line " << parsed.error().line << ": "
                << parsed.error().message << '\n';
      std::abort();
    }
    return std::move(parsed).value();
  }();
  return bundled;
}

const Division* Gazetteer::FindByCode(std::string_view code) const {
  const auto found = std::lower_bound(divisions_.begin(), divisions_.end(), code,
                                      [](const Division& division, std::string_view key) { return division.code < key; });
  return found != divisions_.end() && found->code == code ? &*found : nullptr;
}

std::vector<const Division*> Gazetteer::FindByName(std::string_view name) const {
  const auto first = std::lower_bound(name_index_.begin(), name_index_.end(), name,
                                      [](const auto& entry, std::string_view key) { return entry.first < key; });
  std::vector<const Division*> found;
  for (auto entry = first; entry != name_index_.end() && entry->first == name; ++entry) {
    const Division* division = &divisions_[entry->second];
    if (std::find(found.begin(), found.end(), division) == found.end()) found.push_back(division);
  }
  return found;
}

const Division* Gazetteer::ParentOf(const Division& division) const {
  return division.parent_code.empty() ? nullptr : FindByCode(division.parent_code);
}

const Division* Gazetteer::ProvinceOf(const Division& division) const {
  const Division* current = &division;
  while (current != nullptr && current->level != DivisionLevel::kProvince) current = ParentOf(*current);
  return current;
}

const Division* Gazetteer::PrefectureOf(const Division& division) const {
  switch (division.level) {
    case DivisionLevel::kProvince:
      return nullptr;
    case DivisionLevel::kPrefecture:
      return &division;
    case DivisionLevel::kCounty:
      break;
  }
  const Division* parent = ParentOf(division);
  if (parent == nullptr) return nullptr;
  if (parent->level == DivisionLevel::kPrefecture) return parent;
  return IsMunicipality(*parent) ? parent : nullptr;
}

bool Gazetteer::IsMunicipality(const Division& division) {
  static constexpr std::array<std::string_view, 4> kMunicipalities = {"110000", "120000", "310000", "500000"};
  return std::find(kMunicipalities.begin(), kMunicipalities.end(), division.code) != kMunicipalities.end();
}

}  // namespace ngodesk
