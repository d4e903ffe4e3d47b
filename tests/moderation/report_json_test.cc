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
       ErrorCode::kInvalidArgument, "\"name\" is not part of a report"},
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

TEST(ReportJson, StructuredValuesRejectInvisibleCharacters) {
  struct Case {
    const char* field;
    std::string proposed;
    std::string contact_email;
    const char* code_point;
  };
  const Case cases[] = {
      {"phones", "025\u200b-8678 3863", "", "U+200B"},
      {"fax", "025-8678\u2060 3863", "", "U+2060"},
      {"emails", "\ufeffngo@example.org", "", "U+FEFF"},
      {"websites", "https://example.org/\u202e", "", "U+202E"},
      {"phones", "025-86783863\u200e", "", "U+200E"},
      {"other", "x", "a\u200b@example.org", "U+200B"},
      {"hours", "Mo-Fr 09:00-17:00", "a@example.org\u2066", "U+2066"},
  };
  for (const Case& each : cases) {
    nlohmann::json body = {{"office", "mps"}, {"field", each.field}, {"proposed", each.proposed}};
    if (!each.contact_email.empty()) body["contact_email"] = each.contact_email;
    Result<NewReport> report = ParseReportJson(body.dump());
    ASSERT_FALSE(report.ok()) << each.field << " " << each.proposed;
    EXPECT_EQ(report.error().code, ErrorCode::kInvalidArgument);
    const char* member = each.contact_email.empty() ? "(proposed)" : "(contact_email)";
    EXPECT_NE(report.error().message.find(member), std::string::npos) << report.error().message;
    EXPECT_NE(report.error().message.find(each.code_point), std::string::npos)
        << report.error().message;
    EXPECT_NE(report.error().message_zh.find(each.code_point), std::string::npos)
        << report.error().message_zh;
  }
}

TEST(ReportJson, FreeTextKeepsInvisibleCharacters) {
  const std::string text = "Seen on the site\u200b \u202eon 2026-12-01";
  const char* fields[] = {"addresses", "hours", "other"};
  for (const char* field : fields) {
    nlohmann::json body = {
        {"office", "mps"}, {"field", field}, {"proposed", text}, {"evidence", text}};
    Result<NewReport> report = ParseReportJson(body.dump());
    ASSERT_TRUE(report.ok()) << field << ": " << report.error().message;
    EXPECT_EQ(report->evidence, text);
  }
}

// The web page shows these messages to readers: no CLI commands, the form's
// words for the members, and Chinese without English type names.
TEST(ReportJson, MessagesSpeakToReaders) {
  Result<NewReport> email = ParseReportJson(
      R"({"office": "mps", "field": "other", "proposed": "x", "contact_email": "nobody"})");
  ASSERT_FALSE(email.ok());
  EXPECT_NE(email.error().message.find("the \"contact email\" (contact_email)"), std::string::npos)
      << email.error().message;
  EXPECT_NE(email.error().message_zh.find("“联系邮箱”（contact_email）"), std::string::npos)
      << email.error().message_zh;

  Result<NewReport> array = ParseReportJson(R"(["mps"])");
  ASSERT_FALSE(array.ok());
  EXPECT_NE(array.error().message_zh.find("不是数组"), std::string::npos) << array.error().message_zh;

  Result<NewReport> number =
      ParseReportJson(R"({"office": "mps", "field": "other", "proposed": 5})");
  ASSERT_FALSE(number.ok());
  EXPECT_NE(number.error().message_zh.find("不是数字"), std::string::npos)
      << number.error().message_zh;
  EXPECT_EQ(number.error().message_zh.find("number"), std::string::npos)
      << number.error().message_zh;

  for (const Result<NewReport>* each : {&email, &array, &number}) {
    EXPECT_EQ(each->error().message.find("ngodesk"), std::string::npos) << each->error().message;
    EXPECT_EQ(each->error().message.find("report member"), std::string::npos);
  }
}

TEST(ReportJson, SyntaxErrorsHaveLineAndColumn) {
  Result<NewReport> report = ParseReportJson("{\n  \"office\": mps\n}");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().line, 2);
  EXPECT_GT(report.error().column, 1);
  EXPECT_NE(report.error().message_zh.find("第 2 行"), std::string::npos)
      << report.error().message_zh;
  EXPECT_EQ(report.error().message_zh.find("parse error"), std::string::npos)
      << report.error().message_zh;
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
