// Resolves arbitrary bytes under both procedures and renders the result as
// JSON. Any crash, sanitizer report or broken invariant is a bug: a query
// either fails validation or gives a resolution whose first candidate is
// the chosen division.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ngodesk/resolver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view query(reinterpret_cast<const char*>(data), size);
  for (ngodesk::Procedure procedure : {ngodesk::Procedure::kOffice, ngodesk::Procedure::kActivity}) {
    const ngodesk::Result<ngodesk::Resolution> resolution = ngodesk::Resolver::Bundled().Resolve(query, procedure);
    if (!resolution.ok()) {
      if (resolution.error().message.empty()) std::abort();
      (void)ngodesk::ResolutionErrorToJson(query, resolution.error());
      continue;
    }
    if (resolution->found && resolution->office_id != "mps" && resolution->candidates.empty()) std::abort();
    if (!resolution->candidates.empty() &&
        resolution->candidates.front().chain.deepest() != resolution->chain.deepest()) {
      std::abort();
    }
    if (resolution->confidence < 0 || resolution->confidence > 1) std::abort();
    (void)ngodesk::ResolutionToJson(query, procedure, *resolution);
  }
  return 0;
}
