#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "moderation_fixture.h"
#include "ngodesk/office_json.h"

namespace ngodesk::testing {
namespace {

namespace fs = std::filesystem;

NewReport PhoneReport(std::string current, std::string proposed) {
  return {"jiangsu", ReportField::kPhones, std::move(current), std::move(proposed),
          "Called the office on 2026-12-01.", "reader@example.org"};
}

TEST_F(ModerationTest, SubmitStoresAnOpenReport) {
  const std::int64_t id = Submit(PhoneReport("025-86783861", "025-86783862"));

  Result<Report> report = moderation_.FindReport(id);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->status, ReportStatus::kOpen);
  EXPECT_EQ(report->received_at, "2026-12-04T08:30:00Z");
  EXPECT_EQ(report->content.contact_email, "reader@example.org");
  EXPECT_EQ(report->closed_at, "");
}

struct SubmitCase {
  const char* name;
  NewReport report;
  ErrorCode code;
  const char* message_part;
};

TEST_F(ModerationTest, SubmitRejectsInvisibleCharacters) {
  Result<std::int64_t> phone = moderation_.SubmitReport(PhoneReport("", "025\u200b-8678 3863"), kNow);
  ASSERT_FALSE(phone.ok());
  EXPECT_NE(phone.error().message.find("U+200B"), std::string::npos) << phone.error().message;
  EXPECT_NE(phone.error().message_zh.find("U+200B"), std::string::npos);

  NewReport email = PhoneReport("", "025-8678 3863");
  email.contact_email = "a\u200b@example.org";
  Result<std::int64_t> contact = moderation_.SubmitReport(email, kNow);
  ASSERT_FALSE(contact.ok());
  EXPECT_NE(contact.error().message.find("contact_email"), std::string::npos);
  EXPECT_NE(contact.error().message.find("U+200B"), std::string::npos);

  // The evidence is free text and keeps them.
  NewReport evidence = PhoneReport("", "025-8678 3863");
  evidence.evidence = "Called\u200b on 2026-12-01 \u202e";
  EXPECT_TRUE(moderation_.SubmitReport(evidence, kNow).ok());
}

TEST_F(ModerationTest, SubmitAcceptsOnlyNumbersInChina) {
  const char* foreign[] = {"+1 212 555 0100", "+852 2860 2860", "+44 20 7946 0018"};
  for (const char* number : foreign) {
    Result<std::int64_t> id = moderation_.SubmitReport(PhoneReport("", number), kNow);
    ASSERT_FALSE(id.ok()) << number;
    EXPECT_NE(id.error().message.find("a telephone number in China"), std::string::npos)
        << id.error().message;
  }
  EXPECT_TRUE(moderation_.SubmitReport(PhoneReport("", "+86 25 8678 3863"), kNow).ok());
  EXPECT_TRUE(moderation_.SubmitReport(PhoneReport("", "138 0013 8000"), kNow).ok());
}

TEST_F(ModerationTest, UnknownOfficeMessageNamesNoCommand) {
  Result<std::int64_t> id =
      moderation_.SubmitReport({"atlantis", ReportField::kOther, "", "x", "", ""}, kNow);
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.error().message.find("ngodesk"), std::string::npos) << id.error().message;
  EXPECT_EQ(id.error().message_zh.find("ngodesk"), std::string::npos) << id.error().message_zh;
}

