// Resolver::Resolve: validation, whole-query forms (codes, abbreviations,
// the national level), the two parsers, ranking and the procedure rules.
#include "ngodesk/resolver.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include <unicode/uchar.h>

#include "resolver/parsers.h"
#include "resolver/place_tables.h"
#include "resolver/procedure.h"
#include "resolver/query_text.h"
#include "resolver/resolver_index.h"

namespace ngodesk {

using resolver::Part;
using resolver::Reading;
using resolver::Target;

namespace {

// Candidates listed in a resolution at most.
constexpr std::size_t kMaxCandidates = 8;

std::string_view Trim(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t next = begin;
    if (!resolver::IsSeparator(resolver::NextCodePoint(text, &next))) break;
    begin = next;
  }
  std::size_t end = text.size();
  while (end > begin) {
    std::size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    std::size_t next = start;
    if (!resolver::IsSeparator(resolver::NextCodePoint(text, &next))) break;
    end = start;
  }
  return text.substr(begin, end - begin);
}

std::string LatinLetters(std::string_view text) {
  std::string letters;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char letter = resolver::FoldLatinLetter(resolver::NextCodePoint(text, &pos));
    if (letter != 0) letters.push_back(letter);
  }
  return letters;
}

// Weight of a kind of match in the confidence: exact forms 1, derived forms
// a little less, corrections much less.
double KindConfidence(MatchKind kind) {
  switch (kind) {
    case MatchKind::kName:
    case MatchKind::kIsoCode:
    case MatchKind::kDivisionCode:
    case MatchKind::kNational:
      return 1.0;
    case MatchKind::kShortName:
    case MatchKind::kAlias:
    case MatchKind::kEnglish:
      return 0.95;
    case MatchKind::kPinyin:
    case MatchKind::kAbbreviation:
      return 0.9;
    case MatchKind::kFormerName:
      return 0.85;
    case MatchKind::kCorrection:
      return 0.6;
  }
  return 0.5;
}

bool MentionsBingtuan(std::string_view text, bool has_latin) {
  if (text.find("兵团") != std::string_view::npos) return true;
  if (!has_latin) return false;
  const std::string letters = LatinLetters(text);
  return letters.find("bingtuan") != std::string::npos || letters.find("xpcc") != std::string::npos ||
         letters.find("productionandconstructioncorps") != std::string::npos;
}

}  // namespace

std::string_view MatchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::kName:
      return "name";
    case MatchKind::kShortName:
      return "short-name";
    case MatchKind::kAbbreviation:
      return "abbreviation";
    case MatchKind::kFormerName:
      return "former-name";
    case MatchKind::kAlias:
      return "alias";
    case MatchKind::kIsoCode:
      return "iso-3166-2";
    case MatchKind::kDivisionCode:
      return "gb-t-2260";
    case MatchKind::kPinyin:
      return "pinyin";
    case MatchKind::kEnglish:
      return "english";
    case MatchKind::kCorrection:
      return "correction";
    case MatchKind::kNational:
      return "national";
  }
  return "name";
}

const Division* DivisionChain::deepest() const {
  if (county != nullptr) return county;
  if (prefecture != nullptr) return prefecture;
  return province;
}

