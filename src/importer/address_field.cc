#include "importer/address_field.h"

#include <algorithm>
#include <optional>

#include "importer/text.h"

namespace ngodesk::importer {
namespace {

bool IsOpening(char32_t c) { return c == U'(' || c == U'（'; }
bool IsClosing(char32_t c) { return c == U')' || c == U'）'; }
bool IsSeparator(char32_t c) { return c == U';' || c == U'；'; }

struct Span {
  std::size_t begin = 0;  // index into the code points
  std::size_t end = 0;    // one past the last
};

struct Cursor {
  std::string_view value;
  const std::vector<CodePoint>& points;
  int line;
  int value_column;

  int ColumnOf(std::size_t index) const { return value_column + static_cast<int>(index); }

  std::string Text(std::size_t begin, std::size_t end) const {
    if (begin >= end) return {};
    const std::size_t from = points[begin].offset;
    const std::size_t to = end < points.size() ? points[end].offset : value.size();
    return std::string(value.substr(from, to - from));
  }
};

// Parts between top-level semicolons; a bracket error is reported here
// because it makes the parts themselves uncertain.
Result<std::vector<Span>> SplitParts(const Cursor& cursor) {
  std::vector<Span> parts;
  std::vector<std::size_t> open;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < cursor.points.size(); ++i) {
    const char32_t c = cursor.points[i].value;
    if (IsOpening(c)) open.push_back(i);
    if (IsClosing(c)) {
      if (open.empty()) {
        return Error::Parse(cursor.line, cursor.ColumnOf(i),
                            "closing bracket without an opening one in address \"" +
                                std::string(cursor.value) + "\"",
                            "地址“" + std::string(cursor.value) + "”中的右括号没有对应的左括号");
      }
      open.pop_back();
    }
    if (IsSeparator(c) && open.empty()) {
      parts.push_back({begin, i});
      begin = i + 1;
    }
  }
  if (!open.empty()) {
    return Error::Parse(
        cursor.line, cursor.ColumnOf(open.front()),
        "bracket opened here is never closed in address \"" + std::string(cursor.value) + "\"",
        "地址“" + std::string(cursor.value) + "”中此处的左括号没有闭合");
  }
  parts.push_back({begin, cursor.points.size()});
  return parts;
}

// The last top-level bracket pair of a part, as indices of its brackets.
std::optional<Span> LastTopLevelPair(const Cursor& cursor, Span part) {
  std::optional<Span> last;
  int depth = 0;
  std::size_t opened = 0;
  for (std::size_t i = part.begin; i < part.end; ++i) {
    const char32_t c = cursor.points[i].value;
    if (IsOpening(c) && depth++ == 0) opened = i;
    if (IsClosing(c) && --depth == 0) last = Span{opened, i};
  }
  return last;
}

Result<ParsedAddress> ParsePart(const Cursor& cursor, Span part) {
  const std::string part_text = Trim(cursor.Text(part.begin, part.end));
  const std::optional<Span> pair = LastTopLevelPair(cursor, part);
  if (!pair) {
    return Error::Parse(cursor.line, cursor.ColumnOf(part.begin),
                        "address \"" + part_text +
                            "\" has no Chinese text in brackets; expected \"English (中文)\"",
                        "地址“" + part_text + "”没有括号中的中文地址；应为“English (中文)”");
  }

  std::size_t after_begin = pair->end + 1;
  while (after_begin < part.end && cursor.points[after_begin].value == U' ') ++after_begin;
  const std::string after = Trim(cursor.Text(after_begin, part.end));
  if (!after.empty()) {
    return Error::Parse(
        cursor.line, cursor.ColumnOf(after_begin),
        "unexpected text \"" + after + "\" after the Chinese address; move it inside the brackets",
        "中文地址之后有多余文字“" + after + "”；请移入括号内");
  }

  ParsedAddress address;
  address.en = Trim(cursor.Text(part.begin, pair->begin));
  std::string content = Trim(cursor.Text(pair->begin + 1, pair->end));

  // "address as provided on Tibet site: 拉萨市...": a note in English, then the address.
  const std::size_t colon = content.find_first_of(":");
  const std::size_t wide_colon = content.find("：");
  const std::size_t split = std::min(colon, wide_colon);
  if (split != std::string::npos && !HasHan(content.substr(0, split))) {
    address.note = Trim(content.substr(0, split));
    content = Trim(content.substr(split + (split == colon ? 1 : std::string_view("：").size())));
  }
  address.zh = content;

  if (!HasHan(address.zh)) {
    return Error::Parse(cursor.line, cursor.ColumnOf(pair->begin),
                        "the last bracket of address \"" + part_text + "\" holds no Chinese text",
                        "地址“" + part_text + "”的最后一对括号中没有中文");
  }
  if (address.en.empty()) {
    return Error::Parse(
        cursor.line, cursor.ColumnOf(part.begin),
        "address \"" + part_text + "\" has no English text before the Chinese address",
        "地址“" + part_text + "”在中文地址之前没有英文地址");
  }
  return address;
}

}  // namespace

Result<std::vector<ParsedAddress>> ParseAddressValue(std::string_view value, int line,
                                                     int value_column) {
  const std::vector<CodePoint> points = DecodeUtf8(value);
  const Cursor cursor{value, points, line, value_column};

  Result<std::vector<Span>> parts = SplitParts(cursor);
  if (!parts) return parts.error();

  std::vector<ParsedAddress> addresses;
  for (const Span& part : *parts) {
    Result<ParsedAddress> address = ParsePart(cursor, part);
    if (!address) return address.error();
    addresses.push_back(std::move(*address));
  }
  return addresses;
}

}  // namespace ngodesk::importer
