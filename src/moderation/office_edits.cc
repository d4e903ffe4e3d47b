#include "moderation/office_edits.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <phonenumbers/phonenumberutil.h>

#include "moderation/text_checks.h"
#include "ngodesk/hours_text.h"
#include "ngodesk/opening_hours.h"
#include "ngodesk/phone.h"

namespace ngodesk::moderation {
namespace {

struct FieldWords {
  std::string_view en;
  std::string_view zh;
};

FieldWords WordsFor(ReportField field) {
  switch (field) {
    case ReportField::kPhones: return {"phone numbers", "电话"};
    case ReportField::kFax: return {"fax numbers", "传真"};
    case ReportField::kAddresses: return {"addresses", "地址"};
    case ReportField::kHours: return {"hours", "办公时间"};
    case ReportField::kEmails: return {"emails", "电子邮箱"};
    case ReportField::kWebsites: return {"websites", "网站"};
    case ReportField::kOther: break;
  }
  return {"other details", "其他信息"};
}

Error NotPublished(const Office& office, const NewReport& report) {
  const FieldWords words = WordsFor(report.field);
  const std::string value(Trim(report.current));
  return Error::InvalidArgument(
      "the " + std::string(words.en) + " of " + office.id + " do not include \"" + value +
          "\"; it may have changed since. Copy the value as the office card shows it, or leave "
          "the \"published value\" empty to add a new one.",
      office.id + " 的" + std::string(words.zh) + "中没有 \"" + value +
          "\"，可能已被更改。请照机关卡片上的写法填写，或将“公布的信息”留空以新增一项。");
}

Error AlreadyPublished(const Office& office, const NewReport& report) {
  const FieldWords words = WordsFor(report.field);
  const std::string value(Trim(report.proposed));
  return Error::InvalidArgument(
      "the " + std::string(words.en) + " of " + office.id + " already include \"" + value +
          "\"; nothing to add.",
      office.id + " 的" + std::string(words.zh) + "中已有 \"" + value + "\"，无需新增。");
}

Error Unsuitable(const NewReport& report, std::string_view expected_en,
                 std::string_view expected_zh) {
  const std::string value(Trim(report.proposed));
  return Error::InvalidArgument(
      "the proposed value \"" + value + "\" is not " + std::string(expected_en) + ".",
      "建议的新值 \"" + value + "\" 不是" + std::string(expected_zh) + "。");
}

std::vector<PhoneNumber>& NumbersOf(Office& office, ReportField field) {
  return field == ReportField::kFax ? office.faxes : office.phones;
}

const std::vector<PhoneNumber>& NumbersOf(const Office& office, ReportField field) {
  return field == ReportField::kFax ? office.faxes : office.phones;
}

std::vector<std::string>& StringsOf(Office& office, ReportField field) {
  return field == ReportField::kEmails ? office.emails : office.websites;
}

std::string E164Of(std::string_view text) {
  Result<NormalizedPhone> phone = NormalizePhone(text);
  return phone.ok() ? phone->e164 : std::string();
}

std::optional<std::size_t> FindNumber(const std::vector<PhoneNumber>& numbers,
                                      std::string_view value) {
  const std::string_view trimmed = Trim(value);
  const std::string e164 = E164Of(trimmed);
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    if (Trim(numbers[i].text) == trimmed) return i;
    if (!e164.empty() && numbers[i].e164 == e164) return i;
  }
  return std::nullopt;
}

struct AddressMatch {
  std::size_t index;
  bool zh_side;
};

std::optional<AddressMatch> FindAddress(const std::vector<Address>& addresses,
                                        std::string_view value) {
  const std::string_view trimmed = Trim(value);
  for (std::size_t i = 0; i < addresses.size(); ++i) {
    if (Trim(addresses[i].text.en) == trimmed) return AddressMatch{i, false};
    if (Trim(addresses[i].text.zh) == trimmed) return AddressMatch{i, true};
  }
  return std::nullopt;
}

std::optional<std::size_t> FindString(const std::vector<std::string>& values,
                                      std::string_view value) {
  const std::string_view trimmed = Trim(value);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (Trim(values[i]) == trimmed) return i;
  }
  return std::nullopt;
}

bool HoursMatch(const Hours& hours, std::string_view value) {
  const std::string_view trimmed = Trim(value);
  if (hours.text && Trim(*hours.text) == trimmed) return true;
  return !hours.expression.empty() && Trim(hours.expression) == trimmed;
}