Status ValidateQuery(std::string_view query) {
  if (query.size() > kMaxQueryBytes) {
    return Error::InvalidArgument(
        "the query is " + std::to_string(query.size()) + " bytes long; the maximum is " +
            std::to_string(kMaxQueryBytes) + " bytes: shorten it to the place name or address",
        "查询长度为 " + std::to_string(query.size()) + " 字节，超过上限 " + std::to_string(kMaxQueryBytes) +
            " 字节：请只保留地名或地址");
  }
  bool meaningful = false;
  std::size_t pos = 0;
  while (pos < query.size()) {
    const std::size_t offset = pos;
    const int32_t c = resolver::NextCodePoint(query, &pos);
    if (c < 0) {
      return Error::InvalidArgument(
          "the query is not valid UTF-8 (invalid byte at offset " + std::to_string(offset) + "): save it as UTF-8",
          "查询不是有效的 UTF-8 文本（第 " + std::to_string(offset) + " 字节无效）：请以 UTF-8 编码保存");
    }
    const bool control = (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F);
    if (control) {
      char code_point[16];
      std::snprintf(code_point, sizeof code_point, "U+%04X", static_cast<unsigned>(c));
      return Error::InvalidArgument("the query contains the control character " + std::string(code_point) +
                                        " at offset " + std::to_string(offset) +
                                        ": remove it (one query per line)",
                                    "查询在第 " + std::to_string(offset) + " 字节处含有控制字符：请删除（每行一个查询）");
    }
    if (!meaningful) {
      meaningful = c < 0x80 ? std::isalnum(c) != 0 : (resolver::IsHan(c) || u_isalnum(c));
    }
  }
  if (!meaningful) {
    return Error::InvalidArgument(
        "the query is empty or contains only punctuation: give a place name or an address",
        "查询为空或只含标点：请输入地名或地址");
  }
  return {};
}

const Resolver& Resolver::Bundled() {
  static const Resolver resolver(Gazetteer::Bundled());
  return resolver;
}

Resolver::Resolver(const Gazetteer& gazetteer)
    : gazetteer_(gazetteer), index_(std::make_unique<Index>(gazetteer)) {}

Resolver::~Resolver() = default;

namespace {

// Fills a resolution from ranked candidates and the parts that led to them.
class ResolutionBuilder {
 public:
  ResolutionBuilder(const Resolver::Index& index, std::string_view text) : index_(index), text_(text) {}

  Resolution Build(const Reading& reading, std::vector<uint32_t> candidates) const {
    Resolution resolution;
    resolver::PruneAndRank(index_, candidates);
    if (candidates.empty()) return resolution;

    const uint32_t top = candidates.front();
    resolution.found = true;
    resolution.chain = index_.ChainOf(top);
    resolution.office_id = index_.OfficeIdOf(top);
    resolution.ambiguous = candidates.size() > 1;
    for (std::size_t i = 0; i < candidates.size() && i < kMaxCandidates; ++i) {
      resolution.candidates.push_back({index_.ChainOf(candidates[i]), std::string(index_.OfficeIdOf(candidates[i])),
                                       static_cast<double>(index_.facts[candidates[i]].prior)});
    }

    double confidence = 1.0;
    for (const Part& part : reading.parts) {
      MatchedPart matched = MatchedPartFor(part, top);
      confidence = std::min(confidence, KindConfidence(matched.kind));
      resolution.corrected = resolution.corrected || part.corrected;
      resolution.matched.push_back(std::move(matched));
    }
    if (!reading.from_start) confidence *= 0.85;
    if (resolution.ambiguous) confidence *= 0.5;
    resolution.confidence = confidence;
    return resolution;
  }

 private:
  MatchedPart MatchedPartFor(const Part& part, uint32_t top) const {
    const Target* chosen = &part.targets.front();
    for (const Target& target : part.targets) {
      if (index_.IsAncestorOrSelf(target.division, top)) {
        chosen = &target;
        break;
      }
    }
    MatchedPart matched;
    matched.text = std::string(text_.substr(part.begin, part.end - part.begin));
    matched.division = &index_.At(chosen->division);
    matched.kind = part.corrected ? MatchKind::kCorrection : chosen->kind;
    if (chosen->kind == MatchKind::kFormerName && chosen->former >= 0) {
      const resolver::FormerName& former = resolver::FormerNames()[static_cast<std::size_t>(chosen->former)];
      matched.note = std::string(former.name) + " became " + std::string(former.current) + " in " +
                     std::to_string(former.year);
    }
    return matched;
  }

