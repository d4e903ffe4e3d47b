#include "importer/page_lines.h"

#include <array>
#include <cctype>
#include <charconv>
#include <utility>

#include "importer/text.h"

namespace ngodesk::importer {
namespace {

struct Label {
  std::string_view folded;  // FoldName of the label
  FieldKind kind;
};

constexpr std::array<Label, 12> kLabels = {{
    {"address", FieldKind::kAddress},
    {"telephone", FieldKind::kTelephone},
    {"tel", FieldKind::kTelephone},
    {"phone", FieldKind::kTelephone},
    {"fax", FieldKind::kFax},
    {"regularworkinghours", FieldKind::kHours},
    {"workinghours", FieldKind::kHours},
    {"hours", FieldKind::kHours},
    {"email", FieldKind::kEmail},
    {"website", FieldKind::kWebsite},
    {"web", FieldKind::kWebsite},
    {"websites", FieldKind::kWebsite},
}};

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

constexpr std::size_t kMaxLabelWords = 4;
constexpr std::size_t kMaxMisspelling = 2;

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// The label before the first colon (ASCII or full-width), with the byte
// offset just after the colon. Returns nullopt when the text before the colon
// is not a short run of ASCII words.
std::optional<std::pair<std::string, std::size_t>> SplitLabel(std::string_view line) {
  const std::size_t ascii = line.find(':');
  const std::size_t wide = line.find("：");
  const std::size_t colon = std::min(ascii, wide);
  if (colon == std::string_view::npos) return std::nullopt;

  const std::string label = Trim(line.substr(0, colon));
  std::size_t words = label.empty() ? 0 : 1;
  for (char c : label) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == ' ') ++words;
    if (byte >= 0x80 || !(std::isalpha(byte) || c == ' ' || c == '-')) return std::nullopt;
  }
  if (words == 0 || words > kMaxLabelWords) return std::nullopt;
  return std::make_pair(label, colon + (colon == ascii ? 1 : std::string_view("：").size()));
}

int ParseNumber(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return -1;
  return value;
}

std::string TwoDigits(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }

}  // namespace

std::vector<Block> SplitBlocks(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);

  std::vector<Block> blocks;
  Block current;
  int number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    ++number;

    if (IsBlank(line)) {
      if (!current.lines.empty()) blocks.push_back(std::move(current));
      current = Block{};
    } else {
      current.lines.push_back({number, line});
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  if (!current.lines.empty()) blocks.push_back(std::move(current));
  return blocks;
}

std::optional<FieldLine> MatchField(std::string_view line) {
  const auto label = SplitLabel(line);
  if (!label) return std::nullopt;

  const std::string folded = FoldName(label->first);
  for (const Label& known : kLabels) {
    if (known.folded != folded) continue;
    FieldLine field;
    field.kind = known.kind;
    field.label = label->first;
    std::size_t value_start = label->second;
    while (value_start < line.size() && (line[value_start] == ' ' || line[value_start] == '\t'))
      ++value_start;
    field.value = line.substr(value_start);
    field.value_column = ColumnAt(line, value_start);
    return field;
  }
  return std::nullopt;
}

std::string MisspeltFieldLabel(std::string_view line) {
  const auto label = SplitLabel(line);
  if (!label) return {};

  const std::string folded = FoldName(label->first);
  for (const Label& known : kLabels) {
    if (folded == known.folded) return {};
  }
  for (const Label& known : kLabels) {
    if (known.folded.size() > kMaxMisspelling + 1 &&
        EditDistance(folded, known.folded) <= kMaxMisspelling) {
      return label->first;
    }
  }
  return {};
}

bool IsIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  const int year = ParseNumber(text.substr(0, 4));
  const int month = ParseNumber(text.substr(5, 2));
  const int day = ParseNumber(text.substr(8, 2));
  return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::optional<std::string> ParseDateLine(std::string_view line) {
  const std::string trimmed = Trim(line);
  if (IsIsoDate(trimmed)) return trimmed;

  // "April 23, 2017"
  const std::size_t space = trimmed.find(' ');
  const std::size_t comma = trimmed.find(", ");
  if (space == std::string::npos || comma == std::string::npos || comma < space)
    return std::nullopt;

  std::string month_name = trimmed.substr(0, space);
  for (char& c : month_name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  int month = 0;
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i] == month_name) month = static_cast<int>(i) + 1;
  }
  const int day = ParseNumber(std::string_view(trimmed).substr(space + 1, comma - space - 1));
  const std::string_view year_text = std::string_view(trimmed).substr(comma + 2);
  const int year = year_text.size() == 4 ? ParseNumber(year_text) : -1;
  if (month == 0 || day < 1 || day > 31 || year < 1900) return std::nullopt;
  return std::to_string(year) + "-" + TwoDigits(month) + "-" + TwoDigits(day);
}

std::string_view FieldName(FieldKind kind) {
  switch (kind) {
    case FieldKind::kAddress:
      return "Address";
    case FieldKind::kTelephone:
      return "Telephone";
    case FieldKind::kFax:
      return "Fax";
    case FieldKind::kHours:
      return "Regular Working Hours";
    case FieldKind::kEmail:
      return "Email";
    case FieldKind::kWebsite:
      return "Website";
  }
  return "Address";
}

}  // namespace ngodesk::importer
