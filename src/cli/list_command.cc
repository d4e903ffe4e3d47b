// ngodesk list: one line per office with its jurisdiction in both languages,
// its first phone number and how many of its numbers are confirmed.
#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/cli_util.h"
#include "cli/command_registry.h"
#include "ngodesk/office_json.h"

namespace ngodesk::cli {
namespace {

struct ListOptions {
  bool json = false;
};

// The number to show first: the E.164 form when the text could be
// normalised, the published text otherwise.
std::string FirstPhone(const Office& office) {
  if (office.phones.empty()) return "-";
  const PhoneNumber& phone = office.phones.front();
  return phone.e164.empty() ? phone.text : phone.e164;
}

std::size_t ConfirmedCount(const Office& office) {
  return static_cast<std::size_t>(
      std::count_if(office.phones.begin(), office.phones.end(),
                    [](const PhoneNumber& p) { return p.confirmed(); }));
}

void PrintTable(Context& context, const std::vector<Office>& offices) {
  using Row = std::array<std::string, 5>;
  std::vector<Row> rows;
  rows.push_back(context.chinese() ? Row{"ID", "Jurisdiction", "辖区", "首个电话", "已确认"}
                                   : Row{"ID", "Jurisdiction", "辖区", "First phone", "Confirmed"});
  for (const Office& office : offices) {
    rows.push_back(
        Row{office.id, office.jurisdiction.name.en, office.jurisdiction.name.zh, FirstPhone(office),
            std::to_string(ConfirmedCount(office)) + "/" + std::to_string(office.phones.size())});
  }

  std::array<std::size_t, 5> widths{};
  for (const Row& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i)
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
  }
  for (const Row& row : rows) {
    std::string line;
    for (std::size_t i = 0; i + 1 < row.size(); ++i) line += PadToWidth(row[i], widths[i] + 2);
    line += row.back();
    *context.out << line << '\n';
  }
}

void PrintJson(Context& context, const std::vector<Office>& offices) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Office& office : offices) {
    const nlohmann::ordered_json full = OfficeToJson(office);
    list.push_back({{"id", office.id},
                    {"jurisdiction", full["jurisdiction"]},
                    {"first_phone", full["phones"].empty() ? nullptr : full["phones"][0]},
                    {"phones", office.phones.size()},
                    {"confirmed", ConfirmedCount(office)}});
  }
  const nlohmann::ordered_json document = {{"offices", list}};
  *context.out << document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
               << '\n';
}

int RunList(Context& context, const ListOptions& options) {
  Result<Store> store = OpenStoreForCli(context);
  if (!store.ok()) return context.Fail(store.error());

  Result<std::vector<Office>> offices = store->ListOffices();
  if (!offices.ok()) return context.Fail(offices.error());

  if (options.json) {
    PrintJson(context, *offices);
  } else {
    PrintTable(context, *offices);
  }
  return kExitOk;
}

void SetupList(CLI::App& app, Context& context) {
  auto options = std::make_shared<ListOptions>();
  CLI::App* command = app.add_subcommand(
      "list",
      "List the offices: id, jurisdiction in English and Chinese, first phone number, confirmed "
      "numbers out of all.\n列出各机关：id、中英文辖区、首个电话号码、已确认号码数/号码总数。");
  command->add_flag(
      "--json", options->json,
      "Print a JSON object with an \"offices\" array instead of a table / 以 JSON 输出");
  command->callback([&context, options] { context.exit_code = RunList(context, *options); });
}

}  // namespace

NGODESK_REGISTER_COMMAND(SetupList);

}  // namespace ngodesk::cli