  const Resolver::Index& index_;
  std::string_view text_;
};

Resolution SingleDivision(const Resolver::Index& index, uint32_t division, std::string_view text, MatchKind kind) {
  Resolution resolution;
  resolution.found = true;
  resolution.chain = index.ChainOf(division);
  resolution.office_id = index.OfficeIdOf(division);
  resolution.matched.push_back({std::string(text), &index.At(division), kind, {}});
  resolution.confidence = KindConfidence(kind);
  resolution.candidates.push_back({resolution.chain, resolution.office_id, static_cast<double>(index.facts[division].prior)});
  return resolution;
}

Resolution NationalLevel(std::string_view text) {
  Resolution resolution;
  resolution.found = true;
  resolution.office_id = "mps";
  resolution.matched.push_back({std::string(text), nullptr, MatchKind::kNational, {}});
  resolution.confidence = 1.0;
  return resolution;
}

// Queries that are a whole form on their own: a code, an abbreviation, the
// national level, the Bingtuan.
bool ResolveWholeQuery(const Resolver::Index& index, std::string_view text, bool has_han, Resolution* resolution) {
  if (text.size() == 5 && (text[0] == 'C' || text[0] == 'c')) {
    std::string upper;
    for (char c : text) upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    if (upper[2] == '_' || upper[2] == ' ') upper[2] = '-';
    if (const auto iso = index.iso_codes.find(upper); iso != index.iso_codes.end()) {
      *resolution = SingleDivision(index, iso->second, text, MatchKind::kIsoCode);
      return true;
    }
  }
  const bool six_digits = text.size() == 6 && std::all_of(text.begin(), text.end(), [](char c) {
                            return c >= '0' && c <= '9';
                          });
  if (six_digits) {
    if (const Division* division = index.gazetteer.FindByCode(text)) {
      *resolution = SingleDivision(index, index.IndexOf(*division), text, MatchKind::kDivisionCode);
      return true;
    }
  }
  if (text.size() <= 4) {
    if (const auto abbreviation = index.abbreviations.find(text); abbreviation != index.abbreviations.end()) {
      *resolution = SingleDivision(index, abbreviation->second, text, MatchKind::kAbbreviation);
      return true;
    }
  }

  const std::string letters = has_han ? std::string() : LatinLetters(text);
  for (std::string_view name : resolver::NationalNames()) {
    if ((has_han && text == name) || (!has_han && letters == name)) {
      *resolution = NationalLevel(text);
      return true;
    }
  }
  for (std::string_view name : resolver::BingtuanNames()) {
    if ((has_han && text == name) || (!has_han && letters == name)) {
      *resolution = SingleDivision(index, index.xinjiang, text, MatchKind::kAlias);
      resolution->office_id = "xinjiang-bingtuan";
      return true;
    }
  }
  return false;
}

}  // namespace

Result<Resolution> Resolver::Resolve(std::string_view query, Procedure procedure) const {
  if (Status status = ValidateQuery(query); !status.ok()) return status.error();
  const Index& index = *index_;

  std::string converted;
  std::string_view text = Trim(query);
  const resolver::TextTraits traits = resolver::ScanText(text);
  if (traits.has_traditional) {
    converted = resolver::ToSimplified(text);
    text = converted;
  }

  Resolution resolution;
  if (!ResolveWholeQuery(index, text, traits.has_han, &resolution)) {
    Reading reading;
    if (traits.has_han) reading = resolver::ParseChinese(index, text);
    if (reading.candidates.empty()) reading = resolver::ParseLatin(index, text);
    resolution = ResolutionBuilder(index, text).Build(reading, reading.candidates);
    if (!resolution.found && text.find("公安部") != std::string_view::npos) resolution = NationalLevel("公安部");
  }
  if (resolution.found && MentionsBingtuan(text, traits.has_ascii_letter) && resolution.chain.province != nullptr &&
      resolution.chain.province->code == "650000") {
    resolution.office_id = "xinjiang-bingtuan";
  }
  resolver::ApplyProcedure(procedure, resolution);
  return resolution;
}

}  // namespace ngodesk
