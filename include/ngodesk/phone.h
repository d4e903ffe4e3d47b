// Telephone and fax numbers of Chinese offices, normalised with Google's
// libphonenumber (8.12, default region CN) and located with its offline
// geocoder. Numbers are read as people write them in China: an area code
// with its trunk 0 ("025-84661234"), the country code with or without a
// bracketed trunk 0 ("+86 (0)21 6123 4567"), an extension after a hyphen or
// after 转/分机/ext ("010-12345678-1234"). A local number written without its
// area code ("84661234") is never completed by guessing: it is rejected
// unless the caller supplies the area code, and then the result says so.
#pragma once

#include <string>
#include <string_view>

#include "ngodesk/result.h"

namespace ngodesk {

// libphonenumber's number types, named as in its PhoneNumberType enum.
enum class PhoneType {
  kFixedLine,
  kMobile,
  kFixedLineOrMobile,
  kTollFree,
  kPremiumRate,
  kSharedCost,
  kVoip,
  kPersonalNumber,
  kPager,
  kUan,
  kVoicemail,
  kUnknown,
};

// The snake_case name used in JSON output: "fixed_line", "mobile", ...
std::string_view PhoneTypeName(PhoneType type);

// A number after normalisation. `e164` is set for every number whose length
// is possible in its country; `valid` says whether it also matches a number
// range that libphonenumber's metadata knows.
struct NormalizedPhone {
  std::string e164;       // "+862584661234"
  std::string national;   // national format with trunk 0: "025 8466 1234"
  std::string extension;  // digits only, empty when none
  std::string area_code;  // geographic area code without trunk 0 ("25"), empty for mobiles
  PhoneType type = PhoneType::kUnknown;
  bool valid = false;
  bool area_code_completed = false;  // the caller's area code was put in front of a local number
};

// Parses `text` as a number in China. `area_code` (with or without its
// trunk 0, e.g. "025" or "25") completes a local number written without one;
// it is ignored for a number that already has an area code or a country code.
// Errors: InvalidArgument for an empty text, a local number without area
// code, a malformed area code, or a text that is no possible number.
Result<NormalizedPhone> NormalizePhone(std::string_view text, std::string_view area_code = {});

// True when `text` is a subscriber number of 7 or 8 digits written without
// area code or country code ("84661234", "86783860-12").
bool IsLocalNumberWithoutAreaCode(std::string_view text);

// The place that libphonenumber's offline geocoder gives for an E.164
// number: "Nanjing, Jiangsu" for locale "en", "江苏省南京市" for "zh". Empty
// when the number is unknown or not geographic (mobile ranges give the city
// where the range was issued).
std::string DescribePhoneLocation(std::string_view e164, std::string_view locale);

}  // namespace ngodesk
