#include "ngodesk/phone.h"

#include <array>
#include <cctype>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include <phonenumbers/geocoding/phonenumber_offline_geocoder.h>
#include <phonenumbers/phonenumberutil.h>

namespace ngodesk {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr char kRegion[] = "CN";

// Chinese subscriber numbers have 7 or 8 digits and never start with 0 or 1
// (0 is the trunk prefix, 1 starts mobile and service numbers).
constexpr std::size_t kMinLocalDigits = 7;
constexpr std::size_t kMaxLocalDigits = 8;
constexpr std::size_t kMaxExtensionDigits = 6;

// Markers written before an extension in Chinese texts. libphonenumber
// already reads "ext", "x" and "#".
constexpr std::array<std::string_view, 3> kExtensionMarkers = {"转", "分机", "分機"};

struct Candidate {
  std::string number;
  std::string extension;
};

// The kind of failure of a candidate, so that a hyphen split can prefer the clearer error.
enum class Failure { kNone, kLocalWithoutAreaCode, kOther };

struct Attempt {
  std::optional<NormalizedPhone> phone;
  Failure failure = Failure::kNone;
  Error error;
};

std::string Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string DigitsOf(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  }
  return digits;
}

bool IsDigits(std::string_view text) {
  return !text.empty() && DigitsOf(text).size() == text.size();
}

// True when the text starts, after brackets and spaces, with "+" or a 0
// (trunk or international prefix), so that it carries its own area code.
bool HasPrefix(std::string_view text) {
  for (char c : text) {
    if (c == ' ' || c == '(' || c == '\t') continue;
    return c == '+' || c == '0';
  }
  return false;
}

bool IsLocalNumber(std::string_view number) {
  if (HasPrefix(number)) return false;
  const std::string digits = DigitsOf(number);
  return digits.size() >= kMinLocalDigits && digits.size() <= kMaxLocalDigits && digits[0] >= '2';
}

Candidate SplitExtensionMarker(std::string_view text) {
  for (std::string_view marker : kExtensionMarkers) {
    const auto at = text.find(marker);
    if (at == std::string_view::npos) continue;
    return {Trim(text.substr(0, at)), DigitsOf(text.substr(at + marker.size()))};
  }
  return {Trim(text), {}};
}

// "010-12345678-1234": the digits after the last hyphen, when they are short
// enough for an extension and the rest still contains a subscriber number.
std::optional<Candidate> SplitHyphenExtension(const Candidate& candidate) {
  if (!candidate.extension.empty()) return std::nullopt;
  const auto hyphen = candidate.number.rfind('-');
  if (hyphen == std::string::npos) return std::nullopt;

  const std::string tail = Trim(std::string_view(candidate.number).substr(hyphen + 1));
  const std::string head = Trim(std::string_view(candidate.number).substr(0, hyphen));
  if (!IsDigits(tail) || tail.size() > kMaxExtensionDigits) return std::nullopt;
  if (DigitsOf(head).size() < kMinLocalDigits) return std::nullopt;
  return Candidate{head, tail};
}

PhoneType ToPhoneType(PhoneNumberUtil::PhoneNumberType type) {
  switch (type) {
    case PhoneNumberUtil::FIXED_LINE:
      return PhoneType::kFixedLine;
    case PhoneNumberUtil::MOBILE:
      return PhoneType::kMobile;
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE:
      return PhoneType::kFixedLineOrMobile;
    case PhoneNumberUtil::TOLL_FREE:
      return PhoneType::kTollFree;
    case PhoneNumberUtil::PREMIUM_RATE:
      return PhoneType::kPremiumRate;
    case PhoneNumberUtil::SHARED_COST:
      return PhoneType::kSharedCost;
    case PhoneNumberUtil::VOIP:
      return PhoneType::kVoip;
    case PhoneNumberUtil::PERSONAL_NUMBER:
      return PhoneType::kPersonalNumber;
    case PhoneNumberUtil::PAGER:
      return PhoneType::kPager;
    case PhoneNumberUtil::UAN:
      return PhoneType::kUan;
    case PhoneNumberUtil::VOICEMAIL:
      return PhoneType::kVoicemail;
    default:
      return PhoneType::kUnknown;
  }
}

// Replaces full-width forms (０２５－８４６６１２３４, ＋８６, （０）) and the
// ideographic space with their ASCII forms, as Chinese text often writes
// numbers that way. Other bytes are kept.
std::string FoldFullWidth(std::string_view text) {
  std::string folded;
  folded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead == 0xEF && i + 2 < text.size()) {
      const auto second = static_cast<unsigned char>(text[i + 1]);
      const auto third = static_cast<unsigned char>(text[i + 2]);
      // U+FF01..U+FF5E are EF BC 81..EF BD 9E; each maps to U+0021..U+007E.
      const unsigned code = 0xF000u | ((second & 0x3Fu) << 6) | (third & 0x3Fu);
      if ((second == 0xBC || second == 0xBD) && code >= 0xFF01 && code <= 0xFF5E) {
        folded.push_back(static_cast<char>(code - 0xFEE0));
        i += 2;
        continue;
      }
    }
    if (lead == 0xE3 && i + 2 < text.size() && text[i + 1] == '\x80' && text[i + 2] == '\x80') {
      folded.push_back(' ');  // U+3000 ideographic space
      i += 2;
      continue;
    }
    folded.push_back(text[i]);
  }
  return folded;
}

Attempt Fail(Failure failure, Error error) { return {std::nullopt, failure, std::move(error)}; }

