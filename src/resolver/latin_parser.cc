// The Latin parser: pinyin (toned or toneless, joined or spaced) and
// English names, in any order, as in "100 Renmin Road, Gusu District,
// Suzhou, Jiangsu".
#include <algorithm>
#include <cmath>

#include "ngodesk/gazetteer.h"
#include "resolver/parsers.h"
#include "resolver/place_tables.h"
#include "resolver/query_text.h"

namespace ngodesk::resolver {
namespace {

// Words joined into one key at most: "Nei Meng Gu" is three.
constexpr std::size_t kMaxJoinedWords = 4;

// Keys shorter than this are never corrected: one edit on a short key
// reaches too many other keys.
constexpr std::size_t kMinCorrectedLength = 5;

struct Word {
  std::string text;  // lowercase ASCII letters
  std::size_t begin = 0;
  std::size_t end = 0;
  bool joins_next = false;  // only a space or a hyphen separates it from the next word
};

std::vector<Word> Tokenize(std::string_view text) {
  std::vector<Word> words;
  Word current;
  std::size_t pos = 0;
  const auto finish = [&](bool joins_next) {
    if (!current.text.empty()) {
      current.joins_next = joins_next;
      words.push_back(std::move(current));
    } else if (!joins_next && !words.empty()) {
      words.back().joins_next = false;
    }
    current = Word{};
  };
  while (pos < text.size()) {
    const std::size_t begin = pos;
    const int32_t c = NextCodePoint(text, &pos);
    const char letter = FoldLatinLetter(c);
    if (letter != 0) {
      if (current.text.empty()) current.begin = begin;
      current.text.push_back(letter);
      current.end = pos;
      continue;
    }
    const bool apostrophe = c == '\'' || c == 0x2019 || c == 0x02BC;
    if (apostrophe && !current.text.empty()) continue;  // Xi'an, Jiang’an
    const bool tone_number = c >= '1' && c <= '5' && !current.text.empty() &&
                             (pos >= text.size() || text[pos] < '0' || text[pos] > '9');
    if (tone_number) continue;  // su1 zhou1
    finish(c == ' ' || c == '-' || c == 0x3000 || c == 0x00A0);
  }
  finish(false);
  return words;
}

// English words that are also the pinyin of a division (贵德 Guide, 弥勒
// Mile, 德安 De'an): matched only alone or before a suffix word ("Guide
// County"), never inside English text.
bool IsEnglishWord(std::string_view key) {
  constexpr std::string_view kWords[] = {"guide", "mile", "dean", "lean", "saga", "yuan", "mulan", "ali",
                                         "bole", "seni", "anda", "dari", "huma", "nima", "cili"};
  return std::find(std::begin(kWords), std::end(kWords), key) != std::end(kWords);
}

// Names of other countries and regions that lie one edit from a key of five
// letters or more (Korea from Korla 库尔勒, Yemen from Yumen 玉门, Lanka from
// Lankao 兰考): never corrected.
bool IsForeignName(std::string_view word) {
  constexpr std::string_view kNames[] = {"korea", "yemen", "lanka", "china", "asia", "africa", "europe", "america"};
  return std::find(std::begin(kNames), std::end(kNames), word) != std::end(kNames);
}

bool MatchesLevel(const Division& division, SuffixLevel level) {
  switch (level) {
    case SuffixLevel::kAny:
      return true;
    case SuffixLevel::kProvince:
      return division.level == DivisionLevel::kProvince;
    case SuffixLevel::kCity:
      return division.level == DivisionLevel::kPrefecture || Gazetteer::IsMunicipality(division) ||
             (division.level == DivisionLevel::kCounty && division.name_zh.ends_with("市"));
    case SuffixLevel::kCounty:
      return division.level == DivisionLevel::kCounty;
  }
  return true;
}

// True when `a` and `b` differ by at most one insertion, deletion or
// substitution.
bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t prefix = 0;
  while (prefix < a.size() && a[prefix] == b[prefix]) ++prefix;
  if (a.size() == b.size()) return a.substr(prefix + (prefix < a.size() ? 1 : 0)) == b.substr(prefix + (prefix < b.size() ? 1 : 0));
  return a.substr(prefix) == b.substr(prefix + 1);
}

class LatinParser {
 public:
  LatinParser(const Resolver::Index& index, std::string_view text) : index_(index), words_(Tokenize(text)) {}

  Reading Parse();

 private:
  bool CanJoin(std::size_t first, std::size_t count) const;
  std::size_t SkipStreet(std::size_t after) const;
  std::size_t ReadSuffixes(std::size_t after, SuffixLevel* level) const;
  void AddPart(std::size_t first, std::size_t last, std::vector<Target> targets, SuffixLevel level, bool corrected);
  bool MatchAt(std::size_t* i);
  void CorrectTypos(const std::vector<std::size_t>& unmatched);
  std::vector<uint32_t> SelectConsistent() const;

