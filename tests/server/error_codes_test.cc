// The error codes that the server sends against the enum of the error schema
// in docs/openapi.json, so that every real error body validates. The codes
// are read from the sources: the literal second argument of each
// ErrorResponse or SendLimitError call in src/server.
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::set<std::string> CodesInSources() {
  const std::regex call(R"re((?:ErrorResponse|SendLimitError)\(\s*\d+,\s*"([a-z_]+)")re");
  std::set<std::string> codes;
  for (const fs::directory_entry& entry :
       fs::directory_iterator(fs::path(NGODESK_SOURCE_DIR) / "src" / "server")) {
    if (entry.path().extension() != ".cc") continue;
    const std::string text = ReadFile(entry.path());
    for (std::sregex_iterator it(text.begin(), text.end(), call), end; it != end; ++it) {
      codes.insert((*it)[1].str());
    }
  }
  return codes;
}

std::set<std::string> CodesInOpenApi() {
  const nlohmann::json document =
      nlohmann::json::parse(ReadFile(fs::path(NGODESK_SOURCE_DIR) / "docs" / "openapi.json"));
  const nlohmann::json& schema = document.at("components").at("schemas").at("Error");
  const nlohmann::json& codes =
      schema.at("properties").at("error").at("properties").at("code").at("enum");
  return codes.get<std::set<std::string>>();
}

TEST(ErrorCodes, SourcesAreReadable) {
  const std::set<std::string> codes = CodesInSources();
  // A few codes from each source file, so that a broken pattern cannot pass
  // the comparison below by finding nothing.
  for (const std::string code :
       {"not_found", "too_many_requests", "uri_too_long", "csrf_failed", "unknown_office"}) {
    EXPECT_TRUE(codes.contains(code)) << code;
  }
}

TEST(ErrorCodes, EverySentCodeIsInOpenApi) {
  const std::set<std::string> documented = CodesInOpenApi();
  for (const std::string& code : CodesInSources()) {
    EXPECT_TRUE(documented.contains(code)) << code << " is missing from the Error schema's enum";
  }
}

TEST(ErrorCodes, OpenApiListsNoUnusedCode) {
  const std::set<std::string> sent = CodesInSources();
  for (const std::string& code : CodesInOpenApi()) {
    EXPECT_TRUE(sent.contains(code)) << code << " is documented but never sent";
  }
}

}  // namespace