// Area codes are written with or without the trunk 0: "025", "25", "0951".
Result<std::string> NormalizeAreaCode(std::string_view area_code) {
  std::string code = Trim(area_code);
  if (code.starts_with('0')) code.erase(0, 1);
  if (!IsDigits(code) || code.size() < 2 || code.size() > 3 || code[0] == '0') {
    return Error::InvalidArgument(
        "invalid area code \"" + std::string(area_code) +
            "\": expected 2 or 3 digits after the trunk 0, for example 025 or 0951",
        "区号“" + std::string(area_code) +
            "”无效：应为长途字冠 0 之后的 2 至 3 位数字，例如 025 或 0951");
  }
  return code;
}

NormalizedPhone Describe(const PhoneNumber& number) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  NormalizedPhone phone;
  PhoneNumber without_extension = number;
  without_extension.clear_extension();
  util.Format(without_extension, PhoneNumberUtil::E164, &phone.e164);
  util.Format(without_extension, PhoneNumberUtil::NATIONAL, &phone.national);
  phone.extension = number.extension();
  phone.valid = util.IsValidNumber(number);
  phone.type = ToPhoneType(util.GetNumberType(number));

  std::string significant;
  util.GetNationalSignificantNumber(number, &significant);
  const int area_length = util.GetLengthOfGeographicalAreaCode(number);
  if (area_length > 0)
    phone.area_code = significant.substr(0, static_cast<std::size_t>(area_length));
  return phone;
}

Attempt ParseCandidate(const Candidate& candidate, std::string_view area_code) {
  std::string number = candidate.number;
  bool completed = false;

  if (IsLocalNumber(number)) {
    if (Trim(area_code).empty()) {
      return Fail(
          Failure::kLocalWithoutAreaCode,
          Error::InvalidArgument(
              "\"" + number +
                  "\" is a local number without area code; give the area code of the office's "
                  "city (for example --area-code 025)",
              "“" + number +
                  "”是不带区号的本地号码；请提供机关所在城市的区号（例如 --area-code 025）"));
    }
    Result<std::string> code = NormalizeAreaCode(area_code);
    if (!code) return Fail(Failure::kOther, code.error());
    number = "0" + *code + " " + number;
    completed = true;
  }

  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber parsed;
  if (util.Parse(number, kRegion, &parsed) != PhoneNumberUtil::NO_PARSING_ERROR ||
      !util.IsPossibleNumber(parsed)) {
    return Fail(Failure::kOther,
                Error::InvalidArgument(
                    "\"" + number + "\" is not a possible phone number in China: check the digits",
                    "“" + number + "”不是中国可能存在的电话号码：请检查数字"));
  }
  if (!candidate.extension.empty()) parsed.set_extension(candidate.extension);

  NormalizedPhone phone = Describe(parsed);
  phone.area_code_completed = completed;
  return {phone, Failure::kNone, {}};
}

}  // namespace

std::string_view PhoneTypeName(PhoneType type) {
  switch (type) {
    case PhoneType::kFixedLine:
      return "fixed_line";
    case PhoneType::kMobile:
      return "mobile";
    case PhoneType::kFixedLineOrMobile:
      return "fixed_line_or_mobile";
    case PhoneType::kTollFree:
      return "toll_free";
    case PhoneType::kPremiumRate:
      return "premium_rate";
    case PhoneType::kSharedCost:
      return "shared_cost";
    case PhoneType::kVoip:
      return "voip";
    case PhoneType::kPersonalNumber:
      return "personal_number";
    case PhoneType::kPager:
      return "pager";
    case PhoneType::kUan:
      return "uan";
    case PhoneType::kVoicemail:
      return "voicemail";
    case PhoneType::kUnknown:
      return "unknown";
  }
  return "unknown";
}

Result<NormalizedPhone> NormalizePhone(std::string_view published, std::string_view area_code_text) {
  const std::string folded = FoldFullWidth(published);
  const std::string folded_area_code = FoldFullWidth(area_code_text);
  const std::string_view text = folded;
  const std::string_view area_code = folded_area_code;
  const Candidate candidate = SplitExtensionMarker(text);
  if (DigitsOf(candidate.number).empty()) {
    return Error::InvalidArgument("no phone number in \"" + std::string(published) + "\"",
                                  "“" + std::string(published) + "”中没有电话号码");
  }

  Attempt whole = ParseCandidate(candidate, area_code);
  if (whole.phone && whole.phone->valid) return *whole.phone;

  // A trailing hyphenated group is read as an extension only when the number
  // without it is valid (or is a local number that needs its area code).
  if (std::optional<Candidate> split = SplitHyphenExtension(candidate)) {
    Attempt shorter = ParseCandidate(*split, area_code);
    if (shorter.phone && shorter.phone->valid) return *shorter.phone;
    if (shorter.failure == Failure::kLocalWithoutAreaCode) return shorter.error;
  }

  if (whole.phone) return *whole.phone;
  return whole.error;
}

bool IsLocalNumberWithoutAreaCode(std::string_view published) {
  const Candidate candidate = SplitExtensionMarker(FoldFullWidth(published));
  if (IsLocalNumber(candidate.number)) return true;
  const std::optional<Candidate> split = SplitHyphenExtension(candidate);
  return split && IsLocalNumber(split->number);
}

std::string DescribePhoneLocation(std::string_view e164, std::string_view locale) {
  // The geocoder loads its prefix tables lazily; one instance serves all calls.
  static const auto* const geocoder = new i18n::phonenumbers::PhoneNumberOfflineGeocoder();
  static std::mutex mutex;

  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util.Parse(std::string(e164), kRegion, &number) != PhoneNumberUtil::NO_PARSING_ERROR)
    return {};

  const std::string language(locale);
  std::lock_guard<std::mutex> lock(mutex);
  return geocoder->GetDescriptionForNumber(number, icu::Locale(language.c_str()));
}

}  // namespace ngodesk
