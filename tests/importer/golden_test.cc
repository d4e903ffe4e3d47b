// Golden files: the fixture imported and exported as the directory JSON, and
// the bundled directory rebuilt from the fixture and the corrections. On a
// mismatch the actual output is written next to the golden file as
// <name>.fail and a unified diff is printed; NGODESK_UPDATE_GOLDEN=1 rewrites
// the golden file instead.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "ngodesk/office_json.h"
#include "ngodesk/page_importer.h"

namespace ngodesk {
namespace {

constexpr char kFixture[] = "tests/fixtures/page-entries.txt";
constexpr char kPageTitle[] =
    "Where Can My NGO Find Contact Information for Public Security NGO Offices to Register or "
    "Report a Temporary "
    "Activity?";

std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << text;
}

std::string RunDiff(const std::string& expected_path, const std::string& actual_path) {
  const std::string command = "diff -u '" + expected_path + "' '" + actual_path + "' 2>&1";
  std::string output;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
    pclose(pipe);
  }
  return output;
}

void ExpectMatchesGolden(const std::string& golden_path, const std::string& actual) {
  const std::string fail_path = golden_path + ".fail";
  const char* update = std::getenv("NGODESK_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    WriteFile(golden_path, actual);
    std::remove(fail_path.c_str());
    return;
  }

  const std::string expected = ReadFile(golden_path);
  if (expected == actual) {
    std::remove(fail_path.c_str());
    return;
  }
  WriteFile(fail_path, actual);
  ADD_FAILURE() << golden_path << " differs from the output (written to " << fail_path
                << "); rerun with NGODESK_UPDATE_GOLDEN=1 to accept it.\n"
                << RunDiff(golden_path, fail_path);
}

PageImport ImportFixture() {
  PageOptions options;
  options.date = "2017-04-23";
  options.source_title = kPageTitle;
  return ParsePage(ReadFile(kFixture), options);
}

TEST(GoldenTest, FixtureExport) {
  const PageImport page = ImportFixture();
  ASSERT_TRUE(page.ok());
  ExpectMatchesGolden("tests/importer/golden/page-entries.json", DirectoryToJson(page.offices));
}

TEST(GoldenTest, BundledDirectoryRegenerates) {
  PageImport page = ImportFixture();
  ASSERT_TRUE(page.ok());
  const Status corrected = ApplyCorrections(page.offices, ReadFile("data/corrections.json"));
  ASSERT_TRUE(corrected.ok()) << corrected.error().message;
  ExpectMatchesGolden("data/offices.json", DirectoryToJson(page.offices));
}

}  // namespace
}  // namespace ngodesk
