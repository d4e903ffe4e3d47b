// Feeds arbitrary bytes to DirectoryFromJson. Beyond "no crash", checks the
// round trip: a document that parses must parse again, to the same offices,
// after DirectoryToJson wrote it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ngodesk/office_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ngodesk::Result<std::vector<ngodesk::Office>> offices = ngodesk::DirectoryFromJson(text);
  if (!offices.ok()) return 0;

  std::vector<ngodesk::Office> sorted = *offices;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.id < b.id; });
  ngodesk::Result<std::vector<ngodesk::Office>> reparsed =
      ngodesk::DirectoryFromJson(ngodesk::DirectoryToJson(sorted));
  if (!reparsed.ok() || *reparsed != sorted) std::abort();
  return 0;
}
