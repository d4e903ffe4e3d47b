// Text handling for resolver queries: validation, UTF-8 stepping, Han
// detection, traditional-to-simplified conversion and Latin folding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ngodesk/result.h"

namespace ngodesk::resolver {

// Decodes the code point at `*pos` and advances `*pos` past it. Returns -1
// (and advances one byte) for an invalid sequence. Inline because every
// parser step calls it.
inline int32_t NextCodePoint(std::string_view text, std::size_t* pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const std::size_t i = *pos;
  const unsigned char lead = byte(i);
  if (lead < 0x80) {
    *pos = i + 1;
    return lead;
  }
  int length = 0;
  int32_t c = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    c = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    c = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    c = lead & 0x07;
  } else {
    *pos = i + 1;
    return -1;
  }
  if (i + static_cast<std::size_t>(length) > text.size()) {
    *pos = i + 1;
    return -1;
  }
  for (int k = 1; k < length; ++k) {
    const unsigned char next = byte(i + static_cast<std::size_t>(k));
    if ((next & 0xC0) != 0x80) {
      *pos = i + 1;
      return -1;
    }
    c = (c << 6) | (next & 0x3F);
  }
  // Overlong forms, surrogates and values above U+10FFFF are invalid.
  const bool overlong = (length == 3 && c < 0x800) || (length == 4 && c < 0x10000);
  if (overlong || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
    *pos = i + 1;
    return -1;
  }
  *pos = i + static_cast<std::size_t>(length);
  return c;
}

inline bool IsHan(int32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x3134F) ||
         (c >= 0xF900 && c <= 0xFAFF);
}

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
