#include "ngodesk/office_json.h"

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "ngodesk/jurisdictions.h"

namespace ngodesk {
namespace {

// An office with every field set, the hard ones included: an inferred area
// code, a fax, hours with an assumption, a correction.
Office FullOffice() {
  Office office = MakeOfficeSkeleton(*FindJurisdictionByOfficeId("jiangsu"));
  office.addresses = {{{"No. 1 Yangzhou Road, Nanjing", "南京市扬州路1号（公安厅（东楼））"},
                       "page",
                       "main building"}};
  office.phones = {
      {"025-84420000*", "+862584420000", "025 8442 0000", "", false, "2017-04-23", "", "page"},
      {"84420001", "+862584420001", "025 8442 0001", "", true, "", "", "page"},
      {"025-84420002 ext. 12", "+862584420002", "025 8442 0002", "12", false, "", "", "page"},
  };
  office.faxes = {{"025-84420009", "+862584420009", "025 8442 0009", "", false, "", "", "page"}};
  office.emails = {"ngo@example.org"};
  office.websites = {"http://www.example.org/ngo"};
  office.hours.text = "周一至周五 9:00-12:00, 13:30-17:30";
  office.hours.expression = "Mo-Fr 09:00-12:00,13:30-17:30";
  office.hours.assumed = true;
  office.hours.assumption = {"Public holidays closed", "法定节假日不办公"};
  office.hours.source_id = "page";
  office.sources = {{"page", "Overseas NGO office list", "2017-04-23", "\"quoted\" note"}};
  office.corrections = {{"addresses[0].en", "Tianjing", "Tianjin", "misspelt city name"}};
  office.phones[1].last_failed_call_on = "2026-11-20";
  office.field_changes = {{"phones", "2026-12-04T08:30:00Z", 7}};
  return office;
}

// Describes the first line where two texts differ, so that a mismatch of a
// large golden file prints one readable line pair instead of both texts.
std::string FirstDifference(const std::string& expected, const std::string& actual) {
  std::stringstream expected_stream(expected);
  std::stringstream actual_stream(actual);
  std::string expected_line;
  std::string actual_line;
  for (int line = 1;; ++line) {
    const bool has_expected = static_cast<bool>(std::getline(expected_stream, expected_line));
    const bool has_actual = static_cast<bool>(std::getline(actual_stream, actual_line));
    if (!has_expected && !has_actual) return "texts are equal";
    if (!has_expected || !has_actual || expected_line != actual_line) {
      return "first difference at line " + std::to_string(line) +
             "\n  expected: " + (has_expected ? expected_line : "<end of text>") +
             "\n  actual:   " + (has_actual ? actual_line : "<end of text>");
    }
  }
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST(OfficeJson, RoundTripsEveryField) {
  const Office office = FullOffice();
  Result<Office> parsed = OfficeFromJson(OfficeToJson(office));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(*parsed, office);
}

TEST(OfficeJson, RoundTripsSkeletonsOfAllOffices) {
  for (const JurisdictionEntry& entry : Jurisdictions()) {
    const Office office = MakeOfficeSkeleton(entry);
    Result<Office> parsed = OfficeFromJson(OfficeToJson(office));
    ASSERT_TRUE(parsed.ok()) << entry.office_id << ": " << parsed.error().message;
    EXPECT_EQ(*parsed, office) << entry.office_id;
  }
}

TEST(OfficeJson, WritesExportFields) {
  const nlohmann::ordered_json json = OfficeToJson(FullOffice());
  EXPECT_EQ(json["id"], "jiangsu");
  EXPECT_EQ(json["jurisdiction"]["code"], "320000");
  EXPECT_EQ(json["jurisdiction"]["kind"], "province");
  EXPECT_EQ(json["addresses"][0]["zh"], "南京市扬州路1号（公安厅（东楼））");
  EXPECT_EQ(json["addresses"][0]["source"], "page");
  EXPECT_EQ(json["phones"][0]["e164"], "+862584420000");
  EXPECT_EQ(json["phones"][0]["confirmed"], true);
  EXPECT_EQ(json["phones"][1]["confirmed"], false);
  EXPECT_TRUE(json["phones"][1]["confirmed_on"].is_null());
  EXPECT_EQ(json["phones"][1]["area_code_inferred"], true);
  EXPECT_EQ(json["phones"][1]["last_failed_call_on"], "2026-11-20");
  EXPECT_TRUE(json["phones"][0]["last_failed_call_on"].is_null());
  EXPECT_EQ(json["field_changes"][0]["field"], "phones");
  EXPECT_EQ(json["field_changes"][0]["changed_at"], "2026-12-04T08:30:00Z");
  EXPECT_EQ(json["field_changes"][0]["change_id"], 7);
  EXPECT_EQ(json["phones"][2]["extension"], "12");
  EXPECT_EQ(json["fax"][0]["e164"], "+862584420009");
  EXPECT_EQ(json["hours"]["assumed"], true);
}

TEST(OfficeJson, WritesNullForMissingValues) {
  const nlohmann::ordered_json json =
      OfficeToJson(MakeOfficeSkeleton(*FindJurisdictionByOfficeId("mps")));
  EXPECT_TRUE(json["jurisdiction"]["code"].is_null());
  EXPECT_EQ(json["jurisdiction"]["kind"], "national");
  EXPECT_TRUE(json["hours"]["text"].is_null());
  EXPECT_TRUE(json["hours"]["expression"].is_null());
  EXPECT_TRUE(json["phones"].is_array());
  EXPECT_TRUE(json["fax"].is_array());
}

TEST(OfficeJson, BingtuanHasNoCode) {
  const nlohmann::ordered_json json =
      OfficeToJson(MakeOfficeSkeleton(*FindJurisdictionByOfficeId("xinjiang-bingtuan")));
  EXPECT_TRUE(json["jurisdiction"]["code"].is_null());
  EXPECT_EQ(json["jurisdiction"]["kind"], "bingtuan");
}

TEST(DirectoryJson, SortsByIdAndEndsWithNewline) {
  Office b = FullOffice();
  Office a = MakeOfficeSkeleton(*FindJurisdictionByOfficeId("anhui"));
  const std::string text = DirectoryToJson({b, a});

  EXPECT_TRUE(
      text.starts_with("{\n  \"format\": 1,\n  \"offices\": [\n    {\n      \"id\": \"anhui\""));
  EXPECT_TRUE(text.ends_with("}\n"));
  EXPECT_NE(text.find("南京市扬州路1号"), std::string::npos) << "Chinese must not be escaped";

  Result<std::vector<Office>> parsed = DirectoryFromJson(text);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_EQ(parsed->size(), 2u);
  EXPECT_EQ((*parsed)[0], a);
  EXPECT_EQ((*parsed)[1], b);
  EXPECT_EQ(DirectoryToJson(*parsed), text);
}

TEST(DirectoryJson, BundledFileIsCanonical) {
  // The bundled file is reviewed in diffs, so it must be exactly what
  // DirectoryToJson writes for its own content.
  const std::string text = ReadFile(NGODESK_SOURCE_DIR "/data/offices.json");
  Result<std::vector<Office>> offices = DirectoryFromJson(text);
  ASSERT_TRUE(offices.ok()) << offices.error().message;
  EXPECT_EQ(offices->size(), 33u);
  const std::string canonical = DirectoryToJson(*offices);
  EXPECT_TRUE(canonical == text) << "data/offices.json is not in canonical form; write it with "
                                    "DirectoryToJson. "
                                 << FirstDifference(canonical, text);
}

struct BadDocument {
  const char* name;
  const char* json;
  const char* expected_message;  // a substring of the English message
};

class DirectoryJsonErrors : public testing::TestWithParam<BadDocument> {};

TEST_P(DirectoryJsonErrors, NamesPointerAndValue) {
  Result<std::vector<Office>> parsed = DirectoryFromJson(GetParam().json);
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find(GetParam().expected_message), std::string::npos)
      << parsed.error().message;
  EXPECT_FALSE(parsed.error().message_zh.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DirectoryJsonErrors,
    testing::Values(
        BadDocument{"NotAnObject", "[]", "/: expected an object, found []"},
        BadDocument{"MissingFormat", R"({"offices":[]})",
                    "/format: expected an integer, found null"},
        BadDocument{"NewerFormat", R"({"format":2,"offices":[]})",
                    "directory format 2 is not supported"},
        BadDocument{"UnknownTopKey", R"({"format":1,"offices":[],"extra":1})",
                    "/extra: unknown field"},
        BadDocument{"IdNotString", R"({"format":1,"offices":[{"id":7}]})",
                    "/offices/0/id: expected a string, found 7"},
        BadDocument{"MissingJurisdiction", R"({"format":1,"offices":[{"id":"x"}]})",
                    "/offices/0/jurisdiction: expected an object, found null"},
        BadDocument{"BadKind",
                    R"({"format":1,"offices":[{"id":"x","jurisdiction":{"kind":"county"}}]})",
                    "/offices/0/jurisdiction/kind: expected \"national\", \"province\" or "
                    "\"bingtuan\", found \"county\""},
        BadDocument{
            "BadCode",
            R"({"format":1,"offices":[{"id":"x","jurisdiction":{"kind":"province","code":"32"}}]})",
            "/offices/0/jurisdiction/code: expected a 6-digit GB/T 2260 code or null, found "
            "\"32\""},
        BadDocument{
            "PhoneE164Number",
            R"({"format":1,"offices":[{"id":"x","jurisdiction":{"kind":"national"},"phones":[{"text":"1","e164":42}]}]})",
            "/offices/0/phones/0/e164: expected a string or null, found 42"},
        BadDocument{
            "ConfirmedWithoutDate",
            R"({"format":1,"offices":[{"id":"x","jurisdiction":{"kind":"national"},"phones":[{"text":"1","confirmed":true}]}]})",
            "/offices/0/phones/0/confirmed: must be true exactly when confirmed_on is a date"},
        BadDocument{
            "BadDate",
            R"({"format":1,"offices":[{"id":"x","jurisdiction":{"kind":"national"},"fax":[{"text":"1","confirmed_on":"23/04/2017"}]}]})",
            "/offices/0/fax/0/confirmed_on: expected a date YYYY-MM-DD or null, found "
            "\"23/04/2017\""},
        BadDocument{
            "UnknownOfficeKey",
            R"({"format":1,"offices":[{"id":"x","jurisdiction":{"kind":"national"},"phone":[]}]})",
            "/offices/0/phone: unknown field"},
        BadDocument{
            "DuplicateId",
            R"({"format":1,"offices":[{"id":"x","jurisdiction":{"kind":"national"}},{"id":"x","jurisdiction":{"kind":"national"}}]})",
            "/offices/1/id: duplicate office id \"x\""},
        BadDocument{
            "BadFailedCallDate",
            R"({"format":1,"offices":[{"id":"x","jurisdiction":{"kind":"national"},"phones":[{"text":"1","last_failed_call_on":"soon"}]}]})",
            "/offices/0/phones/0/last_failed_call_on: expected a date YYYY-MM-DD or null"},
        BadDocument{
            "FieldChangeIdText",
            R"({"format":1,"offices":[{"id":"x","jurisdiction":{"kind":"national"},"field_changes":[{"field":"phones","changed_at":"2026-12-04T08:30:00Z","change_id":"7"}]}]})",
            "/offices/0/field_changes/0/change_id: expected an integer, found \"7\""},
        BadDocument{
            "HoursTextNumber",
            R"({"format":1,"offices":[{"id":"x","jurisdiction":{"kind":"national"},"hours":{"text":9}}]})",
            "/offices/0/hours/text: expected a string or null, found 9"}),
    [](const testing::TestParamInfo<BadDocument>& info) { return info.param.name; });

TEST(DirectoryJson, SyntaxErrorHasLineAndColumn) {
  Result<std::vector<Office>> parsed =
      DirectoryFromJson("{\n  \"format\": 1,\n  \"offices\": [,]\n}\n");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().code, ErrorCode::kParse);
  EXPECT_EQ(parsed.error().line, 3);
  EXPECT_EQ(parsed.error().column, 15);  // the comma
}

TEST(DirectoryJson, NumberOverflowIsAnError) {
  Result<std::vector<Office>> parsed = DirectoryFromJson(R"({"format":1,"offices":[],"x":-1e999})");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().code, ErrorCode::kParse);
  EXPECT_NE(parsed.error().message.find("number overflow"), std::string::npos) << parsed.error().message;
}

TEST(DirectoryJson, HugeFormatIsNotTruncated) {
  // 2^32 + 1 would read as 1 if narrowed to int.
  Result<std::vector<Office>> parsed = DirectoryFromJson(R"({"format":4294967297,"offices":[]})");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().code, ErrorCode::kUnsupported);
}

TEST(DirectoryJson, EmptyInputIsAnError) {
  Result<std::vector<Office>> parsed = DirectoryFromJson("");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().code, ErrorCode::kParse);
}

}  // namespace
}  // namespace ngodesk
