#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ngodesk/export.h"
#include "ngodesk/jurisdictions.h"

namespace ngodesk {
namespace {

Office Skeleton(std::string_view id) { return MakeOfficeSkeleton(*FindJurisdictionByOfficeId(id)); }

// Splits a CSV document into records of fields, following RFC 4180 (quoted
// fields may contain commas, doubled quotes and line breaks).
std::vector<std::vector<std::string>> ParseCsv(std::string_view text) {
  std::vector<std::vector<std::string>> records(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      records.back().push_back(std::move(field));
      field.clear();
      records.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  if (records.back().empty()) records.pop_back();
  return records;
}

struct FieldCase {
  const char* value;
  const char* expected;
};

TEST(CsvField, QuotesPerRfc4180) {
  const FieldCase cases[] = {
      {"plain", "plain"},
      {"", ""},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\rhere", "\"cr\rhere\""},
      {"南京市扬州路1号", "南京市扬州路1号"},
      {"+862584420000", "+862584420000"},
      {"+862584420000; +862584420001", "+862584420000; +862584420001"},
      {"-", "-"},
      {"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
      {"-2+3", "'-2+3"},
      {"+86 25 8442 0000", "+86 25 8442 0000"},
      {"+86-10-66262114", "'+86-10-66262114"},
      {"-; 12", "-; 12"},
  };
  for (const FieldCase& test : cases) {
    EXPECT_EQ(CsvField(test.value), test.expected) << test.value;
  }
}

TEST(CsvExport, StartsWithBomAndHeader) {
  const std::string csv = DirectoryToCsv({});
  ASSERT_TRUE(csv.starts_with("\xEF\xBB\xBF"));
  EXPECT_TRUE(
      csv.starts_with("\xEF\xBB\xBFid,name_en,name_zh,jurisdiction_kind,jurisdiction_code,"));
  EXPECT_TRUE(csv.ends_with("corrections\r\n"));
}

TEST(CsvExport, OneRowPerOfficeSortedById) {
  const std::string csv =
      DirectoryToCsv({Skeleton("zhejiang"), Skeleton("mps"), Skeleton("anhui")});
  const auto records = ParseCsv(std::string_view(csv).substr(3));
  ASSERT_EQ(records.size(), 4u);
  for (const auto& record : records) EXPECT_EQ(record.size(), CsvColumns().size());
  EXPECT_EQ(records[1][0], "anhui");
  EXPECT_EQ(records[2][0], "mps");
  EXPECT_EQ(records[3][0], "zhejiang");
  EXPECT_EQ(records[2][4], "") << "the Ministry has no GB/T 2260 code";
  EXPECT_EQ(records[3][6], "浙江省");
}

TEST(CsvExport, FlattensListsInPosition) {
  Office office = Skeleton("jiangsu");
  office.addresses = {{{"1 Road, Nanjing", "南京市一路1号"}, "page", ""},
                      {{"Hall \"B\"", "乙厅"}, "", ""}};
  office.phones = {{"025-1*", "+86251", "", "", false, "2017-04-23", "", ""},
                   {"2", "+86252", "", "12", true, "", "", ""},
                   {"call the desk", "", "", "", false, "", "", ""}};
  office.faxes = {{"025-9", "+86259", "", "", false, "", "", ""}};
  office.emails = {"a@example.org", "b@example.org"};
  office.hours.text = "9:00-17:00";
  office.sources = {{"page", "Office list", "2017-04-23", ""}};
  office.corrections = {{"addresses[0].en", "Tianjing", "Tianjin", "misspelt"}};

  const auto records = ParseCsv(std::string_view(DirectoryToCsv({office})).substr(3));
  ASSERT_EQ(records.size(), 2u);
  std::map<std::string, std::string> row;
  for (std::size_t i = 0; i < CsvColumns().size(); ++i)
    row[std::string(CsvColumns()[i])] = records[1][i];

  EXPECT_EQ(row["addresses_en"], "1 Road, Nanjing; Hall \"B\"");
  EXPECT_EQ(row["addresses_zh"], "南京市一路1号; 乙厅");
  EXPECT_EQ(row["addresses_source"], "page; -");
  EXPECT_EQ(row["phones_text"], "025-1*; 2; call the desk");
  EXPECT_EQ(row["phones_e164"], "+86251; +86252; -");
  EXPECT_EQ(row["phones_extension"], "-; 12; -");
  EXPECT_EQ(row["phones_confirmed_on"], "2017-04-23; -; -");
  EXPECT_EQ(row["phones_area_code_inferred"], "no; yes; no");
  EXPECT_EQ(row["fax_e164"], "+86259");
  EXPECT_EQ(row["emails"], "a@example.org; b@example.org");
  EXPECT_EQ(row["hours_text"], "9:00-17:00");
  EXPECT_EQ(row["sources"], "page: Office list (2017-04-23)");
  EXPECT_EQ(row["corrections"], "addresses[0].en: \"Tianjing\" -> \"Tianjin\" (misspelt)");
}

TEST(ExportFormat, ParsesNames) {
  EXPECT_EQ(*ParseExportFormat("json"), ExportFormat::kJson);
  EXPECT_EQ(*ParseExportFormat("csv"), ExportFormat::kCsv);
  Result<ExportFormat> bad = ParseExportFormat("xlsx");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(bad.error().message.find("\"xlsx\""), std::string::npos);
}

TEST(ExportFormat, JsonIsTheDirectoryDocument) {
  const std::string json = ExportDirectory({Skeleton("mps")}, ExportFormat::kJson);
  EXPECT_TRUE(json.starts_with("{\n  \"format\": 1,\n  \"offices\": ["));
}

}  // namespace
}  // namespace ngodesk
