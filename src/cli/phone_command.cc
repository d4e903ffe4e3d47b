// ngodesk phone: normalises one telephone number written as in China and
// prints its E.164 form, type, extension and validity.
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/command_registry.h"
#include "ngodesk/phone.h"

namespace ngodesk::cli {
namespace {

struct PhoneOptions {
  std::string text;
  std::string area_code;
  bool json = false;
};

void PrintJson(Context& context, const PhoneOptions& options,
               const Result<NormalizedPhone>& phone) {
  nlohmann::ordered_json out;
  out["input"] = options.text;
  if (!phone) {
    out["e164"] = nullptr;
    out["error"] = phone.error().Text(context.chinese());
  } else {
    out["e164"] = phone->e164;
    out["national"] = phone->national;
    out["type"] = PhoneTypeName(phone->type);
    out["extension"] = phone->extension.empty() ? nlohmann::ordered_json(nullptr)
                                                : nlohmann::ordered_json(phone->extension);
    out["valid"] = phone->valid;
    out["area_code_completed"] = phone->area_code_completed;
    const std::string location =
        DescribePhoneLocation(phone->e164, context.chinese() ? "zh" : "en");
    out["location"] =
        location.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(location);
  }
  *context.out << out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

// The type as a reader of Chinese would name it; the JSON keeps the English key.
std::string_view PhoneTypeNameZh(PhoneType type) {
  switch (type) {
    case PhoneType::kFixedLine:
      return "固定电话";
    case PhoneType::kMobile:
      return "手机";
    case PhoneType::kFixedLineOrMobile:
      return "固定电话或手机";
    case PhoneType::kTollFree:
      return "免费电话";
    case PhoneType::kPremiumRate:
      return "付费电话";
    case PhoneType::kSharedCost:
      return "分摊付费电话";
    case PhoneType::kVoip:
      return "网络电话";
    case PhoneType::kPersonalNumber:
      return "个人号码";
    case PhoneType::kPager:
      return "寻呼机";
    case PhoneType::kUan:
      return "统一接入号码";
    case PhoneType::kVoicemail:
      return "语音信箱";
    case PhoneType::kUnknown:
      break;
  }
  return "未知";
}

void PrintText(Context& context, const NormalizedPhone& phone) {
  const std::string type(PhoneTypeName(phone.type));
  context.Print("E.164:     " + phone.e164, "E.164：    " + phone.e164);
  context.Print("National:  " + phone.national, "国内格式：  " + phone.national);
  context.Print("Type:      " + type, "类型：      " + std::string(PhoneTypeNameZh(phone.type)));
  if (!phone.extension.empty())
    context.Print("Extension: " + phone.extension, "分机：      " + phone.extension);
  context.Print(std::string("Valid:     ") + (phone.valid ? "yes" : "no"),
                std::string("有效：      ") + (phone.valid ? "是" : "否"));
  if (phone.area_code_completed) {
    context.Print("Area code: completed from --area-code", "区号：      由 --area-code 补全");
  }
  const std::string location = DescribePhoneLocation(phone.e164, context.chinese() ? "zh" : "en");
  if (!location.empty()) context.Print("Location:  " + location, "所在地：    " + location);
}

int RunPhone(Context& context, const PhoneOptions& options) {
  const Result<NormalizedPhone> phone = NormalizePhone(options.text, options.area_code);
  if (options.json) PrintJson(context, options, phone);
  if (!phone) {
    if (options.json) return kExitUsage;
    return context.Fail(phone.error());
  }
  if (!options.json) PrintText(context, *phone);
  if (!phone->valid) {
    // The forms above are libphonenumber's best reading of the digits, but
    // no number range in China matches them, so the number cannot be trusted.
    context.PrintError("'" + options.text + "' is not a valid number in China: " + phone->e164 +
                           " matches no known number range. Check the digits and the area code.",
                       "“" + options.text + "”不是有效的中国号码：" + phone->e164 +
                           " 不属于任何已知号段。请核对号码和区号。");
    return kExitUsage;
  }
  return kExitOk;
}

void SetupPhone(CLI::App& app, Context& context) {
  auto options = std::make_shared<PhoneOptions>();
  CLI::App* command =
      app.add_subcommand("phone",
                         "Normalise a Chinese telephone number with libphonenumber: E.164, type, "
                         "extension, validity. A local "
                         "number without area code is an error unless --area-code is given. Exit 2 "
                         "when it cannot be normalised or is not a valid number.\n"
                         "用 libphonenumber 规范化中国电话号码。不带区号的本地号码须用 --area-code "
                         "提供区号，否则报错。无法规范化或号码无效时退出码为 2。");
  command
      ->add_option("TEXT", options->text, "The number as written, e.g. \"025-86783861\" / 号码原文")
      ->required();
  command->add_option(
      "--area-code", options->area_code,
      "Area code for a local number, with or without the trunk 0, e.g. 025 / 本地号码的区号");
  command->add_flag("--json", options->json, "Print JSON / 输出 JSON");
  command->callback([&context, options] { context.exit_code = RunPhone(context, *options); });
}

}  // namespace

NGODESK_REGISTER_COMMAND(SetupPhone);

}  // namespace ngodesk::cli
