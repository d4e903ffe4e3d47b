// ngodesk where: resolves a place name or an address to the responsible
// office, one query from the command line or many with --batch (one query a
// line, or a CSV column with --csv).
//
// Exit codes: 0 with a result (also when ambiguous), 3 when nothing matched,
// 2 for bad usage or an invalid query. In batch mode: 2 when any line was
// invalid or the input could not be read, else 3 when any line matched
// nothing, else 0.
#include <cmath>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/command_registry.h"
#include "ngodesk/jurisdictions.h"
#include "ngodesk/resolver.h"

namespace ngodesk::cli {
namespace {

struct WhereOptions {
  std::string query;
  std::string procedure = "office";
  bool json = false;
  bool batch = false;
  std::string batch_file;  // empty or "-": standard input
  std::string csv_column;  // header name or 1-based column number
};

Procedure ParseProcedure(const std::string& name) {
  return name == "activity" ? Procedure::kActivity : Procedure::kOffice;
}

std::string DivisionText(const Division* division, bool chinese) {
  if (division == nullptr) return "-";
  return chinese ? division->name_zh + " (" + division->name_en + ")" : division->name_en + " (" + division->name_zh + ")";
}

// The human-readable form of a resolution, in the chosen language.
void PrintResolution(const Context& context, const Resolution& resolution) {
  const JurisdictionEntry* office = FindJurisdictionByOfficeId(resolution.office_id);
  const std::string office_en = office != nullptr ? std::string(office->office_id) + ": " + std::string(office->office_en)
                                                  : "none in the mainland";
  const std::string office_zh = office != nullptr ? std::string(office->office_id) + "：" + std::string(office->office_zh)
                                                  : "内地无对应机关";
  context.Print("Office: " + office_en, "机关：" + office_zh);

  const DivisionChain& chain = resolution.chain;
  const std::string province_en = DivisionText(chain.province, false);
  const std::string prefecture_en = DivisionText(chain.prefecture, false);
  const std::string county_en = DivisionText(chain.county, false);
  context.Print("Division: " + province_en + " > " + prefecture_en + " > " + county_en,
                "行政区划：" + DivisionText(chain.province, true) + " > " + DivisionText(chain.prefecture, true) + " > " +
                    DivisionText(chain.county, true));

  for (const MatchedPart& part : resolution.matched) {
    const std::string target = part.division != nullptr ? part.division->name_zh : "公安部 / national level";
    const std::string how = std::string(MatchKindName(part.kind));
    const std::string note = part.note.empty() ? "" : " (" + part.note + ")";
    context.Print("Matched: " + part.text + " -> " + target + " [" + how + "]" + note,
                  "匹配：" + part.text + " -> " + target + " [" + how + "]" + note);
  }
  const std::string confidence = std::to_string(static_cast<int>(resolution.confidence * 100 + 0.5)) + "%";
  context.Print("Confidence: " + confidence + (resolution.ambiguous ? ", ambiguous" : "") +
                    (resolution.corrected ? ", corrected" : ""),
                "可信度：" + confidence + (resolution.ambiguous ? "，有歧义" : "") + (resolution.corrected ? "，已更正" : ""));
  if (resolution.ambiguous) {
    for (const Candidate& candidate : resolution.candidates) {
      const DivisionChain& option = candidate.chain;
      const Division* deepest = option.deepest();
      // The larger divisions that tell this candidate apart: 朝阳区 in Changchun, Jilin.
      std::string where_en = DivisionText(option.province, false);
      std::string where_zh = DivisionText(option.province, true);
      if (option.prefecture != nullptr && option.prefecture != option.province && option.prefecture != deepest) {
        where_en = DivisionText(option.prefecture, false) + ", " + where_en;
        where_zh += " " + DivisionText(option.prefecture, true);
      }
      const std::string office_id = candidate.office_id.empty() ? "-" : candidate.office_id;
      context.Print("  candidate: " + DivisionText(deepest, false) + " in " + where_en + ", office " + office_id,
                    "  候选：" + where_zh + " " + DivisionText(deepest, true) + "，机关 " + office_id);
    }
  }
  if (!resolution.rule.id.empty()) {
    context.Print("Rule (" + std::string(resolution.rule.citation) + "): " + std::string(resolution.rule.text.en),
                  "规则（" + std::string(resolution.rule.citation_zh) + "）：" + std::string(resolution.rule.text.zh));
  }
  for (const Note& note : resolution.notes) {
    context.Print("Note: " + std::string(note.en), "注意：" + std::string(note.zh));
  }
}

int RunSingle(Context& context, const WhereOptions& options) {
  const Procedure procedure = ParseProcedure(options.procedure);
  const Result<Resolution> resolution = Resolver::Bundled().Resolve(options.query, procedure);
  if (!resolution.ok()) {
    if (options.json) *context.out << ResolutionErrorToJson(options.query, resolution.error()) << '\n';
    return context.Fail(resolution.error());
  }
  if (options.json) {
    *context.out << ResolutionToJson(options.query, procedure, *resolution) << '\n';
  } else if (resolution->found) {
    PrintResolution(context, *resolution);
  } else {
    context.Print("No Chinese division found in \"" + options.query + "\".",
                  "未在“" + options.query + "”中找到中国的行政区划。");
  }
  return resolution->found ? kExitOk : kExitNoMatch;
}

// Reads the whole input of --batch: a file, or standard input for "" or "-".
Result<std::string> ReadBatchInput(const std::string& path) {
  std::stringstream buffer;
  if (path.empty() || path == "-") {
    buffer << std::cin.rdbuf();
    return buffer.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error::Io("cannot open the batch file " + path + ": check the path and permissions",
                     "无法打开批量文件 " + path + "：请检查路径和权限");
  }
  buffer << in.rdbuf();
  return buffer.str();
}

// Batch results: the worst outcome decides the exit code.
struct BatchTally {
  bool invalid = false;
  bool unmatched = false;

