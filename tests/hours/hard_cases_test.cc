// The hours cases of the shared list of hard cases: each one is a row of the
// table below, and a second test reads the list itself so that a case added
// there is checked without editing this file.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ngodesk/calendar.h"
#include "ngodesk/opening_hours.h"

namespace ngodesk {
namespace {

struct HardCase {
  std::string name;
  std::string expression;
  std::string at;
  std::string state;
};

std::string StateAt(const std::string& expression, const std::string& at) {
  Result<OpeningHours> hours = OpeningHours::Parse(expression);
  if (!hours.ok()) return "parse failed: " + hours.error().message;
  Result<std::chrono::sys_seconds> instant = ParseInstant(at);
  if (!instant.ok()) return "instant failed: " + instant.error().message;
  return std::string(HoursStateName(EvaluateAt(*hours, *instant).state));
}

const std::vector<HardCase> kHardCases = {
    {"SundayMakeUpDay2024", "Mo-Fr 08:30-12:00,13:30-17:30; PH off", "2024-02-04T10:00+08:00",
     "open"},
    {"NewYearsEveHoliday2025", "Mo-Fr 08:30-12:00,13:30-17:30; PH off", "2025-01-28T10:00+08:00",
     "closed"},
    {"LunchBreak", "Mo-Fr 08:30-12:00,14:00-17:30; PH off", "2024-03-12T12:30+08:00", "closed"},
    {"WomensDayHalfDay", "Mo-Fr 09:00-17:00; PH off", "2024-03-08T10:00+08:00", "open"},
    {"SummerTimetable",
     "May-Sep Mo-Fr 08:30-12:00,14:30-17:30; Oct-Apr Mo-Fr 08:30-12:00,14:00-17:00; PH off",
     "2024-05-06T14:15+08:00", "closed"},
    {"UtcAfterNationalDay", "Mo-Fr 07:00-19:00; PH off", "2024-10-07T23:30:00Z", "open"},
};

class HardCaseTable : public testing::TestWithParam<HardCase> {};

TEST_P(HardCaseTable, State) {
  const HardCase& test = GetParam();
  EXPECT_EQ(StateAt(test.expression, test.at), test.state);
}

INSTANTIATE_TEST_SUITE_P(Cases, HardCaseTable, testing::ValuesIn(kHardCases),
                         [](const testing::TestParamInfo<HardCase>& info) {
                           return info.param.name;
                         });

TEST(HardCaseFile, EveryHoursCaseHolds) {
  const std::string path = std::string(NGODESK_SOURCE_DIR) + "/../shared/cases/hard-cases.jsonl";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << "hard cases not found at " << path;

  int checked = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const nlohmann::json record = nlohmann::json::parse(line);
    if (record.value("kind", "") != "hours") continue;
    const std::string expression = record["input"]["opening_hours"];
    const std::string at = record["input"]["at"];
    EXPECT_EQ(StateAt(expression, at), record["expected"]["state"].get<std::string>())
        << expression << " at " << at << ": " << record.value("why", "");
    ++checked;
  }
  EXPECT_GE(checked, static_cast<int>(kHardCases.size()));
}

}  // namespace
}  // namespace ngodesk
