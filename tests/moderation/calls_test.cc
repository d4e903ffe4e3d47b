#include <string>

#include <gtest/gtest.h>

#include "moderation_fixture.h"
#include "ngodesk/export.h"

namespace ngodesk::testing {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

const sys_days kToday = std::chrono::floor<days>(kNow);

Call JiangsuCall(std::string phone, CallOutcome outcome, std::string date) {
  Call call;
  call.office_id = "jiangsu";
  call.phone = std::move(phone);
  call.outcome = outcome;
  call.date = std::move(date);
  call.caller = "li";
  return call;
}

TEST_F(ModerationTest, SeedingRecordsThePageCalls) {
  EXPECT_EQ(QueryText(store_, "SELECT count(*) FROM phone_call"),
            QueryText(store_, "SELECT count(*) FROM office_phone WHERE confirmed_on IS NOT NULL"));
  EXPECT_EQ(QueryText(store_, "SELECT count(*) FROM phone_call WHERE caller <> 'page' "
                              "OR outcome <> 'reached' OR date <> '2017-04-23' "
                              "OR source_id <> 'page-2017-04-23'"),
            "0");

  Result<std::vector<Call>> calls = moderation_.Calls("jiangsu");
  ASSERT_EQ(calls->size(), 1u);
  EXPECT_EQ((*calls)[0].phone, "+862586783860");
  EXPECT_EQ((*calls)[0].caller, "page");
}

TEST_F(ModerationTest, CallsSetConfirmedAndPossiblyOutOfDate) {
  auto number = [&] { return FindOffice("jiangsu").phones[0]; };
  EXPECT_FALSE(number().confirmed());

  ASSERT_TRUE(moderation_.RecordCall(JiangsuCall("025-86783861", CallOutcome::kReached, "2026-11-02")).ok());
  EXPECT_EQ(number().confirmed_on, "2026-11-02");
  EXPECT_FALSE(number().possibly_out_of_date());

  ASSERT_TRUE(moderation_.RecordCall(JiangsuCall("+862586783861", CallOutcome::kNoAnswer, "2026-11-20")).ok());
  EXPECT_EQ(number().confirmed_on, "2026-11-02");
  EXPECT_EQ(number().last_failed_call_on, "2026-11-20");
  EXPECT_TRUE(number().possibly_out_of_date());

  ASSERT_TRUE(moderation_.RecordCall(JiangsuCall("025 8678 3861", CallOutcome::kReached, "2026-12-01")).ok());
  EXPECT_EQ(number().confirmed_on, "2026-12-01");
  EXPECT_FALSE(number().possibly_out_of_date());
}

TEST_F(ModerationTest, RecordCallOlderDateKeepsNewerFailure) {
  ASSERT_TRUE(moderation_.RecordCall(JiangsuCall("86783860", CallOutcome::kDisconnected, "2026-12-01")).ok());
  ASSERT_TRUE(moderation_.RecordCall(JiangsuCall("86783860", CallOutcome::kReached, "2025-01-01")).ok());

  const PhoneNumber number = FindOffice("jiangsu").phones[1];
  EXPECT_EQ(number.confirmed_on, "2025-01-01");
  EXPECT_EQ(number.last_failed_call_on, "2026-12-01");
}

TEST_F(ModerationTest, RecordCallChecksOfficeNumberAndDate) {
  Call call = JiangsuCall("025-11111111", CallOutcome::kReached, "2026-12-01");
  Result<Call> unknown_number = moderation_.RecordCall(call);
  ASSERT_FALSE(unknown_number.ok());
  EXPECT_EQ(unknown_number.error().code, ErrorCode::kNotFound);
  EXPECT_NE(unknown_number.error().message.find("025-86783861"), std::string::npos);

  call.office_id = "atlantis";
  EXPECT_EQ(moderation_.RecordCall(call).error().code, ErrorCode::kNotFound);

  for (const char* date : {"2026-02-30", "2026-1-01", "yesterday", ""}) {
    Result<Call> bad = moderation_.RecordCall(JiangsuCall("86783860", CallOutcome::kReached, date));
    ASSERT_FALSE(bad.ok()) << date;
    EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument) << date;
  }
  EXPECT_EQ(moderation_.Calls("jiangsu")->size(), 1u);
}

