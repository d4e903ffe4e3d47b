// Feeds arbitrary bytes to DirectoryFromJson. Beyond "no crash", checks two
// round trips of a document that parses: through DirectoryToJson and back,
// and through an in-memory store. The store may reject valid JSON (two
// sources with the same id in one office), so only accepted offices are compared.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ngodesk/office_json.h"
#include "ngodesk/store.h"

namespace {

std::vector<ngodesk::Office> WithoutDerivedFields(std::vector<ngodesk::Office> offices) {
  for (ngodesk::Office& office : offices) {
    office.field_changes.clear();
    for (auto* numbers : {&office.phones, &office.faxes}) {
      for (ngodesk::PhoneNumber& number : *numbers) {
        number.confirmed_on.clear();
        number.last_failed_call_on.clear();
      }
    }
  }
  return offices;
}

}  // namespace

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

  ngodesk::Result<ngodesk::Store> store = ngodesk::Store::Open(":memory:");
  if (!store.ok()) std::abort();
  if (!store->ReplaceOffices(sorted).ok()) return 0;
  ngodesk::Result<std::vector<ngodesk::Office>> stored = store->ListOffices();
  if (!stored.ok()) std::abort();
  // The store derives each number's call state from its call log and the
  // field changes from its history, so those are compared without them.
  if (WithoutDerivedFields(*stored) != WithoutDerivedFields(sorted)) std::abort();
  return 0;
}
