#include "resolver/query_text.h"

#include <cctype>
#include <cstdio>
#include <memory>
#include <mutex>
#include <vector>

#include <opencc/Lexicon.hpp>
#include <opencc/MarisaDict.hpp>
#include <opencc/SimpleConverter.hpp>

namespace ngodesk::resolver {
namespace {

constexpr int32_t kMaxTableCodePoint = 0x32000;

// The OpenCC data directory of the Debian package opencc-data.
constexpr const char* kOpenccDataDir = "/usr/share/opencc/";

// Code points that OpenCC maps to another character, one bit each.
class TraditionalTable {
 public:
  static const TraditionalTable& Instance() {
    static const TraditionalTable table;
    return table;
  }

  bool Contains(int32_t c) const {
    return c >= 0 && c < kMaxTableCodePoint && bits_[static_cast<std::size_t>(c)];
  }

 private:
  TraditionalTable() : bits_(kMaxTableCodePoint, false) {
    // Only the traditional-to-simplified table: the Hong Kong and Taiwan
    // variant tables also map characters that are standard simplified
    // forms (台, 峰), and t2s covers the variants met in place names.
    Load("TSCharacters.ocd2");
  }

  void Load(const char* name) {
    const std::string path = std::string(kOpenccDataDir) + name;
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) return;  // NOTE: without opencc-data, traditional input is not converted.
    try {
      const opencc::MarisaDictPtr dict = opencc::MarisaDict::NewFromFile(file);
      for (const auto& entry : *dict->GetLexicon()) MarkEntry(*entry);
    } catch (const std::exception&) {
      // A damaged dictionary leaves the table as loaded so far.
    }
    std::fclose(file);
  }

  void MarkEntry(const opencc::DictEntry& entry) {
    const std::string key = entry.Key();
    std::size_t pos = 0;
    const int32_t c = NextCodePoint(key, &pos);
    if (pos != key.size() || c < 0 || c >= kMaxTableCodePoint) return;  // phrases are not marked
    const std::vector<std::string> values = entry.Values();
    if (!values.empty() && values.front() != key) bits_[static_cast<std::size_t>(c)] = true;
  }

  std::vector<bool> bits_;
};

// OpenCC converters, created on the first traditional query because each
// takes about 2 ms to load.
class Converters {
 public:
  static const Converters& Instance() {
    static const Converters converters;
    return converters;
  }

  std::string Convert(std::string_view text) const {
    std::string out(text);
    for (const auto& converter : chain_) out = converter->Convert(out);
    return out;
  }

 private:
  Converters() {
    for (const char* config : {"tw2sp.json", "hk2s.json", "t2s.json"}) {
      try {
        chain_.push_back(std::make_unique<opencc::SimpleConverter>(std::string(kOpenccDataDir) + config));
      } catch (const std::exception&) {
        // A missing configuration skips that step of the chain.
      }
    }
  }

  std::vector<std::unique_ptr<opencc::SimpleConverter>> chain_;
};

}  // namespace

bool IsSeparator(int32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || (c > ' ' && !std::isalnum(c));
  switch (c) {
    case 0x3000:  // ideographic space
    case 0x3001:  // 、
    case 0x3002:  // 。
    case 0xFF0C:  // ，
    case 0xFF1A:  // ：
    case 0xFF1B:  // ；
    case 0xFF08:  // （
    case 0xFF09:  // ）
    case 0x3010:  // 【
    case 0x3011:  // 】
    case 0x300A:  // 《
    case 0x300B:  // 》
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x00B7:  // ·
    case 0x2014:  // —
    case 0xFF0D:  // －
    case 0x00A0:  // no-break space
      return true;
    default:
      return false;
  }
}

char FoldLatinLetter(int32_t c) {
  if (c >= 'a' && c <= 'z') return static_cast<char>(c);
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  if (c < 0xC0 || (c > 0x1FF && c < 0xFF21) || c > 0xFF5A) return 0;
  if (c >= 0xFF21 && c <= 0xFF3A) return static_cast<char>(c - 0xFF21 + 'a');  // fullwidth A-Z
  if (c >= 0xFF41 && c <= 0xFF5A) return static_cast<char>(c - 0xFF41 + 'a');  // fullwidth a-z
  // Pinyin vowels with tone marks and ü, upper and lower case.
  static constexpr struct {
    int32_t code_point;
    char letter;
  } kToned[] = {
      {0x0101, 'a'}, {0x00E1, 'a'}, {0x01CE, 'a'}, {0x00E0, 'a'}, {0x0100, 'a'}, {0x00C1, 'a'}, {0x01CD, 'a'},
      {0x00C0, 'a'}, {0x0113, 'e'}, {0x00E9, 'e'}, {0x011B, 'e'}, {0x00E8, 'e'}, {0x0112, 'e'}, {0x00C9, 'e'},
      {0x011A, 'e'}, {0x00C8, 'e'}, {0x00EA, 'e'}, {0x012B, 'i'}, {0x00ED, 'i'}, {0x01D0, 'i'}, {0x00EC, 'i'},
      {0x012A, 'i'}, {0x00CD, 'i'}, {0x01CF, 'i'}, {0x00CC, 'i'}, {0x014D, 'o'}, {0x00F3, 'o'}, {0x01D2, 'o'},
      {0x00F2, 'o'}, {0x014C, 'o'}, {0x00D3, 'o'}, {0x01D1, 'o'}, {0x00D2, 'o'}, {0x016B, 'u'}, {0x00FA, 'u'},
      {0x01D4, 'u'}, {0x00F9, 'u'}, {0x016A, 'u'}, {0x00DA, 'u'}, {0x01D3, 'u'}, {0x00D9, 'u'}, {0x00FC, 'u'},
      {0x01D6, 'u'}, {0x01D8, 'u'}, {0x01DA, 'u'}, {0x01DC, 'u'}, {0x00DC, 'u'}, {0x01D5, 'u'}, {0x01D7, 'u'},
      {0x01D9, 'u'}, {0x01DB, 'u'}, {0x0144, 'n'}, {0x0148, 'n'}, {0x01F9, 'n'},
  };
  for (const auto& entry : kToned) {
    if (entry.code_point == c) return entry.letter;
  }
  return 0;
}

bool HasTraditional(std::string_view text) {
  const TraditionalTable& table = TraditionalTable::Instance();
  std::size_t pos = 0;
  while (pos < text.size()) {
    const int32_t c = NextCodePoint(text, &pos);
    if (c >= 0x3400 && table.Contains(c)) return true;
  }
  return false;
}

TextTraits ScanText(std::string_view text) {
  const TraditionalTable& table = TraditionalTable::Instance();
  TextTraits traits;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      traits.has_ascii_letter = traits.has_ascii_letter || std::isalpha(byte) != 0;
      ++pos;
      continue;
    }
    const int32_t c = NextCodePoint(text, &pos);
    traits.has_han = traits.has_han || IsHan(c);
    traits.has_traditional = traits.has_traditional || (c >= 0x3400 && table.Contains(c));
  }
  return traits;
}

std::string ToSimplified(std::string_view text) {
  try {
    return Converters::Instance().Convert(text);
  } catch (const std::exception&) {
    return std::string(text);
  }
}

void PreloadTraditionalTable() { TraditionalTable::Instance(); }

}  // namespace ngodesk::resolver