  int ExitCode() const {
    if (invalid) return kExitUsage;
    if (unmatched) return kExitNoMatch;
    return kExitOk;
  }
};

int RunLines(Context& context, const WhereOptions& options, std::string_view input) {
  const Procedure procedure = ParseProcedure(options.procedure);
  BatchTally tally;
  int line_number = 0;
  while (!input.empty()) {
    const std::size_t end = std::min(input.find('\n'), input.size());
    std::string_view line = input.substr(0, end);
    input.remove_prefix(std::min(end + 1, input.size()));
    ++line_number;
    if (line_number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    const Result<Resolution> resolution = Resolver::Bundled().Resolve(line, procedure);
    std::string json = resolution.ok() ? ResolutionToJson(line, procedure, *resolution)
                                       : ResolutionErrorToJson(line, resolution.error());
    json.insert(1, "\"line\":" + std::to_string(line_number) + ",");
    *context.out << json << '\n';
    tally.invalid = tally.invalid || !resolution.ok();
    tally.unmatched = tally.unmatched || (resolution.ok() && !resolution->found);
  }
  return tally.ExitCode();
}

// RFC 4180 CSV: fields separated by commas, optionally quoted with '"',
// quotes doubled inside quoted fields, records ended by CRLF or LF.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {
    if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
  }

  bool Next(std::vector<std::string>* record) {
    record->clear();
    if (pos_ >= text_.size()) return false;
    std::string field;
    bool quoted = false;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (quoted) {
        if (c == '"' && pos_ < text_.size() && text_[pos_] == '"') {
          field.push_back('"');
          ++pos_;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.push_back(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record->push_back(std::move(field));
        field.clear();
      } else if (c == '\n') {
        break;
      } else if (c != '\r') {
        field.push_back(c);
      }
    }
    record->push_back(std::move(field));
    return true;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

std::string CsvField(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  return quoted + "\"";
}

std::string CsvRecord(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line.push_back(',');
    line += CsvField(fields[i]);
  }
  return line + "\r\n";
}

constexpr const char* kCsvResultColumns[] = {
    "office_id",       "province_code", "province_zh", "province_en", "prefecture_code", "prefecture_zh",
    "prefecture_en",   "county_code",   "county_zh",   "county_en",   "confidence",      "ambiguous",
    "corrected",       "error",
};

void AppendDivision(std::vector<std::string>& row, const Division* division) {
  row.push_back(division != nullptr ? division->code : "");
  row.push_back(division != nullptr ? division->name_zh : "");
  row.push_back(division != nullptr ? division->name_en : "");
}

Result<std::size_t> FindCsvColumn(const std::vector<std::string>& header, const std::string& column) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == column) return i;
  }
  const bool numeric = !column.empty() && column.find_first_not_of("0123456789") == std::string::npos;
  if (numeric && column.size() < 6) {
    const std::size_t number = std::stoul(column);
    if (number >= 1 && number <= header.size()) return number - 1;
  }
  return Error::InvalidArgument("the CSV has no column \"" + column +
                                    "\": give a header name of the first line or a column number from 1",
                                "CSV 中没有列“" + column + "”：请给出第一行中的列名或从 1 开始的列号");
}