// Returns the area code that completes a proposed local number. It is the
// area code of the replaced number, else of the office's first number with one.
std::string AreaCodeHint(const std::vector<PhoneNumber>& numbers,
                         std::optional<std::size_t> replaced) {
  std::vector<const PhoneNumber*> candidates;
  if (replaced) candidates.push_back(&numbers[*replaced]);
  for (const PhoneNumber& number : numbers) candidates.push_back(&number);
  for (const PhoneNumber* number : candidates) {
    if (number->e164.empty()) continue;
    Result<NormalizedPhone> parsed = NormalizePhone(number->e164);
    if (parsed.ok() && !parsed->area_code.empty()) return parsed->area_code;
  }
  return {};
}

// True when libphonenumber places the E.164 number `e164` in region CN,
// which excludes Hong Kong, Macao, Taiwan and every other country.
bool IsInRegionCn(const std::string& e164) {
  using i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  i18n::phonenumbers::PhoneNumber parsed;
  if (util.Parse(e164, "ZZ", &parsed) != PhoneNumberUtil::NO_PARSING_ERROR) return false;
  std::string region;
  util.GetRegionCodeForNumber(parsed, &region);
  return region == "CN";
}

Result<PhoneNumber> ProposedNumber(const std::vector<PhoneNumber>& numbers,
                                   const NewReport& report, std::optional<std::size_t> replaced) {
  const std::string_view text = Trim(report.proposed);
  const std::string area_code =
      IsLocalNumberWithoutAreaCode(text) ? AreaCodeHint(numbers, replaced) : std::string();
  Result<NormalizedPhone> parsed = NormalizePhone(text, area_code);
  if (!parsed.ok() || parsed->e164.empty() || !IsInRegionCn(parsed->e164)) {
    return Unsuitable(report, "a telephone number in China, such as 025-84661234",
                      "中国的电话号码（例如 025-84661234）");
  }
  PhoneNumber number;
  number.text = std::string(text);
  number.e164 = parsed->e164;
  number.national = parsed->national;
  number.extension = parsed->extension;
  number.area_code_inferred = parsed->area_code_completed;
  return number;
}

// Reads proposed hours. An opening_hours expression is taken as it is, and
// any other text goes through the same derivation as the published page's hours.
Result<Hours> ProposedHours(const NewReport& report) {
  const std::string text(Trim(report.proposed));
  Hours hours;
  if (OpeningHours::Parse(text).ok()) {
    hours.text = text;
    hours.expression = text;
    return hours;
  }
  // A text the derivation cannot read yields one "unknown" rule.
  hours = DeriveHours(text);
  const bool understood = !hours.expression.empty() && !hours.expression.starts_with("unknown");
  if (understood && OpeningHours::Parse(hours.expression).ok()) return hours;
  return Unsuitable(report,
                    "an opening_hours expression such as \"Mo-Fr 09:00-12:00,13:30-17:00; PH "
                    "off\" or hours text such as \"9:00-17:00\"",
                    "opening_hours 表达式（例如 \"Mo-Fr 09:00-12:00,13:30-17:00; PH off\"）或 "
                    "\"9:00-17:00\" 这样的办公时间");
}

Status CheckNumbers(const Office& office, const NewReport& report) {
  const std::vector<PhoneNumber>& numbers = NumbersOf(office, report.field);
  std::optional<std::size_t> replaced;
  if (!Trim(report.current).empty()) {
    replaced = FindNumber(numbers, report.current);
    if (!replaced) return NotPublished(office, report);
  }
  if (Trim(report.proposed).empty()) return {};

  Result<PhoneNumber> proposed = ProposedNumber(numbers, report, replaced);
  if (!proposed.ok()) return proposed.error();
  if (!replaced && FindNumber(numbers, proposed->e164)) return AlreadyPublished(office, report);
  return {};
}

Status CheckAddresses(const Office& office, const NewReport& report) {
  const bool adding = Trim(report.current).empty();
  if (!adding && !FindAddress(office.addresses, report.current)) return NotPublished(office, report);
  if (adding && FindAddress(office.addresses, report.proposed)) return AlreadyPublished(office, report);
  return {};
}

Status CheckHours(const Office& office, const NewReport& report) {
  if (!Trim(report.current).empty() && !HoursMatch(office.hours, report.current)) {
    return NotPublished(office, report);
  }
  if (Trim(report.proposed).empty()) return {};
  Result<Hours> hours = ProposedHours(report);
  if (!hours.ok()) return hours.error();
  return {};
}

Status CheckStrings(const Office& office, const NewReport& report) {
  const bool emails = report.field == ReportField::kEmails;
  const std::vector<std::string>& values = emails ? office.emails : office.websites;
  const bool adding = Trim(report.current).empty();
  if (!adding && !FindString(values, report.current)) return NotPublished(office, report);

  const std::string_view proposed = Trim(report.proposed);
  if (proposed.empty()) return {};
  if (emails && !LooksLikeEmail(proposed)) {
    return Unsuitable(report, "an email address like name@example.org",
                      "name@example.org 这样的电子邮箱地址");
  }
  if (!emails && !LooksLikeWebUrl(proposed)) {
    return Unsuitable(report, "a web address starting with http:// or https://",
                      "以 http:// 或 https:// 开头的网址");
  }
  if (adding && FindString(values, proposed)) return AlreadyPublished(office, report);
  return {};
}

