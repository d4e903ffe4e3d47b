// Derivation of structured working hours from the text an office published.
#pragma once

#include <optional>
#include <string>

#include "ngodesk/office.h"

namespace ngodesk {

// Builds Hours from the published text (nullopt when the source states no
// hours): the text is kept verbatim, and `expression` is an OpenStreetMap
// opening_hours expression. Where the text states no days, the expression
// assumes Monday to Friday, closed on public holidays, and the result says so
// in `assumed` and `assumption`.
Hours DeriveHours(const std::optional<std::string>& published_text);

}  // namespace ngodesk
