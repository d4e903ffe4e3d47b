// The Chinese parser: reads the administrative chain at the start of an
// address, falls back to a place named inside free text, and lets later
// parts add only divisions below the chain.
#include <algorithm>

#include "ngodesk/gazetteer.h"
#include "resolver/parsers.h"
#include "resolver/query_text.h"

namespace ngodesk::resolver {
namespace {

// Generic suffixes that may follow a short name (苏州市 after 苏州).
constexpr std::string_view kGenericSuffixes[] = {
    "特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "新区", "林区", "特区",
    "省",         "市",     "区",     "县",     "州",     "盟",   "旗",
};

// Words that end a street, estate or building name: a place name right
// before them (北京中路, 香港东路, 運河北路 read as 河北路) names the street, not
// the place. Institutions (北京大学, 四川大学, 上海银行) are left out because
// they are usually in the place they are named after.
constexpr std::string_view kStreetSuffixes[] = {
    "大道", "大街", "胡同", "广场", "大厦", "公园", "饭店", "酒店", "宾馆", "商场", "花园", "小区",
    "路",   "街",   "道",   "巷",   "弄",   "桥",
};

constexpr std::string_view kDirections[] = {"东", "西", "南", "北", "中"};

// Words that put a place in running text (位于义乌, 来自昆山). Next to them a
// county-level short name reads as a place, not as part of a word such as
// 合作部. "在" counts only at the start or after a pronoun (我在昆山), because
// 现在, 正在 and 存在 end with it too.
constexpr std::string_view kPlaceWords[] = {"坐落于", "位于", "来自", "前往", "地处"};
constexpr std::string_view kPronouns[] = {"我们", "你们", "他们", "她们", "我", "你", "他", "她", "它"};

// Leading words that name the country and never a division.
constexpr std::string_view kCountryNames[] = {"中华人民共和国", "中国"};

enum class ScanMode {
  kChain,      // the next part of the chain: every kind of name
  kFreeText,   // a chain start inside free text: county-level short names only where InPlaceContext
  kExtension,  // after the chain: only divisions below it
};

bool StartsWithAny(std::string_view text, std::span<const std::string_view> words, std::size_t* length) {
  for (std::string_view word : words) {
    if (text.starts_with(word)) {
      *length = word.size();
      return true;
    }
  }
  return false;
}

class ChineseParser {
 public:
  ChineseParser(const Resolver::Index& index, std::string_view text) : index_(index), text_(text) {}

  Reading Parse();

 private:
  std::size_t SkipSeparators(std::size_t pos) const;
  std::size_t SkipLeadingNoise(std::size_t pos) const;
  std::size_t SkipSuffix(std::size_t pos) const;
  bool FollowedByStreet(std::size_t end) const;
  bool IsHanAt(std::size_t pos) const;
  bool InPlaceContext(std::size_t begin) const;

  std::size_t RunChain(std::size_t pos);
  bool Step(std::size_t* pos, ScanMode mode);
  bool TryMatch(const TrieMatch& match, std::size_t begin, ScanMode mode);
  bool TryNarrow(const TrieMatch& match, std::size_t begin);
  bool TryHomophone(std::size_t* pos);
  void AppendCharacterPinyin(std::size_t begin, std::size_t end, std::string& key) const;
  std::vector<Target> HomophoneTargets(std::span<const Target> targets, std::string_view segment, int chars) const;
  bool ScanFrom(std::size_t pos, ScanMode mode);
  void Accept(std::size_t begin, std::size_t end, std::vector<Target> targets, bool corrected);
  bool DropWeakStart();

  const Resolver::Index& index_;
  std::string_view text_;
  std::vector<uint32_t> state_;  // divisions consistent with every part so far
  std::vector<Part> parts_;
  // Scratch for trie look-ups, kept per thread so that its capacity is reused.
  std::vector<TrieMatch>& matches_ = ScratchMatches();

  static std::vector<TrieMatch>& ScratchMatches() {
    thread_local std::vector<TrieMatch> matches;
    return matches;
  }
};

std::size_t ChineseParser::SkipSeparators(std::size_t pos) const {
  while (pos < text_.size()) {
    std::size_t next = pos;
    const int32_t c = NextCodePoint(text_, &next);
    if (!IsSeparator(c)) break;
    pos = next;
  }
  return pos;
}

// Skips separators, digits (a postcode) and the name of the country.
std::size_t ChineseParser::SkipLeadingNoise(std::size_t pos) const {
  while (true) {
    pos = SkipSeparators(pos);
    std::size_t length = 0;
    if (StartsWithAny(text_.substr(pos), kCountryNames, &length)) {
      pos += length;
      continue;
    }
    if (pos < text_.size() && text_[pos] >= '0' && text_[pos] <= '9') {
      ++pos;
      continue;
    }
    return pos;
  }
}

std::size_t ChineseParser::SkipSuffix(std::size_t pos) const {
  std::size_t length = 0;
  return StartsWithAny(text_.substr(pos), kGenericSuffixes, &length) ? pos + length : pos;
}

bool ChineseParser::FollowedByStreet(std::size_t end) const {
  std::string_view rest = text_.substr(end);
  std::size_t length = 0;
  if (StartsWithAny(rest, kDirections, &length)) rest.remove_prefix(length);
  return StartsWithAny(rest, kStreetSuffixes, &length);
}

bool ChineseParser::IsHanAt(std::size_t pos) const {
  if (pos >= text_.size()) return false;
  return IsHan(NextCodePoint(text_, &pos));
}

bool ChineseParser::InPlaceContext(std::size_t begin) const {
  const auto ends_with_any = [](std::string_view text, std::span<const std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view word) { return text.ends_with(word); });
  };
  std::string_view before = text_.substr(0, begin);
  if (ends_with_any(before, kPlaceWords)) return true;
  if (!before.ends_with("在")) return false;

