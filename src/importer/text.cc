#include "importer/text.h"

#include <algorithm>
#include <cctype>

namespace ngodesk::importer {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Length of a UTF-8 sequence from its lead byte, or 0 for a byte that cannot
// start one.
std::size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

}  // namespace

std::vector<CodePoint> DecodeUtf8(std::string_view text) {
  std::vector<CodePoint> points;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = SequenceLength(lead);
    if (length == 0 || i + length > text.size()) {
      points.push_back({kReplacement, i, 1});
      ++i;
      continue;
    }

    char32_t value = length == 1 ? lead : lead & (0x7F >> length);
    bool valid = true;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) valid = false;
      value = (value << 6) | (next & 0x3F);
    }
    if (!valid) {
      points.push_back({kReplacement, i, 1});
      ++i;
      continue;
    }
    points.push_back({value, i, length});
    i += length;
  }
  return points;
}

bool IsHan(char32_t value) {
  return (value >= 0x3400 && value <= 0x4DBF) || (value >= 0x4E00 && value <= 0x9FFF) ||
         (value >= 0xF900 && value <= 0xFAFF) || (value >= 0x20000 && value <= 0x3134F);
}

bool HasHan(std::string_view text) {
  const std::vector<CodePoint> points = DecodeUtf8(text);
  return std::any_of(points.begin(), points.end(),
                     [](const CodePoint& p) { return IsHan(p.value); });
}

int ColumnAt(std::string_view line, std::size_t byte_offset) {
  int column = 1;
  for (const CodePoint& point : DecodeUtf8(line)) {
    if (point.offset >= byte_offset) break;
    ++column;
  }
  return column;
}

std::string Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string FoldName(std::string_view text) {
  std::string folded;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) && byte < 0x80) folded += static_cast<char>(std::tolower(byte));
  }
  return folded;
}

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace ngodesk::importer
