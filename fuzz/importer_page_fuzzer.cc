// Fuzz target of the page parser: any bytes must parse to offices or to
// errors, never both, and the checks must run over whatever was read.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ngodesk/checks.h"
#include "ngodesk/page_importer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ngodesk::PageOptions options;
  options.date = "2017-04-23";
  const ngodesk::PageImport page = ngodesk::ParsePage(text, options);

  if (!page.ok() && !page.offices.empty()) __builtin_trap();
  for (const ngodesk::Error& error : page.errors) {
    if (error.code == ngodesk::ErrorCode::kParse && (error.line < 1 || error.column < 1))
      __builtin_trap();
  }
  ngodesk::CheckOffices(page.offices);
  return 0;
}
