// The JSON form of offices: the export format, the bundled directory file,
// the CLI's --json output and the HTTP API bodies all use it. The schema is
// documented in docs/export-schema.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ngodesk/office.h"
#include "ngodesk/result.h"

namespace ngodesk {

nlohmann::json OfficeToJson(const Office& office);

// Parses one office object. Errors name the JSON pointer of the bad field.
Result<Office> OfficeFromJson(const nlohmann::json& json);

// Serialises a directory: {"format": ..., "offices": [...]}, offices sorted
// by id, two-space indentation, UTF-8 kept unescaped, trailing newline.
std::string DirectoryToJson(const std::vector<Office>& offices);

// Parses a directory document as written by DirectoryToJson.
Result<std::vector<Office>> DirectoryFromJson(std::string_view text);

}  // namespace ngodesk