int RunCsv(Context& context, const WhereOptions& options, std::string_view input) {
  const Procedure procedure = ParseProcedure(options.procedure);
  CsvReader reader(input);
  std::vector<std::string> header;
  if (!reader.Next(&header)) {
    return context.Fail(Error::InvalidArgument("the CSV input is empty: the first line must be a header",
                                               "CSV 输入为空：第一行应为表头"));
  }
  const Result<std::size_t> column = FindCsvColumn(header, options.csv_column);
  if (!column.ok()) return context.Fail(column.error());

  if (input.starts_with("\xEF\xBB\xBF")) *context.out << "\xEF\xBB\xBF";
  std::vector<std::string> out_header = header;
  out_header.insert(out_header.end(), std::begin(kCsvResultColumns), std::end(kCsvResultColumns));
  *context.out << CsvRecord(out_header);

  BatchTally tally;
  std::vector<std::string> record;
  int record_number = 1;
  while (reader.Next(&record)) {
    ++record_number;
    const std::string query = *column < record.size() ? record[*column] : "";
    const Result<Resolution> resolution = Resolver::Bundled().Resolve(query, procedure);
    std::vector<std::string> row = record;
    row.resize(header.size());
    if (!resolution.ok()) {
      row.insert(row.end(), std::size(kCsvResultColumns) - 1, "");
      row.push_back("record " + std::to_string(record_number) + ": " + resolution.error().message);
      tally.invalid = true;
    } else {
      const Resolution& result = *resolution;
      row.push_back(result.office_id);
      AppendDivision(row, result.chain.province);
      AppendDivision(row, result.chain.prefecture);
      AppendDivision(row, result.chain.county);
      row.push_back(result.found ? fmt::format("{:.2f}", std::round(result.confidence * 100) / 100) : "");
      row.push_back(result.ambiguous ? "true" : "false");
      row.push_back(result.corrected ? "true" : "false");
      row.push_back(result.found ? "" : "no Chinese division found");
      tally.unmatched = tally.unmatched || !result.found;
    }
    *context.out << CsvRecord(row);
  }
  return tally.ExitCode();
}

int RunWhere(Context& context, const WhereOptions& options) {
  if (!options.batch) {
    if (!options.csv_column.empty()) {
      return context.Fail(Error::InvalidArgument("--csv needs --batch: ngodesk where --batch FILE --csv COLUMN",
                                                 "--csv 需要与 --batch 一起使用：ngodesk where --batch 文件 --csv 列"));
    }
    return RunSingle(context, options);
  }
  if (!options.query.empty() && options.batch_file.empty()) {
    return context.Fail(Error::InvalidArgument("give either a QUERY or --batch, not both",
                                               "请只给出查询或 --batch 之一"));
  }
  const Result<std::string> input = ReadBatchInput(options.batch_file);
  if (!input.ok()) return context.Fail(input.error());
  return options.csv_column.empty() ? RunLines(context, options, *input) : RunCsv(context, options, *input);
}

void SetupWhere(CLI::App& app, Context& context) {
  auto options = std::make_shared<WhereOptions>();
  CLI::App* command = app.add_subcommand(
      "where",
      "Find the office for a place name or address (Chinese, traditional Chinese, pinyin or English).\n"
      "根据地名或地址（简体、繁体、拼音或英文）查找负责的登记管理机关。");
  command->add_option("query", options->query, "Place name or address / 地名或地址");
  command->add_option("--procedure", options->procedure,
                      "office: register a representative office (default); activity: file a temporary activity / "
                      "office：设立代表机构登记（默认）；activity：临时活动备案")
      ->check(CLI::IsMember({"office", "activity"}));
  command->add_flag("--json", options->json, "Print the result as JSON / 以 JSON 输出");
  command->add_option("--batch", options->batch_file,
                      "Resolve one query a line from FILE, or standard input when FILE is - or omitted, and print one "
                      "JSON object a line / 从文件（省略或为 - 时从标准输入）逐行查询，每行输出一个 JSON 对象")
      ->expected(0, 1);
  command->add_option("--csv", options->csv_column,
                      "With --batch: read CSV, resolve the column with this header name or number, and write CSV "
                      "with the result columns added / 与 --batch 一起使用：读取 CSV，按该列名或列号查询，输出加上结果列的 CSV");
  command->callback([&context, options, command] {
    options->batch = command->count("--batch") > 0;
    if (!options->batch && options->query.empty()) {
      context.exit_code = context.Fail(Error::InvalidArgument(
          "missing QUERY: ngodesk where 苏州市姑苏区 or ngodesk where --batch FILE",
          "缺少查询：ngodesk where 苏州市姑苏区，或 ngodesk where --batch 文件"));
      return;
    }
    context.exit_code = RunWhere(context, *options);
  });
}

}  // namespace

NGODESK_REGISTER_COMMAND(SetupWhere);

}  // namespace ngodesk::cli
