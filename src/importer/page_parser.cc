// The page parser: blocks and field lines (page_lines.h) become Office
// records. Every problem is collected as an Error with line and column so
// that one run reports them all.
#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "importer/address_field.h"
#include "importer/page_lines.h"
#include "importer/province_inference.h"
#include "importer/text.h"
#include "ngodesk/gazetteer.h"
#include "ngodesk/hours_text.h"
#include "ngodesk/jurisdictions.h"
#include "ngodesk/page_importer.h"
#include "ngodesk/phone.h"

namespace ngodesk {
namespace {

using importer::Block;
using importer::FieldKind;
using importer::FieldLine;
using importer::PageLine;

constexpr char kConfirmationMark[] = "*";
constexpr char kWideConfirmationMark[] = "＊";

const char* const kExpectedLabels =
    "Address, Telephone, Fax, Regular Working Hours, Email or Website";

struct PageContext {
  const Gazetteer& gazetteer;
  Source source;
  std::vector<Error>& errors;
  std::vector<OfficeWarning>& warnings;
};

// One comma-separated item of a list value with its byte offset in the value.
struct ListItem {
  std::string text;
  std::size_t offset = 0;
};

std::vector<ListItem> SplitList(std::string_view value) {
  std::vector<ListItem> items;
  std::size_t start = 0;
  for (const importer::CodePoint& point : importer::DecodeUtf8(value)) {
    const char32_t c = point.value;
    if (c != U',' && c != U'，' && c != U'、' && c != U';' && c != U'；') continue;
    items.push_back({std::string(value.substr(start, point.offset - start)), start});
    start = point.offset + point.length;
  }
  items.push_back({std::string(value.substr(start)), start});

  for (ListItem& item : items) {
    const std::size_t lead = item.text.find_first_not_of(" \t");
    item.offset += lead == std::string::npos ? 0 : lead;
    item.text = importer::Trim(item.text);
  }
  return items;
}

int ColumnInValue(const FieldLine& field, std::size_t offset) {
  return field.value_column + importer::ColumnAt(field.value, offset) - 1;
}

// Reads a Telephone or Fax list. A number without area code takes the area
// code of the number before it in the same list.
std::vector<PhoneNumber> ParsePhoneList(const FieldLine& field, int line, PageContext& context) {
  std::vector<PhoneNumber> numbers;
  std::string previous_area_code;
  for (const ListItem& item : SplitList(field.value)) {
    const int column = ColumnInValue(field, item.offset);
    std::string text = item.text;
    bool confirmed = false;
    for (std::string_view mark :
         {std::string_view(kConfirmationMark), std::string_view(kWideConfirmationMark)}) {
      if (text.ends_with(mark)) {
        text = importer::Trim(std::string_view(text).substr(0, text.size() - mark.size()));
        confirmed = true;
      }
    }
    if (text.empty()) {
      context.errors.push_back(
          Error::Parse(line, column,
                       "empty number in " + std::string(FieldName(field.kind)) + " list \"" +
                           importer::Trim(field.value) + "\"",
                       "号码列表“" + importer::Trim(field.value) + "”中有空号码"));
      continue;
    }

    Result<NormalizedPhone> normalized = NormalizePhone(text);
    if (!normalized && !previous_area_code.empty())
      normalized = NormalizePhone(text, previous_area_code);
    if (!normalized && IsLocalNumberWithoutAreaCode(text)) {
      context.errors.push_back(Error::Parse(
          line, column,
          "\"" + text + "\" has no area code and no number before it in the list gives one; " +
              "write it with its area code, for example 025-" + text,
          "“" + text + "”没有区号，列表中也没有可沿用区号的前一个号码；请写上区号，例如 025-" +
              text));
      continue;
    }
    if (!normalized) {
      const Error& cause = normalized.error();
      context.errors.push_back(Error::Parse(line, column, cause.message, cause.message_zh));
      continue;
    }

    PhoneNumber number;
    number.text = text;
    number.e164 = normalized->e164;
    number.national = normalized->national;
    number.extension = normalized->extension;
    number.area_code_inferred = normalized->area_code_completed;
    number.source_id = context.source.id;
    if (confirmed) number.confirmed_on = context.source.date;
    if (!normalized->area_code.empty()) previous_area_code = normalized->area_code;
    numbers.push_back(std::move(number));
  }
  return numbers;
}

std::vector<std::string> SplitWords(std::string_view value) {
  std::vector<std::string> words;
  for (const ListItem& item : SplitList(value)) {
    std::size_t start = 0;
    const std::string& text = item.text;
    while (start < text.size()) {
      const std::size_t space = std::min(text.find(' ', start), text.size());
      if (space > start) words.push_back(text.substr(start, space - start));
      start = space + 1;
    }
  }
  return words;
}

// The fields of one entry block, each kept with its line. `complete` is
// false when a line of the block was reported. The fields read so far are
// still checked, so one run reports every problem.
struct EntryFields {
  const JurisdictionEntry* heading = nullptr;
  bool heading_unknown = false;
  bool complete = true;
  int first_line = 0;
  std::map<FieldKind, std::pair<FieldLine, int>> fields;
};

void ReportUnrecognised(const PageLine& line, PageContext& context, std::string_view why_en,
                        std::string_view why_zh) {
  const std::string text = importer::Trim(line.text);
  const std::size_t lead = line.text.find_first_not_of(" \t");
  const int column = importer::ColumnAt(line.text, lead == std::string_view::npos ? 0 : lead);
  context.errors.push_back(Error::Parse(
      line.number, column,
      std::string(why_en) + ": \"" + text + "\"; expected a heading or a field (" +
          kExpectedLabels + ")",
      std::string(why_zh) + "：“" + text + "”；应为标题或字段（" + kExpectedLabels + "）"));
}

EntryFields ReadEntryFields(const Block& block, PageContext& context) {
  EntryFields entry;
  entry.first_line = block.lines.front().number;
  for (std::size_t i = 0; i < block.lines.size(); ++i) {
    const PageLine& line = block.lines[i];
    std::optional<FieldLine> field = importer::MatchField(line.text);
    if (!field && i == 0 && block.lines.size() > 1) {
      entry.heading = importer::FindJurisdictionByHeading(line.text);
      if (entry.heading == nullptr) {
        ReportUnrecognised(line, context, "unknown heading", "无法识别的标题");
        entry.heading_unknown = true;
        entry.complete = false;
      }
      continue;
    }
    if (!field) {
      ReportUnrecognised(line, context, "unrecognised line in the entries section",
                         "条目部分中无法识别的行");
      entry.complete = false;
      continue;
    }
    if (entry.fields.contains(field->kind)) {
      const int first = entry.fields.at(field->kind).second;
      context.errors.push_back(
          Error::Parse(line.number, 1,
                       "second " + std::string(FieldName(field->kind)) +
                           " line in one entry (the first is on line " + std::to_string(first) +
                           "); join the values into one line",
                       "同一条目中出现第二个“" + std::string(FieldName(field->kind)) +
                           "”行（第一个在第 " + std::to_string(first) + " 行）；请合并为一行"));
      entry.complete = false;
      continue;
    }
    entry.fields.emplace(field->kind, std::make_pair(*field, line.number));
  }
  return entry;
}

const JurisdictionEntry* InferJurisdiction(const EntryFields& entry,
                                           const std::vector<Address>& addresses,
                                           PageContext& context) {
  if (entry.heading != nullptr) return entry.heading;
  if (entry.heading_unknown) return nullptr;  // already reported; the address must not overrule it
  if (addresses.empty()) {
    context.errors.push_back(
        Error::Parse(entry.first_line, 1,
                     "entry has neither a heading nor an address, so its office is unknown; "
                     "add a heading line such as \"Inner Mongolia\"",
                     "条目既无标题也无地址，无法确定所属机关；请添加标题行，例如“Inner Mongolia”"));
    return nullptr;
  }

  const Address& first = addresses.front();
  const JurisdictionEntry* from_zh =
      importer::InferFromChineseAddress(first.text.zh, context.gazetteer);
  const JurisdictionEntry* from_en =
      importer::InferFromEnglishAddress(first.text.en, context.gazetteer);
  if (from_zh != nullptr && from_en != nullptr && from_zh != from_en) {
    context.warnings.push_back(
        {std::string(from_zh->office_id),
         "addresses[0]",
         "address-province-conflict",
         {"the Chinese address points to " + std::string(from_zh->name_en) +
              " but the English address to " + std::string(from_en->name_en) +
              "; the Chinese address decides",
          "中文地址指向" + std::string(from_zh->name_zh) + "，英文地址却指向" +
              std::string(from_en->name_zh) + "；以中文地址为准"},
         entry.first_line});
  }
  if (from_zh != nullptr) return from_zh;
  if (from_en != nullptr) return from_en;

  context.errors.push_back(Error::Parse(
      entry.first_line, 1,
      "cannot tell the province of the entry with address \"" + first.text.en + " (" +
          first.text.zh + ")\"; add a heading line naming its office",
      "无法判断地址为“" + first.text.zh + "”的条目属于哪个省级单位；请添加标明机关的标题行"));
  return nullptr;
}

std::optional<Office> BuildOffice(const EntryFields& entry, PageContext& context) {
  const std::size_t errors_before = context.errors.size();
  std::vector<Address> addresses;
  if (auto it = entry.fields.find(FieldKind::kAddress); it != entry.fields.end()) {
    const auto& [field, line] = it->second;
    Result<std::vector<importer::ParsedAddress>> parsed =
        importer::ParseAddressValue(field.value, line, field.value_column);
    if (!parsed) {
      context.errors.push_back(parsed.error());
    } else {
      for (const importer::ParsedAddress& part : *parsed) {
        addresses.push_back({{part.en, part.zh}, context.source.id, part.note});
      }
    }
  }

  // A broken address already has its error; inferring from nothing would add a second.
  const bool address_failed = context.errors.size() != errors_before;
  const JurisdictionEntry* jurisdiction =
      address_failed ? nullptr : InferJurisdiction(entry, addresses, context);
  Office office = jurisdiction != nullptr ? MakeOfficeSkeleton(*jurisdiction) : Office{};
  office.addresses = std::move(addresses);
  office.sources.push_back(context.source);

  for (FieldKind kind : {FieldKind::kTelephone, FieldKind::kFax}) {
    auto it = entry.fields.find(kind);
    if (it == entry.fields.end()) continue;
    std::vector<PhoneNumber> numbers = ParsePhoneList(it->second.first, it->second.second, context);
    (kind == FieldKind::kTelephone ? office.phones : office.faxes) = std::move(numbers);
  }
  if (auto it = entry.fields.find(FieldKind::kEmail); it != entry.fields.end()) {
    office.emails = SplitWords(it->second.first.value);
  }
  if (auto it = entry.fields.find(FieldKind::kWebsite); it != entry.fields.end()) {
    office.websites = SplitWords(it->second.first.value);
  }

  std::optional<std::string> hours_text;
  if (auto it = entry.fields.find(FieldKind::kHours); it != entry.fields.end()) {
    hours_text = importer::Trim(it->second.first.value);
  }
  office.hours = DeriveHours(hours_text);
  if (hours_text) office.hours.source_id = context.source.id;

  if (!entry.complete || jurisdiction == nullptr || context.errors.size() != errors_before)
    return std::nullopt;
  return office;
}

std::string_view ListName(FieldKind kind) {
  switch (kind) {
    case FieldKind::kAddress:
      return "addresses";
    case FieldKind::kTelephone:
      return "phones";
    case FieldKind::kFax:
      return "fax";
    case FieldKind::kHours:
      return "hours";
    case FieldKind::kEmail:
      return "emails";
    case FieldKind::kWebsite:
      return "websites";
  }
  return "addresses";
}

void RecordLocations(const EntryFields& entry, const Office& office,
                     std::vector<FieldLocation>& locations) {
  for (const auto& [kind, field_and_line] : entry.fields) {
    locations.push_back({office.id, std::string(ListName(kind)), field_and_line.second});
  }
}

bool IsEntryBlock(const Block& block) {
  return std::any_of(block.lines.begin(), block.lines.end(), [](const PageLine& line) {
    return importer::MatchField(line.text).has_value();
  });
}

// Prose around the entries: the date line and title are read from it, and a
// line with a misspelt field label is an error, because it is probably an
// entry that would otherwise vanish with the prose.
struct Prose {
  std::optional<std::string> date;
  int date_line = 0;
  std::string title;
};

Prose ReadProse(const std::vector<Block>& blocks, std::size_t begin, std::size_t end,
                std::vector<Error>& errors) {
  Prose prose;
  for (std::size_t b = begin; b < end; ++b) {
    for (const PageLine& line : blocks[b].lines) {
      if (const std::string label = importer::MisspeltFieldLabel(line.text); !label.empty()) {
        errors.push_back(
            Error::Parse(line.number, 1,
                         "unknown field label \"" + label + "\" in \"" + importer::Trim(line.text) +
                             "\"; expected " + kExpectedLabels,
                         "无法识别的字段名“" + label + "”（“" + importer::Trim(line.text) +
                             "”）；应为 " + kExpectedLabels));
        continue;
      }
      if (!prose.date) {
        prose.date = importer::ParseDateLine(line.text);
        if (prose.date) prose.date_line = line.number;
        continue;
      }
      if (prose.title.empty() && blocks[b].lines.size() == 1)
        prose.title = importer::Trim(line.text);
    }
  }
  return prose;
}

Source MakeSource(const PageOptions& options, const Prose& prose, std::vector<Error>& errors) {
  Source source;
  if (!options.date.empty() && !importer::IsIsoDate(options.date)) {
    errors.push_back(
        Error::InvalidArgument("invalid page date \"" + options.date + "\": expected YYYY-MM-DD",
                               "页面日期“" + options.date + "”无效：应为 YYYY-MM-DD"));
  }
  source.date = !options.date.empty() ? options.date : prose.date.value_or("");
  if (source.date.empty()) {
    errors.push_back(Error::InvalidArgument(
        "the page has no date line (such as \"April 23, 2017\") before its entries; give the date "
        "with --date",
        "页面条目之前没有日期行（如“April 23, 2017”）；请用 --date 指定日期"));
  }
  source.id = !options.source_id.empty() ? options.source_id : "page-" + source.date;
  source.title = !options.source_title.empty() ? options.source_title
                 : !prose.title.empty()
                     ? prose.title
                     : "Published list of registration offices of " + source.date;
  return source;
}

void AddMissingOfficeWarnings(const std::vector<Office>& offices,
                              std::vector<OfficeWarning>& warnings) {
  for (const JurisdictionEntry& entry : Jurisdictions()) {
    const bool present = std::any_of(offices.begin(), offices.end(), [&](const Office& office) {
      return office.id == entry.office_id;
    });
    if (present) continue;
    warnings.push_back({std::string(entry.office_id),
                        "",
                        "office-missing",
                        {"the page lists no entry for " + std::string(entry.office_en),
                         "页面中没有" + std::string(entry.office_zh) + "的条目"},
                        0});
  }
}

std::size_t JurisdictionIndex(const Office& office) {
  const auto all = Jurisdictions();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].office_id == office.id) return i;
  }
  return all.size();
}

