// The error codes that the server sends against the enum of the error schema
// in docs/openapi.json, so that every real error body validates. The codes
// are read from the sources: the literal second argument of each
// ErrorResponse or SendLimitError call in src/server.
#include <filesystem>
#include <fstream>
#include <cctype>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

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

// The code in `text` after each "ErrorResponse(" or "SendLimitError(" whose
// arguments start with a status number and a string literal. std::regex is
// avoided because g++ 12 warns inside <regex> under -fsanitize.
void AddCodes(const std::string& text, std::set<std::string>& codes) {
  for (const std::string_view call : {"ErrorResponse(", "SendLimitError("}) {
    for (std::size_t at = text.find(call); at != std::string::npos; at = text.find(call, at + 1)) {
      std::size_t i = at + call.size();
      while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
      const std::size_t digits = i;
      while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
      if (i == digits || i >= text.size() || text[i] != ',') continue;
      ++i;
      while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
      if (i >= text.size() || text[i] != '"') continue;
      const std::size_t close = text.find('"', i + 1);
      if (close == std::string::npos) continue;
      codes.insert(text.substr(i + 1, close - i - 1));
    }
  }
}

std::set<std::string> CodesInSources() {
  std::set<std::string> codes;
  for (const fs::directory_entry& entry :
       fs::directory_iterator(fs::path(NGODESK_SOURCE_DIR) / "src" / "server")) {
    if (entry.path().extension() != ".cc") continue;
    AddCodes(ReadFile(entry.path()), codes);
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
