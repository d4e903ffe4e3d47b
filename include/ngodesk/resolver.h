// The place finder: turns a place name or a postal address, in Chinese
// (simplified or traditional), pinyin or English, into a division and the
// registration authority responsible for it under a procedure.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ngodesk/gazetteer.h"
#include "ngodesk/result.h"

namespace ngodesk {

// The procedure the user asks about. Under the Overseas NGO Law a
// representative office registers with the registration authority of the
// province where the office is (Art. 11, 12); a temporary activity is filed
// by the Chinese partner unit with the registration authority where the
// partner unit is located, at least 15 days before the activity (Art. 16, 17).
enum class Procedure { kOffice, kActivity };

// The kind of name by which a part of the query matched a division.
enum class MatchKind {
  kName,          // official name, e.g. 苏州市
  kShortName,     // name without its generic suffix, e.g. 苏州
  kAbbreviation,  // one-character abbreviation of a province-level division, e.g. 苏
  kFormerName,    // a name in use before a renaming or merger, e.g. 襄樊
  kAlias,         // another common name, e.g. 喀左, 海南州, 台北
  kIsoCode,       // ISO 3166-2 code, e.g. CN-GD
  kDivisionCode,  // 6-digit GB/T 2260 code
  kPinyin,        // pinyin of the short name, e.g. Suzhou, su zhou
  kEnglish,       // conventional English name, e.g. Inner Mongolia, Hohhot
  kCorrection,    // a one-edit typo or a homophone slip, corrected
  kNational,      // a question about the national level, e.g. 公安部
};

std::string_view MatchKindName(MatchKind kind);

// A part of the (normalised) query and the division it matched. `text` is
// the matched span as the resolver saw it (after traditional-to-simplified
// conversion), `division` is null for a national-level match.
struct MatchedPart {
  std::string text;
  const Division* division = nullptr;
  MatchKind kind = MatchKind::kName;
  std::string note;  // e.g. "renamed 襄阳市 in 2010"; empty when none
};

// A division with its province-level, prefecture-level and county-level
// parts. `prefecture` is null for a county directly under a province. For a
// district of a municipality it is the municipality.
struct DivisionChain {
  const Division* province = nullptr;
  const Division* prefecture = nullptr;
  const Division* county = nullptr;

  // The most specific of the three, or nullptr.
  const Division* deepest() const;
};

// One possible reading of an ambiguous query, best first.
struct Candidate {
  DivisionChain chain;
  std::string office_id;  // empty for Hong Kong, Macau and Taiwan
  double score = 0;       // higher is better; only the order is meaningful
};

// A fixed text in English and Simplified Chinese (static storage).
struct Note {
  std::string_view id;  // stable identifier, e.g. "bingtuan-confirm"
  std::string_view en;
  std::string_view zh;
};

// The rule of the procedure that decided the office, with its legal source
// (static storage).
struct AppliedRule {
  std::string_view id;        // "representative-office", "temporary-activity", "national", "no-mainland-office"
  std::string_view citation;  // e.g. "Overseas NGO Law, Art. 11, 12"
  Note text;
  std::string_view citation_zh;  // e.g. "《境外非政府组织境内活动管理法》第十一条、第十二条"
};

// The result of resolving one query. When nothing matched, `found` is false,
// the chain is empty and `office_id` is empty.
struct Resolution {
  bool found = false;
  std::string office_id;  // id of JurisdictionEntry, e.g. "jiangsu", "xinjiang-bingtuan", "mps"
  DivisionChain chain;
  std::vector<MatchedPart> matched;
  double confidence = 0;  // 0..1: see docs/resolver.md for how it is computed
  bool ambiguous = false;
  bool corrected = false;  // a typo or homophone slip was corrected
  std::vector<Candidate> candidates;
  AppliedRule rule;
  std::vector<Note> notes;
};

// Maximum length of a query in bytes.
inline constexpr std::size_t kMaxQueryBytes = 1024;

// The index over a Gazetteer's names, pinyin, English names, former names,
// abbreviations and codes. Building takes a few milliseconds; Resolve is
// const and may be called from any thread.
class Resolver {
 public:
  // The resolver over Gazetteer::Bundled(), built on first use.
  static const Resolver& Bundled();

  // Builds the index over `gazetteer`, which must outlive the resolver.
  explicit Resolver(const Gazetteer& gazetteer);
  ~Resolver();
  Resolver(const Resolver&) = delete;
  Resolver& operator=(const Resolver&) = delete;

  // Resolves one query. Returns InvalidArgument for empty input, input
  // longer than kMaxQueryBytes, invalid UTF-8, control characters or input
  // of punctuation only; a query that names no place is not an error but a
  // Resolution with found == false.
  Result<Resolution> Resolve(std::string_view query, Procedure procedure = Procedure::kOffice) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }

  // The precomputed look-up structures, defined inside the library.
  class Index;

 private:
  const Gazetteer& gazetteer_;
  std::unique_ptr<Index> index_;
};

// Checks a query for the input errors that Resolve rejects.
Status ValidateQuery(std::string_view query);

// The JSON form of a resolution (one line, UTF-8), with the fields query,
// procedure, office, division, matched, confidence, ambiguous, corrected,
// candidates, rule and notes. Documented in docs/resolver.md.
std::string ResolutionToJson(std::string_view query, Procedure procedure, const Resolution& resolution);

// The JSON error object for a query that Resolve rejected.
std::string ResolutionErrorToJson(std::string_view query, const Error& error);

}  // namespace ngodesk