TEST_F(ModerationTest, CallsAreListedNewestFirst) {
  ASSERT_TRUE(moderation_.RecordCall(JiangsuCall("86783860", CallOutcome::kNoAnswer, "2026-11-01")).ok());
  Call noted = JiangsuCall("86783860", CallOutcome::kReached, "2026-11-03");
  noted.note = "Spoke to the duty officer.";
  Result<Call> recorded = moderation_.RecordCall(noted);
  ASSERT_TRUE(recorded.ok());
  EXPECT_GT(recorded->id, 0);
  EXPECT_EQ(recorded->phone, "+862586783860");

  Result<std::vector<Call>> calls = moderation_.Calls("jiangsu");
  ASSERT_EQ(calls->size(), 3u);
  EXPECT_EQ((*calls)[0].date, "2026-11-03");
  EXPECT_EQ((*calls)[0].note, "Spoke to the duty officer.");
  EXPECT_EQ((*calls)[1].outcome, CallOutcome::kNoAnswer);
  EXPECT_EQ((*calls)[2].caller, "page");
}

TEST_F(ModerationTest, NeverConfirmedNumbersAreDueFirst) {
  Result<std::vector<DueCall>> due = moderation_.CallsDue(days(180), kToday);
  ASSERT_TRUE(due.ok()) << due.error().message;

  std::size_t never_called = 0;
  while (never_called < due->size() && !(*due)[never_called].latest) ++never_called;
  EXPECT_GE(never_called, 20u);
  EXPECT_LE(never_called, 30u);
  for (std::size_t i = never_called; i < due->size(); ++i) {
    ASSERT_TRUE((*due)[i].latest) << i;
    EXPECT_EQ((*due)[i].latest->date, "2017-04-23");
  }
  const std::string total = QueryText(store_, "SELECT count(*) FROM office_phone WHERE kind = 'phone'");
  EXPECT_EQ(std::to_string(due->size()), total);
  EXPECT_EQ(due->front().hours, FindOffice(due->front().office_id).hours);
}

TEST_F(ModerationTest, RecentlyConfirmedNumbersAreNotDue) {
  ASSERT_TRUE(moderation_.RecordCall(JiangsuCall("86783860", CallOutcome::kReached, "2026-12-01")).ok());
  ASSERT_TRUE(moderation_.RecordCall(JiangsuCall("025-86783861", CallOutcome::kNoAnswer, "2026-12-01")).ok());

  Result<std::vector<DueCall>> due = moderation_.CallsDue(days(180), kToday);
  bool reached_is_due = false;
  const DueCall* failed = nullptr;
  for (const DueCall& entry : *due) {
    if (entry.phone.e164 == "+862586783860") reached_is_due = true;
    if (entry.phone.e164 == "+862586783861") failed = &entry;
  }
  EXPECT_FALSE(reached_is_due);
  ASSERT_NE(failed, nullptr);
  EXPECT_EQ(failed->latest->outcome, CallOutcome::kNoAnswer);
  EXPECT_TRUE(failed->phone.possibly_out_of_date());

  // Ten years back reaches past the page's date, so only numbers never reached are due.
  const Result<std::vector<DueCall>> never_reached = moderation_.CallsDue(days(3650), kToday);
  for (const DueCall& entry : *never_reached) EXPECT_FALSE(entry.phone.confirmed()) << entry.phone.text;
  EXPECT_LT(never_reached->size(), due->size());
}

TEST_F(ModerationTest, FailedCallAfterRecentSuccessIsDue) {
  ASSERT_TRUE(moderation_.RecordCall(JiangsuCall("86783860", CallOutcome::kReached, "2026-11-30")).ok());
  ASSERT_TRUE(moderation_.RecordCall(JiangsuCall("86783860", CallOutcome::kNoAnswer, "2026-12-01")).ok());

  Result<std::vector<DueCall>> due = moderation_.CallsDue(days(180), kToday);
  ASSERT_TRUE(due.ok()) << due.error().message;
  const DueCall* entry = nullptr;
  for (const DueCall& each : *due) {
    if (each.phone.e164 == "+862586783860") entry = &each;
  }
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->phone.confirmed_on, "2026-11-30");
  EXPECT_EQ(entry->phone.last_failed_call_on, "2026-12-01");
  EXPECT_EQ(entry->latest->outcome, CallOutcome::kNoAnswer);
}

TEST_F(ModerationTest, CallerNameRejectsInvisibleCharacters) {
  for (const char* caller : {"li\u200b", "\u202eli", "li\ufeff", "li\x7f"}) {
    Call call = JiangsuCall("86783860", CallOutcome::kReached, "2026-12-01");
    call.caller = caller;
    Result<Call> recorded = moderation_.RecordCall(call);
    ASSERT_FALSE(recorded.ok()) << caller;
    EXPECT_EQ(recorded.error().code, ErrorCode::kInvalidArgument);
  }
  EXPECT_NE(FindOffice("jiangsu").phones[1].confirmed_on, "2026-12-01");
}

