// The two query parsers: Chinese text (administrative chain first) and
// Latin text (pinyin and English words in any order). Both produce a
// Reading: the matched parts and the divisions consistent with them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "resolver/name_index.h"
#include "resolver/resolver_index.h"

namespace ngodesk::resolver {

// A matched span of the parsed text and the divisions it may mean.
struct Part {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<Target> targets;
  bool corrected = false;
};

// The outcome of parsing, before ranking: `candidates` are the most
// specific divisions consistent with the parts, with equal standing.
struct Reading {
  std::vector<Part> parts;
  std::vector<uint32_t> candidates;
  bool from_start = true;  // false when the place was found inside free text
};

// Parses Chinese text: the administrative chain at the start of the text
// (province, prefecture, county in that order, each optional) wins over
// names in later parts, which may only add a division below the chain.
Reading ParseChinese(const Resolver::Index& index, std::string_view text);

// Parses pinyin or English text: every place word is matched, street names
// are skipped, and the divisions that agree with the most words win.
Reading ParseLatin(const Resolver::Index& index, std::string_view text);

// Removes candidates that have an ancestor among the candidates (吉林 is
// the province before 吉林市) and sorts the rest by prior, then code.
void PruneAndRank(const Resolver::Index& index, std::vector<uint32_t>& candidates);

}  // namespace ngodesk::resolver
