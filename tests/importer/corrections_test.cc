#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ngodesk/checks.h"
#include "ngodesk/jurisdictions.h"
#include "ngodesk/page_importer.h"

namespace ngodesk {
namespace {

std::vector<Office> TianjinOffice() {
  Office office = MakeOfficeSkeleton(*FindJurisdictionByOfficeId("tianjin"));
  office.addresses.push_back(
      {{"Tianjing city, Binhai New District", "天津市滨海新区"}, "page", ""});
  office.hours.text = "09:00-17:00";
  return {office};
}

std::string OneCorrection(const std::string& field, const std::string& published,
                          const std::string& corrected,
                          const std::string& reason = "misspelt city name") {
  return R"({"corrections": [{"office": "tianjin", "field": ")" + field + R"(", "published": ")" +
         published + R"(", "corrected": ")" + corrected + R"(", "reason": ")" + reason + R"("}]})";
}

TEST(CorrectionsTest, AppliedAndRecorded) {
  std::vector<Office> offices = TianjinOffice();
  const Status status = ApplyCorrections(
      offices, OneCorrection("addresses[0].en", "Tianjing city, Binhai New District",
                             "Tianjin city, Binhai New District"));
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(offices[0].addresses[0].text.en, "Tianjin city, Binhai New District");
  ASSERT_EQ(offices[0].corrections.size(), 1u);
  EXPECT_EQ(offices[0].corrections[0].field, "addresses[0].en");
  EXPECT_EQ(offices[0].corrections[0].published, "Tianjing city, Binhai New District");
  EXPECT_EQ(offices[0].corrections[0].reason, "misspelt city name");
  EXPECT_TRUE(CheckOffices(offices).empty());
}

TEST(CorrectionsTest, HoursCorrectionKeepsSource) {
  std::vector<Office> offices = TianjinOffice();
  offices[0].hours.source_id = "page";
  ASSERT_TRUE(
      ApplyCorrections(offices, OneCorrection("hours.text", "09:00-17:00", "09:00-16:00")).ok());
  EXPECT_EQ(offices[0].hours.text, "09:00-16:00");
  EXPECT_EQ(offices[0].hours.source_id, "page");
}

TEST(CorrectionsTest, StalePublishedValueRejected) {
  std::vector<Office> offices = TianjinOffice();
  const Status status =
      ApplyCorrections(offices, OneCorrection("addresses[0].en", "Tianjing city", "Tianjin city"));
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("Tianjing city, Binhai New District"), std::string::npos);
  EXPECT_EQ(offices[0].addresses[0].text.en, "Tianjing city, Binhai New District");
  EXPECT_TRUE(offices[0].corrections.empty());
}

TEST(CorrectionsTest, UnknownFieldRejected) {
  std::vector<Office> offices = TianjinOffice();
  const Status status = ApplyCorrections(offices, OneCorrection("addresses[3].en", "x", "y"));
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("addresses[3].en"), std::string::npos);
}

TEST(CorrectionsTest, ReasonRequired) {
  std::vector<Office> offices = TianjinOffice();
  EXPECT_FALSE(ApplyCorrections(
                   offices, OneCorrection("addresses[0].en", "Tianjing city, Binhai New District",
                                          "Tianjin city, Binhai New District", ""))
                   .ok());
}

TEST(CorrectionsTest, InvalidJsonRejected) {
  std::vector<Office> offices = TianjinOffice();
  const Status status = ApplyCorrections(offices, "{\"corrections\": [");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
}

TEST(CorrectionsTest, UnknownOfficeRejected) {
  std::vector<Office> offices = TianjinOffice();
  const Status status = ApplyCorrections(
      offices,
      R"({"corrections": [{"office": "atlantis", "field": "hours.text", "published": "", "corrected": "",
                 "reason": "r"}]})");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("atlantis"), std::string::npos);
}

}  // namespace
}  // namespace ngodesk
