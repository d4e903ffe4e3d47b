// Exports of the whole directory for people and other programs: the JSON
// document of office_json.h and a CSV table for spreadsheets. Both formats
// are documented, column by column, in docs/export-schema.md.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ngodesk/office.h"
#include "ngodesk/result.h"

namespace ngodesk {

enum class ExportFormat { kJson, kCsv };

// Parses "json" or "csv"; anything else is an InvalidArgument naming the value.
Result<ExportFormat> ParseExportFormat(std::string_view name);

// The directory in the given format, offices sorted by id.
std::string ExportDirectory(const std::vector<Office>& offices, ExportFormat format);

// The CSV header, one name per column, in column order.
std::span<const std::string_view> CsvColumns();

// A CSV table with one row per office: UTF-8 with a byte order mark (so that
// Excel reads the Chinese correctly), CRLF line ends and RFC 4180 quoting.
// List fields are joined with "; " in published order; in the positional
// lists (phones_e164 next to phones_text and so on) an empty item is "-".
std::string DirectoryToCsv(const std::vector<Office>& offices);

// One RFC 4180 field: quoted when it contains a comma, a double quote, CR or
// LF, with inner quotes doubled. A field that a spreadsheet would run as a
// formula is prefixed with an apostrophe: one starting with =, @, a tab or
// CR, or with + or - unless every "; "-separated item is a plain signed number
// such as "+862584420000" (Excel would compute "+86-10-6626" as arithmetic).
std::string CsvField(std::string_view value);

}  // namespace ngodesk
