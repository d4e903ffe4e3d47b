// The JSON form of offices: the export format, the bundled directory file,
// the CLI's --json output and the HTTP API bodies all use it. The schema is
// documented in docs/export-schema.md.
//
// Keys are written in a fixed order (ordered_json keeps insertion order), so
// that the bundled directory file reads the same way in every diff. A value
// that is unknown or does not apply is null, never an empty string: the
// GB/T 2260 code of the Ministry, an E.164 form that could not be made, hours
// that the source does not state.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ngodesk/office.h"
#include "ngodesk/result.h"

namespace ngodesk {

// The version written to the top-level "format" key. A reader rejects a
// document with a newer version instead of dropping fields it does not know.
inline constexpr int kDirectoryFormatVersion = 1;

// Returns one office object; keys in the order of docs/export-schema.md.
nlohmann::ordered_json OfficeToJson(const Office& office);

// Parses one office object. `pointer` is the JSON pointer of the object in its
// document and prefixes every error, which names the bad value and what was
// expected. Unknown keys are errors, so that a typo in a hand-edited file is
// not dropped in silence; missing keys take the default of the model.
Result<Office> OfficeFromJson(const nlohmann::ordered_json& json, const std::string& pointer = "");

// Serialises a directory: {"format": 1, "offices": [...]}, offices sorted by
// id, two-space indentation, UTF-8 kept unescaped, trailing newline. Invalid
// UTF-8 in a field is replaced by U+FFFD rather than failing.
std::string DirectoryToJson(const std::vector<Office>& offices);

// Parses a directory document as written by DirectoryToJson. Syntax errors
// carry line and column; schema errors name the JSON pointer and the value.
// Duplicate office ids are errors.
Result<std::vector<Office>> DirectoryFromJson(std::string_view text);

}  // namespace ngodesk
