// Corrections of the bundled directory: each replaces one published field
// value and is recorded in Office::corrections with its reason.
#include <charconv>
#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "ngodesk/hours_text.h"
#include "ngodesk/page_importer.h"

namespace ngodesk {
namespace {

struct CorrectionEntry {
  std::string office;
  Correction correction;
};

Error InvalidCorrection(std::size_t index, const std::string& en, const std::string& zh) {
  return Error::InvalidArgument("corrections[" + std::to_string(index) + "]: " + en,
                                "corrections[" + std::to_string(index) + "]：" + zh);
}

Result<std::vector<CorrectionEntry>> ParseCorrections(std::string_view text) {
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    return Error::InvalidArgument(std::string("invalid corrections JSON: ") + error.what(),
                                  std::string("更正文件不是有效的 JSON：") + error.what());
  }
  if (!document.is_object() || !document.contains("corrections") ||
      !document["corrections"].is_array()) {
    return Error::InvalidArgument(
        "the corrections file must be an object with a \"corrections\" array",
        "更正文件必须是含有 \"corrections\" 数组的对象");
  }

  std::vector<CorrectionEntry> entries;
  const nlohmann::json& list = document["corrections"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    CorrectionEntry entry;
    for (const char* key : {"office", "field", "published", "corrected", "reason"}) {
      if (!list[i].is_object() || !list[i].contains(key) || !list[i][key].is_string()) {
        return InvalidCorrection(i, std::string("missing string member \"") + key + "\"",
                                 std::string("缺少字符串成员 \"") + key + "\"");
      }
    }
    entry.office = list[i]["office"].get<std::string>();
    entry.correction = {
        list[i]["field"].get<std::string>(), list[i]["published"].get<std::string>(),
        list[i]["corrected"].get<std::string>(), list[i]["reason"].get<std::string>()};
    if (entry.correction.reason.empty()) {
      return InvalidCorrection(i, "a correction needs a reason", "更正必须说明理由");
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

// The address index of "addresses[N].member", or nullopt.
std::optional<std::size_t> AddressIndex(std::string_view field, std::string_view& member) {
  constexpr std::string_view kPrefix = "addresses[";
  if (!field.starts_with(kPrefix)) return std::nullopt;
  const std::size_t close = field.find("].");
  if (close == std::string_view::npos) return std::nullopt;

  std::size_t index = 0;
  const char* begin = field.data() + kPrefix.size();
  const char* end = field.data() + close;
  const auto [stop, error] = std::from_chars(begin, end, index);
  if (error != std::errc() || stop != end) return std::nullopt;
  member = field.substr(close + 2);
  return index;
}

// The string that a field path names, or nullptr.
std::string* FieldValue(Office& office, std::string_view field) {
  if (field == "hours.text") return office.hours.text ? &*office.hours.text : nullptr;

  std::string_view member;
  const std::optional<std::size_t> index = AddressIndex(field, member);
  if (!index || *index >= office.addresses.size()) return nullptr;
  Address& address = office.addresses[*index];
  if (member == "en") return &address.text.en;
  if (member == "zh") return &address.text.zh;
  if (member == "note") return &address.note;
  return nullptr;
}

Status Apply(std::vector<Office>& offices, const CorrectionEntry& entry, std::size_t index) {
  Office* office = nullptr;
  for (Office& candidate : offices) {
    if (candidate.id == entry.office) office = &candidate;
  }
  if (office == nullptr) {
    return InvalidCorrection(index, "no office \"" + entry.office + "\" in the directory",
                             "目录中没有机关“" + entry.office + "”");
  }

  const Correction& correction = entry.correction;
  std::string* value = FieldValue(*office, correction.field);
  if (value == nullptr) {
    return InvalidCorrection(
        index,
        "office \"" + entry.office + "\" has no field \"" + correction.field +
            "\"; supported: addresses[N].en, addresses[N].zh, addresses[N].note, hours.text",
        "机关“" + entry.office + "”没有字段“" + correction.field + "”");
  }
  if (*value != correction.published) {
    return InvalidCorrection(index,
                             entry.office + " " + correction.field + " is \"" + *value +
                                 "\", not the published \"" + correction.published +
                                 "\" that the correction expects; update the correction",
                             entry.office + " " + correction.field + " 的值为“" + *value +
                                 "”，而非更正所依据的“" + correction.published + "”；请更新更正");
  }

  *value = correction.corrected;
  if (correction.field == "hours.text") {
    const std::string source_id = office->hours.source_id;
    office->hours = DeriveHours(office->hours.text);
    office->hours.source_id = source_id;
  }
  office->corrections.push_back(correction);
  return {};
}

}  // namespace

Status ApplyCorrections(std::vector<Office>& offices, std::string_view corrections_json) {
  Result<std::vector<CorrectionEntry>> entries = ParseCorrections(corrections_json);
  if (!entries) return entries.error();

  // Corrections apply to a copy so that a failing one leaves `offices` as it was.
  std::vector<Office> corrected = offices;
  for (std::size_t i = 0; i < entries->size(); ++i) {
    if (Status status = Apply(corrected, (*entries)[i], i); !status) return status;
  }
  offices = std::move(corrected);
  return {};
}

}  // namespace ngodesk
