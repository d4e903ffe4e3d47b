// Every case of tests/resolver/cases.jsonl, and every address and name case
// of the shared hard-case file, as one test per line.
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "expectation.h"

namespace ngodesk::testing {
namespace {

struct FileCase {
  std::string name;  // test name: kind and line number
  nlohmann::json value;
};

std::vector<FileCase> LoadCases(const std::string& path, bool only_places) {
  std::vector<FileCase> cases;
  std::ifstream in(path);
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty()) continue;
    nlohmann::json value = nlohmann::json::parse(line, nullptr, false);
    if (value.is_discarded()) {
      cases.push_back({"line" + std::to_string(line_number) + "_invalid_json", {{"invalid", line}}});
      continue;
    }
    const std::string kind = value.value("kind", std::string("unknown"));
    if (only_places && kind != "address" && kind != "name") continue;
    cases.push_back({"line" + std::to_string(line_number) + "_" + kind, std::move(value)});
  }
  return cases;
}

// Prints a case as its input line in test output instead of raw bytes.
void PrintTo(const FileCase& test_case, std::ostream* out) { *out << test_case.value.dump(); }

void RunCase(const FileCase& test_case) {
  ASSERT_FALSE(test_case.value.contains("invalid")) << "invalid JSON: " << test_case.value["invalid"];
  EXPECT_EQ(CheckCase(test_case.value), "") << test_case.value["input"] << " (" << test_case.value.value("why", "")
                                              << ")";
}

std::string CaseName(const ::testing::TestParamInfo<FileCase>& info) { return info.param.name; }

class OwnCaseTest : public ::testing::TestWithParam<FileCase> {};

TEST_P(OwnCaseTest, Resolves) { RunCase(GetParam()); }

INSTANTIATE_TEST_SUITE_P(CasesFile, OwnCaseTest,
                         ::testing::ValuesIn(LoadCases(NGODESK_SOURCE_DIR "/tests/resolver/cases.jsonl", false)),
                         CaseName);

TEST(CasesFile, HasAtLeastHundredCases) {
  EXPECT_GE(LoadCases(NGODESK_SOURCE_DIR "/tests/resolver/cases.jsonl", false).size(), 100u);
}

const std::string kSharedCases = NGODESK_SOURCE_DIR "/../shared/cases/hard-cases.jsonl";

class SharedHardCaseTest : public ::testing::TestWithParam<FileCase> {};

TEST_P(SharedHardCaseTest, Resolves) { RunCase(GetParam()); }

INSTANTIATE_TEST_SUITE_P(SharedFile, SharedHardCaseTest, ::testing::ValuesIn(LoadCases(kSharedCases, true)), CaseName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(SharedHardCaseTest);

}  // namespace
}  // namespace ngodesk::testing
