#include "expectation.h"

#include <sstream>

namespace ngodesk::testing {
namespace {

std::string NameOrNull(const Division* division) { return division == nullptr ? "null" : division->name_zh; }

std::string ExpectedName(const nlohmann::json& value) {
  return value.is_null() ? "null" : value.get<std::string>();
}

void CompareChain(const DivisionChain& chain, const nlohmann::json& expected, const std::string& label,
                  std::ostringstream& out) {
  const std::pair<const char*, const Division*> levels[] = {
      {"province", chain.province}, {"prefecture", chain.prefecture}, {"county", chain.county}};
  for (const auto& [key, division] : levels) {
    if (!expected.contains(key)) continue;
    const std::string want = ExpectedName(expected[key]);
    const std::string got = NameOrNull(division);
    if (want != got) out << label << key << ": expected " << want << ", got " << got << '\n';
  }
}

}  // namespace

std::string CompareWithExpected(const Resolution& resolution, const nlohmann::json& expected) {
  std::ostringstream out;
  CompareChain(resolution.chain, expected, "", out);

  if (expected.contains("ambiguous") && expected["ambiguous"].get<bool>() != resolution.ambiguous) {
    out << "ambiguous: expected " << expected["ambiguous"] << ", got " << resolution.ambiguous << '\n';
  }
  if (expected.contains("corrected") && expected["corrected"].get<bool>() != resolution.corrected) {
    out << "corrected: expected " << expected["corrected"] << ", got " << resolution.corrected << '\n';
  }
  if (expected.contains("office")) {
    const std::string want = expected["office"].is_null() ? "" : expected["office"].get<std::string>();
    if (want != resolution.office_id) out << "office: expected " << want << ", got " << resolution.office_id << '\n';
  }
  if (expected.contains("rule") && expected["rule"].get<std::string>() != resolution.rule.id) {
    out << "rule: expected " << expected["rule"].get<std::string>() << ", got " << resolution.rule.id << '\n';
  }
  if (expected.contains("note")) {
    const std::string want = expected["note"].get<std::string>();
    bool present = false;
    for (const Note& note : resolution.notes) present = present || note.id == want;
    if (!present) out << "note: expected " << want << " among the notes\n";
  }
  if (expected.contains("candidates")) {
    const nlohmann::json& candidates = expected["candidates"];
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (i >= resolution.candidates.size()) {
        out << "candidates: expected at least " << candidates.size() << ", got " << resolution.candidates.size() << '\n';
        break;
      }
      CompareChain(resolution.candidates[i].chain, candidates[i], "candidates[" + std::to_string(i) + "].", out);
    }
  }
  return out.str();
}

std::string CheckCase(const nlohmann::json& test_case) {
  const std::string input = test_case.at("input").get<std::string>();
  const Procedure procedure =
      test_case.value("procedure", std::string("office")) == "activity" ? Procedure::kActivity : Procedure::kOffice;
  const Result<Resolution> resolution = Resolver::Bundled().Resolve(input, procedure);
  if (!resolution.ok()) return "query error: " + resolution.error().message + "\n";
  return CompareWithExpected(*resolution, test_case.at("expected"));
}

}  // namespace ngodesk::testing