Edit ApplyNumbers(Office& office, const NewReport& report, const std::string& source_id) {
  std::vector<PhoneNumber>& numbers = NumbersOf(office, report.field);
  std::optional<std::size_t> replaced;
  Edit edit;
  if (!Trim(report.current).empty()) {
    replaced = FindNumber(numbers, report.current);
    edit.old_value = numbers[*replaced].text;
  }
  if (Trim(report.proposed).empty()) {
    numbers.erase(numbers.begin() + static_cast<std::ptrdiff_t>(*replaced));
    return edit;
  }

  // Checked by CheckNumbers. The call state starts empty and the store
  // rebuilds it from the calls on the number's E.164 form.
  PhoneNumber number = *ProposedNumber(numbers, report, replaced);
  number.source_id = source_id;
  edit.new_value = number.text;
  if (replaced) {
    numbers[*replaced] = std::move(number);
  } else {
    numbers.push_back(std::move(number));
  }
  return edit;
}

// A Chinese text replaces the Chinese side of the address, any other text
// the English side.
Edit ApplyAddresses(Office& office, const NewReport& report, const std::string& source_id) {
  const std::string proposed(Trim(report.proposed));
  const bool zh = HasHanCharacter(proposed);
  Edit edit;
  edit.new_value = proposed;
  if (Trim(report.current).empty()) {
    Address address;
    (zh ? address.text.zh : address.text.en) = proposed;
    address.source_id = source_id;
    office.addresses.push_back(std::move(address));
    return edit;
  }

  const AddressMatch match = *FindAddress(office.addresses, report.current);
  Address& address = office.addresses[match.index];
  if (proposed.empty()) {
    edit.old_value = match.zh_side ? address.text.zh : address.text.en;
    office.addresses.erase(office.addresses.begin() + static_cast<std::ptrdiff_t>(match.index));
    return edit;
  }
  std::string& side = zh ? address.text.zh : address.text.en;
  edit.old_value = side;
  side = proposed;
  address.source_id = source_id;
  return edit;
}

Edit ApplyHours(Office& office, const NewReport& report, const std::string& source_id) {
  Edit edit;
  edit.old_value = !office.hours.expression.empty() ? office.hours.expression
                                                    : office.hours.text.value_or("");
  office.hours = Trim(report.proposed).empty() ? Hours{} : *ProposedHours(report);
  office.hours.source_id = source_id;
  edit.new_value = office.hours.expression;
  return edit;
}

Edit ApplyStrings(Office& office, const NewReport& report) {
  std::vector<std::string>& values = StringsOf(office, report.field);
  const std::string proposed(Trim(report.proposed));
  Edit edit;
  edit.new_value = proposed;
  if (Trim(report.current).empty()) {
    values.push_back(proposed);
    return edit;
  }
  const std::size_t index = *FindString(values, report.current);
  edit.old_value = values[index];
  if (proposed.empty()) {
    values.erase(values.begin() + static_cast<std::ptrdiff_t>(index));
  } else {
    values[index] = proposed;
  }
  return edit;
}

}  // namespace

Status CheckAgainstOffice(const Office& office, const NewReport& report) {
  switch (report.field) {
    case ReportField::kPhones:
    case ReportField::kFax: return CheckNumbers(office, report);
    case ReportField::kAddresses: return CheckAddresses(office, report);
    case ReportField::kHours: return CheckHours(office, report);
    case ReportField::kEmails:
    case ReportField::kWebsites: return CheckStrings(office, report);
    case ReportField::kOther: break;
  }
  return {};
}

Result<Edit> ApplyReport(Office& office, const NewReport& report, const std::string& source_id) {
  if (Status checked = CheckAgainstOffice(office, report); !checked.ok()) return checked.error();

  switch (report.field) {
    case ReportField::kPhones:
    case ReportField::kFax: return ApplyNumbers(office, report, source_id);
    case ReportField::kAddresses: return ApplyAddresses(office, report, source_id);
    case ReportField::kHours: return ApplyHours(office, report, source_id);
    case ReportField::kEmails:
    case ReportField::kWebsites: return ApplyStrings(office, report);
    case ReportField::kOther: break;
  }
  return Edit{std::string(Trim(report.current)), std::string(Trim(report.proposed))};
}

}  // namespace ngodesk::moderation
