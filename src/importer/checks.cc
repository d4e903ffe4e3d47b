// The maintainer's checks over offices. Each check reads one kind of field
// and appends warnings; none changes an office.
#include "ngodesk/checks.h"

#include <string>
#include <vector>

#include "importer/romanisation.h"
#include "importer/text.h"
#include "ngodesk/gazetteer.h"
#include "ngodesk/phone.h"

namespace ngodesk {
namespace {

using importer::CodePoint;

// ASCII symbols that have no place in a Chinese postal address; letters,
// digits and the punctuation of house numbers (",.-#/") are left alone.
constexpr std::string_view kStraySymbols = "&|\\^~`@$%*<>=+_!?";

bool IsOpening(char32_t c) { return c == U'(' || c == U'（'; }
bool IsClosing(char32_t c) { return c == U')' || c == U'）'; }
bool IsBracket(char32_t c) { return IsOpening(c) || IsClosing(c); }
bool IsSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000'; }

std::string Utf8Of(std::string_view text, const CodePoint& point) {
  return std::string(text.substr(point.offset, point.length));
}

std::string FieldPath(std::string_view list, std::size_t index, std::string_view member) {
  return std::string(list) + "[" + std::to_string(index) + "]." + std::string(member);
}

class Checker {
 public:
  Checker(const Gazetteer& gazetteer, std::vector<OfficeWarning>& warnings)
      : gazetteer_(gazetteer), warnings_(warnings), romaniser_(gazetteer) {}

  void Check(const Office& office) {
    office_ = &office;
    for (std::size_t i = 0; i < office.addresses.size(); ++i) {
      CheckRomanisation(office.addresses[i].text, FieldPath("addresses", i, "en"));
      CheckDamagedChinese(office.addresses[i].text.zh, FieldPath("addresses", i, "zh"));
    }
    CheckNumbers(office.phones, "phones");
    CheckNumbers(office.faxes, "fax");
  }

 private:
  void Warn(std::string field, const char* code, std::string en, std::string zh) {
    warnings_.push_back({office_->id, std::move(field), code, {std::move(en), std::move(zh)}, 0});
  }

  void CheckRomanisation(const BilingualText& address, const std::string& field) {
    for (const importer::RomanisationMismatch& mismatch :
         romaniser_.Compare(address.en, address.zh)) {
      Warn(field, kCheckAddressRomanisation,
           "English address has \"" + mismatch.word + "\" where the Chinese address reads \"" +
               mismatch.closest_pinyin + "\" (" + mismatch.closest_han + ")",
           "英文地址写作“" + mismatch.word + "”，而中文地址中的“" + mismatch.closest_han +
               "”应拼作“" + mismatch.closest_pinyin + "”");
    }
  }

  void CheckDamagedChinese(std::string_view zh, const std::string& field) {
    const std::vector<CodePoint> points = importer::DecodeUtf8(zh);
    CheckStraySpaces(zh, points, field);
    CheckStraySymbols(zh, points, field);
    CheckSplitNames(zh, points, field);
    CheckBracketBalance(zh, points, field);
  }

  // A space between two Han characters ("桐梓坡 西路") or just inside a
  // bracket ("( 出入境", "中心 )").
  void CheckStraySpaces(std::string_view zh, const std::vector<CodePoint>& points,
                        const std::string& field) {
    for (std::size_t i = 0; i < points.size(); ++i) {
      if (!IsSpace(points[i].value) || (i > 0 && IsSpace(points[i - 1].value))) continue;
      std::size_t next = i;
      while (next < points.size() && IsSpace(points[next].value)) ++next;
      if (i == 0 || next == points.size()) continue;

      const char32_t before = points[i - 1].value;
      const char32_t after = points[next].value;
      const std::string around = Utf8Of(zh, points[i - 1]) + " " + Utf8Of(zh, points[next]);
      if (importer::IsHan(before) && importer::IsHan(after)) {
        Warn(field, kCheckAddressDamaged,
             "stray space between two Chinese characters in \"" + around + "\"",
             "中文地址中两个汉字之间有多余空格：“" + around + "”");
      } else if (IsOpening(before) || IsClosing(after)) {
        Warn(field, kCheckAddressDamaged, "stray space inside brackets in \"" + around + "\"",
             "中文地址的括号内有多余空格：“" + around + "”");
      }
    }
  }

  void CheckStraySymbols(std::string_view zh, const std::vector<CodePoint>& points,
                         const std::string& field) {
    for (const CodePoint& point : points) {
      if (point.value >= 0x80 ||
          kStraySymbols.find(static_cast<char>(point.value)) == std::string_view::npos) {
        continue;
      }
      const std::string symbol = Utf8Of(zh, point);
      Warn(field, kCheckAddressDamaged, "stray symbol \"" + symbol + "\" in the Chinese address",
           "中文地址中有多余符号“" + symbol + "”");
    }
  }

