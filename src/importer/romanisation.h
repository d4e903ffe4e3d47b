// Comparison of the romanised place and street names of an English address
// with the pinyin of its Chinese text ("Jindao Avenue" against 金桥大道).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ngodesk {
class Gazetteer;
}

namespace ngodesk::importer {

struct RomanisationMismatch {
  std::string word;            // as written in the English address, e.g. "Jindao"
  std::string closest_pinyin;  // nearest run of syllables of the Chinese text, e.g. "Jinqiao"
  std::string closest_han;     // the characters of that run, e.g. "金桥"
};

class Romaniser {
 public:
  explicit Romaniser(const Gazetteer& gazetteer);

  // Words of `en` that look like pinyin (capitalised and made only of pinyin
  // syllables) and come close to, but do not equal, a run of consecutive
  // syllables of `zh`. A word that is the English name of a division named
  // in `zh` ("Urumqi", "Chongqing") counts as equal.
  std::vector<RomanisationMismatch> Compare(std::string_view en, std::string_view zh) const;

 private:
  const Gazetteer& gazetteer_;
  // FoldName of a division's English name to the short Chinese names it has.
  std::unordered_multimap<std::string, std::string> english_names_;
};

}  // namespace ngodesk::importer
