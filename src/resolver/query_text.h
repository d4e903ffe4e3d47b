// Text handling for resolver queries: validation, UTF-8 stepping, Han
// detection, traditional-to-simplified conversion and Latin folding.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "ngodesk/result.h"

namespace ngodesk::resolver {

// Decodes the code point at `*pos` and advances `*pos` past it. Returns -1
// (and advances one byte) for an invalid sequence.
int32_t NextCodePoint(std::string_view text, std::size_t* pos);

bool IsHan(int32_t c);

// True for characters that separate parts of an address: white space,
// ASCII and CJK punctuation, brackets.
bool IsSeparator(int32_t c);

// Folds a Latin letter to lowercase ASCII ('Ā' → 'a', 'ü' → 'u'), or
// returns 0 when `c` is not a letter of the pinyin alphabet.
char FoldLatinLetter(int32_t c);

// True when the text contains a character that OpenCC's
// traditional-to-simplified character table (TSCharacters) converts.
bool HasTraditional(std::string_view text);

// Facts found by one pass over a query.
struct TextTraits {
  bool has_han = false;
  bool has_ascii_letter = false;
  bool has_traditional = false;  // see HasTraditional
};

TextTraits ScanText(std::string_view text);

// Converts traditional characters (Taiwan, Hong Kong and standard forms)
// to simplified with OpenCC t2s, hk2s and tw2sp. Returns the text
// unchanged when OpenCC is unavailable.
std::string ToSimplified(std::string_view text);

// Loads the traditional-character set (a few milliseconds); called while
// building the resolver so that the first query does not pay for it.
void PreloadTraditionalTable();

}  // namespace ngodesk::resolver