TEST_F(ModerationTest, SubmitChecksTheOfficeAndTheValues) {
  const SubmitCase cases[] = {
      {"unknown office", {"atlantis", ReportField::kOther, "", "x", "", ""},
       ErrorCode::kNotFound, "no office has the id \"atlantis\""},
      {"phone not published", PhoneReport("025-11111111", "025-86783862"),
       ErrorCode::kInvalidArgument, "do not include \"025-11111111\""},
      {"not a phone number", PhoneReport("025-86783861", "call us"),
       ErrorCode::kInvalidArgument, "\"call us\" is not a telephone number"},
      {"phone added twice", PhoneReport("", "+86 25 8678 3861"), ErrorCode::kInvalidArgument,
       "already include"},
      {"address not published", {"jiangsu", ReportField::kAddresses, "Nowhere", "x", "", ""},
       ErrorCode::kInvalidArgument, "do not include \"Nowhere\""},
      {"bad hours", {"beijing", ReportField::kHours, "", "whenever", "", ""},
       ErrorCode::kInvalidArgument, "opening_hours expression"},
      {"bad email", {"mps", ReportField::kEmails, "", "ngo at mps", "", ""},
       ErrorCode::kInvalidArgument, "not an email address"},
      {"bad website", {"mps", ReportField::kWebsites, "", "javascript:alert(1)", "", ""},
       ErrorCode::kInvalidArgument, "http:// or https://"},
      {"email not published", {"mps", ReportField::kEmails, "a@b.cn", "c@d.cn", "", ""},
       ErrorCode::kInvalidArgument, "do not include"},
      {"empty report", {"mps", ReportField::kOther, "", "", "", ""}, ErrorCode::kInvalidArgument,
       "both empty"},
      {"bad contact email", {"mps", ReportField::kOther, "", "x", "", "nobody"},
       ErrorCode::kInvalidArgument, "contact_email"},
  };
  for (const SubmitCase& bad : cases) {
    Result<std::int64_t> id = moderation_.SubmitReport(bad.report, kNow);
    ASSERT_FALSE(id.ok()) << bad.name;
    EXPECT_EQ(id.error().code, bad.code) << bad.name << ": " << id.error().message;
    EXPECT_NE(id.error().message.find(bad.message_part), std::string::npos)
        << bad.name << ": " << id.error().message;
    EXPECT_FALSE(id.error().message_zh.empty()) << bad.name;
  }
  EXPECT_TRUE(moderation_.ListReports(std::nullopt)->empty());
}

TEST_F(ModerationTest, SubmitMatchesPublishedValuesLoosely) {
  // Trimmed text, the E.164 form, and either side of an address.
  Submit(PhoneReport("  025-86783861 ", "025-86783862"));
  Submit(PhoneReport("+862586783860", "025-86783869"));
  Submit({"jiangsu", ReportField::kAddresses, "南京市鼓楼区湛江路86, 省公安厅出入境接待大厅",
          "南京市鼓楼区湛江路86号", "", ""});
  Submit({"beijing", ReportField::kHours, "Mo-Fr 09:00-17:00; PH off", "Mo-Fr 08:30-17:30",
          "", ""});
  Submit({"beijing", ReportField::kHours, "09:00-17:00", "", "", ""});
  EXPECT_EQ(moderation_.ListReports(ReportStatus::kOpen)->size(), 5u);
}

TEST(ModerationDurability, CommittedReportSurvivesReopening) {
  const fs::path directory = fs::temp_directory_path() / ("ngodesk-durable-" + std::to_string(::getpid()));
  fs::remove_all(directory);
  const std::string path = (directory / "ngodesk.db").string();
  std::int64_t id = 0;
  {
    Store store = OpenSeededStore(path);
    Moderation moderation(store);
    Result<std::int64_t> submitted = moderation.SubmitReport(
        {"mps", ReportField::kOther, "", "The office moved.", "", ""}, kNow);
    ASSERT_TRUE(submitted.ok()) << submitted.error().message;
    id = *submitted;
    EXPECT_EQ(QueryText(store, "PRAGMA synchronous"), "2");  // FULL
  }
  Result<Store> reopened = Store::Open(path);
  ASSERT_TRUE(reopened.ok());
  Moderation moderation(*reopened);
  Result<Report> report = moderation.FindReport(id);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->content.proposed, "The office moved.");
  fs::remove_all(directory);
}

