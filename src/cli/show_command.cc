// ngodesk show ID: the whole record of one office, as labelled text with
// English and Chinese labels, or as the JSON object of the export.
#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cli/cli_util.h"
#include "cli/command_registry.h"
#include "ngodesk/jurisdictions.h"
#include "ngodesk/office_json.h"

namespace ngodesk::cli {
namespace {

struct ShowOptions {
  std::string id;
  bool json = false;
};

// Labelled lines: a label in the first column, continuation lines with an
// empty label. Printed with the label column as wide as the widest label.
class RecordWriter {
 public:
  void Add(std::string label, std::string value) {
    lines_.emplace_back(std::move(label), std::move(value));
  }
  void Continue(std::string value) { Add("", std::move(value)); }

  void Print(std::ostream& out) const {
    std::size_t width = 0;
    for (const auto& [label, value] : lines_) width = std::max(width, DisplayWidth(label));
    for (const auto& [label, value] : lines_) {
      out << (value.empty() ? label : PadToWidth(label, width + 2) + value) << '\n';
    }
  }

 private:
  std::vector<std::pair<std::string, std::string>> lines_;
};

std::string Numbered(const std::string& label, std::size_t index, std::size_t count) {
  return count > 1 ? label + " " + std::to_string(index + 1) : label;
}

std::string KindText(JurisdictionKind kind) {
  switch (kind) {
    case JurisdictionKind::kNational:
      return "national 全国";
    case JurisdictionKind::kProvince:
      return "province-level 省级";
    case JurisdictionKind::kBingtuan:
      return "Bingtuan 兵团";
  }
  return {};
}

void AddNames(RecordWriter& record, const Office& office) {
  record.Add("Name 名称", office.name.en);
  record.Continue(office.name.zh);

  const Jurisdiction& jurisdiction = office.jurisdiction;
  std::string detail = KindText(jurisdiction.kind);
  if (!jurisdiction.code.empty()) detail += ", GB/T 2260 " + jurisdiction.code;
  record.Add("Jurisdiction 辖区",
             jurisdiction.name.en + " / " + jurisdiction.name.zh + " (" + detail + ")");

  if (office.city) {
    std::string city = office.city->name.en + " / " + office.city->name.zh;
    if (!office.city->code.empty()) city += " (" + office.city->code + ")";
    record.Add("City 所在城市", city);
  }
}

void AddAddresses(RecordWriter& record, const Office& office) {
  if (office.addresses.empty()) record.Add("Address 地址", "none 无");
  for (std::size_t i = 0; i < office.addresses.size(); ++i) {
    const Address& address = office.addresses[i];
    record.Add(Numbered("Address 地址", i, office.addresses.size()), address.text.en);
    record.Continue(address.text.zh);
    std::string origin = address.source_id.empty() ? "" : "source 来源: " + address.source_id;
    if (!address.note.empty()) origin += (origin.empty() ? "" : "; ") + address.note;
    if (!origin.empty()) record.Continue(origin);
  }
}

void AddNumbers(RecordWriter& record, const std::string& label,
                const std::vector<PhoneNumber>& numbers) {
  if (numbers.empty()) record.Add(label, "none 无");
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    const PhoneNumber& number = numbers[i];
    std::string line = number.e164.empty() ? "not normalised 未能规范化" : number.e164;
    if (!number.national.empty()) line += "  " + number.national;
    if (!number.extension.empty()) line += " ext. 分机 " + number.extension;
    line += "  (published 原文: " + number.text + ")";
    record.Add(Numbered(label, i, numbers.size()), line);

    if (number.confirmed()) record.Continue("confirmed on 确认于 " + number.confirmed_on);
    if (number.possibly_out_of_date()) {
      record.Continue("possibly out of date: a call on " + number.last_failed_call_on +
                      " did not reach the office 可能已过时：" + number.last_failed_call_on +
                      " 的通话未能接通");
    }
    if (number.area_code_inferred) {
      record.Continue("area code inferred from the number before 区号取自前一号码");
    }
  }
}

void AddList(RecordWriter& record, const std::string& label,
             const std::vector<std::string>& values) {
  if (values.empty()) record.Add(label, "none 无");
  for (const std::string& value : values) record.Add(label, value);
}

void AddHours(RecordWriter& record, const Hours& hours) {
  record.Add("Hours 办公时间", hours.text.value_or("not published 未公布"));
  if (!hours.expression.empty()) record.Add("Hours rule 时间规则", hours.expression);
  if (hours.assumed) {
    record.Add("Assumed 假设", hours.assumption.en);
    if (!hours.assumption.zh.empty()) record.Continue(hours.assumption.zh);
  }
}

void AddProvenance(RecordWriter& record, const Office& office) {
  for (const Source& source : office.sources) {
    std::string line = "[" + source.id + "] " + source.title;
    if (!source.date.empty()) line += ", " + source.date;
    if (!source.note.empty()) line += "; " + source.note;
    record.Add("Source 来源", line);
  }
  for (const Correction& correction : office.corrections) {
    record.Add("Correction 更正", correction.field + ": \"" + correction.published + "\" -> \"" +
                                      correction.corrected + "\"");
    record.Continue(correction.reason);
  }
  for (const FieldChange& change : office.field_changes) {
    record.Add("Changed 更改", change.field + " " + change.changed_at + " (history 历史记录 " +
                                   std::to_string(change.change_id) + ")");
  }
}

void PrintRecord(Context& context, const Office& office) {
  RecordWriter record;
  record.Add(office.id + "  " + office.jurisdiction.name.zh, "");
  AddNames(record, office);
  AddAddresses(record, office);
  AddNumbers(record, "Phone 电话", office.phones);
  AddNumbers(record, "Fax 传真", office.faxes);
  AddList(record, "Email 电子邮件", office.emails);
  AddList(record, "Website 网站", office.websites);
  AddHours(record, office.hours);
  AddProvenance(record, office);
  record.Print(*context.out);
}

int RunShow(Context& context, const ShowOptions& options) {
  Result<Store> store = OpenStoreForCli(context);
  if (!store.ok()) return context.Fail(store.error());

  Result<Office> office = FindOfficeByUserQuery(*store, options.id);
  if (!office.ok()) return context.Fail(office.error());

  if (options.json) {
    *context.out << OfficeToJson(*office).dump(2, ' ', false,
                                                nlohmann::ordered_json::error_handler_t::replace)
                 << '\n';
  } else {
    PrintRecord(context, *office);
  }
  return kExitOk;
}

void SetupShow(CLI::App& app, Context& context) {
  auto options = std::make_shared<ShowOptions>();
  CLI::App* command =
      app.add_subcommand("show", "Show the whole record of one office.\n显示一个机关的完整记录。");
  command
      ->add_option("ID", options->id,
                   "Office id as listed by `ngodesk list`, or the province's GB/T 2260 code or "
                   "name (320000, 江苏省, 江苏, Jiangsu Province) / 机关 id、省级代码或名称")
      ->required();
  command->add_flag(
      "--json", options->json,
      "Print the office as a JSON object of the export format / 以导出格式的 JSON 输出");
  command->callback([&context, options] { context.exit_code = RunShow(context, *options); });
}

}  // namespace

NGODESK_REGISTER_COMMAND(SetupShow);

}  // namespace ngodesk::cli