  before.remove_suffix(std::string_view("在").size());
  if (ends_with_any(before, kPronouns)) return true;

  // Otherwise "在" must start the text or a clause: only separators lie
  // between it and the previous separator or the start.
  std::size_t pos = 0;
  std::size_t clause_start = 0;
  while (pos < before.size()) {
    if (IsSeparator(NextCodePoint(before, &pos))) clause_start = pos;
  }
  return clause_start == before.size();
}

void ChineseParser::Accept(std::size_t begin, std::size_t end, std::vector<Target> targets, bool corrected) {
  state_.clear();
  for (const Target& target : targets) {
    if (std::find(state_.begin(), state_.end(), target.division) == state_.end()) state_.push_back(target.division);
  }
  parts_.push_back({begin, end, std::move(targets), corrected});
}

bool ChineseParser::TryMatch(const TrieMatch& match, std::size_t begin, ScanMode mode) {
  const bool street = FollowedByStreet(match.end);
  std::vector<Target> accepted;
  for (const Target& target : match.targets) {
    const Division& division = index_.At(target.division);
    if (mode == ScanMode::kFreeText && target.kind == MatchKind::kShortName &&
        division.level == DivisionLevel::kCounty && !InPlaceContext(begin)) {
      continue;
    }
    if (street && (target.kind != MatchKind::kName || mode != ScanMode::kChain)) continue;
    const bool consistent =
        state_.empty() || std::any_of(state_.begin(), state_.end(), [&](uint32_t current) {
          return index_.IsStrictAncestor(current, target.division);
        });
    if (consistent) accepted.push_back(target);
  }
  if (accepted.empty()) return false;
  Accept(begin, match.end, std::move(accepted), false);
  return true;
}

// After the chain, a name of a division above some of several candidates
// narrows them (朝阳区 ... 北京).
bool ChineseParser::TryNarrow(const TrieMatch& match, std::size_t begin) {
  if (state_.size() < 2 || FollowedByStreet(match.end)) return false;
  std::vector<uint32_t> narrowed;
  std::vector<Target> used;
  for (uint32_t current : state_) {
    for (const Target& target : match.targets) {
      if (!index_.IsStrictAncestor(target.division, current)) continue;
      narrowed.push_back(current);
      used.push_back(target);
      break;
    }
  }
  if (narrowed.empty() || narrowed.size() == state_.size()) return false;
  parts_.push_back({begin, match.end, std::move(used), false});
  state_ = std::move(narrowed);
  return true;
}

// Reads a homophone slip (维坊市 for 潍坊市): two to four Han characters,
// followed by a generic suffix, the end or a separator, that sound like the
// short name of a division and share at least one character with it.
bool ChineseParser::TryHomophone(std::size_t* pos) {
  // Ends of the first one to four Han characters. A segment is tried only
  // where it ends at a boundary, so most street names cost no romanisation.
  std::size_t ends[5] = {*pos, 0, 0, 0, 0};
  int count = 0;
  while (count < 4 && IsHanAt(ends[count])) {
    ends[count + 1] = ends[count];
    NextCodePoint(text_, &ends[count + 1]);
    ++count;
  }
  std::string key;
  int romanised = 0;  // characters already in `key`
  for (int chars = 2; chars <= count; ++chars) {
    const std::size_t end = ends[chars];
    std::size_t peek = end;
    const bool boundary = end == text_.size() || SkipSuffix(end) != end || IsSeparator(NextCodePoint(text_, &peek));
    if (!boundary) continue;
    for (; romanised < chars; ++romanised) AppendCharacterPinyin(ends[romanised], ends[romanised + 1], key);

    const auto found = index_.latin.find(key);
    if (found == index_.latin.end()) continue;
    std::vector<Target> accepted = HomophoneTargets(found->second, text_.substr(*pos, end - *pos), chars);
    if (accepted.empty()) continue;
    Accept(*pos, end, std::move(accepted), true);
    *pos = SkipSuffix(end);
    return true;
  }
  return false;
}

