// Reading the value of an "Address:" line: "English text (中文地址)", possibly
// two such addresses separated by ";".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ngodesk/result.h"

namespace ngodesk::importer {

struct ParsedAddress {
  std::string en;
  std::string zh;
  std::string
      note;  // text before a colon inside the bracket, e.g. "address as provided on Tibet site"
};

// Splits `value` at top-level semicolons and reads each part. The Chinese
// text is the content of the last top-level bracket pair, kept whole with any
// brackets nested inside it. `line` and `value_column` place errors in the
// page: value_column is the column where `value` starts.
Result<std::vector<ParsedAddress>> ParseAddressValue(std::string_view value, int line,
                                                     int value_column);

}  // namespace ngodesk::importer
