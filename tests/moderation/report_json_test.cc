#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ngodesk/moderation.h"

namespace ngodesk {
namespace {

TEST(ReportJson, ReadsAllMembers) {
  Result<NewReport> report = ParseReportJson(
      R"({"office": "jiangsu", "field": "phones", "current": "025-86783861",
          "proposed": "025-86783862", "evidence": "Called on 2026-12-01.\nReached.",
          "contact_email": "reader@example.org"})");
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->office_id, "jiangsu");
  EXPECT_EQ(report->field, ReportField::kPhones);
  EXPECT_EQ(report->current, "025-86783861");
  EXPECT_EQ(report->proposed, "025-86783862");
  EXPECT_EQ(report->evidence, "Called on 2026-12-01.\nReached.");
  EXPECT_EQ(report->contact_email, "reader@example.org");
}

TEST(ReportJson, OptionalMembersMayBeLeftOut) {
  Result<NewReport> report =
      ParseReportJson(R"({"office": "mps", "field": "emails", "proposed": "ngo@example.org"})");
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->current, "");
  EXPECT_EQ(report->evidence, "");
  EXPECT_EQ(report->contact_email, "");
}

TEST(ReportJson, ReaderTextIsKeptAsSent) {
  const std::string text = "<script>alert(1)</script> \u202Eevil\u200B \" onmouseover=\"x";
  nlohmann::json body = {{"office", "mps"}, {"field", "other"}, {"proposed", text}};
  Result<NewReport> report = ParseReportJson(body.dump());
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->proposed, text);
}

struct BadCase {
  const char* name;
  std::string json;
  ErrorCode code;
  const char* message_part;
};

TEST(ReportJson, RejectsBadBodies) {
  const std::string long_value(kMaxReportValueBytes + 1, 'x');
  const BadCase cases[] = {
      {"syntax", R"({"office": "mps",)", ErrorCode::kParse, "not valid JSON"},
      {"array", R"(["mps"])", ErrorCode::kInvalidArgument, "must be a JSON object"},
      {"missing office", R"({"field": "phones", "proposed": "1"})", ErrorCode::kInvalidArgument,
       "\"office\" is missing"},
      {"empty office", R"({"office": "", "field": "other", "proposed": "x"})",
       ErrorCode::kInvalidArgument, "\"office\" is empty"},
      {"unknown field", R"({"office": "mps", "field": "fax2", "proposed": "1"})",
       ErrorCode::kInvalidArgument, "\"fax2\" is unknown"},
      {"unknown member", R"({"office": "mps", "field": "other", "proposed": "x", "name": "y"})",
       ErrorCode::kInvalidArgument, "\"name\" is unknown"},
      {"wrong type", R"({"office": "mps", "field": "other", "proposed": 5})",
       ErrorCode::kInvalidArgument, "must be a string, not number"},
      {"duplicate key", R"({"office": "mps", "office": "beijing", "field": "other", "proposed": "x"})",
       ErrorCode::kInvalidArgument, "\"office\" appears twice"},
      {"nothing", R"({"office": "mps", "field": "other", "current": " ", "proposed": ""})",
       ErrorCode::kInvalidArgument, "both empty"},
      {"too long", R"({"office": "mps", "field": "other", "proposed": ")" + long_value + "\"}",
       ErrorCode::kInvalidArgument, "the limit is 1000 bytes"},
      {"control", R"({"office": "mps", "field": "other", "proposed": "a\u0007b"})",
       ErrorCode::kInvalidArgument, "control character"},
      {"newline in value", R"({"office": "mps", "field": "other", "proposed": "a\nb"})",
       ErrorCode::kInvalidArgument, "control character"},
      {"bad email",
       R"({"office": "mps", "field": "other", "proposed": "x", "contact_email": "me at home"})",
       ErrorCode::kInvalidArgument, "not an email address"},
      {"invalid UTF-8", "{\"office\": \"mps\", \"field\": \"other\", \"proposed\": \"\xC3\x28\"}",
       ErrorCode::kParse, "not valid JSON"},
  };
  for (const BadCase& bad : cases) {
    Result<NewReport> report = ParseReportJson(bad.json);
    ASSERT_FALSE(report.ok()) << bad.name;
    EXPECT_EQ(report.error().code, bad.code) << bad.name << ": " << report.error().message;
    EXPECT_NE(report.error().message.find(bad.message_part), std::string::npos)
        << bad.name << ": " << report.error().message;
    EXPECT_FALSE(report.error().message_zh.empty()) << bad.name;
  }
}

TEST(ReportJson, SyntaxErrorsHaveLineAndColumn) {
  Result<NewReport> report = ParseReportJson("{\n  \"office\": mps\n}");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().line, 2);
  EXPECT_GT(report.error().column, 1);
}

TEST(ReportJson, EnumNamesRoundTrip) {
  for (std::string_view name : {"phones", "fax", "addresses", "hours", "emails", "websites", "other"}) {
    EXPECT_EQ(ReportFieldName(*ParseReportField(name)), name);
  }
  for (std::string_view name : {"open", "accepted", "rejected"}) {
    EXPECT_EQ(ReportStatusName(*ParseReportStatus(name)), name);
  }
  for (std::string_view name : {"reached", "no-answer", "wrong-number", "disconnected"}) {
    EXPECT_EQ(CallOutcomeName(*ParseCallOutcome(name)), name);
  }
  EXPECT_FALSE(ParseReportField("Phones"));
  EXPECT_FALSE(ParseCallOutcome("busy"));
}

}  // namespace
}  // namespace ngodesk