TEST_F(ModerationTest, AcceptReplacesAPhoneNumber) {
  const Change change = SubmitAndAccept(PhoneReport("025-86783861", "025-86783862"));

  EXPECT_EQ(change.office_id, "jiangsu");
  EXPECT_EQ(change.field, ReportField::kPhones);
  EXPECT_EQ(change.old_value, "025-86783861");
  EXPECT_EQ(change.new_value, "025-86783862");
  EXPECT_EQ(change.editor, "li");
  EXPECT_EQ(change.changed_at, "2026-12-04T09:30:00Z");
  const Office office = FindOffice("jiangsu");
  ASSERT_EQ(office.phones.size(), 2u);
  EXPECT_EQ(office.phones[0].text, "025-86783862");
  EXPECT_EQ(office.phones[0].e164, "+862586783862");
  EXPECT_EQ(office.phones[0].source_id, "report-1");
  EXPECT_FALSE(office.phones[0].confirmed());
  EXPECT_EQ(office.sources.back(),
            (Source{"report-1", "Reader report 1, accepted by li", "2026-12-04",
                    "Called the office on 2026-12-01."}));
}

TEST_F(ModerationTest, AcceptAddsAndRemovesPhoneNumbers) {
  SubmitAndAccept(PhoneReport("", "86783870"));  // local: the area code comes from 025
  SubmitAndAccept(PhoneReport("86783860", ""));

  const Office office = FindOffice("jiangsu");
  ASSERT_EQ(office.phones.size(), 2u);
  EXPECT_EQ(office.phones[0].text, "025-86783861");
  EXPECT_EQ(office.phones[1].e164, "+862586783870");
  EXPECT_TRUE(office.phones[1].area_code_inferred);
}

TEST_F(ModerationTest, ReformattedNumberKeepsItsConfirmation) {
  SubmitAndAccept(PhoneReport("86783860", "025-86783860"));

  const Office office = FindOffice("jiangsu");
  EXPECT_EQ(office.phones[1].text, "025-86783860");
  EXPECT_EQ(office.phones[1].confirmed_on, "2017-04-23");
}

TEST_F(ModerationTest, AcceptAddsAFaxNumber) {
  SubmitAndAccept({"jiangsu", ReportField::kFax, "", "025-86783869", "", ""});

  const Office office = FindOffice("jiangsu");
  ASSERT_EQ(office.faxes.size(), 1u);
  EXPECT_EQ(office.faxes[0].e164, "+862586783869");
  EXPECT_EQ(office.phones.size(), 2u);
}

TEST_F(ModerationTest, AcceptAddressReplacesSideByLanguage) {
  const Office before = FindOffice("jiangsu");
  const Change change = SubmitAndAccept({"jiangsu", ReportField::kAddresses,
                                         before.addresses[0].text.en, "南京市鼓楼区湛江路86号",
                                         "", ""});

  const Office office = FindOffice("jiangsu");
  EXPECT_EQ(office.addresses[0].text.zh, "南京市鼓楼区湛江路86号");
  EXPECT_EQ(office.addresses[0].text.en, before.addresses[0].text.en);
  EXPECT_EQ(office.addresses[0].source_id, "report-1");
  EXPECT_EQ(change.old_value, before.addresses[0].text.zh);
  // An address edit does not touch the numbers' confirmation.
  EXPECT_EQ(office.phones, before.phones);
}

TEST_F(ModerationTest, AcceptAddsAndRemovesAddresses) {
  SubmitAndAccept({"mps", ReportField::kAddresses, "", "1 Dongchang'an Street, Beijing", "", ""});
  Office office = FindOffice("mps");
  ASSERT_EQ(office.addresses.size(), 1u);
  EXPECT_EQ(office.addresses[0].text.en, "1 Dongchang'an Street, Beijing");
  EXPECT_EQ(office.addresses[0].text.zh, "");

  SubmitAndAccept({"mps", ReportField::kAddresses, "1 Dongchang'an Street, Beijing", "", "", ""});
  EXPECT_TRUE(FindOffice("mps").addresses.empty());
}

