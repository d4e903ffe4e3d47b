// The line structure of a page: lines grouped into blank-line separated
// blocks, field lines ("Label: value") recognised by their label, and the
// page's date line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ngodesk::importer {

struct PageLine {
  int number = 0;  // 1-based
  std::string_view text;
};

// Consecutive non-blank lines.
struct Block {
  std::vector<PageLine> lines;
};

enum class FieldKind { kAddress, kTelephone, kFax, kHours, kEmail, kWebsite };

struct FieldLine {
  FieldKind kind = FieldKind::kAddress;
  std::string label;       // as written, e.g. "Telephone"
  std::string_view value;  // text after the colon, untrimmed at the end
  int value_column = 1;    // 1-based column where `value` starts
};

// Splits a page into blocks. Accepts LF and CRLF line ends and a leading
// UTF-8 byte order mark.
std::vector<Block> SplitBlocks(std::string_view text);

// The field a line starts with, or nullopt.
std::optional<FieldLine> MatchField(std::string_view line);

// The label of a line that looks like "Label: value" with a label close to
// (but not equal to) a field label, e.g. "Adress:" or "Telephon:"; empty
// otherwise.
std::string MisspeltFieldLabel(std::string_view line);

// The ISO 8601 date of a date line ("April 23, 2017" or "2017-04-23"), or
// nullopt when the line is not a date.
std::optional<std::string> ParseDateLine(std::string_view line);

// True for a well-formed YYYY-MM-DD date with a month and day in range.
bool IsIsoDate(std::string_view text);

std::string_view FieldName(FieldKind kind);

}  // namespace ngodesk::importer