void ChineseParser::AppendCharacterPinyin(std::size_t begin, std::size_t end, std::string& key) const {
  std::size_t pos = begin;
  const auto known = index_.char_pinyin.find(NextCodePoint(text_, &pos));
  if (known != index_.char_pinyin.end()) {
    key += known->second;
    return;
  }
  for (char letter : Pinyin(text_.substr(begin, end - begin))) {
    if (letter >= 'a' && letter <= 'z') key.push_back(letter);
  }
}

// Divisions among `targets` whose short name has `chars` characters, differs
// from `segment`, shares a character at the same place with it and fits the
// chain so far.
std::vector<Target> ChineseParser::HomophoneTargets(std::span<const Target> targets, std::string_view segment,
                                                    int chars) const {
  std::vector<Target> accepted;
  for (const Target& target : targets) {
    const Division& division = index_.At(target.division);
    if (target.kind != MatchKind::kPinyin || index_.facts[target.division].short_chars != chars) continue;
    if (division.short_zh == segment) continue;
    bool shares_character = false;
    std::size_t a = 0;
    std::size_t b = 0;
    while (a < segment.size() && b < division.short_zh.size()) {
      const std::size_t a_begin = a;
      const std::size_t b_begin = b;
      NextCodePoint(segment, &a);
      NextCodePoint(division.short_zh, &b);
      if (segment.substr(a_begin, a - a_begin) == division.short_zh.substr(b_begin, b - b_begin)) shares_character = true;
    }
    const bool consistent = state_.empty() || std::any_of(state_.begin(), state_.end(), [&](uint32_t current) {
                              return index_.IsStrictAncestor(current, target.division);
                            });
    if (shares_character && consistent) accepted.push_back({target.division, MatchKind::kCorrection});
  }
  return accepted;
}

bool ChineseParser::Step(std::size_t* pos, ScanMode mode) {
  *pos = SkipSeparators(*pos);
  if (*pos >= text_.size()) return false;
  matches_.clear();
  index_.trie.MatchesAt(text_, *pos, matches_);
  for (const TrieMatch& match : matches_) {
    if (!TryMatch(match, *pos, mode)) continue;
    const bool exact_name = parts_.back().targets.front().kind == MatchKind::kName;
    *pos = exact_name ? match.end : SkipSuffix(match.end);
    return true;
  }
  return mode == ScanMode::kChain && TryHomophone(pos);
}

std::size_t ChineseParser::RunChain(std::size_t pos) {
  while (Step(&pos, ScanMode::kChain)) {
  }
  return pos;
}

// Scans every position from `pos` for a match in `mode`; on the first one
// the chain continues from there.
bool ChineseParser::ScanFrom(std::size_t pos, ScanMode mode) {
  while (pos < text_.size()) {
    matches_.clear();
    index_.trie.MatchesAt(text_, pos, matches_);
    const std::vector<TrieMatch> here = matches_;
    for (const TrieMatch& match : here) {
      const bool matched =
          TryMatch(match, pos, mode) || (mode == ScanMode::kExtension && TryNarrow(match, pos));
      if (!matched) continue;
      RunChain(SkipSuffix(match.end));
      return true;
    }
    NextCodePoint(text_, &pos);
  }
  return false;
}

// A county-level short name alone at the start, glued to more Han text
// (合作部), is more likely a word than a place, unless running text puts it
// there (在昆山的公司).
bool ChineseParser::DropWeakStart() {
  if (parts_.size() != 1) return false;
  const Part& part = parts_.front();
  const bool weak = std::all_of(part.targets.begin(), part.targets.end(), [&](const Target& target) {
    return target.kind == MatchKind::kShortName && index_.At(target.division).level == DivisionLevel::kCounty;
  });
  if (!weak || SkipSuffix(part.end) != part.end || !IsHanAt(part.end)) return false;
  if (InPlaceContext(part.begin)) return false;
  parts_.clear();
  state_.clear();
  return true;
}

Reading ChineseParser::Parse() {
  const std::size_t start = SkipLeadingNoise(0);
  std::size_t chain_end = RunChain(start);
  DropWeakStart();

  Reading reading;
  if (state_.empty()) {
    reading.from_start = false;
    ScanFrom(start, ScanMode::kFreeText);
    chain_end = parts_.empty() ? text_.size() : parts_.back().end;
  }
  const bool below_county_possible = std::any_of(state_.begin(), state_.end(), [&](uint32_t current) {
    return index_.At(current).level != DivisionLevel::kCounty;
  });
  if (!state_.empty() && (below_county_possible || state_.size() > 1)) ScanFrom(chain_end, ScanMode::kExtension);

  reading.parts = std::move(parts_);
  reading.candidates = std::move(state_);
  return reading;
}

}  // namespace

Reading ParseChinese(const Resolver::Index& index, std::string_view text) {
  return ChineseParser(index, text).Parse();
}

}  // namespace ngodesk::resolver