TEST_F(ModerationTest, AcceptTakesHoursAsExpressionOrText) {
  SubmitAndAccept({"beijing", ReportField::kHours, "09:00-17:00", "Mo-Fr 08:30-17:30; PH off",
                   "", ""});
  Office office = FindOffice("beijing");
  EXPECT_EQ(office.hours.expression, "Mo-Fr 08:30-17:30; PH off");
  EXPECT_FALSE(office.hours.assumed);
  EXPECT_EQ(office.hours.source_id, "report-1");

  const Change change = SubmitAndAccept(
      {"beijing", ReportField::kHours, "Mo-Fr 08:30-17:30; PH off", "9:00-12:00", "", ""});
  office = FindOffice("beijing");
  EXPECT_EQ(office.hours.text, "9:00-12:00");
  EXPECT_FALSE(office.hours.expression.empty());
  EXPECT_EQ(change.new_value, office.hours.expression);
}

TEST_F(ModerationTest, AcceptAddsReplacesAndRemovesEmailsAndWebsites) {
  SubmitAndAccept({"mps", ReportField::kEmails, "", "ngo@example.org", "", ""});
  SubmitAndAccept({"mps", ReportField::kEmails, "ngo@example.org", "office@example.org", "", ""});
  SubmitAndAccept({"mps", ReportField::kWebsites, "", "https://ngo.example.org/", "", ""});
  EXPECT_EQ(FindOffice("mps").emails, std::vector<std::string>{"office@example.org"});
  EXPECT_EQ(FindOffice("mps").websites, std::vector<std::string>{"https://ngo.example.org/"});

  SubmitAndAccept({"mps", ReportField::kWebsites, "https://ngo.example.org/", "", "", ""});
  EXPECT_TRUE(FindOffice("mps").websites.empty());
}

TEST_F(ModerationTest, AcceptOfOtherChangesOnlyTheHistory) {
  const Office before = FindOffice("mps");
  const Change change =
      SubmitAndAccept({"mps", ReportField::kOther, "", "Closed on 2026-12-24.", "", ""});

  EXPECT_EQ(FindOffice("mps"), before);
  EXPECT_EQ(change.new_value, "Closed on 2026-12-24.");
  EXPECT_EQ(moderation_.History("mps")->size(), 1u);
}

TEST_F(ModerationTest, AcceptClosesTheReportAndErasesTheEmail) {
  const Change change = SubmitAndAccept(PhoneReport("025-86783861", "025-86783862"));

  Result<Report> report = moderation_.FindReport(*change.report_id);
  EXPECT_EQ(report->status, ReportStatus::kAccepted);
  EXPECT_EQ(report->closed_by, "li");
  EXPECT_EQ(report->closed_at, "2026-12-04T09:30:00Z");
  EXPECT_EQ(report->content.contact_email, "");
  EXPECT_EQ(QueryText(store_, "SELECT count(*) FROM report WHERE contact_email IS NOT NULL"), "0");
}

TEST_F(ModerationTest, StaleReportChangesNothing) {
  const std::int64_t first = Submit(PhoneReport("025-86783861", "025-86783862"));
  const std::int64_t second = Submit(PhoneReport("025-86783861", "025-86783863"));
  ASSERT_TRUE(moderation_.Accept(first, "li", kNow).ok());
  const std::string before = DirectoryToJson(*store_.ListOffices());

  Result<Change> stale = moderation_.Accept(second, "li", kNow);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(stale.error().message.find("do not include \"025-86783861\""), std::string::npos);
  EXPECT_EQ(DirectoryToJson(*store_.ListOffices()), before);
  EXPECT_EQ(moderation_.FindReport(second)->status, ReportStatus::kOpen);
  EXPECT_EQ(moderation_.History("")->size(), 1u);
}

