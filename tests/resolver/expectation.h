// Comparison of a resolution with the "expected" object of a case file
// line (the format of the hard cases and of tests/resolver/cases.jsonl).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "ngodesk/resolver.h"

namespace ngodesk::testing {

// Returns one line per difference between `resolution` and `expected`, or an
// empty string when they agree. Keys: province, prefecture, county (Chinese
// official name or null), ambiguous, corrected, office (id or null), rule,
// note (an id that must be among the notes) and candidates (the first
// candidates, in order, each with any of province, prefecture, county).
std::string CompareWithExpected(const Resolution& resolution, const nlohmann::json& expected);

// Resolves a case line's input with its procedure ("office" unless given)
// and compares; a query error counts as a difference.
std::string CheckCase(const nlohmann::json& test_case);

}  // namespace ngodesk::testing
