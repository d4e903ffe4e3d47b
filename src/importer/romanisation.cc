#include "importer/romanisation.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <set>

#include "importer/text.h"
#include "ngodesk/gazetteer.h"

namespace ngodesk::importer {
namespace {

// English words of addresses that happen to split into pinyin syllables
// ("Area" = a + re, "Gate" = ga + te); they are never romanised names.
constexpr std::array<std::string_view, 12> kEnglishWords = {
    "area", "gate", "an", "he", "long", "pan", "sun", "tan", "bang", "hang", "men", "die"};

constexpr std::size_t kMaxRunSyllables = 5;

// A word counts as a misspelt romanisation when some run of syllables is
// within this many edits per three letters of it (Tianjing/tianjin: 1 edit,
// Jindao/jinqiao: 2). A word further from everything is an English word or
// a name the Chinese text does not contain ("Zhejiang Province" before an
// address that omits 浙江), which is not a romanisation error.
constexpr std::size_t kLettersPerAllowedEdit = 3;

struct Syllable {
  std::string pinyin;
  std::string han;
};

// The set of toneless pinyin syllables, taken from the readings of the CJK
// Unified Ideographs block so that it matches what Pinyin() can produce.
const std::set<std::string>& SyllableInventory() {
  static const std::set<std::string> inventory = [] {
    std::string all;
    for (char32_t c = 0x4E00; c <= 0x9FA5; ++c) {
      all += static_cast<char>(0xE0 | (c >> 12));
      all += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      all += static_cast<char>(0x80 | (c & 0x3F));
      all += ' ';
    }
    std::set<std::string> syllables;
    const std::string readings = Pinyin(all);
    std::size_t start = 0;
    while (start < readings.size()) {
      const std::size_t space = std::min(readings.find(' ', start), readings.size());
      const std::string syllable =
          FoldName(std::string_view(readings).substr(start, space - start));
      // Interjection readings without a vowel (m, ng, hm) would make almost
      // any word segmentable.
      if (syllable.find_first_of("aeiouv") != std::string::npos) syllables.insert(syllable);
      start = space + 1;
    }
    return syllables;
  }();
  return inventory;
}

bool IsSyllableSequence(std::string_view word) {
  const std::set<std::string>& inventory = SyllableInventory();
  std::vector<bool> reachable(word.size() + 1, false);
  reachable[0] = true;
  for (std::size_t end = 1; end <= word.size(); ++end) {
    for (std::size_t length = 1; length <= 6 && length <= end; ++length) {
      if (reachable[end - length] &&
          inventory.contains(std::string(word.substr(end - length, length)))) {
        reachable[end] = true;
        break;
      }
    }
  }
  return reachable[word.size()];
}

// Runs of Han characters with the pinyin of each character. A run is
// romanised as a whole so that place-name readings apply (长沙 is chang sha).
std::vector<std::vector<Syllable>> HanRuns(std::string_view zh) {
  std::vector<std::vector<Syllable>> runs;
  std::vector<std::string> characters;
  auto flush = [&] {
    if (characters.empty()) return;
    std::string run;
    for (const std::string& c : characters) run += c;
    std::vector<std::string> readings;
    const std::string romanised = Pinyin(run);
    std::size_t start = 0;
    while (start < romanised.size()) {
      const std::size_t space = std::min(romanised.find(' ', start), romanised.size());
      if (space > start)
        readings.push_back(FoldName(std::string_view(romanised).substr(start, space - start)));
      start = space + 1;
    }
    std::vector<Syllable> syllables;
    for (std::size_t i = 0; i < characters.size(); ++i) {
      std::string reading =
          readings.size() == characters.size() ? readings[i] : FoldName(Pinyin(characters[i]));
      syllables.push_back({std::move(reading), characters[i]});
    }
    runs.push_back(std::move(syllables));
    characters.clear();
  };

  for (const CodePoint& point : DecodeUtf8(zh)) {
    if (IsHan(point.value)) {
      characters.emplace_back(zh.substr(point.offset, point.length));
    } else {
      flush();
    }
  }
  flush();
  return runs;
}

// Words of an English address: letters with apostrophes inside ("Jiang’an").
std::vector<std::string> EnglishWords(std::string_view en) {
  std::vector<std::string> words;
  std::string current;
  for (const CodePoint& point : DecodeUtf8(en)) {
    const char32_t c = point.value;
    const bool letter = c < 0x80 && std::isalpha(static_cast<int>(c));
    const bool apostrophe = c == U'\'' || c == U'’' || c == U'‘';
    if (letter || (apostrophe && !current.empty())) {
      current += en.substr(point.offset, point.length);
      continue;
    }
    if (!current.empty()) words.push_back(current);
    current.clear();
  }
  if (!current.empty()) words.push_back(current);
  return words;
}

bool LooksRomanised(const std::string& word) {
  if (!std::isupper(static_cast<unsigned char>(word[0]))) return false;
  // Acronyms (PSB, MPS) are not romanised names.
  const bool has_lower = std::any_of(word.begin() + 1, word.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c));
  });
  if (!has_lower) return false;

  const std::string folded = FoldName(word);
  if (folded.size() < 2) return false;
  if (std::find(kEnglishWords.begin(), kEnglishWords.end(), folded) != kEnglishWords.end())
    return false;
  return IsSyllableSequence(folded);
}

struct RunMatch {
  std::string pinyin;
  std::string han;
  std::size_t distance = 0;
};

std::string Capitalised(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

// The run of consecutive syllables nearest to `folded`; distance 0 is a match.
std::optional<RunMatch> NearestRun(const std::vector<std::vector<Syllable>>& runs,
                                   const std::string& folded) {
  std::optional<RunMatch> best;
  for (const std::vector<Syllable>& run : runs) {
    for (std::size_t begin = 0; begin < run.size(); ++begin) {
      RunMatch candidate;
      for (std::size_t end = begin; end < run.size() && end - begin < kMaxRunSyllables; ++end) {
        candidate.pinyin += run[end].pinyin;
        candidate.han += run[end].han;
        candidate.distance = EditDistance(folded, candidate.pinyin);
        if (!best || candidate.distance < best->distance) best = candidate;
        if (best->distance == 0) return best;
      }
    }
  }
  return best;
}

}  // namespace

Romaniser::Romaniser(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {
  for (const Division& division : gazetteer_.divisions()) {
    english_names_.emplace(FoldName(division.name_en), division.short_zh);
  }
}

std::vector<RomanisationMismatch> Romaniser::Compare(std::string_view en,
                                                     std::string_view zh) const {
  std::vector<RomanisationMismatch> mismatches;
  const std::vector<std::vector<Syllable>> runs = HanRuns(zh);
  if (runs.empty()) return mismatches;

  for (const std::string& word : EnglishWords(en)) {
    if (!LooksRomanised(word)) continue;
    const std::string folded = FoldName(word);

    const std::optional<RunMatch> nearest = NearestRun(runs, folded);
    if (nearest && nearest->distance == 0) continue;

    const auto [first, last] = english_names_.equal_range(folded);
    const bool named_division = std::any_of(first, last, [&](const auto& entry) {
      return !entry.second.empty() && zh.find(entry.second) != std::string_view::npos;
    });
    if (named_division) continue;

    const std::size_t allowed = std::max<std::size_t>(1, folded.size() / kLettersPerAllowedEdit);
    if (!nearest || nearest->distance > allowed) continue;
    mismatches.push_back({word, Capitalised(nearest->pinyin), nearest->han});
  }
  return mismatches;
}

}  // namespace ngodesk::importer
