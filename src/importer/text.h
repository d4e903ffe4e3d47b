// UTF-8 helpers shared by the page parser and the checks. Invalid bytes
// decode as U+FFFD one byte at a time, so any input can be scanned.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ngodesk::importer {

struct CodePoint {
  char32_t value = 0;
  std::size_t offset = 0;  // byte offset in the decoded text
  std::size_t length = 0;  // bytes
};

std::vector<CodePoint> DecodeUtf8(std::string_view text);

// CJK unified ideographs, their extensions and compatibility ideographs.
bool IsHan(char32_t value);
bool HasHan(std::string_view text);

// 1-based column, counted in code points, of a byte offset in a line.
int ColumnAt(std::string_view line, std::size_t byte_offset);

std::string Trim(std::string_view text);

// Lowercase ASCII letters and digits only: "Xi’an" gives "xian", "Inner
// Mongolia" gives "innermongolia".
std::string FoldName(std::string_view text);

// The Levenshtein distance in bytes, for matching misspelt names and
// suggesting the id a user probably meant.
std::size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace ngodesk::importer
