#include "ngodesk/export.h"

#include <algorithm>
#include <array>
#include <functional>

#include "ngodesk/office_json.h"
#include "ngodesk/jurisdictions.h"

namespace ngodesk {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::string_view kListSeparator = "; ";
constexpr std::string_view kEmptyItem = "-";

constexpr std::array<std::string_view, 27> kColumns = {
    "id",
    "name_en",
    "name_zh",
    "jurisdiction_kind",
    "jurisdiction_code",
    "jurisdiction_en",
    "jurisdiction_zh",
    "city_code",
    "city_en",
    "city_zh",
    "addresses_en",
    "addresses_zh",
    "addresses_source",
    "phones_text",
    "phones_e164",
    "phones_extension",
    "phones_confirmed_on",
    "phones_area_code_inferred",
    "fax_text",
    "fax_e164",
    "emails",
    "websites",
    "hours_text",
    "hours_expression",
    "hours_assumption",
    "sources",
    "corrections",
};

std::string Join(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) {
    if (!joined.empty()) joined += kListSeparator;
    joined += item;
  }
  return joined;
}

// Joins one field of each element, writing kEmptyItem for an empty value so
// that positions line up with the other columns of the same list.
template <typename T>
std::string JoinField(const std::vector<T>& elements,
                      const std::function<std::string(const T&)>& field) {
  std::vector<std::string> items;
  for (const T& element : elements) {
    std::string value = field(element);
    items.push_back(value.empty() ? std::string(kEmptyItem) : std::move(value));
  }
  return Join(items);
}

std::string DescribeSource(const Source& source) {
  std::string text = source.id + ": " + source.title;
  if (!source.date.empty()) text += " (" + source.date + ")";
  return text;
}

std::string DescribeCorrection(const Correction& correction) {
  return correction.field + ": \"" + correction.published + "\" -> \"" + correction.corrected +
         "\" (" + correction.reason + ")";
}

std::string DescribeAssumption(const Hours& hours) {
  if (!hours.assumed) return {};
  if (hours.assumption.zh.empty()) return hours.assumption.en;
  return hours.assumption.en + " / " + hours.assumption.zh;
}

std::vector<std::string> Row(const Office& office) {
  using P = PhoneNumber;
  const std::optional<City>& city = office.city;
  return {
      office.id,
      office.name.en,
      office.name.zh,
      JurisdictionKindName(office.jurisdiction.kind),
      office.jurisdiction.code,
      office.jurisdiction.name.en,
      office.jurisdiction.name.zh,
      city ? city->code : "",
      city ? city->name.en : "",
      city ? city->name.zh : "",
      JoinField<Address>(office.addresses, [](const Address& a) { return a.text.en; }),
      JoinField<Address>(office.addresses, [](const Address& a) { return a.text.zh; }),
      JoinField<Address>(office.addresses, [](const Address& a) { return a.source_id; }),
      JoinField<P>(office.phones, [](const P& p) { return p.text; }),
      JoinField<P>(office.phones, [](const P& p) { return p.e164; }),
      JoinField<P>(office.phones, [](const P& p) { return p.extension; }),
      JoinField<P>(office.phones, [](const P& p) { return p.confirmed_on; }),
      JoinField<P>(office.phones,
                   [](const P& p) { return std::string(p.area_code_inferred ? "yes" : "no"); }),
      JoinField<P>(office.faxes, [](const P& p) { return p.text; }),
      JoinField<P>(office.faxes, [](const P& p) { return p.e164; }),
      Join(office.emails),
      Join(office.websites),
      office.hours.text.value_or(""),
      office.hours.expression,
      DescribeAssumption(office.hours),
      JoinField<Source>(office.sources, DescribeSource),
      JoinField<Correction>(office.corrections, DescribeCorrection),
  };
}

void AppendRow(std::string& csv, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) csv += ',';
    csv += CsvField(fields[i]);
  }
  csv += "\r\n";
}

// True when `item` is a number a spreadsheet reads as a value: an optional
// sign, then digits and spaces, or the empty-item marker.
bool IsPlainNumber(std::string_view item) {
  if (item == kEmptyItem) return true;
  if (!item.empty() && (item.front() == '+' || item.front() == '-')) item.remove_prefix(1);
  return std::all_of(item.begin(), item.end(),
                     [](char c) { return (c >= '0' && c <= '9') || c == ' '; });
}

// True when a spreadsheet would evaluate the cell as a formula. A leading +
// or - is harmless when every "; "-separated item is a plain number
// ("+862584420000; -"), and prefixing it would change the data for programs
// that read the CSV.
bool LooksLikeFormula(std::string_view value) {
  if (value.empty()) return false;
  const char first = value.front();
  if (first == '=' || first == '@' || first == '\t' || first == '\r') return true;
  if (first != '+' && first != '-') return false;

  while (!value.empty()) {
    const std::size_t end = value.find(kListSeparator);
    if (!IsPlainNumber(value.substr(0, end))) return true;
    if (end == std::string_view::npos) break;
    value.remove_prefix(end + kListSeparator.size());
  }
  return false;
}

}  // namespace

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "json") return ExportFormat::kJson;
  if (name == "csv") return ExportFormat::kCsv;
  return Error::InvalidArgument(
      "unknown export format \"" + std::string(name) + "\". Use --format json or --format csv.",
      "未知的导出格式 \"" + std::string(name) + "\"。请使用 --format json 或 --format csv。");
}

std::string ExportDirectory(const std::vector<Office>& offices, ExportFormat format) {
  return format == ExportFormat::kCsv ? DirectoryToCsv(offices) : DirectoryToJson(offices);
}

std::span<const std::string_view> CsvColumns() { return kColumns; }

std::string CsvField(std::string_view value) {
  std::string field = LooksLikeFormula(value) ? "'" + std::string(value) : std::string(value);
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;

  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string DirectoryToCsv(const std::vector<Office>& offices) {
  std::vector<const Office*> sorted;
  for (const Office& office : offices) sorted.push_back(&office);
  std::sort(sorted.begin(), sorted.end(),
            [](const Office* a, const Office* b) { return a->id < b->id; });

  std::string csv(kByteOrderMark);
  AppendRow(csv, std::vector<std::string>(kColumns.begin(), kColumns.end()));
  for (const Office* office : sorted) AppendRow(csv, Row(*office));
  return csv;
}

}  // namespace ngodesk