// Adds an error for each byte that is not part of valid UTF-8 (at most 20)
// and returns whether there was any: such text would reach the store and the
// exports as bytes that no reader can decode.
bool ReportInvalidUtf8(std::string_view text, std::vector<Error>& errors) {
  constexpr std::size_t kMaxReported = 20;
  std::size_t reported = 0;
  int line = 1;
  std::size_t line_start = 0;
  std::size_t scanned = 0;
  for (const importer::CodePoint& point : importer::DecodeUtf8(text)) {
    for (; scanned < point.offset; ++scanned) {
      if (text[scanned] == '\n') {
        ++line;
        line_start = scanned + 1;
      }
    }
    const bool invalid = point.value == 0xFFFD && point.length == 1;
    if (!invalid || reported++ >= kMaxReported) continue;

    const std::size_t line_end = std::min(text.find('\n', line_start), text.size());
    const std::string_view line_text = text.substr(line_start, line_end - line_start);
    const int column = importer::ColumnAt(line_text, point.offset - line_start);
    char byte_text[8];
    std::snprintf(byte_text, sizeof byte_text, "0x%02X", static_cast<unsigned char>(text[point.offset]));
    const std::string byte = byte_text;
    errors.push_back(Error::Parse(line, column,
                                  "invalid UTF-8: byte " + byte + " is not part of a character; save the page as UTF-8",
                                  "无效的 UTF-8：字节 " + byte + " 不构成字符；请将页面另存为 UTF-8 编码"));
  }
  return reported > 0;
}

}  // namespace

