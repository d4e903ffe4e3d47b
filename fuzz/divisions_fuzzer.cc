// Parses arbitrary text as a divisions data file and runs every look-up
// over what it accepted.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ngodesk/gazetteer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const ngodesk::Result<ngodesk::Gazetteer> gazetteer = ngodesk::Gazetteer::Parse(text);
  if (!gazetteer.ok()) return 0;
  for (const ngodesk::Division& division : gazetteer->divisions()) {
    (void)gazetteer->FindByName(division.short_zh);
    (void)gazetteer->FindByCode(division.code);
    (void)gazetteer->ProvinceOf(division);
    (void)gazetteer->PrefectureOf(division);
  }
  return 0;
}