// Calls of one day are ordered as they were recorded.
TEST_F(ModerationTest, SameDayFailureAfterSuccessIsDue) {
  ASSERT_TRUE(moderation_.RecordCall(JiangsuCall("86783860", CallOutcome::kReached, "2026-12-01")).ok());
  ASSERT_TRUE(moderation_.RecordCall(JiangsuCall("86783860", CallOutcome::kWrongNumber, "2026-12-01")).ok());

  const PhoneNumber number = FindOffice("jiangsu").phones[1];
  EXPECT_EQ(number.confirmed_on, "2026-12-01");
  EXPECT_EQ(number.last_failed_call_on, "2026-12-01");
  EXPECT_TRUE(number.possibly_out_of_date());

  Result<std::vector<DueCall>> due = moderation_.CallsDue(days(180), kToday);
  ASSERT_TRUE(due.ok()) << due.error().message;
  const DueCall* entry = nullptr;
  for (const DueCall& each : *due) {
    if (each.phone.e164 == "+862586783860") entry = &each;
  }
  ASSERT_NE(entry, nullptr);
  ASSERT_TRUE(entry->latest.has_value());
  EXPECT_EQ(entry->latest->outcome, CallOutcome::kWrongNumber);
}

TEST_F(ModerationTest, SameDaySuccessAfterFailureConfirms) {
  ASSERT_TRUE(moderation_.RecordCall(JiangsuCall("86783860", CallOutcome::kNoAnswer, "2026-12-01")).ok());
  ASSERT_TRUE(moderation_.RecordCall(JiangsuCall("86783860", CallOutcome::kReached, "2026-12-01")).ok());

  const PhoneNumber number = FindOffice("jiangsu").phones[1];
  EXPECT_EQ(number.confirmed_on, "2026-12-01");
  EXPECT_FALSE(number.possibly_out_of_date());

  Result<std::vector<DueCall>> due = moderation_.CallsDue(days(180), kToday);
  ASSERT_TRUE(due.ok()) << due.error().message;
  for (const DueCall& each : *due) EXPECT_NE(each.phone.e164, "+862586783860");
}

TEST_F(ModerationTest, ReimportKeepsSameDayFailure) {
  ASSERT_TRUE(moderation_.RecordCall(JiangsuCall("86783860", CallOutcome::kReached, "2026-12-01")).ok());
  ASSERT_TRUE(moderation_.RecordCall(JiangsuCall("86783860", CallOutcome::kWrongNumber, "2026-12-01")).ok());

  ASSERT_TRUE(store_.ReplaceOffices(*BundledDirectory()).ok());

  const PhoneNumber number = FindOffice("jiangsu").phones[1];
  EXPECT_EQ(number.confirmed_on, "2026-12-01");
  EXPECT_EQ(number.last_failed_call_on, "2026-12-01");
}

TEST_F(ModerationTest, ReimportKeepsLaterCallsAndAddsNoDuplicates) {
  const std::string page_calls = QueryText(store_, "SELECT count(*) FROM phone_call");
  ASSERT_TRUE(moderation_.RecordCall(JiangsuCall("025-86783861", CallOutcome::kReached, "2026-12-01")).ok());

  ASSERT_TRUE(store_.ReplaceOffices(*BundledDirectory()).ok());

  EXPECT_EQ(FindOffice("jiangsu").phones[0].confirmed_on, "2026-12-01");
  EXPECT_EQ(QueryText(store_, "SELECT count(*) FROM phone_call WHERE caller = 'page'"), page_calls);
}

TEST_F(ModerationTest, ContactEmailIsNeverExported) {
  const std::int64_t kept = Submit({"mps", ReportField::kEmails, "", "ngo@example.org",
                                    "Seen on the ministry's site.", "reader-one@example.net"});
  Submit({"mps", ReportField::kOther, "", "note", "", "reader-two@example.net"});
  ASSERT_TRUE(moderation_.Accept(kept, "li", kNow).ok());

  const std::vector<Office> offices = *store_.ListOffices();
  for (ExportFormat format : {ExportFormat::kJson, ExportFormat::kCsv}) {
    const std::string exported = ExportDirectory(offices, format);
    EXPECT_EQ(exported.find("reader-one"), std::string::npos);
    EXPECT_EQ(exported.find("reader-two"), std::string::npos);
    EXPECT_NE(exported.find("ngo@example.org"), std::string::npos);
  }
}

}  // namespace
}  // namespace ngodesk::testing