int PageImport::LineOf(const std::string& office_id, const std::string& field) const {
  const std::string list = field.substr(0, field.find_first_of("[."));
  for (const FieldLocation& location : locations) {
    if (location.office_id == office_id && location.list == list) return location.line;
  }
  return 0;
}

PageImport ParsePage(std::string_view text, const PageOptions& options) {
  return ParsePage(text, options, Gazetteer::Bundled());
}

PageImport ParsePage(std::string_view text, const PageOptions& options,
                     const Gazetteer& gazetteer) {
  PageImport page;
  if (ReportInvalidUtf8(text, page.errors)) return page;
  const std::vector<Block> blocks = importer::SplitBlocks(text);

  std::size_t first_entry = blocks.size();
  std::size_t last_entry = 0;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (!IsEntryBlock(blocks[b])) continue;
    first_entry = std::min(first_entry, b);
    last_entry = b;
  }
  if (first_entry == blocks.size()) {
    page.errors.push_back(
        Error::Parse(1, 1,
                     "the page has no entries: no line starts with a field label (" +
                         std::string(kExpectedLabels) + ")",
                     "页面中没有条目：没有以字段名开头的行"));
    return page;
  }

  const Prose prose = ReadProse(blocks, 0, first_entry, page.errors);
  ReadProse(blocks, last_entry + 1, blocks.size(), page.errors);
  page.source = MakeSource(options, prose, page.errors);

  PageContext context{gazetteer, page.source, page.errors, page.warnings};
  std::map<std::string, int> office_lines;
  for (std::size_t b = first_entry; b <= last_entry; ++b) {
    if (!IsEntryBlock(blocks[b])) {
      for (const PageLine& line : blocks[b].lines) {
        ReportUnrecognised(line, context, "unrecognised line in the entries section",
                           "条目部分中无法识别的行");
      }
      continue;
    }
    const EntryFields entry = ReadEntryFields(blocks[b], context);
    std::optional<Office> office = BuildOffice(entry, context);
    if (!office) continue;

    if (auto [it, inserted] = office_lines.emplace(office->id, entry.first_line); !inserted) {
      page.errors.push_back(Error::Parse(
          entry.first_line, 1,
          "second entry for office \"" + office->id + "\" (the first starts on line " +
              std::to_string(it->second) + "); merge the entries or add the right heading",
          "机关“" + office->id + "”的第二个条目（第一个始于第 " + std::to_string(it->second) +
              " 行）；请合并条目或添加正确的标题"));
      continue;
    }
    RecordLocations(entry, *office, page.locations);
    page.offices.push_back(std::move(*office));
  }

  if (!page.errors.empty()) {
    std::stable_sort(page.errors.begin(), page.errors.end(), [](const Error& a, const Error& b) {
      return std::make_pair(a.line, a.column) < std::make_pair(b.line, b.column);
    });
    page.offices.clear();
    page.locations.clear();
    return page;
  }
  std::stable_sort(page.offices.begin(), page.offices.end(), [](const Office& a, const Office& b) {
    return JurisdictionIndex(a) < JurisdictionIndex(b);
  });
  AddMissingOfficeWarnings(page.offices, page.warnings);
  return page;
}

}  // namespace ngodesk
