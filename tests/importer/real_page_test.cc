// The whole published page, read from the copy next to the source tree, and
// the fixture made of its entry lines.
#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "ngodesk/page_importer.h"

namespace ngodesk {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

struct Totals {
  std::size_t offices = 0;
  std::size_t phones = 0;
  std::size_t faxes = 0;
  std::size_t confirmed = 0;
};

Totals Count(const PageImport& page) {
  Totals totals;
  totals.offices = page.offices.size();
  for (const Office& office : page.offices) {
    totals.phones += office.phones.size();
    totals.faxes += office.faxes.size();
    totals.confirmed += static_cast<std::size_t>(
        std::count_if(office.phones.begin(), office.phones.end(),
                      [](const PhoneNumber& phone) { return phone.confirmed(); }));
  }
  return totals;
}

const Office* Find(const PageImport& page, std::string_view id) {
  for (const Office& office : page.offices) {
    if (office.id == id) return &office;
  }
  return nullptr;
}

class RealPageTest : public testing::Test {
 protected:
  void SetUp() override {
    const std::string text = ReadFile("../shared/seed/ngo-offices-2017-04-23.txt");
    if (text.empty()) GTEST_SKIP() << "published page not found next to the source tree";
    page_ = ParsePage(text);
  }

  PageImport page_;
};

TEST_F(RealPageTest, ParsesWithoutErrors) {
  for (const Error& error : page_.errors)
    ADD_FAILURE() << error.line << ":" << error.column << " " << error.message;
  EXPECT_TRUE(page_.warnings.empty());
}

TEST_F(RealPageTest, Counts) {
  const Totals totals = Count(page_);
  EXPECT_EQ(totals.offices, 33u);
  EXPECT_EQ(totals.phones, 41u);
  EXPECT_EQ(totals.faxes, 1u);
  EXPECT_EQ(totals.confirmed, 15u);
}

TEST_F(RealPageTest, DateAndSourceFromPage) {
  EXPECT_EQ(page_.source.date, "2017-04-23");
  EXPECT_EQ(page_.source.id, "page-2017-04-23");
  EXPECT_EQ(page_.source.title,
            "Where Can My NGO Find Contact Information for Public Security NGO Offices to Register "
            "or Report a "
            "Temporary Activity?");
}

TEST_F(RealPageTest, EveryNumberNormalised) {
  for (const Office& office : page_.offices) {
    for (const PhoneNumber& phone : office.phones) {
      EXPECT_TRUE(phone.e164.starts_with("+86")) << office.id << " " << phone.text;
    }
  }
}

TEST_F(RealPageTest, EveryOfficeFound) {
  // The offices of the entries without heading, inferred from their addresses.
  const char* const expected[] = {"anhui",        "beijing",  "chongqing", "fujian",  "gansu",
                                  "guangdong",    "guangxi",  "guizhou",   "hainan",  "hebei",
                                  "heilongjiang", "henan",    "hubei",     "hunan",   "jiangsu",
                                  "jiangxi",      "jilin",    "liaoning",  "ningxia", "qinghai",
                                  "shaanxi",      "shandong", "shanghai",  "shanxi",  "sichuan",
                                  "tianjin",      "tibet",    "xinjiang",  "yunnan",  "zhejiang"};
  for (const char* id : expected) EXPECT_NE(Find(page_, id), nullptr) << id;
  EXPECT_NE(Find(page_, "mps"), nullptr);
  EXPECT_NE(Find(page_, "inner-mongolia"), nullptr);
  EXPECT_NE(Find(page_, "xinjiang-bingtuan"), nullptr);
}

TEST_F(RealPageTest, FixtureGivesSameOffices) {
  const std::string fixture = ReadFile("tests/fixtures/page-entries.txt");
  ASSERT_FALSE(fixture.empty());
  PageOptions options;
  options.date = "2017-04-23";
  options.source_title = page_.source.title;
  const PageImport from_fixture = ParsePage(fixture, options);
  ASSERT_TRUE(from_fixture.ok());
  EXPECT_EQ(from_fixture.offices, page_.offices);
}

}  // namespace
}  // namespace ngodesk