  // A bracket that cuts a place name in two: "西 (宁市" contains 西宁市.
  void CheckSplitNames(std::string_view zh, const std::vector<CodePoint>& points,
                       const std::string& field) {
    constexpr std::size_t kMaxSide = 3;
    for (std::size_t i = 0; i < points.size(); ++i) {
      if (!IsBracket(points[i].value)) continue;
      const std::vector<std::string> left = HanAround(zh, points, i, -1, kMaxSide);
      const std::vector<std::string> right = HanAround(zh, points, i, +1, kMaxSide);
      const std::string name = FindSplitName(left, right);
      if (name.empty()) continue;
      Warn(field, kCheckAddressDamaged,
           "a bracket splits the place name " + name +
               " in the Chinese address; the text looks damaged",
           "中文地址中的括号把地名“" + name + "”拆开了，文字似有损坏");
    }
  }

  // Han characters next to points[at], skipping spaces, nearest first.
  static std::vector<std::string> HanAround(std::string_view zh,
                                            const std::vector<CodePoint>& points, std::size_t at,
                                            int step, std::size_t count) {
    std::vector<std::string> characters;
    std::ptrdiff_t i = static_cast<std::ptrdiff_t>(at) + step;
    while (i >= 0 && i < static_cast<std::ptrdiff_t>(points.size()) && characters.size() < count) {
      const CodePoint& point = points[static_cast<std::size_t>(i)];
      if (importer::IsHan(point.value)) {
        characters.push_back(Utf8Of(zh, point));
      } else if (!IsSpace(point.value)) {
        break;
      }
      i += step;
    }
    return characters;
  }

  std::string FindSplitName(const std::vector<std::string>& left,
                            const std::vector<std::string>& right) const {
    for (std::size_t l = 1; l <= left.size(); ++l) {
      std::string name;
      for (std::size_t k = l; k > 0; --k) name += left[k - 1];
      for (const std::string& character : right) {
        name += character;
        for (const Division* division : gazetteer_.FindByName(name)) {
          if (division->level != DivisionLevel::kCounty || name.size() > 6) return name;
        }
      }
    }
    return {};
  }

  void CheckBracketBalance(std::string_view zh, const std::vector<CodePoint>& points,
                           const std::string& field) {
    int depth = 0;
    for (const CodePoint& point : points) {
      if (IsOpening(point.value)) ++depth;
      if (IsClosing(point.value) && --depth < 0) break;
    }
    if (depth == 0) return;
    Warn(field, kCheckAddressDamaged,
         "unbalanced brackets in the Chinese address \"" + std::string(zh) + "\"",
         "中文地址“" + std::string(zh) + "”中的括号不成对");
  }

  void CheckNumbers(const std::vector<PhoneNumber>& numbers, std::string_view list) {
    for (std::size_t i = 0; i < numbers.size(); ++i) {
      const PhoneNumber& number = numbers[i];
      const std::string field = FieldPath(list, i, "text");
      if (number.area_code_inferred) {
        Warn(field, kCheckPhoneAreaCodeInferred,
             "number \"" + number.text + "\" was published without area code; " + number.e164 +
                 " takes the area code of the number before it",
             "号码“" + number.text + "”发布时没有区号；" + number.e164 + " 沿用了前一个号码的区号");
      }
      CheckNumberRange(number, field);
    }
  }

  void CheckNumberRange(const PhoneNumber& number, const std::string& field) {
    Result<NormalizedPhone> normalized = NormalizePhone(number.e164);
    if (number.e164.empty() || !normalized) {
      Warn(field, kCheckPhoneInvalid, "number \"" + number.text + "\" could not be normalised",
           "号码“" + number.text + "”无法规范化");
      return;
    }
    if (!normalized->valid) {
      Warn(field, kCheckPhoneInvalid,
           "number \"" + number.text + "\" (" + number.e164 + ") is in no known number range",
           "号码“" + number.text + "”（" + number.e164 + "）不属于任何已知号段");
      return;
    }
    const bool geographic = normalized->type == PhoneType::kFixedLine ||
                            normalized->type == PhoneType::kFixedLineOrMobile;
    if (!geographic || !office_->city) return;

    const std::string place_zh = DescribePhoneLocation(number.e164, "zh");
    const std::string& city_zh = office_->city->name.zh;
    if (place_zh.empty() || city_zh.empty() || place_zh.find(city_zh) != std::string::npos) return;
    const std::string place_en = DescribePhoneLocation(number.e164, "en");
    Warn(field, kCheckPhoneAreaCode,
         "area code of \"" + number.text + "\" belongs to " + place_en +
             ", not to the office's city " + office_->city->name.en,
         "号码“" + number.text + "”的区号属于" + place_zh + "，而非机关所在的" + city_zh);
  }

  const Gazetteer& gazetteer_;
  std::vector<OfficeWarning>& warnings_;
  importer::Romaniser romaniser_;
  const Office* office_ = nullptr;
};

}  // namespace

std::vector<OfficeWarning> CheckOffices(std::span<const Office> offices) {
  return CheckOffices(offices, Gazetteer::Bundled());
}

std::vector<OfficeWarning> CheckOffices(std::span<const Office> offices,
                                        const Gazetteer& gazetteer) {
  std::vector<OfficeWarning> warnings;
  Checker checker(gazetteer, warnings);
  for (const Office& office : offices) checker.Check(office);
  return warnings;
}

std::string FormatWarning(const OfficeWarning& warning, bool chinese) {
  std::string line = warning.office_id;
  if (!warning.field.empty()) line += " " + warning.field;
  line += ": ";
  line += chinese && !warning.message.zh.empty() ? warning.message.zh : warning.message.en;
  return line;
}

}  // namespace ngodesk