  const Resolver::Index& index_;
  std::vector<Word> words_;
  std::vector<Part> parts_;
};

bool LatinParser::CanJoin(std::size_t first, std::size_t count) const {
  if (first + count > words_.size()) return false;
  for (std::size_t k = first; k + 1 < first + count; ++k) {
    if (!words_[k].joins_next) return false;
  }
  return true;
}

// The index of the street word that follows `after` (skipping up to two
// direction words: "Beijing Middle Road"), or 0 when none does.
std::size_t LatinParser::SkipStreet(std::size_t after) const {
  std::size_t k = after;
  while (k < words_.size() && k < after + 2 && IsDirectionWord(words_[k].text)) ++k;
  return k < words_.size() && IsStreetWord(words_[k].text) ? k : 0;
}

std::size_t LatinParser::ReadSuffixes(std::size_t after, SuffixLevel* level) const {
  std::size_t k = after;
  while (k < words_.size()) {
    const SuffixLevel* suffix = FindSuffixWord(words_[k].text);
    if (suffix == nullptr) break;
    if (*level == SuffixLevel::kAny) *level = *suffix;
    ++k;
  }
  return k;
}

void LatinParser::AddPart(std::size_t first, std::size_t last, std::vector<Target> targets, SuffixLevel level,
                          bool corrected) {
  std::vector<Target> fitting;
  for (const Target& target : targets) {
    if (MatchesLevel(index_.At(target.division), level)) fitting.push_back(target);
  }
  parts_.push_back({words_[first].begin, words_[last].end, fitting.empty() ? std::move(targets) : std::move(fitting),
                    corrected});
}

bool LatinParser::MatchAt(std::size_t* i) {
  std::string key;
  for (std::size_t count = std::min(kMaxJoinedWords, words_.size() - *i); count >= 1; --count) {
    if (!CanJoin(*i, count)) continue;
    key.clear();
    for (std::size_t k = *i; k < *i + count; ++k) key += words_[k].text;
    const auto found = index_.latin.find(key);
    if (found == index_.latin.end() || found->second.empty()) continue;

    const std::size_t after = *i + count;
    if (const std::size_t street = SkipStreet(after); street != 0) {
      *i = street + 1;  // a street named after a place
      return true;
    }
    SuffixLevel level = SuffixLevel::kAny;
    const std::size_t next = ReadSuffixes(after, &level);
    const bool alone = *i == 0 && after == words_.size();
    if (count == 1 && next == after && !alone && IsEnglishWord(key)) continue;
    AddPart(*i, after - 1, found->second, level, false);
    *i = next;
    return true;
  }
  return false;
}

// Corrects a word of five letters or more that matched nothing, when a
// suffix word follows it ("Tianjing city") or the query is a short name.
void LatinParser::CorrectTypos(const std::vector<std::size_t>& unmatched) {
  // Without a suffix word, only a short query (a name, not a sentence) is
  // corrected: English prose has many words one edit from some pinyin.
  const bool name_like = parts_.empty() && words_.size() <= 3;
  for (std::size_t i : unmatched) {
    const std::string& word = words_[i].text;
    if (word.size() < kMinCorrectedLength || index_.latin.contains(word)) continue;
    SuffixLevel level = SuffixLevel::kAny;
    const std::size_t next = ReadSuffixes(i + 1, &level);
    if (next == i + 1 && !name_like) continue;
    if (FindSuffixWord(word) != nullptr || IsStreetWord(word) || IsDirectionWord(word)) continue;
    if (IsForeignName(word)) continue;

    std::vector<Target> targets;
    for (const auto& [key, key_targets] : index_.latin) {
      if (key.size() < kMinCorrectedLength || !WithinOneEdit(word, key)) continue;
      for (const Target& target : key_targets) targets.push_back({target.division, MatchKind::kCorrection});
    }
    if (!targets.empty()) AddPart(i, next > i + 1 ? next - 1 : i, std::move(targets), level, true);
  }
}

// The divisions that agree with the most parts: each candidate scores the
// best target of every part that is the candidate or one of its ancestors.
// A corrected part counts less than an exact one.
std::vector<uint32_t> LatinParser::SelectConsistent() const {
  std::vector<uint32_t> pool;
  for (const Part& part : parts_) {
    for (const Target& target : part.targets) pool.push_back(target.division);
  }
  std::sort(pool.begin(), pool.end());
  pool.erase(std::unique(pool.begin(), pool.end()), pool.end());

  double best = 0;
  std::vector<std::pair<uint32_t, double>> scored;
  for (uint32_t candidate : pool) {
    double score = 0;
    for (const Part& part : parts_) {
      double part_score = 0;
      for (const Target& target : part.targets) {
        if (!index_.IsAncestorOrSelf(target.division, candidate)) continue;
        part_score = std::max(part_score, part.corrected ? 0.7 : 1.0);
      }
      score += part_score;
    }
    scored.emplace_back(candidate, score);
    best = std::max(best, score);
  }
  std::vector<uint32_t> winners;
  for (const auto& [candidate, score] : scored) {
    if (score > 0 && std::abs(score - best) < 1e-9) winners.push_back(candidate);
  }
  return winners;
}

Reading LatinParser::Parse() {
  std::vector<std::size_t> unmatched;
  std::size_t i = 0;
  while (i < words_.size()) {
    if (MatchAt(&i)) continue;
    unmatched.push_back(i);
    ++i;
  }
  CorrectTypos(unmatched);

  Reading reading;
  reading.candidates = SelectConsistent();
  reading.parts = std::move(parts_);
  return reading;
}

}  // namespace

Reading ParseLatin(const Resolver::Index& index, std::string_view text) {
  return LatinParser(index, text).Parse();
}

void PruneAndRank(const Resolver::Index& index, std::vector<uint32_t>& candidates) {
  if (candidates.size() < 2) return;
  // Marks first, then erases, so that every check sees the whole set.
  std::vector<char> drop(candidates.size(), 0);
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    drop[i] = std::any_of(candidates.begin(), candidates.end(),
                          [&](uint32_t other) { return index.IsStrictAncestor(other, candidates[i]); });
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (drop[i] == 0) candidates[kept++] = candidates[i];
  }
  candidates.resize(kept);
  std::sort(candidates.begin(), candidates.end(), [&](uint32_t a, uint32_t b) {
    if (index.facts[a].prior != index.facts[b].prior) return index.facts[a].prior > index.facts[b].prior;
    return a < b;
  });
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
}

}  // namespace ngodesk::resolver
