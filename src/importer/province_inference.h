// Inference of the office of a page entry that has no heading, from its
// address: the Chinese text first (province or prefecture-level city at the
// start of the administrative chain), the English city second.
#pragma once

#include <string_view>

#include "ngodesk/jurisdictions.h"

namespace ngodesk {
class Gazetteer;
}

namespace ngodesk::importer {

// The province-level office whose division starts the Chinese address
// ("西安市未央区..." gives Shaanxi), or nullptr. Only full official names of
// prefecture-level cities count, and short names of provinces ("广西"),
// because a short city name also starts many street names (中山路).
const JurisdictionEntry* InferFromChineseAddress(std::string_view zh, const Gazetteer& gazetteer);

// The office of the province or seat city that the English address names
// ("Xi’an city", "Anhui Province"), or nullptr. A city that is the seat of
// two offices (Urumqi: Xinjiang and the Bingtuan) gives the province.
const JurisdictionEntry* InferFromEnglishAddress(std::string_view en, const Gazetteer& gazetteer);

// The office that a heading names ("National (MPS)", "Inner Mongolia",
// "Xinjiang Bingtuan", "江苏省"), or nullptr.
const JurisdictionEntry* FindJurisdictionByHeading(std::string_view heading);

}  // namespace ngodesk::importer
