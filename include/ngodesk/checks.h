// Checks that a maintainer runs over offices before publishing them. Each
// finding is a warning tied to an office id and a field, never an error. The
// published text stays as published, and a recorded correction fixes it.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "ngodesk/office.h"

namespace ngodesk {

class Gazetteer;

// One finding. `field` names the field as in the JSON export
// ("phones[1].text", "addresses[0].zh"). `code` is a stable kebab-case name
// of the check. `line` is the page line the field came from, or 0.
struct OfficeWarning {
  std::string office_id;
  std::string field;
  std::string code;
  BilingualText message;
  int line = 0;

  bool operator==(const OfficeWarning&) const = default;
};

// Codes of the checks, as they appear in OfficeWarning::code.
inline constexpr char kCheckPhoneAreaCode[] =
    "phone-area-code";  // area code not in the office's city
inline constexpr char kCheckPhoneAreaCodeInferred[] = "phone-area-code-inferred";
inline constexpr char kCheckPhoneInvalid[] = "phone-invalid";  // no number range matches
inline constexpr char kCheckAddressRomanisation[] =
    "address-romanisation";                                        // English name vs pinyin
inline constexpr char kCheckAddressDamaged[] = "address-damaged";  // stray space, bracket or symbol

// Runs every check over `offices` with the bundled gazetteer, in office order
// and, within an office, in field order.
std::vector<OfficeWarning> CheckOffices(std::span<const Office> offices);

// The same with a given gazetteer (tests use a small one).
std::vector<OfficeWarning> CheckOffices(std::span<const Office> offices,
                                        const Gazetteer& gazetteer);

// Formats a warning as one line: "office-id field: message" in English or Chinese.
std::string FormatWarning(const OfficeWarning& warning, bool chinese);

}  // namespace ngodesk