TEST_F(ModerationTest, ClosedReportCannotBeAcceptedAgain) {
  const Change change = SubmitAndAccept({"mps", ReportField::kOther, "", "x", "", ""});

  Result<Change> again = moderation_.Accept(*change.report_id, "li", kNow);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("already accepted"), std::string::npos);
  EXPECT_EQ(moderation_.Accept(999, "li", kNow).error().code, ErrorCode::kNotFound);
}

TEST_F(ModerationTest, RejectKeepsTheReasonAndErasesTheEmail) {
  const std::int64_t id = Submit(PhoneReport("025-86783861", "025-86783862"));

  EXPECT_EQ(moderation_.Reject(id, "li", "  ", kNow).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(moderation_.Reject(id, "li", std::string(1001, 'x'), kNow).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(moderation_.Reject(id, "li", "bell\a", kNow).error().code, ErrorCode::kInvalidArgument);
  ASSERT_TRUE(moderation_.Reject(id, "li", "The number is a fax.", kNow + 2h).ok());

  Result<Report> report = moderation_.FindReport(id);
  EXPECT_EQ(report->status, ReportStatus::kRejected);
  EXPECT_EQ(report->reason, "The number is a fax.");
  EXPECT_EQ(report->closed_at, "2026-12-04T10:30:00Z");
  EXPECT_EQ(report->content.contact_email, "");
  EXPECT_EQ(report->content.proposed, "025-86783862");
  EXPECT_EQ(FindOffice("jiangsu").phones[0].text, "025-86783861");
  EXPECT_FALSE(moderation_.Reject(id, "li", "again", kNow).ok());
}

TEST_F(ModerationTest, ListReportsFiltersByStatusOldestFirst) {
  const std::int64_t a = Submit({"mps", ReportField::kOther, "", "a", "", ""});
  const std::int64_t b = Submit({"mps", ReportField::kOther, "", "b", "", ""});
  const std::int64_t c = Submit({"mps", ReportField::kOther, "", "c", "", ""});
  ASSERT_TRUE(moderation_.Accept(b, "li", kNow).ok());
  ASSERT_TRUE(moderation_.Reject(c, "li", "duplicate", kNow).ok());

  auto ids = [&](std::optional<ReportStatus> status) {
    std::vector<std::int64_t> result;
    const Result<std::vector<Report>> reports = moderation_.ListReports(status);
    for (const Report& report : *reports) result.push_back(report.id);
    return result;
  };
  EXPECT_EQ(ids(ReportStatus::kOpen), std::vector<std::int64_t>{a});
  EXPECT_EQ(ids(ReportStatus::kAccepted), std::vector<std::int64_t>{b});
  EXPECT_EQ(ids(ReportStatus::kRejected), std::vector<std::int64_t>{c});
  EXPECT_EQ(ids(std::nullopt), (std::vector<std::int64_t>{a, b, c}));
}

TEST_F(ModerationTest, HistoryIsNewestFirstAndFeedsFieldChanges) {
  SubmitAndAccept(PhoneReport("025-86783861", "025-86783862"));
  SubmitAndAccept({"jiangsu", ReportField::kOther, "", "note", "", ""});
  SubmitAndAccept(PhoneReport("025-86783862", "025-86783863"));
  SubmitAndAccept({"mps", ReportField::kEmails, "", "ngo@example.org", "", ""});

  Result<std::vector<Change>> history = moderation_.History("jiangsu");
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[0].new_value, "025-86783863");
  EXPECT_EQ((*history)[2].new_value, "025-86783862");
  EXPECT_EQ(moderation_.History("", 2)->size(), 2u);
  EXPECT_EQ(moderation_.History("")->front().office_id, "mps");

  const Office office = FindOffice("jiangsu");
  ASSERT_EQ(office.field_changes.size(), 1u);
  EXPECT_EQ(office.field_changes[0],
            (FieldChange{"phones", "2026-12-04T09:30:00Z", (*history)[0].id}));
  EXPECT_TRUE(FindOffice("beijing").field_changes.empty());
}

}  // namespace
}  // namespace ngodesk::testing
